import type { PlanAction } from "./plan-json";

/** What a resource change does, one word per change: a replace is one change, not a create and a delete. */
export type ChangeAction = "create" | "update" | "replace" | "delete" | "forget" | "no-op";

/**
 * The symbol of a change as reviewers know it from Terraform's own output: `+` create, `~` update, `-` delete,
 * `-/+` replace destroying first (Terraform's default), `+/-` replace creating the new object first
 * (`create_before_destroy`), `+/forget` a new object while the old one only leaves the state, `forget` leaves the state
 * (the real object stays).
 */
export type ChangeSymbol = "+" | "~" | "-" | "-/+" | "+/-" | "+/forget" | "forget" | "";

/** The action and symbol of Terraform's `change.actions`. */
export interface ClassifiedActions {
  readonly action: ChangeAction;
  readonly symbol: ChangeSymbol;
}

/**
 * Reads Terraform's `change.actions`. `read` (data sources) and `no-op` change nothing. An action this code does not
 * know (from a newer Terraform) reads as an update, so it is shown rather than silently dropped.
 */
export function classifyActions(actions: readonly PlanAction[]): ClassifiedActions {
  const deleteAt = actions.indexOf("delete");
  const createAt = actions.indexOf("create");
  if (deleteAt >= 0 && createAt >= 0) return { action: "replace", symbol: deleteAt < createAt ? "-/+" : "+/-" };
  if (createAt >= 0 && actions.includes("forget")) return { action: "replace", symbol: "+/forget" };
  if (deleteAt >= 0) return { action: "delete", symbol: "-" };
  if (actions.includes("forget")) return { action: "forget", symbol: "forget" };
  if (createAt >= 0) return { action: "create", symbol: "+" };
  if (actions.every((action) => action === "no-op" || action === "read")) return { action: "no-op", symbol: "" };
  return { action: "update", symbol: "~" };
}

/** Whether the change removes an object from Terraform's management: every delete, replace and forget. */
export function isRemoval(action: ChangeAction): boolean {
  return action === "delete" || action === "replace" || action === "forget";
}
