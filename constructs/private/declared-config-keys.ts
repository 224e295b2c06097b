import { App as AppResource } from "../../.gen/providers/heroku/app";
import type { IHerokuApp } from "../heroku-app";

/**
 * Whether the app's `heroku_app` resource declares the config var `key`, read from the resource (so that keys added
 * through the escape hatch count too); never for apps Terraform does not manage.
 *
 * Add-ons use it to refuse a config var they set themselves: Heroku refuses to overwrite an attachment's config var,
 * and were it accepted, every apply would set it back and every plan would print it.
 */
export function declaresConfigKey(app: IHerokuApp, key: string): boolean {
  const resource = (app as { resource?: unknown }).resource;
  if (!(resource instanceof AppResource)) return false;
  return [resource.configVarsInput, resource.sensitiveConfigVarsInput].some(
    (vars) => vars !== undefined && key in vars,
  );
}
