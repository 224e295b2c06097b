import { TerraformResource } from "cdktf";

/**
 * Whether an app holds production data, and which environment it serves, are intents with no Terraform attribute. The
 * `HerokuApp` construct records them on the `heroku_app` resource it generates, so that the lint rules, which read
 * resources, know them; for a raw `heroku_app` they fall back to what the resources say (a pipeline coupling at the
 * production stage) or skip what only a name could tell.
 */
const productionLike = new WeakMap<TerraformResource, boolean>();
const environmentNames = new WeakMap<TerraformResource, string>();

/** Records that the app `resource` is (or explicitly is not) production-like. */
export function declareProductionLike(resource: TerraformResource, value: boolean): void {
  productionLike.set(resource, value);
}

/** What was declared about the app `resource`, or undefined when nothing was. */
export function declaredProductionLike(resource: TerraformResource): boolean | undefined {
  return productionLike.get(resource);
}

/** Records the name of the environment the app `resource` serves, e.g. `staging`. */
export function declareEnvironmentName(resource: TerraformResource, name: string): void {
  environmentNames.set(resource, name);
}

/** The environment the app `resource` was declared to serve, or undefined when none was. */
export function declaredEnvironmentName(resource: TerraformResource): string | undefined {
  return environmentNames.get(resource);
}
