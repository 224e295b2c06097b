import * as fs from "node:fs";
import { parseCommandArgs, reviewEnv, SESSION_HELP, SESSION_OPTIONS, parallelismOf, sessionFor } from "../args";
import type { Command } from "../command";
import { deployWithBootstrap } from "../engine/deploy-sequence";
import type { FlowSession } from "../engine/flow-session";
import { adoptGitlabEnvironments } from "../platform/gitlab-environments";
import { HerokuApi } from "../platform/heroku-api";

/** Options of `flow apply`. */
export interface ApplyCommandOptions {
  readonly stacks: readonly string[];
  /**
   * Write `APP_URL=<the app's URL>` (of the last stack with a `web_url` output) to this file: a GitLab dotenv
   * report, which the job's `environment:url` and the plan note read.
   */
  readonly dotenv?: string;
}

/** `heroku-flow apply`. */
export const apply: Command = {
  name: "apply",
  summary: "plan and apply stacks, dependencies first (bootstrap and first code push for apps without code)",
  help: `usage: heroku-flow apply STACK... [--dotenv FILE]
       heroku-flow apply --review ID [--dotenv FILE]

Synthesizes, takes over GitLab environments CI created for the job, then plans every stack at once and applies those
with changes, dependencies first. An app without code yet gets its infrastructure without formation, its first code
push (HEROKU_FLOW_CODE_PUSH), then its formation.

  --review ID          the review app stack of merge request ID (synthesized with HEROKU_FLOW_REVIEW_ID=ID)
  --dotenv FILE        write APP_URL=<the app's URL> (GitLab's dotenv report, for environment:url and the note)
${SESSION_HELP}

Reads HEROKU_API_KEY, HEROKU_API_URL, GITLAB_TOKEN, GITLAB_BASE_URL, TF_VAR_<deploy key> (see heroku-flow --help).
Exit codes: 0 applied or nothing to change, 1 an error (what failed is printed), 2 usage.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      "apply",
      args,
      { ...SESSION_OPTIONS, review: { type: "string" }, dotenv: { type: "string" } },
      true,
    );
    const env = reviewEnv("apply", context, values.review, positionals);
    return applyCommand(sessionFor(context, { parallelism: parallelismOf("apply", values.parallelism!), env }), {
      stacks: positionals,
      dotenv: values.dotenv,
    });
  },
};

/**
 * `heroku-flow apply <stacks>`: synthesizes once, takes over GitLab environments GitLab CI created for the job, then the
 * project's one deploy sequence (plan every stack at once, apply the changed ones dependencies first; an app without
 * code gets its infrastructure without formation, its first code push, then its formation).
 */
export async function applyCommand(session: FlowSession, options: ApplyCommandOptions): Promise<number> {
  const { engine } = session;
  await engine.synth();
  const review = session.env.HEROKU_FLOW_REVIEW_ID;
  const named = options.stacks.length > 0 ? options.stacks : session.reviewStacks(review!);
  const stacks = engine.inDependencyOrder(named); // refuses a stack the app does not have, naming those it has
  session.requireVariables(stacks);
  for (const stack of stacks) await adoptGitlabEnvironments(session, stack);

  const outcome = await deployWithBootstrap(engine, () => HerokuApi.fromEnv(session.env), stacks, {
    synthesized: true,
    onStep: (step) => session.print(`  ${step}`),
  });
  const changed = [...new Set(outcome.changedStacks)];
  session.print(changed.length > 0 ? `Applied ${changed.join(", ")}.` : `No changes: ${stacks.join(", ")} up to date.`);

  if (options.dotenv) {
    const urls = await Promise.all(stacks.map((stack) => webUrl(session, stack)));
    const url = urls.filter((candidate) => candidate !== undefined).pop();
    if (url) fs.writeFileSync(options.dotenv, `APP_URL=${url}\n`);
  }
  return 0;
}

/** The stack's `web_url` output from its state, if it has one. */
async function webUrl(session: FlowSession, stack: string): Promise<string | undefined> {
  const outputs = await session.engine.terraform(stack, ["output", "-json"]);
  const value = (JSON.parse(outputs.stdout) as Record<string, { value: unknown }>).web_url?.value;
  return typeof value === "string" ? value : undefined;
}
