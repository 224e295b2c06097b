import type { FlowSession } from "../flow-session";
import { HerokuApi } from "../heroku-api";

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
  const releases = (await heroku.latestReleases(app, RELEASES_READ)).filter((r) => r.status === "succeeded");
  const [current, previous] = releases;
  if (!current || !previous) {
    session.print(
      `Refused: ${app} has ${current ? `only v${current.version}` : "no release"}; there is no earlier release to go back to.`,
    );
    return 1;
  }
  const created = await heroku.rollback(app, previous);
  session.print(
    `Rolled ${app} (stack ${stack}) back from v${current.version} to v${previous.version} ` +
      `("${previous.description}"): new release v${created.version} "${created.description}".`,
  );
  return 0;
}
