// @ts-nocheck
import { TerraformResource } from "cdktf";

/**
 * Whether an app holds production data is an intent with no Terraform attribute. The `HerokuApp` construct records
 * it on the `heroku_app` resource it generates, so that the lint rules, which read resources, know it; for a raw
 * `heroku_app` they fall back to what the resources say (a pipeline coupling at the production stage).
 */
const productionLike = new WeakMap<TerraformResource, boolean>();

/** Records that the app `resource` is (or explicitly is not) production-like. */
export function declareProductionLike(resource: TerraformResource, value: boolean): void {
  productionLike.set(resource, value);
}

/** What was declared about the app `resource`, or undefined when nothing was. */
export function declaredProductionLike(resource: TerraformResource): boolean | undefined {
  return productionLike.get(resource);
}
