import type { CostChange } from "../cost/plan-cost";
import { classifyActions, isRemoval, type ChangeAction } from "./change-action";
import { compareText } from "./compare-text";
import type { PlanJson, PlanResourceChange } from "./plan-json";
import { summarizeResourceChange, type ResourceChangeSummary } from "./resource-change-summary";
import { collectSecrets } from "./sensitive-values";

/** What planning a stack came to: changes to review, nothing to do, or no plan at all. */
export type StackStatus = "changed" | "no-changes" | "failed";

/**
 * How many resources each kind of change touches. A replace counts once, as `replace`; `import` and `move` count
 * alongside the action (a moved resource that is also updated counts in `update` and in `move`).
 */
export interface ChangeCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly delete: number;
  /** Removed from Terraform's state while the real object stays (a `removed` block with `destroy = false`). */
  readonly forget: number;
  readonly import: number;
  readonly move: number;
}

/** An output whose value changes. */
export interface OutputChangeSummary {
  readonly name: string;
  readonly action: ChangeAction;
}

/** The input of {@link summarizeStack}: one stack's plan and, for construct paths, its synthesized configuration. */
export interface StackInput {
  /** The stack's name, e.g. `staging`. */
  readonly stack: string;
  /** `terraform show -json <planfile>` of the stack, parsed. */
  readonly plan: PlanJson;
  /**
   * The stack's cdk.tf.json, parsed: gives each resource its construct path and says which variables are sensitive.
   *
   * @default - changes are named by address only
   */
  readonly config?: object;
  /**
   * What the plan changes in the stack's monthly cost, computed by the caller from the same plan (the review code
   * knows no prices).
   *
   * @default - no cost line for the stack
   */
  readonly cost?: CostChange;
}

/** What one stack's plan means for review. Holds no secret except in `secrets`, which is for redacting, not showing. */
export interface StackSummary {
  readonly stack: string;
  readonly status: StackStatus;
  readonly counts: ChangeCounts;
  /** Every resource change, imports and moves included, by address; a non-empty list makes the stack "changed". */
  readonly changes: readonly ResourceChangeSummary[];
  /** The changes that remove an object (deletes, replaces, forgets), by address: what the review must not miss. */
  readonly risks: readonly ResourceChangeSummary[];
  /** Outputs whose value changes, by name. */
  readonly outputChanges: readonly OutputChangeSummary[];
  /**
   * Objects changed outside Terraform that matter to this plan (`resource_drift`, filtered by `relevant_attributes`).
   * Kept apart from the changes: the plan does not cause them, it only notices them.
   */
  readonly drift: readonly ResourceChangeSummary[];
  /** Drift entries Terraform found but that do not matter to this plan (not in `relevant_attributes`). */
  readonly ignoredDrift: number;
  /**
   * Why the stack could not be planned, as the caller gave it (redacted by the caller).
   *
   * @default - absent unless the status is "failed"
   */
  readonly message?: string;
  /**
   * The stack's monthly cost before and after the plan (list prices; never a sensitive value).
   *
   * @default - absent when the stack failed or was planned without prices
   */
  readonly cost?: CostChange;
  /**
   * Every sensitive string the plan holds (values before and after, drift, outputs, sensitive variables), longest
   * first: pass them to `redact` before logging anything Terraform printed. Never rendered.
   */
  readonly secrets: readonly string[];
}

const NO_COUNTS: ChangeCounts = { create: 0, update: 0, replace: 0, delete: 0, forget: 0, import: 0, move: 0 };

