import * as fs from "node:fs";
import * as path from "node:path";
import { failedStack, renderConsole, type StackSummary, summarizeStack, terraformReport } from "../../review";
import type { PlanJson } from "../../review";
import { runPool } from "../pool";
import type { FlowSession } from "../flow-session";

/** The file {@link planCommand} writes the stacks' summaries to (no secret values), for `flow note`. */
export const SUMMARY_FILE = "summary.json";

/** The GitLab Terraform report of `stack` (`artifacts:reports:terraform`), beside the summary. */
export function reportFile(stack: string): string {
  return `${stack}.tfreport.json`;
}

/** Options of `flow plan`. */
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
  await engine.synth();
  const stacks = options.stacks.length > 0 ? [...options.stacks] : engine.stacks();
  session.checkStacks(stacks);
  session.print(`Planning ${stacks.join(", ")}${options.lock ? "" : " (read-only: -lock=false)"}`);

  const summaries: StackSummary[] = await runPool(stacks, session.parallelism, async (stack) => {
    const missing = session.missingVariables(stack);
    if (missing.length > 0) {
      return failedStack(
        stack,
        `not planned: ${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} not set in this job ` +
          "(a protected CI/CD variable reaches pipelines of protected branches and tags only)",
      );
    }
    try {
      await engine.init(stack);
      const plan = await engine.plan(stack, { lock: options.lock });
      const json = (await engine.show(plan)) as PlanJson;
      return summarizeStack({ stack, plan: json, config: session.config(stack) });
    } catch (error) {
      return failedStack(stack, session.redact((error as Error).message));
    }
  });

  fs.mkdirSync(options.outDir, { recursive: true });
  for (const summary of summaries) {
    fs.writeFileSync(path.join(options.outDir, reportFile(summary.stack)), JSON.stringify(terraformReport(summary)));
  }
  const secrets = summaries.flatMap((summary) => summary.secrets);
  const shareable = summaries.map(({ secrets: _secrets, ...rest }) => rest);
  fs.writeFileSync(path.join(options.outDir, SUMMARY_FILE), `${JSON.stringify(shareable, null, 2)}\n`);
  const text = session.redact(renderConsole(summaries), secrets);
  fs.writeFileSync(path.join(options.outDir, "summary.txt"), text);
  session.print(`\n${text}`);
  return summaries.some((summary) => summary.status === "failed") ? 1 : 0;
}
