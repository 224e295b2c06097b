import { formatUsd, totalsText } from "./money-text";
import type { CostItem } from "./priced-resource";
import { type CostTotals, monthlyUsd } from "./stack-cost";
import { itemMonthlyUsd, type TopologyCost } from "./topology-cost";

/** Where the prices came from, for the report's last line. */
export interface PriceSources {
  readonly sources: readonly { readonly family: string; readonly source: string; readonly read: string }[];
  /** The team's own price file, when one replaced shipped entries. */
  readonly overrideFile?: string;
}

/** `heroku-flow cost` as a table: one row per billed item, then the total per stack, overall and per merge request. */
export function costTable(cost: TopologyCost, prices: PriceSources): string {
  const itemRows = cost.stacks.flatMap((stack) =>
    stack.items.length === 0
      ? [[stack.stack, "(nothing billed)", "", ""]]
      : stack.items.map((item) => [stack.stack, item.description, unitText(item), monthlyText(item)]),
  );
  const totalRows = cost.stacks
    .filter((stack) => !stack.perOpenMergeRequest)
    .map((stack) => [stack.stack, totalsText(stack.totals), ""]);
  totalRows.push(["total", totalsText(cost.total), ""]);
  if (cost.perOpenMergeRequest) {
    totalRows.push(["review apps", totalsText(cost.perOpenMergeRequest), "per open merge request"]);
  }
  const read = [...new Set(prices.sources.map((source) => source.read))].sort().join(", ");
  const own = prices.overrideFile ? `, with ${prices.overrideFile} in place of the entries it names` : "";
  return [
    table([["stack", "item", "unit/month", "monthly"], ...itemRows], [false, false, true, true]),
    table([["stack", "monthly", ""], ...totalRows], [false, true, false]),
    `USD a month at Heroku's list prices (read ${read})${own}; "unknown": no price in the catalogue, not counted.`,
  ].join("\n\n");
}

/** `heroku-flow cost --json`: the same, for scripts (amounts in USD; null where a price is unknown). */
export function costJson(cost: TopologyCost, prices: PriceSources): object {
  const totals = (totals: CostTotals) => ({ monthlyUsd: monthlyUsd(totals), unknown: totals.unknown });
  return {
    currency: "USD",
    stacks: cost.stacks.map((stack) => ({
      stack: stack.stack,
      perOpenMergeRequest: stack.perOpenMergeRequest,
      items: stack.items.map((item) => ({
        address: item.address,
        kind: item.kind,
        description: item.description,
        plan: item.plan ?? null,
        quantity: item.quantity ?? null,
        unitUsd: item.unitUsd ?? null,
        perAccount: item.perAccount,
        monthlyUsd: itemMonthlyUsd(item) ?? null,
      })),
      ...totals(stack.totals),
    })),
    total: totals(cost.total),
    perOpenMergeRequest: cost.perOpenMergeRequest ? totals(cost.perOpenMergeRequest) : null,
    prices: { sources: prices.sources, overrideFile: prices.overrideFile ?? null },
  };
}

function unitText(item: CostItem): string {
  if (item.unitUsd === undefined) return "unknown";
  return item.perAccount ? `${formatUsd(item.unitUsd)} per account` : formatUsd(item.unitUsd);
}

function monthlyText(item: CostItem): string {
  const usd = itemMonthlyUsd(item);
  if (usd === undefined) return "unknown";
  return item.perAccount && usd > 0 ? `${formatUsd(usd)} once` : formatUsd(usd);
}

/** Rows as aligned columns; `right` says which columns are right-aligned (amounts). */
function table(rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (right[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
