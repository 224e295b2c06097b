import { parseCommandArgs, reviewEnv, sessionFor } from "../args";
import { type Command, UsageError } from "../command";
import type { FlowSession } from "../engine/flow-session";
import { HerokuApi } from "../platform/heroku-api";

/** `heroku-flow release`. */
export const release: Command = {
  name: "release",
  summary: "release the checked-out code to a stack's Heroku app",
  help: `usage: heroku-flow release STACK
       heroku-flow release --review ID

Releases the checked-out code to the stack's Heroku app, as a deploy job does after \`heroku-flow apply\`. Where the code
comes from is HEROKU_FLOW_CODE_PUSH: git (default; git push of HEAD to HEROKU_GIT_URL, default https://git.heroku.com),
container (for apps on Heroku's container stack: the Docker image HEROKU_FLOW_IMAGE, pushed to HEROKU_REGISTRY, default
registry.heroku.com, once per process type and released, as heroku container:push and container:release do) or sandbox
(the local sandbox's simulated push, declaring the topology's process types).

Exit codes: 0 released, 1 an error, 2 usage.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs("release", args, { review: { type: "string" } }, true);
    const env = reviewEnv("release", context, values.review, positionals);
    if (positionals.length > 1) throw new UsageError("release: name one stack");
    return releaseCommand(sessionFor("release", context, "1", env), positionals[0]);
  },
};

/**
 * `heroku-flow release <stack>`: releases the checked-out code to the stack's Heroku app (`git push` to Heroku, or the
 * job's Docker image; against the sandbox, its push route), as a deploy job does after `heroku-flow apply`.
 */
export async function releaseCommand(session: FlowSession, named?: string): Promise<number> {
  await session.engine.synth();
  const stack = named ?? session.reviewStacks(session.env.HEROKU_FLOW_REVIEW_ID!)[0];
  session.checkStacks([stack]);
  const app = session.herokuAppName(stack);
  await HerokuApi.fromEnv(session.env).pushCode(app, session.manifest.processTypes);
  session.print(`Released the code to ${app} (stack ${stack}).`);
  return 0;
}
