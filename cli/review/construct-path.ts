import type { PlanResourceChange } from "./plan-json";

/**
 * The cdktf construct path of a resource (`staging/App/Postgres/Resource`), from the `"//"` metadata cdktf writes on
 * every block of a stack's cdk.tf.json: `resource.<type>.<name>["//"].metadata.path` (`data.<type>.<name>` for data
 * sources).
 *
 * Instances of a `count`/`for_each` block share their block's construct. Resources in a child module, and resources no
 * longer in the configuration (about to be deleted), have none: the address then stands alone.
 */
export function constructPathOf(config: object | undefined, change: PlanResourceChange): string | undefined {
  // Without a configuration the lookup below finds nothing: no separate check.
  if (change.module_address !== undefined) return undefined;
  const section = change.mode === "data" ? "data" : "resource";
  const block = child(child(child(config, section), change.type), change.name);
  const path = child(child(child(block, "//"), "metadata"), "path");
  return typeof path === "string" ? path : undefined;
}

function child(value: unknown, key: string): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}
