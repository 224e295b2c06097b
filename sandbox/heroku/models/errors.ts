/**
 * What the Heroku model refuses, as types. The model knows nothing of HTTP: `routes/exceptions.ts` gives each type
 * its status and Heroku error id.
 */
export abstract class HerokuModelError extends Error {}

/** An object the request names does not exist ("Couldn't find that app."). */
export class NotFoundError extends HerokuModelError {
  public static of(kind: string): NotFoundError {
    return new NotFoundError(`Couldn't find that ${kind}.`);
  }
}

/** Valid objects, invalid values: a taken name, a rule of the platform broken. */
export class InvalidParamsError extends HerokuModelError {}

/** An add-on service or plan the marketplace does not have (Heroku answers it as unprocessable, id `not_found`). */
export class UnknownPlanError extends HerokuModelError {}

/** An identifier that matches more than one object (an add-on named by a service the app has twice). */
export class AmbiguousError extends HerokuModelError {}
