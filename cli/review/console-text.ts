import { costAlertText, DEFAULT_COST_THRESHOLD_USD, stackCostText, totalCostText } from "./cost-summary";
import type { ResourceChangeSummary } from "./resource-change-summary";
import type { StackSummary } from "./stack-summary";
import { COUNT_COLUMNS, stacksText, statusLabel, symbolLabel } from "./summary-text";

/** Options of {@link renderConsole}. */
export interface ConsoleOptions {
  /**
   * The monthly cost difference (USD, either way) above which the cost is called out after the risks.
   *
   * @default 50
   */
  readonly costThresholdUsd?: number;
}

/**
 * The plans of `summaries` as plain text for a terminal or job log: a table of the stacks, every deletion and
 * replacement, what changed outside Terraform, and why failed stacks failed. No Markdown, no values (the job log is
 * readable by more people than the plan artifact).
 */
export function renderConsole(summaries: StackSummary[], options: ConsoleOptions = {}): string {
  const blocks = [`Terraform plan: ${stacksText(summaries)}`, stackTable(summaries)];
  const risky = summaries.flatMap((summary) => summary.risks.map((change) => riskLine(summary.stack, change)));
  blocks.push(
    risky.length > 0 ? ["Deletions and replacements:", ...risky].join("\n") : "No deletions or replacements.",
  );
  const costAlert = costAlertText(summaries, options.costThresholdUsd ?? DEFAULT_COST_THRESHOLD_USD);
  if (costAlert !== undefined) blocks.push(`Monthly cost ${costAlert}.`);
  const totalCost = totalCostText(summaries);
  if (totalCost !== undefined) {
    const width = Math.max(...summaries.map((summary) => summary.stack.length));
    const perStack = summaries.map(
      (summary) => `  ${summary.stack.padEnd(width)}  ${stackCostText(summary, "not counted")}`,
    );
    blocks.push([`Monthly cost: ${totalCost}`, ...perStack].join("\n"));
  }
  const drift = summaries.flatMap((summary) => summary.drift.map((change) => driftLine(summary.stack, change)));
  if (drift.length > 0) blocks.push(["Changed outside Terraform (not caused by this plan):", ...drift].join("\n"));
  const failed = summaries.filter((summary) => summary.status === "failed");
  if (failed.length > 0) {
    blocks.push(
      ["Failed:", ...failed.map((summary) => `  ${summary.stack}:\n${indent(summary.message ?? "", 4)}`)].join("\n"),
    );
  }
  return blocks.join("\n\n") + "\n";
}

function stackTable(summaries: readonly StackSummary[]): string {
  const header = ["stack", "status", ...COUNT_COLUMNS, "outputs", "drift"];
  const rows = summaries.map((summary) => {
    const failed = summary.status === "failed";
    const counts = COUNT_COLUMNS.map((kind) => (failed ? "-" : String(summary.counts[kind])));
    const extra = failed ? ["-", "-"] : [String(summary.outputChanges.length), String(summary.drift.length)];
    return [summary.stack, statusLabel(summary.status), ...counts, ...extra];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  // Names and statuses align left, counts right; so the last cell of a row is never followed by padding.
  const format = (cells: readonly string[]) =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  return [header, ...rows].map(format).join("\n");
}

function riskLine(stack: string, change: ResourceChangeSummary): string {
  const facts = [symbolLabel(change.symbol)];
  if (change.reason !== undefined) facts.push(`reason ${change.reason}`);
  if (change.replacePaths.length > 0) facts.push(`forced by ${change.replacePaths.join(", ")}`);
  if (change.constructPath !== undefined) facts.push(`construct ${change.constructPath}`);
  const callOut = change.callOut !== undefined ? ` — ${change.callOut}` : "";
  return `  ${stack}  ${change.symbol} ${addressOf(change)}  (${facts.join("; ")})${callOut}`;
}

function driftLine(stack: string, change: ResourceChangeSummary): string {
  const attributes = change.attributes.map((attribute) => attribute.path);
  const what = attributes.length > 0 ? `: ${attributes.join(", ")}` : "";
  return `  ${stack}  ${change.symbol} ${addressOf(change)}${what}`;
}

function addressOf(change: ResourceChangeSummary): string {
  return change.deposed !== undefined ? `${change.address} (deposed ${change.deposed})` : change.address;
}

function indent(text: string, spaces: number): string {
  return text
    .split("\n")
    .map((line) => `${" ".repeat(spaces)}${line}`.trimEnd())
    .join("\n");
}
