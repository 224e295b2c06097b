/**
 * The part of Terraform's JSON plan format (`terraform show -json <planfile>`, format version 1.x) that a review
 * summary reads. Field names are Terraform's own; see developer.hashicorp.com/terraform/internals/json-format.
 *
 * Every field is optional or loosely typed where Terraform leaves it out in some versions or situations, so that a plan
 * from an older or newer Terraform still reads.
 *
 * The plan JSON carries every value in clear text, sensitive ones included (`*_sensitive` are masks only): treat the
 * JSON itself as a secret.
 */

/** One of the actions Terraform lists in `change.actions`; a string so that actions of newer versions still read. */
export type PlanAction = "no-op" | "create" | "read" | "update" | "delete" | "forget" | (string & Record<never, never>);

/** An attribute path as Terraform writes it in `replace_paths` and `relevant_attributes`: names and indexes. */
export type PlanAttributePath = ReadonlyArray<string | number>;

/**
 * A mask mirroring a value: `true` where the value (or everything under it) is sensitive, or unknown until apply;
 * objects and arrays of masks for nested values; `false` or absent where it is not.
 */
export type ValueMask = boolean | { readonly [key: string]: ValueMask } | readonly ValueMask[];

/** The `change` of a resource or output: values before and after, and masks saying which parts are secret or unknown. */
export interface PlanChange {
  readonly actions: readonly PlanAction[];
  readonly before?: unknown;
  readonly after?: unknown;
  readonly after_unknown?: ValueMask;
  readonly before_sensitive?: ValueMask;
  readonly after_sensitive?: ValueMask;
  /** Attributes that force a replace. */
  readonly replace_paths?: readonly PlanAttributePath[];
  /** Present when the resource is being imported (Terraform 1.5+). */
  readonly importing?: { readonly id?: string; readonly identity?: unknown };
}

/** One entry of `resource_changes` or `resource_drift`. */
export interface PlanResourceChange {
  readonly address: string;
  /** The address in the prior state, when the resource moved (a `moved` block). */
  readonly previous_address?: string;
  readonly module_address?: string;
  readonly mode?: "managed" | "data" | (string & Record<never, never>);
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  /** The key of a deposed object (left behind by a create-before-destroy); the change then concerns that object. */
  readonly deposed?: string;
  readonly change: PlanChange;
  /** Why Terraform chose this action, e.g. `replace_because_cannot_update`, `delete_because_no_resource_config`. */
  readonly action_reason?: string;
}

/** One entry of `relevant_attributes`: a resource attribute that contributed to the plan. */
export interface PlanRelevantAttribute {
  readonly resource: string;
  readonly attribute?: PlanAttributePath;
}

/** The root module's variable declarations in `configuration`, where Terraform records which are sensitive. */
export interface PlanConfiguration {
  readonly root_module?: {
    readonly variables?: { readonly [name: string]: { readonly sensitive?: boolean } };
  };
}

/** The plan as `terraform show -json <planfile>` prints it: the fields a review summary reads. */
export interface PlanJson {
  readonly format_version?: string;
  readonly terraform_version?: string;
  readonly variables?: { readonly [name: string]: { readonly value?: unknown } };
  readonly resource_changes?: readonly PlanResourceChange[];
  readonly resource_drift?: readonly PlanResourceChange[];
  readonly relevant_attributes?: readonly PlanRelevantAttribute[];
  readonly output_changes?: { readonly [name: string]: PlanChange };
  readonly configuration?: PlanConfiguration;
  readonly errored?: boolean;
}
