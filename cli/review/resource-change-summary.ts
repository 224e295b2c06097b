import { formatAttributePath } from "./attribute-path";
import { attributeChanges, type AttributeChange } from "./attribute-changes";
import { classifyActions, isRemoval, type ChangeAction, type ChangeSymbol } from "./change-action";
import { constructPathOf } from "./construct-path";
import type { PlanAction, PlanResourceChange } from "./plan-json";
import { removalCallOut } from "./risk";

/** One resource change (or drift entry) as a reviewer reads it: what, where in the code, why, and which attributes. */
export interface ResourceChangeSummary {
  /** Terraform's address, e.g. `heroku_app.App_F1B96344`. */
  readonly address: string;
  /** The resource type, e.g. `heroku_app`. */
  readonly type: string;
  readonly action: ChangeAction;
  readonly symbol: ChangeSymbol;
  /** Terraform's own `change.actions`, e.g. `["delete", "create"]`. */
  readonly actions: readonly PlanAction[];
  /**
   * The cdktf construct path, e.g. `staging/App/Resource`.
   *
   * @default - absent when the stack's cdk.tf.json was not given or does not hold the resource (module, deleted)
   */
  readonly constructPath?: string;
  /**
   * The address before a `moved` block.
   *
   * @default - absent when the resource did not move
   */
  readonly previousAddress?: string;
  /**
   * The id being imported.
   *
   * @default - absent when the resource is not being imported
   */
  readonly importId?: string;
  /**
   * The key of the deposed object this change concerns (left by a create-before-destroy).
   *
   * @default - absent for the current object
   */
  readonly deposed?: string;
  /**
   * Terraform's `action_reason`, e.g. `replace_because_cannot_update`.
   *
   * @default - absent when Terraform gives none
   */
  readonly reason?: string;
  /** The attributes that force a replace, e.g. `name`, `config_vars.FOO`. */
  readonly replacePaths: readonly string[];
  /** The attributes set or altered, values shown only when not secret. */
  readonly attributes: readonly AttributeChange[];
  /**
   * What is lost, for a delete, replace or forget (e.g. "destroys the database and its data").
   *
   * @default - absent for other changes and for kinds that lose nothing more than the plan says
   */
  readonly callOut?: string;
}

/** Reads one entry of `resource_changes` or `resource_drift`; `config` is the stack's cdk.tf.json. */
export function summarizeResourceChange(change: PlanResourceChange, config?: object): ResourceChangeSummary {
  const { action, symbol } = classifyActions(change.change.actions);
  const optional: {
    -readonly [K in "constructPath" | "previousAddress" | "importId" | "deposed" | "reason" | "callOut"]?: string;
  } = {};
  const constructPath = constructPathOf(config, change);
  if (constructPath !== undefined) optional.constructPath = constructPath;
  if (isMove(change)) optional.previousAddress = change.previous_address;
  if (change.change.importing) optional.importId = change.change.importing.id ?? "";
  if (change.deposed !== undefined) optional.deposed = change.deposed;
  if (change.action_reason !== undefined) optional.reason = change.action_reason;
  const callOut = isRemoval(action) ? removalCallOut(change, symbol) : undefined;
  if (callOut !== undefined) optional.callOut = callOut;
  return {
    address: change.address,
    type: change.type,
    action,
    symbol,
    actions: [...change.change.actions],
    ...optional,
    replacePaths: (change.change.replace_paths ?? []).map(formatAttributePath),
    attributes: attributeChanges(change.type, change.change, action),
  };
}

/** Whether the resource moved: a `previous_address` that is not its address. */
function isMove(change: PlanResourceChange): change is PlanResourceChange & { previous_address: string } {
  return change.previous_address !== undefined && change.previous_address !== change.address;
}
