import { parseCommandArgs, reviewEnv, sessionFor } from "../args";
import { type Command, UsageError } from "../command";
import type { FlowSession } from "../engine/flow-session";
import { promoteRunningRelease, PromotionRefusedError } from "../engine/promotion";
import { releaseCommit } from "../engine/release-commit";
import { requireHerokuPlatform } from "../engine/platform-support";
import { DokkuReleases } from "../platform/dokku-releases";
import { dokkuSshSettings } from "../platform/dokku-ssh";
import { HerokuApi } from "../platform/heroku-api";
import { HerokuPromotions } from "../platform/heroku-promotions";
import { promotedText } from "./promote";

/** `heroku-flow release`. */
export const release: Command = {
  name: "release",
  summary: "release the checked-out code to a stack's Heroku app (or promote what another stack runs)",
  help: `usage: heroku-flow release STACK [--promote-from FROM]
       heroku-flow release --review ID

Releases the checked-out code to the stack's Heroku app, as a deploy job does after \`heroku-flow apply\`. Where the code
comes from is HEROKU_FLOW_CODE_PUSH: git (default; git push of HEAD to HEROKU_GIT_URL, default https://git.heroku.com),
container (for apps on Heroku's container stack: the Docker image HEROKU_FLOW_IMAGE, pushed to HEROKU_REGISTRY, default
registry.heroku.com, once per process type and released, as heroku container:push and container:release do) or sandbox
(the local sandbox's simulated push, declaring the topology's process types and the commit, CI_COMMIT_SHA).

  --promote-from FROM  when FROM's app runs the commit being released (CI_COMMIT_SHA, else HEAD), promote that release
                       instead of building again (heroku-flow promote FROM STACK); otherwise build, saying why

Exit codes: 0 released (built or promoted), 1 an error (a failed promotion is not followed by a build), 2 usage.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      "release",
      args,
      { review: { type: "string" }, "promote-from": { type: "string" } },
      true,
    );
    const env = reviewEnv("release", context, values.review, positionals);
    if (positionals.length > 1) throw new UsageError("release: name one stack");
    const from = values["promote-from"];
    if (from !== undefined && values.review !== undefined) {
      throw new UsageError("release: --promote-from is for a stack, not a review app (--review)");
    }
    if (from !== undefined && from === positionals[0]) {
      throw new UsageError(`release: --promote-from ${from} is the stack being released; name another stack`);
    }
    return releaseCommand(sessionFor(context, { env }), positionals[0], from);
  },
};

/**
 * `heroku-flow release <stack>`: releases the checked-out code to the stack's Heroku app (`git push` to Heroku, or the
 * job's Docker image; against the sandbox, its push route), as a deploy job does after `heroku-flow apply`. With
 * `promoteFrom`, the release `promoteFrom`'s app runs is promoted instead when it is the commit being released (build
 * once, release many); a promotion Heroku refuses to attempt falls back to the build, one that fails does not.
 */
export async function releaseCommand(session: FlowSession, named?: string, promoteFrom?: string): Promise<number> {
  await session.engine.synth();
  const stack = named ?? session.reviewStacks(session.env.HEROKU_FLOW_REVIEW_ID!)[0];
  if (session.manifest.platform === "dokku") return releaseOnDokku(session, stack, promoteFrom);
  // Both names at once, before anything is asked of git or Heroku; herokuAppName refuses a lone unknown stack.
  if (promoteFrom !== undefined) session.checkStacks([stack, promoteFrom]);
  const app = session.appOf(stack).name;
  let notPromoted = "";
  if (promoteFrom !== undefined) {
    const commit = releaseCommit(session.dir, session.env);
    try {
      const outcome = await promoteRunningRelease(
        HerokuPromotions.fromEnv(session.env),
        session.appOf(promoteFrom).name,
        app,
        commit,
      );
      session.print(promotedText(outcome));
      return 0;
    } catch (error) {
      if (!(error instanceof PromotionRefusedError)) throw error;
      notPromoted = ` (built, not promoted: ${error.message})`;
    }
  }
  const commit = session.env.CI_COMMIT_SHA || undefined;
  await HerokuApi.fromEnv(session.env).pushCode(app, session.manifest.processTypes, commit);
  session.print(`Released the code to ${app} (stack ${stack})${notPromoted}.`);
  return 0;
}

/**
 * `heroku-flow release <stack>` of a Dokku topology: the code pushed to the stack's app on the Dokku server, then its
 * processes scaled to the topology's (see {@link DokkuReleases}). Dokku has no pipeline to promote along.
 */
async function releaseOnDokku(session: FlowSession, stack: string, promoteFrom: string | undefined): Promise<number> {
  if (promoteFrom !== undefined) requireHerokuPlatform(session.manifest, "promote");
  const app = session.appOf(stack); // refuses a stack the app does not have, naming those it has
  const commit = session.env.CI_COMMIT_SHA || undefined;
  await new DokkuReleases(dokkuSshSettings(session.env), session.env).release(
    app,
    session.manifest.processTypes,
    commit,
  );
  const scale = Object.entries(app.scale ?? {}).map(([type, quantity]) => `${type}=${quantity}`);
  session.print(
    `Released the code to ${app.name} (stack ${stack}) on Dokku${scale.length > 0 ? `, scaled to ${scale.join(" ")}` : ""}.`,
  );
  return 0;
}
