import { parseCommandArgs, sessionFor } from "../args";
import { type Command, UsageError } from "../command";
import type { FlowSession } from "../engine/flow-session";
import { HerokuApi } from "../platform/heroku-api";
import { rollbackTarget } from "../platform/rollback-target";

/** How many of the newest releases rollback looks through for the previous good one. */
const RELEASES_READ = 20;

/** `heroku-flow rollback`. */
export const rollback: Command = {
  name: "rollback",
  summary: "roll a stack's Heroku app back to its previous release",
  help: `usage: heroku-flow rollback STACK

Rolls the stack's Heroku app back to the release before its current one (code and config of that release, as
\`heroku releases:rollback\` does). Infrastructure is not rolled back: revert its merge request instead.

Exit codes: 0 rolled back, 1 refused (no earlier successful release) or an error, 2 usage.`,
  async run(args, context) {
    const { positionals } = parseCommandArgs("rollback", args, {}, true);
    if (positionals.length !== 1) throw new UsageError("rollback: name exactly one stack, e.g. rollback production");
    return rollbackCommand(sessionFor(context), positionals[0]);
  },
};

/**
 * `heroku-flow rollback <stack>`: rolls the stack's Heroku app back to the release before its current one, through Heroku's
 * releases API (code and config of that release, as `heroku releases:rollback` does). Refuses when there is no
 * earlier successful release. Infrastructure is not rolled back here: revert the merge request instead.
 */
export async function rollbackCommand(session: FlowSession, stack: string): Promise<number> {
  await session.engine.synth();
  const app = session.herokuAppName(stack, "rollback"); // refuses a stack the app does not have, naming those it has
  const heroku = HerokuApi.fromEnv(session.env);
  const target = rollbackTarget(app, await heroku.latestReleases(app, RELEASES_READ));
  if (!target.ok) {
    session.print(`Refused: ${target.reason}.`);
    return 1;
  }
  const { current, previous } = target;
  const created = await heroku.rollback(app, previous);
  session.print(
    `Rolled ${app} (stack ${stack}) back from v${current.version} to v${previous.version} ` +
      `("${previous.description}"): new release v${created.version} "${created.description}".`,
  );
  return 0;
}
