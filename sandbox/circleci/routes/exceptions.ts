import type { FastifyError } from "fastify";
import { fieldOf, invalidMessageOf } from "../../api-plugin";
import { CircleciModelError, ConflictError, NotFoundError } from "../models/errors";

/** An error as CircleCI's API v2 answers it: a status and `{"message": "..."}`. */
export class CircleciError extends Error {
  public constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }

  /** The body CircleCI sends. */
  public toJSON(): { message: string } {
    return { message: this.message };
  }
}

/** A body or parameter the route schema refused, naming the field and the rule (or the API's own wording). */
function fromValidation(error: FastifyError): CircleciError {
  const first = error.validation?.[0];
  if (!first) return new CircleciError(400, error.message);
  const own = invalidMessageOf(first);
  if (own) return new CircleciError(400, own);
  const where = error.validationContext === "body" ? "request body" : (error.validationContext ?? "request");
  const field = fieldOf(first);
  return new CircleciError(400, `Invalid ${where}: ${field ? `${field} ` : ""}${first.message ?? "is invalid"}`);
}

function fromModel(error: CircleciModelError): CircleciError {
  if (error instanceof NotFoundError) return new CircleciError(404, error.message);
  if (error instanceof ConflictError) return new CircleciError(409, error.message);
  // An InvalidError: a value CircleCI refuses.
  return new CircleciError(400, error.message);
}

/** Any failure of a CircleCI route as the API would answer it. */
export function toCircleciError(error: FastifyError | Error): CircleciError {
  if (error instanceof CircleciError) return error;
  if (error instanceof CircleciModelError) return fromModel(error);
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return fromValidation(fastifyError);
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return new CircleciError(status, error.message);
  return new CircleciError(500, "Internal server error.");
}
