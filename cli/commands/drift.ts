import * as crypto from "node:crypto";
import { parseCommandArgs, SESSION_HELP, SESSION_OPTIONS, parallelismOf, sessionFor } from "../args";
import type { Command } from "../command";
import { failedStack, renderConsole, summarizeStack, type PlanJson, type StackSummary } from "../review";
import { CiContext } from "../platform/ci-context";
import type { FlowSession } from "../engine/flow-session";
import { GitlabProjectApi } from "../platform/gitlab-api";
import { runPool } from "../engine/pool";

/** The label of drift issues; one open issue per drifting stack carries it. */
export const DRIFT_LABEL = "heroku-flow-drift";

/** Exit codes of `heroku-flow drift` (2 is every command's usage error, so drift found is 3). */
export const DRIFT_EXIT = { none: 0, error: 1, drift: 3 } as const;

/** `heroku-flow drift`. */
export const drift: Command = {
  name: "drift",
  summary: "check every long-lived stack for changes made outside Terraform",
  help: `usage: heroku-flow drift [--issues]

Plans every long-lived stack refresh-only (read-only, -lock=false) and reports what changed outside Terraform.

  --issues             one GitLab issue per drifting stack: opened, kept up to date, closed when the drift is gone
                       (needs CI_API_V4_URL, CI_PROJECT_ID and FLOW_GITLAB_TOKEN, as in a GitLab job)
${SESSION_HELP}

Exit codes: 0 no drift, 1 a stack could not be checked, 2 usage, 3 drift found.`,
  async run(args, context) {
    const { values } = parseCommandArgs("drift", args, {
      ...SESSION_OPTIONS,
      issues: { type: "boolean", default: false },
    });
    return driftCommand(sessionFor(context, { parallelism: parallelismOf("drift", values.parallelism!) }), {
      issues: values.issues!,
    });
  },
};

/** Options of `flow drift`. */
export interface DriftCommandOptions {
  /** Open, update and close one GitLab issue per drifting stack. */
  readonly issues: boolean;
}

/**
 * `flow drift`: plans every long-lived stack refresh-only (read-only, `-lock=false`) and reads what changed outside
 * Terraform from the plan JSON's `resource_drift`. The exit code comes from that JSON, not from `-detailed-exitcode`
 * (a refresh-only plan can exit 2 with nothing to show): 0 no drift, 2 drift, 1 a stack could not be planned. With
 * `--issues`, each drifting stack has one open issue: opened on new drift, its description refreshed while the same
 * drift persists (an edit: no notification), a note added when the drift itself changes, closed when it is gone.
 */
export async function driftCommand(session: FlowSession, options: DriftCommandOptions): Promise<number> {
  const { engine } = session;
  await engine.synth();
  const stacks = session.manifest.stacks.filter((stack) => stack.kind !== "review").map((stack) => stack.name);
  session.print(`Checking ${stacks.join(", ")} for changes made outside Terraform`);
  const summaries: StackSummary[] = await engine.discardingPlans(stacks, () =>
    runPool(stacks, session.parallelism, async (stack) => {
      const unset = session.unsetVariables([stack]);
      if (unset) return failedStack(stack, `not checked: ${unset}`);
      try {
        await engine.init(stack);
        const plan = await engine.plan(stack, { lock: false, refreshOnly: true });
        return summarizeStack({ stack, plan: (await engine.show(plan)) as PlanJson, config: session.config(stack) });
      } catch (error) {
        return failedStack(stack, session.redact((error as Error).message));
      }
    }),
  );
  session.print(
    session.redact(
      renderConsole(summaries),
      summaries.flatMap((summary) => summary.secrets),
    ),
  );

  if (options.issues) await reconcileIssues(session, summaries);
  if (summaries.some((summary) => summary.status === "failed")) return DRIFT_EXIT.error;
  return summaries.some((summary) => summary.drift.length > 0) ? DRIFT_EXIT.drift : DRIFT_EXIT.none;
}

/** The hidden line that ties an issue to its stack. */
function stackMarker(stack: string): string {
  return `<!-- heroku-flow:drift stack=${stack} -->`;
}

/** What identifies one drift: the objects and attributes that changed (values only where not secret). */
function fingerprint(summary: StackSummary): string {
  const facts = summary.drift.map((change) => [
    change.address,
    change.action,
    change.attributes.map((a) => [a.path, a.sensitive ? "" : (a.before ?? ""), a.sensitive ? "" : (a.after ?? "")]),
  ]);
  return crypto.createHash("sha256").update(JSON.stringify(facts)).digest("hex").slice(0, 16);
}

function description(summary: StackSummary, ci: CiContext, checkedAt: string): string {
  const lines = [
    stackMarker(summary.stack),
    `<!-- heroku-flow:drift-fingerprint=${fingerprint(summary)} -->`,
    `Stack \`${summary.stack}\` was changed outside Terraform. Changed objects:`,
    "",
    ...summary.drift.map((change) => {
      const attributes = change.attributes.map((a) => `\`${a.path}\``).join(", ");
      const where = change.constructPath ? ` (${change.constructPath})` : "";
      return `- \`${change.address}\`${where}: ${change.action}${attributes ? ` — ${attributes}` : ""}`;
    }),
    "",
    `Last checked ${checkedAt}${ci.pipelineUrl ? ` in ${ci.pipelineUrl}` : ""}.`,
    "",
    `Either deploy the stack again to restore what the code declares (\`heroku-flow apply ${summary.stack}\`),`,
    "or change the code to what the platform now holds. This issue closes itself once no drift is found.",
  ];
  return lines.join("\n");
}

async function reconcileIssues(session: FlowSession, summaries: readonly StackSummary[]): Promise<void> {
  const ci = new CiContext(session.env);
  const gitlab = GitlabProjectApi.fromCi(ci);
  const open = await gitlab.openIssues(DRIFT_LABEL);
  const checkedAt = new Date().toISOString();
  for (const summary of summaries) {
    if (summary.status === "failed") continue;
    // GitLab gives null for an issue without a description: never the stack's.
    const issue = open.find((candidate) => candidate.description?.includes(stackMarker(summary.stack)));
    if (summary.drift.length === 0) {
      if (!issue) continue;
      await gitlab.addIssueNote(issue.iid, `No drift found any more (checked ${checkedAt}). Closing.`);
      await gitlab.updateIssue(issue.iid, { state_event: "close" });
      session.print(`  ${summary.stack}: drift gone, closed issue #${issue.iid}`);
      continue;
    }
    const text = description(summary, ci, checkedAt);
    if (!issue) {
      const created = await gitlab.createIssue({
        title: `Drift: stack ${summary.stack} was changed outside Terraform`,
        description: text,
        labels: DRIFT_LABEL,
      });
      session.print(`  ${summary.stack}: drift, opened issue #${created.iid}`);
      continue;
    }
    // Found by its description's marker, so it has one.
    const sameDrift = issue.description!.includes(`drift-fingerprint=${fingerprint(summary)}`);
    await gitlab.updateIssue(issue.iid, { description: text });
    if (!sameDrift) await gitlab.addIssueNote(issue.iid, "The drift changed; the description lists it as it is now.");
    session.print(`  ${summary.stack}: drift ${sameDrift ? "persists" : "changed"}, updated issue #${issue.iid}`);
  }
}
