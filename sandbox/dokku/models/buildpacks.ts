/**
 * An app's buildpacks (Dokku's `buildpacks` plugin, plugins/buildpacks/*.go at v0.34.9): which references Dokku
 * accepts, how a short one is expanded, and where an added one goes.
 */
import { InvalidError, UsageError } from "./errors";
import type { DokkuAppRecord } from "./records";

/** `owner/name` (Go's `\w` is ASCII): Heroku's short form. */
const SHORT_BUILDPACK = /^([\w-]+\/[\w-]+)$/;

/** A git or HTTP(S) URL with a host and at least two path segments (`validBuildpackURL`'s second pattern). */
const BUILDPACK_URL = /^(http|https|git)(:\/\/|@)([^/:]+)[/:]([^/:]+)\/(.+)(.git(#derp)?)?$/;

/**
 * The buildpack a reference names (`validBuildpackURL`): `heroku/ruby` becomes
 * `https://github.com/heroku/heroku-buildpack-ruby.git` (`heroku-community/` counts as `heroku/`), a URL stays as it is.
 */
export function buildpackUrl(reference: string): string {
  if (reference === "") throw new UsageError("Must specify a buildpack url or reference");
  if (SHORT_BUILDPACK.test(reference)) {
    const [owner, name] = reference.split("/");
    return `https://github.com/${owner === "heroku-community" ? "heroku" : owner}/heroku-buildpack-${name}.git`;
  }
  if (BUILDPACK_URL.test(reference)) return reference;
  throw new InvalidError(`Invalid buildpack specified: ${reference}`);
}

/**
 * `buildpacks:add` (`PropertyListAdd`): appended, or inserted at the 1-based `index` when it is within the list.
 * Nothing stops a buildpack from being listed twice; a negative index matches no position and adds nothing, as in
 * Dokku.
 */
export function addBuildpack(app: DokkuAppRecord, reference: string, index = 0): void {
  const url = buildpackUrl(reference).trim();
  if (index === 0 || index > app.buildpacks.length) app.buildpacks.push(url);
  else if (index > 0) app.buildpacks.splice(index - 1, 0, url);
}

/** `buildpacks:clear`: the next deploy detects its buildpack again. */
export function clearBuildpacks(app: DokkuAppRecord): void {
  app.buildpacks = [];
}
