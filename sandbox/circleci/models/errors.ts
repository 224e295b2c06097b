/**
 * What the CircleCI model refuses, as types. The model knows nothing of HTTP: `routes/exceptions.ts` gives each type
 * its status and CircleCI's `{"message": ...}` body.
 */
export abstract class CircleciModelError extends Error {}

/** A project, context, variable or restriction that does not exist ("Context not found"). */
export class NotFoundError extends CircleciModelError {
  public constructor(public readonly what: string) {
    super(`${what} not found`);
  }
}

/** A value CircleCI refuses: the message names the field, the value and the rule. */
export class InvalidError extends CircleciModelError {}

/** Something that must be unique exists already (a context name in its owner, a restriction on its context). */
export class ConflictError extends CircleciModelError {}
