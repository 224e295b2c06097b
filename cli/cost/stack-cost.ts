import type { StackConfig } from "../engine/stack-config";
import { type CostItem, costItemOf, type ResourceValues } from "./priced-resource";
import type { PriceCatalogue } from "./price-catalogue";

/**
 * What some resources cost per month, in a form that adds up across stacks: units are summed, a plan billed once per
 * account (Eco) is counted once however many stacks use it, and items without a price are counted, never taken as 0.
 */
export interface CostTotals {
  /** Dynos × quantity and add-ons with a known price, in USD per month. */
  readonly usageUsd: number;
  /** Each plan billed once per account that is in use, with its monthly price in USD. */
  readonly perAccountUsd: Readonly<Record<string, number>>;
  /** How many items have no known price (left out of the sums). */
  readonly unknown: number;
}

/** One stack's cost: each item and the totals. */
export interface StackCost {
  readonly stack: string;
  readonly items: readonly CostItem[];
  readonly totals: CostTotals;
}

export const NO_COST: CostTotals = { usageUsd: 0, perAccountUsd: {}, unknown: 0 };

/** The cost of `resources` as one stack's. */
export function stackCost(stack: string, resources: readonly ResourceValues[], prices: PriceCatalogue): StackCost {
  const items = resources.flatMap((resource) => costItemOf(resource, prices) ?? []);
  return { stack, items, totals: totalsOf(items) };
}

/** The resources of a synthesized stack (its cdk.tf.json), with their configured values. */
export function configResources(config: StackConfig): ResourceValues[] {
  return Object.entries(config.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([name, values]) => ({ address: `${type}.${name}`, type, values })),
  );
}

/** The totals of `items`. */
export function totalsOf(items: readonly CostItem[]): CostTotals {
  let usageUsd = 0;
  let unknown = 0;
  const perAccountUsd: Record<string, number> = {};
  for (const item of items) {
    // Nothing running costs nothing, priced or not; an unknown count or price is unknown.
    if (item.quantity === 0) continue;
    if (item.unitUsd === undefined || item.quantity === undefined) unknown += 1;
    else if (item.perAccount) perAccountUsd[item.plan ?? item.description] = item.unitUsd;
    else usageUsd += item.unitUsd * item.quantity;
  }
  return { usageUsd, perAccountUsd, unknown };
}

/** Several stacks' totals together: a per-account plan counts once. */
export function combineTotals(all: readonly CostTotals[]): CostTotals {
  return all.reduce(
    (sum, totals) => ({
      usageUsd: sum.usageUsd + totals.usageUsd,
      perAccountUsd: { ...sum.perAccountUsd, ...totals.perAccountUsd },
      unknown: sum.unknown + totals.unknown,
    }),
    NO_COST,
  );
}

/** The known monthly cost of `totals` in USD (unknown items left out: say so with {@link CostTotals.unknown}). */
export function monthlyUsd(totals: CostTotals): number {
  return Object.values(totals.perAccountUsd).reduce((sum, usd) => sum + usd, totals.usageUsd);
}
