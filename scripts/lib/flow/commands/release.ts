import type { FlowSession } from "../flow-session";
import { HerokuApi } from "../heroku-api";

/**
 * `flow release <stack>`: releases the checked-out code to the stack's Heroku app (`git push` to Heroku; against the
 * sandbox, its push route), as a deploy job does after `flow apply`.
 */
export async function releaseCommand(session: FlowSession, stack: string): Promise<number> {
  await session.engine.synth();
  session.checkStacks([stack]);
  const app = session.herokuAppName(stack);
  await HerokuApi.fromEnv(session.env).pushCode(app);
  session.print(`Released the code to ${app} (stack ${stack}).`);
  return 0;
}
