import * as fs from "node:fs";
import { deployWithBootstrap } from "../../deploy-sequence";
import type { FlowSession } from "../flow-session";
import { adoptGitlabEnvironments } from "../gitlab-environments";
import { HerokuApi } from "../heroku-api";

/** Options of `flow apply`. */
export interface ApplyCommandOptions {
  readonly stacks: readonly string[];
  /**
   * Write `APP_URL=<the app's URL>` (of the last stack with a `web_url` output) to this file: a GitLab dotenv
   * report, which the job's `environment:url` and the plan note read.
   */
  readonly dotenv?: string;
}

/**
 * `flow apply <stacks>`: synthesizes once, takes over GitLab environments GitLab CI created for the job, then the
 * project's one deploy sequence (plan every stack at once, apply the changed ones dependencies first; an app without
 * code gets its infrastructure without formation, its first code push, then its formation).
 */
export async function applyCommand(session: FlowSession, options: ApplyCommandOptions): Promise<number> {
  const { engine } = session;
  if (options.stacks.length === 0) throw new Error("flow apply needs the stacks to apply, e.g. `flow apply staging`");
  await engine.synth();
  session.checkStacks(options.stacks);
  const stacks = engine.inDependencyOrder(options.stacks);
  for (const stack of stacks) await adoptGitlabEnvironments(session, stack);

  const outcome = await deployWithBootstrap(engine, HerokuApi.fromEnv(session.env), stacks, {
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
