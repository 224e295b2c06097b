import type { PlanJson, PlanResourceChange, ValueMask } from "../review";
import { maskCovers } from "../review/value-mask";
import type { ResourceValues } from "./priced-resource";
import type { PriceCatalogue } from "./price-catalogue";
import { type CostTotals, type StackCost, stackCost } from "./stack-cost";

/** What a plan changes in a stack's monthly cost: the whole stack before and after it is applied. */
export interface CostChange {
  readonly before: CostTotals;
  readonly after: CostTotals;
}

/**
 * The stack's cost before and after `plan`, from its `resource_changes` (which list every managed resource, unchanged
 * ones as `no-op`). Values Terraform marks sensitive, or cannot know until apply, are priced as unknown.
 */
export function planCost(
  stack: string,
  plan: PlanJson,
  prices: PriceCatalogue,
): { before: StackCost; after: StackCost } {
  // A deposed object is an old copy on its way out, already counted by its resource's current object.
  const changes = (plan.resource_changes ?? []).filter(
    (change) => (change.mode ?? "managed") === "managed" && change.deposed === undefined,
  );
  const side = (which: "before" | "after") =>
    stackCost(
      stack,
      changes.flatMap((change) => resourceSide(change, which) ?? []),
      prices,
    );
  return { before: side("before"), after: side("after") };
}

/** The totals of {@link planCost}, as the plan summary keeps them. */
export function costChangeOf(stack: string, plan: PlanJson, prices: PriceCatalogue): CostChange {
  const { before, after } = planCost(stack, plan, prices);
  return { before: before.totals, after: after.totals };
}

function resourceSide(change: PlanResourceChange, which: "before" | "after"): ResourceValues | undefined {
  const values = change.change[which];
  if (values === null || typeof values !== "object") return undefined; // created (no before) or deleted (no after)
  const masks: (ValueMask | undefined)[] =
    which === "before"
      ? [change.change.before_sensitive]
      : [change.change.after_sensitive, change.change.after_unknown];
  return {
    address: change.address,
    type: change.type,
    values: values as Record<string, unknown>,
    hidden: (attribute) => masks.some((mask) => maskCovers(mask, [attribute])),
  };
}
