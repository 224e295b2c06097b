import { combineTotals } from "../cost/stack-cost";
import type { CostChange } from "../cost/plan-cost";
import { costChangeText, differenceUsd, formatUsd, signedUsd } from "../cost/money-text";
import type { StackSummary } from "./stack-summary";

/** The monthly difference above which the note and the console call the cost out next to the risks (USD). */
export const DEFAULT_COST_THRESHOLD_USD = 50;

/** The stacks' cost changes together (stacks without one — failed, or planned without prices — left out). */
export function totalCostChange(summaries: readonly StackSummary[]): CostChange | undefined {
  const changes = summaries.flatMap((summary) => summary.cost ?? []);
  if (changes.length === 0) return undefined;
  return {
    before: combineTotals(changes.map((change) => change.before)),
    after: combineTotals(changes.map((change) => change.after)),
  };
}

/** One stack's cost cell: `$57 → $107 (+$50/month)`, or `–` without a cost. */
export function stackCostText(summary: StackSummary, none: string): string {
  return summary.cost ? costChangeText(summary.cost) : none;
}

/** The line under the stack table: every stack's cost together, and which stacks it leaves out. */
export function totalCostText(summaries: readonly StackSummary[]): string | undefined {
  const total = totalCostChange(summaries);
  if (total === undefined) return undefined;
  const without = summaries.filter((summary) => summary.cost === undefined).map((summary) => summary.stack);
  const left = without.length > 0 ? `; not counted: ${without.join(", ")}` : "";
  return `${costChangeText(total)}, at list prices${left}`;
}

/**
 * The call-out beside the risks when the whole plan changes the monthly cost by more than `thresholdUsd` either way,
 * or undefined: `+$250/month (above the $50/month threshold)`.
 */
export function costAlertText(summaries: readonly StackSummary[], thresholdUsd: number): string | undefined {
  const total = totalCostChange(summaries);
  if (total === undefined) return undefined;
  const difference = differenceUsd(total);
  if (Math.abs(difference) <= thresholdUsd) return undefined;
  return `${signedUsd(difference)}/month (above the ${formatUsd(thresholdUsd)}/month threshold)`;
}
