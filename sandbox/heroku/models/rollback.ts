import type { StoreData } from "../../store";
import type { AppRecord, ReleaseRecord } from "./records";
import { createRelease, findRelease } from "./releases";

/**
 * Rolls an app back to one of its releases (`heroku releases:rollback`): a new release, `Rollback to v<N>`, running
 * that release's slug. History is never rewritten, so rolling back to the current release is allowed and simply
 * releases it again. The sandbox keeps no config snapshot per release, so config vars stay as they are.
 *
 * @param target - the release's id or version number.
 */
export function rollback(data: StoreData, app: AppRecord, target: string): ReleaseRecord {
  const source = findRelease(data, app, target);
  const release = createRelease(data, app, `Rollback to v${source.version}`, source.slugId);
  // `createRelease` carries the previous slug over when given none; a rollback runs exactly the target's, even none.
  release.slugId = source.slugId;
  return release;
}
