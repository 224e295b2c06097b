import type { HerokuPromotions, PromotionTargetResult } from "../platform/heroku-promotions";

/**
 * Why a promotion was not attempted: nothing was changed, and releasing the code by building it (`heroku-flow
 * release`) is the way on. A failed promotion, by contrast, is an {@link Error}.
 */
export class PromotionRefusedError extends Error {}

/** What {@link promoteRunningRelease} did. */
export interface PromotionOutcome {
  readonly from: string;
  readonly to: string;
  /** The version of the source's release promoted, and its commit. */
  readonly sourceVersion: number;
  readonly commit: string;
  readonly target: PromotionTargetResult;
}

/**
 * Promotes the release `fromApp` runs to `toApp` through Heroku's pipeline promotions, when it runs `commit` (the
 * commit being released: a release tag's). Refuses ({@link PromotionRefusedError}, nothing done) when the apps are
 * not in one pipeline or when the source runs anything else; fails when Heroku could not release the slug to the
 * target, with its reason.
 */
export async function promoteRunningRelease(
  promotions: HerokuPromotions,
  fromApp: string,
  toApp: string,
  commit: string,
): Promise<PromotionOutcome> {
  const shared = await promotions.sharedPipeline(fromApp, toApp).catch((error: Error) => {
    throw new PromotionRefusedError(error.message);
  });
  const running = await promotions.runningRelease(fromApp);
  if (running.commit === undefined) {
    throw new PromotionRefusedError(
      `${fromApp} runs v${running.version}, which has no slug with a known commit (a container image, or a release ` +
        `Heroku did not build from git): there is no built commit to promote; release ${toApp} by building it`,
    );
  }
  if (running.commit !== commit) {
    throw new PromotionRefusedError(
      `${fromApp} runs v${running.version} built from ${short(running.commit)}, not ${short(commit)}, the commit ` +
        `being released: deploy ${short(commit)} to ${fromApp} first to promote it, or release ${toApp} by building it`,
    );
  }
  const result = await promotions.promote(shared.pipelineId, shared.from, [shared.to], running.releaseId);
  const target = result.targets[0];
  if (target.status !== "succeeded") {
    throw new Error(
      `the promotion of ${fromApp} v${running.version} to ${toApp} failed: ${target.errorMessage}; ${toApp} still ` +
        "runs its previous release",
    );
  }
  return { from: fromApp, to: toApp, sourceVersion: running.version, commit, target };
}

/** The first 8 characters of a commit, as Heroku's release descriptions show it. */
function short(commit: string): string {
  return commit.slice(0, 8);
}
