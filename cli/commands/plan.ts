import * as fs from "node:fs";
import * as path from "node:path";
import { costThresholdFrom, pricesFor } from "../cost/cost-settings";
import { costChangeOf } from "../cost/plan-cost";
import { failedStack, renderConsole, type StackSummary, summarizeStack, terraformReport } from "../review";
import type { PlanJson } from "../review";
import { parseCommandArgs, SESSION_HELP, SESSION_OPTIONS, parallelismOf, sessionFor } from "../args";
import { type Command, UsageError } from "../command";
import { runPool } from "../engine/pool";
import type { FlowSession } from "../engine/flow-session";

/** The file {@link planCommand} writes the stacks' summaries to (no secret values), for `flow note`. */
export const SUMMARY_FILE = "summary.json";

/** The GitLab Terraform report of `stack` (`artifacts:reports:terraform`), beside the summary. */
export function reportFile(stack: string): string {
  return `${stack}.tfreport.json`;
}

/** `heroku-flow plan`. */
export const plan: Command = {
  name: "plan",
  summary: "plan every stack (or those named) at once; the summary, GitLab's reports and the note's input",
  help: `usage: heroku-flow plan [STACK...] [--lock=false] [--out DIR]

Synthesizes once, then plans every stack (or those named) at once and summarizes each from Terraform's JSON: risks,
replacements, deletions, sensitive values masked. A stack that cannot be planned is reported as failed; the others
still are.

  --lock=false         read-only plan (Developers may not lock GitLab-managed state)
  --out DIR            where summary.json, summary.txt and <stack>.tfreport.json go (default flow-plan)
${SESSION_HELP}

Each stack's monthly cost before and after the plan is priced from the shipped list prices, or a team's own file named
by HEROKU_FLOW_PRICES; HEROKU_FLOW_COST_THRESHOLD (USD a month, default 50) is the difference the summary calls out.

Exit codes: 0 every stack planned (changes or not), 1 a stack could not be planned, 2 usage.`,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs(
      "plan",
      args,
      { ...SESSION_OPTIONS, lock: { type: "string", default: "true" }, out: { type: "string", default: "flow-plan" } },
      true,
    );
    if (!["true", "false"].includes(values.lock!)) {
      throw new UsageError(`plan: --lock "${values.lock}" must be true or false`);
    }
    return planCommand(sessionFor(context, { parallelism: parallelismOf("plan", values.parallelism!) }), {
      lock: values.lock === "true",
      outDir: path.resolve(context.dir, values.out!),
      stacks: positionals,
    });
  },
};

/** Options of `heroku-flow plan`. */
export interface PlanCommandOptions {
  /** Take the state lock (false for Developers' merge-request plans: only Maintainers may lock). */
  readonly lock: boolean;
  /** Where the summary, the GitLab reports and the console text are written. */
  readonly outDir: string;
  /** Plan these stacks; none: every stack of the app. */
  readonly stacks: readonly string[];
}

/**
 * `flow plan`: synthesizes once, then plans every stack at once in a bounded pool (init, `plan -out`, `show -json`),
 * and summarizes each from Terraform's JSON. A stack that cannot be planned is reported as failed, the others still
 * are. Writes per stack GitLab's Terraform report, and the summaries for the merge-request note. Exit code: 0 when
 * every stack was planned (changes or not), 1 when one failed.
 */
export async function planCommand(session: FlowSession, options: PlanCommandOptions): Promise<number> {
  const { engine } = session;
  // Settings first: a bad price file or threshold stops the command before Terraform runs.
  const prices = pricesFor(session.dir, session.env);
  const costThresholdUsd = costThresholdFrom(session.env);
  await engine.synth();
  const stacks = options.stacks.length > 0 ? [...options.stacks] : engine.stacks();
  session.checkStacks(stacks);
  session.print(`Planning ${stacks.join(", ")}${options.lock ? "" : " (read-only: -lock=false)"}`);

  // The summaries leave secrets out; the plan files, which hold them, go once read.
  const summaries: StackSummary[] = await engine.discardingPlans(stacks, () =>
    runPool(stacks, session.parallelism, async (stack) => {
      const unset = session.unsetVariables([stack]);
      if (unset) return failedStack(stack, `not planned: ${unset}`);
      try {
        await engine.init(stack);
        const plan = await engine.plan(stack, { lock: options.lock });
        const json = (await engine.show(plan)) as PlanJson;
        const cost = costChangeOf(stack, json, prices);
        return summarizeStack({ stack, plan: json, config: session.config(stack), cost });
      } catch (error) {
        return failedStack(stack, session.redact((error as Error).message));
      }
    }),
  );

  fs.mkdirSync(options.outDir, { recursive: true });
  for (const summary of summaries) {
    fs.writeFileSync(path.join(options.outDir, reportFile(summary.stack)), JSON.stringify(terraformReport(summary)));
  }
  const secrets = summaries.flatMap((summary) => summary.secrets);
  const shareable = summaries.map(({ secrets: _secrets, ...rest }) => rest);
  fs.writeFileSync(path.join(options.outDir, SUMMARY_FILE), `${JSON.stringify(shareable, null, 2)}\n`);
  const text = session.redact(renderConsole(summaries, { costThresholdUsd }), secrets);
  fs.writeFileSync(path.join(options.outDir, "summary.txt"), text);
  session.print(`\n${text}`);
  return summaries.some((summary) => summary.status === "failed") ? 1 : 0;
}
