import type { FlowManifest } from "../engine/manifest";
import type { StackConfig } from "../engine/stack-config";
import type { CostItem } from "./priced-resource";
import type { PriceCatalogue } from "./price-catalogue";
import { combineTotals, configResources, type CostTotals, type StackCost, stackCost } from "./stack-cost";

/** One stack's monthly cost in a topology. */
export interface TopologyStackCost extends StackCost {
  /** A review app's stack: paid once per open merge request, so left out of the total. */
  readonly perOpenMergeRequest: boolean;
}

/** The monthly cost of a whole topology, as `heroku-flow cost` reports it. */
export interface TopologyCost {
  readonly stacks: readonly TopologyStackCost[];
  /** Every long-lived stack together (review stacks left out). */
  readonly total: CostTotals;
  /**
   * What each open merge request adds: its review stack, less any per-account plan the total already pays.
   *
   * @default - absent when the app has no review apps
   */
  readonly perOpenMergeRequest?: CostTotals;
}

/** The cost of every stack of `manifest`, each read from its synthesized configuration by `configOf`. */
export function topologyCost(
  manifest: FlowManifest,
  configOf: (stack: string) => StackConfig,
  prices: PriceCatalogue,
): TopologyCost {
  const stacks = manifest.stacks.map((stack) => ({
    ...stackCost(stack.name, configResources(configOf(stack.name)), prices),
    perOpenMergeRequest: stack.kind === "review",
  }));
  const total = combineTotals(stacks.filter((stack) => !stack.perOpenMergeRequest).map((stack) => stack.totals));
  const review = stacks.find((stack) => stack.perOpenMergeRequest);
  return { stacks, total, ...(review ? { perOpenMergeRequest: addedTo(total, review.totals) } : {}) };
}

/** What `more` adds to `base`: its units, and its per-account plans that `base` does not pay already. */
function addedTo(base: CostTotals, more: CostTotals): CostTotals {
  const perAccountUsd = Object.fromEntries(
    Object.entries(more.perAccountUsd).filter(([plan]) => !(plan in base.perAccountUsd)),
  );
  return { usageUsd: more.usageUsd, perAccountUsd, unknown: more.unknown };
}

/** An item's monthly cost in USD: units × price, a per-account plan's price once, undefined when unknown. */
export function itemMonthlyUsd(item: CostItem): number | undefined {
  if (item.quantity === 0) return 0;
  if (item.unitUsd === undefined || item.quantity === undefined) return undefined;
  return item.perAccount ? item.unitUsd : item.unitUsd * item.quantity;
}
