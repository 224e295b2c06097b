/**
 * An error GitLab's REST API would answer, rendered as `{"message": ...}`. The message may be a string or a
 * field → errors map (`{"value":["is invalid"]}`), which the GitLab provider inspects.
 */
export class GitlabError extends Error {
  public constructor(
    public readonly status: number,
    public readonly body: unknown,
  ) {
    super(typeof body === "string" ? body : JSON.stringify(body));
  }

  /** The JSON body of the error response. */
  public toJSON(): { message: unknown } {
    return { message: this.body };
  }
}

/** 404 in GitLab's words, e.g. "404 Project Not Found". */
export function gitlabNotFound(what: string): GitlabError {
  return new GitlabError(404, `404 ${what} Not Found`);
}

/** 400 with a field → errors map, the shape of model validation failures. */
export function fieldErrors(errors: Record<string, string[]>): GitlabError {
  return new GitlabError(400, errors);
}
