/**
 * How a job runs the command: the bin `npm ci` linked from the project's own dependency, run by the image's `node`.
 * Not `npx heroku-flow`: where the bin is missing npx would fetch an unrelated package of that name from the registry,
 * and in a repository whose own package.json declares the bin (this package's) npx installs the whole package into its
 * cache first, twenty seconds a job.
 */
export const HEROKU_FLOW_BIN = "node_modules/.bin/heroku-flow";
