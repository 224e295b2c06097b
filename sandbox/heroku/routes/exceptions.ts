import type { FastifyError } from "fastify";
import { fieldOf, invalidMessageOf } from "../../api-plugin";
import { AmbiguousError, HerokuModelError, NotFoundError, UnknownPlanError } from "../models/errors";

/**
 * An error as the Heroku Platform API answers it: a status and `{"id": ..., "message": ...}`, the shape heroku-go
 * decodes into `heroku.Error`, whose `message` becomes the Terraform error text.
 */
export class HerokuError extends Error {
  public constructor(
    public readonly status: number,
    public readonly id: string,
    message: string,
  ) {
    super(message);
    // heroku-go retries a 429 forever with a 30 s initial backoff, so the sandbox must never answer one.
    if (status === 429) throw new Error("the sandbox never answers 429");
  }

  public toJSON(): { id: string; message: string } {
    return { id: this.id, message: this.message };
  }
}

/** 400 `bad_request`: a body that is not the JSON an endpoint expects. */
export function badRequest(message: string): HerokuError {
  return new HerokuError(400, "bad_request", message);
}

/** How each model error goes over the wire. */
function fromModel(error: HerokuModelError): HerokuError {
  if (error instanceof NotFoundError) return new HerokuError(404, "not_found", error.message);
  if (error instanceof UnknownPlanError) return new HerokuError(422, "not_found", error.message);
  if (error instanceof AmbiguousError) return new HerokuError(422, "multiple_matches", error.message);
  // InvalidParamsError, and any kind without an answer of its own.
  return new HerokuError(422, "invalid_params", error.message);
}

/**
 * A route schema's rejection: a body that is not an object is a 400 `bad_request`; a value that breaks a rule is a
 * 422 `invalid_params` worded by the schema (`{field}` stands for the offending field or key).
 */
function fromValidation(error: FastifyError): HerokuError {
  const first = error.validation?.[0];
  if (!first) return badRequest(error.message);
  if (first.instancePath === "" && first.keyword === "type") return badRequest("Request body must be a JSON object.");
  const propertyName = (first.params as { propertyName?: string }).propertyName;
  const field = propertyName ?? fieldOf(first);
  const message = invalidMessageOf(first) ?? `${field} ${first.message ?? "is invalid"}.`;
  return new HerokuError(422, "invalid_params", message.replace("{field}", field));
}

/** Any failure of a Heroku route as the API would answer it; never 429. */
export function toHerokuError(error: FastifyError | Error): HerokuError {
  if (error instanceof HerokuError) return error;
  if (error instanceof HerokuModelError) return fromModel(error);
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return fromValidation(fastifyError);
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
    return new HerokuError(status, status === 400 ? "bad_request" : "invalid_params", error.message);
  }
  return new HerokuError(500, "internal_server_error", error.message);
}

/** The body of Heroku's answer to a path no route serves. */
export const NOT_FOUND_BODY = {
  id: "not_found",
  message:
    "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?",
};
