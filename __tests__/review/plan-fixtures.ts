import type { PlanAction, PlanChange, PlanJson, PlanResourceChange, ValueMask } from "../../cli/review";

/** The parts of a resource change a test sets; the rest follows from the address. */
export interface ChangeOptions {
  readonly before?: unknown;
  readonly after?: unknown;
  readonly before_sensitive?: ValueMask;
  readonly after_sensitive?: ValueMask;
  readonly after_unknown?: ValueMask;
  readonly replace_paths?: ReadonlyArray<ReadonlyArray<string | number>>;
  readonly importing?: { readonly id?: string };
  readonly action_reason?: string;
  readonly previous_address?: string;
  readonly deposed?: string;
}

/**
 * One entry of `resource_changes` as Terraform writes it, for `address` (`type.name`, `type.name[0]`,
 * `module.m.type.name`, `data.type.name`).
 */
export function resourceChange(
  address: string,
  actions: readonly PlanAction[],
  options: ChangeOptions = {},
): PlanResourceChange {
  const moduleMatch = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)+)(.*)$/.exec(address);
  const local = moduleMatch ? moduleMatch[2] : address;
  const dataSource = local.startsWith("data.");
  const [type, nameAndIndex] = (dataSource ? local.slice(5) : local).split(/\.(.*)/s);
  const indexMatch = /^([^[]+)\[(.+)\]$/.exec(nameAndIndex);
  const name = indexMatch ? indexMatch[1] : nameAndIndex;
  const change: PlanChange = {
    actions,
    before: options.before ?? null,
    after: options.after ?? null,
    after_unknown: options.after_unknown ?? {},
    before_sensitive: options.before_sensitive ?? {},
    after_sensitive: options.after_sensitive ?? {},
    ...(options.replace_paths ? { replace_paths: options.replace_paths } : {}),
    ...(options.importing ? { importing: options.importing } : {}),
  };
  return {
    address,
    ...(options.previous_address ? { previous_address: options.previous_address } : {}),
    ...(moduleMatch ? { module_address: moduleMatch[1].slice(0, -1) } : {}),
    mode: dataSource ? "data" : "managed",
    type,
    name,
    ...(indexMatch ? { index: JSON.parse(indexMatch[2]) } : {}),
    ...(options.deposed ? { deposed: options.deposed } : {}),
    ...(options.action_reason ? { action_reason: options.action_reason } : {}),
    change,
  };
}

/** A plan of the given parts; everything else Terraform would add is left out, as the summary must cope without it. */
export function plan(parts: Partial<PlanJson> = {}): PlanJson {
  return { format_version: "1.2", terraform_version: "1.9.8", ...parts };
}

/** A stack's cdk.tf.json holding `resources` (address → construct path) the way cdktf writes their metadata. */
export function stackConfig(resources: Record<string, string>, variables: Record<string, object> = {}): object {
  const resource: Record<string, Record<string, object>> = {};
  for (const [address, path] of Object.entries(resources)) {
    const [type, name] = address.split(".");
    resource[type] ??= {};
    resource[type][name] = { "//": { metadata: { path, uniqueId: name } } };
  }
  return { resource, variable: variables };
}

/** A `heroku_app` in the shape the Heroku provider plans it. */
export function herokuApp(values: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "songlist-staging",
    region: "us",
    stack: "heroku-24",
    config_vars: { APP_SETTINGS: "config.StagingConfig" },
    sensitive_config_vars: {},
    ...values,
  };
}
