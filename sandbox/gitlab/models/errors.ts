import type { LockInfo } from "./records";

/**
 * What the GitLab model refuses, as types. The model knows nothing of HTTP: `routes/exceptions.ts` gives each type
 * its status and GitLab's body.
 */
export abstract class GitlabModelError extends Error {}

/** A project, variable, environment… that does not exist ("404 Project Not Found"). */
export class NotFoundError extends GitlabModelError {
  public constructor(public readonly what: string) {
    super(`${what} Not Found`);
  }
}

/** Model validation failures, field by field (`{"value": ["is invalid"]}`), which the GitLab provider inspects. */
export class ValidationError extends GitlabModelError {
  public constructor(public readonly fields: Record<string, string[]>) {
    super(JSON.stringify(fields));
  }
}

/** The request is ambiguous or collides with something that exists. */
export class ConflictError extends GitlabModelError {}

/** The object is in a state that forbids the operation (a running environment cannot be deleted). */
export class ForbiddenError extends GitlabModelError {}

/** A parameter GitLab's API layer refuses before the model sees it. */
export class BadRequestError extends GitlabModelError {}

/** A Terraform state upload that is not a state document. */
export class UnprocessableError extends GitlabModelError {}

/** Someone else holds the state's lock; Terraform prints the holder's info. */
export class LockHeldError extends GitlabModelError {
  public constructor(public readonly lock: LockInfo) {
    super(`state locked by ${lock.ID}`);
  }
}

/**
 * A record looked up with ActiveRecord's `find`/`find_by!` (merge requests, issues, notes) that does not exist: GitLab
 * rescues `RecordNotFound` as "404 Not found", worded unlike its own {@link NotFoundError}.
 */
export class RecordNotFoundError extends GitlabModelError {}

/** The operation does not apply to the record's state (merging a merge request that is not open). */
export class NotAllowedError extends GitlabModelError {}

/** Merge request branch rules (`validate_branches`), which GitLab answers as a conflict with a list of messages. */
export class BranchConflictError extends GitlabModelError {
  public constructor(public readonly messages: string[]) {
    super(messages.join("; "));
  }
}

/** A note the Note model refuses (blank, too long); the notes API words it unlike other validation errors. */
export class InvalidNoteError extends GitlabModelError {
  public constructor(public readonly fields: Record<string, string[]>) {
    super(JSON.stringify(fields));
  }
}

/**
 * A record GitLab's API fails to save and words as "Failed to save <what>" followed by the model's errors as Ruby
 * prints a hash (`POST /groups`).
 */
export class SaveFailedError extends GitlabModelError {
  public constructor(
    public readonly what: string,
    public readonly fields: Record<string, string[]>,
  ) {
    super(`Failed to save ${what}`);
  }
}

/** A second one of what a project may have only one of (a push rule), which GitLab answers 422 with a bare message. */
export class AlreadyExistsError extends GitlabModelError {}
