import type { FlowSession } from "../flow-session";
import { HerokuApi } from "../heroku-api";
import { rollbackTarget } from "../rollback-target";

/** How many of the newest releases rollback looks through for the previous good one. */
const RELEASES_READ = 20;

/**
 * `flow rollback <stack>`: rolls the stack's Heroku app back to the release before its current one, through Heroku's
 * releases API (code and config of that release, as `heroku releases:rollback` does). Refuses when there is no
 * earlier successful release. Infrastructure is not rolled back here: revert the merge request instead.
 */
export async function rollbackCommand(session: FlowSession, stack: string): Promise<number> {
  await session.engine.synth();
  session.checkStacks([stack]);
  const app = session.herokuAppName(stack);
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
