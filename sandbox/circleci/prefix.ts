/**
 * Where the sandbox serves CircleCI's API v2; the plugin is registered under it. What to give the CircleCI provider as
 * `host` / `CIRCLE_HOST` is the sandbox's URL followed by this prefix (the provider appends `/context`, `/project/…`).
 * A file of its own so that the command line reads it without loading the server.
 */
export const CIRCLECI_API_PREFIX = "/circleci/api/v2";
