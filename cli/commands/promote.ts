import { parseCommandArgs, sessionFor } from "../args";
import { type Command, UsageError } from "../command";
import type { FlowSession } from "../engine/flow-session";
import { promoteRunningRelease, type PromotionOutcome } from "../engine/promotion";
import { releaseCommit } from "../engine/release-commit";
import { HerokuPromotions } from "../platform/heroku-promotions";

/** `heroku-flow promote`. */
export const promote: Command = {
  name: "promote",
  summary: "promote the release one stack's app runs to another's (Heroku pipeline promotion)",
  help: `usage: heroku-flow promote FROM TO [--commit SHA]

Promotes the release FROM's Heroku app runs to TO's app through Heroku's pipeline promotions: the slug built once is
released again, config vars stay each app's own. Waits for the promotion and reports it. Refuses, changing nothing,
when the two apps are not in one pipeline or when FROM's app does not run the commit being released.

  --commit SHA         the commit being released (default CI_COMMIT_SHA, else the checked-out HEAD)

Exit codes: 0 promoted, 1 refused or failed (the reason is printed), 2 usage.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs("promote", args, { commit: { type: "string" } }, true);
    if (positionals.length !== 2)
      throw new UsageError("promote: name the two stacks, FROM and TO (e.g. promote staging production)");
    const [from, to] = positionals;
    if (from === to) throw new UsageError(`promote: FROM and TO are both ${from}; name two stacks`);
    return promoteCommand(sessionFor(context), from, to, values.commit);
  },
};

/** `heroku-flow promote FROM TO`: Heroku's pipeline promotion of what FROM's app runs to TO's app. */
export async function promoteCommand(session: FlowSession, from: string, to: string, commit?: string): Promise<number> {
  const released = releaseCommit(session.dir, session.env, commit);
  await session.engine.synth();
  session.checkStacks([from, to]);
  const outcome = await promoteRunningRelease(
    HerokuPromotions.fromEnv(session.env),
    session.herokuAppName(from, "promote"),
    session.herokuAppName(to, "promote"),
    released,
  );
  session.print(promotedText(outcome));
  return 0;
}

/** `Promoted songlist-staging v12 (d4d4d4d4) to songlist: now v5.` */
export function promotedText(outcome: PromotionOutcome): string {
  return (
    `Promoted ${outcome.from} v${outcome.sourceVersion} (${outcome.commit.slice(0, 8)}) to ${outcome.to}: ` +
    `now v${outcome.target.releaseVersion}.`
  );
}
