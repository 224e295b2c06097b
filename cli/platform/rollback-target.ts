import type { HerokuRelease } from "./heroku-api";

/** What a rollback would do: from the current release back to the one before it, or why it cannot. */
export type RollbackTarget =
  | { readonly ok: true; readonly current: HerokuRelease; readonly previous: HerokuRelease }
  | { readonly ok: false; readonly reason: string };

/**
 * Chooses the release to roll back to among an app's releases (any order): the newest successful release is the
 * current one, and the newest successful release before it the target. Failed or pending releases are never a target
 * (Heroku did not run them).
 */
export function rollbackTarget(app: string, releases: readonly HerokuRelease[]): RollbackTarget {
  const succeeded = releases.filter((release) => release.status === "succeeded").sort((a, b) => b.version - a.version);
  const [current, previous] = succeeded;
  if (!current) return { ok: false, reason: `${app} has no successful release; there is nothing to roll back` };
  if (!previous) {
    return { ok: false, reason: `${app} has only v${current.version}; there is no earlier release to go back to` };
  }
  return { ok: true, current, previous };
}
