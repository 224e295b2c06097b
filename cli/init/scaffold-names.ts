/**
 * The names `heroku-flow init` derives from the project's name, and the rules they must meet. Validation and rendering
 * both use them, so the flags are checked against exactly the names the scaffold writes.
 */

/** Heroku's rule for app names (Platform API schema): 3–30 characters, starting with a letter, not ending with a dash. */
export const HEROKU_APP_NAME = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

/** The environment that is coupled at the production stage and whose app takes the project's own name. */
export const PRODUCTION_ENVIRONMENT = "production";

/**
 * The longest review app name prefix: the library names review apps `<prefix>-<id>` within Heroku's 30 characters and
 * needs at least 8 of them after `<prefix>-` (a longer id is cut and given a 6-character hash).
 */
const REVIEW_PREFIX_MAX = 21;

const REVIEW_SUFFIX = "-review";

/** The Heroku app of an environment: the project's name for production, `<name>-<environment>` for any other. */
export function environmentAppName(name: string, environment: string): string {
  return environment === PRODUCTION_ENVIRONMENT ? name : `${name}-${environment}`;
}

/** The review apps' name prefix: `<name>-review`, with the name cut so that review ids still fit in 30 characters. */
export function reviewAppNamePrefix(name: string): string {
  const kept = name.slice(0, REVIEW_PREFIX_MAX - REVIEW_SUFFIX.length).replace(/-+$/, "");
  return `${kept}${REVIEW_SUFFIX}`;
}
