/**
 * An error the Heroku Platform API would answer, rendered as `{"id": ..., "message": ...}` — the shape heroku-go decodes
 * into `heroku.Error`, whose `message` becomes the Terraform error text.
 */
export class HerokuError extends Error {
  public constructor(
    public readonly status: number,
    public readonly id: string,
    message: string,
  ) {
    super(message);
    if (status === 429) {
      // heroku-go retries a 429 forever with a 30 s initial backoff, so the sandbox must never answer one.
      throw new Error("the sandbox never answers 429");
    }
  }

  /** The JSON body of the error response. */
  public toJSON(): { id: string; message: string } {
    return { id: this.id, message: this.message };
  }
}

/** 404 `not_found` for a kind of object, worded like Heroku ("Couldn't find that app."). */
export function notFound(kind: string): HerokuError {
  return new HerokuError(404, "not_found", `Couldn't find that ${kind}.`);
}

/** 422 `invalid_params`, Heroku's answer to a request that names valid objects with invalid values. */
export function invalidParams(message: string): HerokuError {
  return new HerokuError(422, "invalid_params", message);
}

/** 400 `bad_request`, for bodies that are not the JSON object an endpoint expects. */
export function badRequest(message: string): HerokuError {
  return new HerokuError(400, "bad_request", message);
}