/** Reads one stack's plan JSON. */
export function summarizeStack(input: StackInput): StackSummary {
  const { plan, config } = input;
  const changes = sortByAddress(
    (plan.resource_changes ?? [])
      .map((change) => summarizeResourceChange(change, config))
      .filter((change) => change.action !== "no-op" || change.importId !== undefined || change.previousAddress),
  );
  const driftEntries = (plan.resource_drift ?? []).filter(
    (drift) => classifyActions(drift.change.actions).action !== "no-op",
  );
  const relevantDrift = driftEntries.filter(isRelevantDrift(plan));
  const outputChanges = Object.entries(plan.output_changes ?? {})
    .map(([name, change]) => ({ name, action: classifyActions(change.actions).action }))
    .filter((output) => output.action !== "no-op")
    .sort((a, b) => compareText(a.name, b.name));
  return {
    stack: input.stack,
    status: changes.length > 0 || outputChanges.length > 0 ? "changed" : "no-changes",
    counts: countChanges(changes),
    changes,
    risks: changes.filter((change) => isRemoval(change.action)),
    outputChanges,
    drift: sortByAddress(relevantDrift.map((drift) => summarizeResourceChange(drift, config))),
    ignoredDrift: driftEntries.length - relevantDrift.length,
    ...(input.cost ? { cost: input.cost } : {}),
    secrets: secretsOf(plan, config),
  };
}

/** A stack that could not be planned; `message` is shown as given, so the caller redacts it first. */
export function failedStack(stack: string, message: string): StackSummary {
  return {
    stack,
    status: "failed",
    counts: NO_COUNTS,
    changes: [],
    risks: [],
    outputChanges: [],
    drift: [],
    ignoredDrift: 0,
    message,
    secrets: [],
  };
}

function countChanges(changes: readonly ResourceChangeSummary[]): ChangeCounts {
  const counts = { ...NO_COUNTS };
  for (const change of changes) {
    if (change.action !== "no-op") counts[change.action] += 1;
    if (change.importId !== undefined) counts.import += 1;
    if (change.previousAddress !== undefined) counts.move += 1;
  }
  return counts;
}

/**
 * Terraform reports as drift every attribute that changed outside it, also those no planned change depends on
 * (terraform#28803); `relevant_attributes` names the resources that matter. Without that field (older Terraform),
 * every drift entry is kept.
 */
function isRelevantDrift(plan: PlanJson): (drift: PlanResourceChange) => boolean {
  if (plan.relevant_attributes === undefined) return () => true;
  const relevant = new Set(plan.relevant_attributes.map((attribute) => attribute.resource));
  return (drift) => relevant.has(drift.address);
}

/** Every sensitive string anywhere a change, drift entry, output or variable of the plan carries it. */
function secretsOf(plan: PlanJson, config: object | undefined): string[] {
  const secrets = new Set<string>();
  for (const change of [...(plan.resource_changes ?? []), ...(plan.resource_drift ?? [])]) {
    const masks = [change.change.before_sensitive, change.change.after_sensitive];
    for (const value of [change.change.before, change.change.after]) {
      collectSecrets(value, { resourceType: change.type, path: [] }, masks, secrets);
    }
  }
  for (const [name, change] of Object.entries(plan.output_changes ?? {})) {
    const masks = [change.before_sensitive, change.after_sensitive];
    for (const value of [change.before, change.after]) collectSecrets(value, { path: [name] }, masks, secrets);
  }
  for (const [name, variable] of Object.entries(plan.variables ?? {})) {
    const declaredSensitive = isSensitiveVariable(plan, config, name);
    collectSecrets(variable.value, { path: [name] }, [declaredSensitive], secrets);
  }
  return [...secrets].sort((a, b) => b.length - a.length || compareText(a, b));
}

/** A variable declared `sensitive`, in the plan's configuration or in the stack's cdk.tf.json. */
function isSensitiveVariable(plan: PlanJson, config: object | undefined, name: string): boolean {
  if (plan.configuration?.root_module?.variables?.[name]?.sensitive === true) return true;
  const declared = (config as { variable?: Record<string, { sensitive?: unknown }> } | undefined)?.variable?.[name];
  return declared?.sensitive === true;
}

function sortByAddress(changes: ResourceChangeSummary[]): ResourceChangeSummary[] {
  return changes.sort((a, b) => compareText(a.address, b.address) || compareText(a.deposed ?? "", b.deposed ?? ""));
}
