import type { FastifyError } from "fastify";
import { fieldOf } from "../../api-plugin";
import {
  AlreadyExistsError,
  BadRequestError,
  BranchConflictError,
  ConflictError,
  ForbiddenError,
  GitlabModelError,
  InvalidNoteError,
  LockHeldError,
  NotAllowedError,
  NotFoundError,
  RecordNotFoundError,
  SaveFailedError,
  UnprocessableError,
  ValidationError,
} from "../models/errors";

/**
 * An error as GitLab's REST API answers it: a status and a JSON body. Model failures come as `{"message": ...}` (a
 * string, or a field → errors map the provider inspects); parameter failures caught by Grape as `{"error": ...}`.
 */
export class GitlabError extends Error {
  public constructor(
    public readonly status: number,
    public readonly body: unknown,
  ) {
    super(JSON.stringify(body));
  }
}

const message = (status: number, body: unknown): GitlabError => new GitlabError(status, { message: body });

/** Grape's wording for a parameter that failed its declaration (`requires :name`, `values:`, `type:`). */
function fromValidation(error: FastifyError): GitlabError {
  const first = error.validation?.[0];
  if (!first) return message(400, `400 Bad request - ${error.message}`);
  const field = fieldOf(first) || "body";
  const problem =
    first.keyword === "required"
      ? "is missing"
      : first.keyword === "enum"
        ? "does not have a valid value"
        : "is invalid";
  return new GitlabError(400, { error: `${field} ${problem}` });
}

/**
 * Field errors as Ruby prints a hash (`{:note=>["can't be blank"]}`): the notes API interpolates `errors.messages`
 * into its message string instead of rendering it as JSON.
 */
function rubyInspect(fields: Record<string, string[]>): string {
  const entries = Object.entries(fields).map(
    ([field, errors]) => `:${field}=>[${errors.map((e) => JSON.stringify(e)).join(", ")}]`,
  );
  return `{${entries.join(", ")}}`;
}

function fromModel(error: GitlabModelError): GitlabError {
  if (error instanceof RecordNotFoundError) return message(404, "404 Not found");
  if (error instanceof NotAllowedError) return message(405, "405 Method Not Allowed");
  if (error instanceof BranchConflictError) return message(409, error.messages);
  if (error instanceof InvalidNoteError) return message(400, `400 Bad request - Note ${rubyInspect(error.fields)}`);
  if (error instanceof AlreadyExistsError) return message(422, error.message);
  if (error instanceof SaveFailedError) return message(400, `${error.message} ${rubyInspect(error.fields)}`);
  if (error instanceof NotFoundError) return message(404, `404 ${error.what ? `${error.what} ` : ""}Not Found`);
  if (error instanceof ValidationError) return message(400, error.fields);
  if (error instanceof ConflictError) return message(409, error.message);
  if (error instanceof ForbiddenError) return message(403, `403 Forbidden - ${error.message}`);
  if (error instanceof UnprocessableError) return message(422, `422 Unprocessable Entity - ${error.message}`);
  // Terraform prints the body of a lock conflict as "Lock Info": the holder's lock info itself.
  if (error instanceof LockHeldError) return new GitlabError(409, error.lock);
  if (error instanceof BadRequestError) return message(400, `400 Bad request - ${error.message}`);
  return message(400, error.message);
}

/** Any failure of a GitLab route as the API would answer it; never 429. */
export function toGitlabError(error: FastifyError | Error): GitlabError {
  if (error instanceof GitlabError) return error;
  if (error instanceof GitlabModelError) return fromModel(error);
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return fromValidation(fastifyError);
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
    return message(status, `${status} ${status === 400 ? "Bad request - " : ""}${error.message}`);
  }
  return message(500, "500 Internal Server Error");
}
