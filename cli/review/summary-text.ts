import type { ChangeSymbol } from "./change-action";
import type { ResourceChangeSummary } from "./resource-change-summary";
import type { ChangeCounts, StackStatus, StackSummary } from "./stack-summary";

/** The count columns of both tables, in this order. */
export const COUNT_COLUMNS: ReadonlyArray<keyof ChangeCounts> = [
  "create",
  "update",
  "replace",
  "delete",
  "forget",
  "import",
  "move",
];

/** The order changes are listed in: what loses data first, then what alters it, what adds, what only re-files. */
export const CHANGE_GROUPS: ReadonlyArray<{
  readonly title: string;
  readonly matches: (change: ResourceChangeSummary) => boolean;
}> = [
  { title: "Delete", matches: (change) => change.action === "delete" },
  { title: "Forget", matches: (change) => change.action === "forget" },
  { title: "Replace", matches: (change) => change.action === "replace" },
  { title: "Update", matches: (change) => change.action === "update" },
  { title: "Create", matches: (change) => change.action === "create" },
  { title: "Import / move", matches: (change) => change.action === "no-op" },
];

const STATUS_LABELS: Record<StackStatus, string> = { changed: "changed", "no-changes": "no changes", failed: "failed" };

/** The status as people write it: "changed", "no changes", "failed". */
export function statusLabel(status: StackStatus): string {
  return STATUS_LABELS[status];
}

const SYMBOL_LABELS: Record<ChangeSymbol, string> = {
  "+": "create",
  "~": "update",
  "-": "delete",
  "-/+": "replace, destroying first",
  "+/-": "replace, creating first",
  "+/forget": "replace, forgetting the old object",
  forget: "forget",
  "": "no change",
};

/** The action in words, with the order of a replace: "replace, destroying first". */
export function symbolLabel(symbol: ChangeSymbol): string {
  return SYMBOL_LABELS[symbol];
}

/**
 * A stack's changes in one line, most harmful first: "1 to delete, 1 to replace, 2 to update, 1 output". Drift is
 * named apart, so that a stack with only drift reads "no changes; 2 changed outside Terraform".
 */
export function countsText(summary: StackSummary): string {
  if (summary.status === "failed") return "failed";
  const order: ReadonlyArray<keyof ChangeCounts> = [
    "delete",
    "forget",
    "replace",
    "update",
    "create",
    "import",
    "move",
  ];
  const parts = order.filter((kind) => summary.counts[kind] > 0).map((kind) => `${summary.counts[kind]} to ${kind}`);
  const outputs = summary.outputChanges.length;
  if (outputs > 0) parts.push(counted(outputs, "output"));
  const changes = parts.length > 0 ? parts.join(", ") : "no changes";
  return summary.drift.length > 0 ? `${changes}; ${summary.drift.length} changed outside Terraform` : changes;
}

/** "3 stacks: 2 changed, 1 no changes, 0 failed" */
export function stacksText(summaries: readonly StackSummary[]): string {
  const count = (status: StackStatus) => summaries.filter((summary) => summary.status === status).length;
  return `${counted(summaries.length, "stack")}: ${count("changed")} changed, ${count("no-changes")} no changes, ${count("failed")} failed`;
}

/** "1 stack", "2 stacks" */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
