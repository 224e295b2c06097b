import { TerraformResource } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { ConfigValue, resolveConfigFor } from "../config-value";
import { FlowValidation } from "../flow-validation";
import { ADDON_AND_SECRET_RULES, SECRET_CONFIG_VALUE } from "../private/rules";
import { checkSecretBeforeUse } from "../private/secret-check";
import { Secret } from "../secret";
import type { TopologySecret } from "./flow-config";

/** What one environment's app is given, on any platform. */
export interface AppSettingsSource {
  /** The topology's shared config. */
  readonly sharedConfig?: Record<string, string | ConfigValue>;
  /** The environment's own config, over the shared one. */
  readonly config?: Record<string, string | ConfigValue>;
  /** The environment name per-environment values are chosen by (`review` for review apps). */
  readonly configEnvironment: string;
  /** The keys of the secrets Terraform generates once per app. */
  readonly generatedSecrets: readonly string[];
  /** The topology's shared secrets. */
  readonly sharedSecrets?: Record<string, TopologySecret>;
  /** The environment's own secrets, over the shared ones. */
  readonly secrets?: Record<string, TopologySecret>;
  /** The deploy key's Terraform variable, when a CI side declares it: no secret may share it. */
  readonly deployKeyVariable?: string;
}

/** One environment's config and secrets, decided for it: the app takes concrete values. */
export interface AppSettings {
  /** Config vars with their value for this environment (those without one are in `missing`). */
  readonly config: Record<string, string | ConfigValue>;
  /** Per-environment config vars with no value for this environment, each with the reason. */
  readonly missing: readonly { readonly key: string; readonly reason: string }[];
  /** Every secret config var: generated ones, then supplied ones. */
  readonly secrets: Record<string, Secret>;
  /** The supplied secrets by config var key, with the Terraform variable of each. */
  readonly supplied: Readonly<Record<string, { readonly secret: Secret; readonly variable: string }>>;
  /** The Terraform variables the supplied secrets require, each once. */
  readonly secretVariables: readonly string[];
}

/**
 * Decides `source`'s config and secrets in `stack`: generated secrets as `random_password`s, supplied ones as sensitive
 * Terraform variables declared once under `Secrets` however many keys each supplies (so that no variable name can
 * clash with another construct of the stack). A secret whose variable is the deploy key's would be one variable with
 * two meanings, and is reported instead.
 */
export function appSettingsFor(stack: Construct, source: AppSettingsSource): AppSettings {
  const { config, missing } = resolveConfigFor({ ...source.sharedConfig, ...source.config }, source.configEnvironment);
  // Reported once, on the app, by checkAppSettings: not again by the app, which would refuse them too.
  for (const { key } of missing) delete config[key];
  const generated = Object.fromEntries(
    source.generatedSecrets.map((key) => [key, Secret.generate(stack, key.toLowerCase())]),
  );
  const supplied = suppliedSecrets(stack, source);
  return {
    config,
    missing,
    secrets: { ...generated, ...Object.fromEntries(Object.entries(supplied).map(([key, s]) => [key, s.secret])) },
    supplied,
    secretVariables: [...new Set(Object.values(supplied).map(({ variable }) => variable))],
  };
}

/**
 * Reports on `app` each config var with no value for its environment, and checks each supplied secret's value before
 * `resource` uses it (Terraform refuses an empty one before the app is changed).
 */
export function checkAppSettings(app: IConstruct, resource: TerraformResource, settings: AppSettings): void {
  for (const { key, reason } of settings.missing) {
    FlowValidation.addProblem(app, { field: `config.${key}`, value: "(per environment)", rule: reason });
  }
  for (const [key, { secret, variable }] of Object.entries(settings.supplied)) {
    checkSecretBeforeUse(
      resource,
      secret,
      SECRET_CONFIG_VALUE,
      `TF_VAR_${variable} (config var ${key} of this app) ${SECRET_CONFIG_VALUE.description}`,
    );
  }
}

function suppliedSecrets(
  stack: Construct,
  source: AppSettingsSource,
): Record<string, { secret: Secret; variable: string }> {
  const declared = Object.entries({ ...source.sharedSecrets, ...source.secrets });
  if (declared.length === 0) return {};
  const scope = new Construct(stack, "Secrets");
  const byVariable = new Map<string, Secret>();
  const supplied: Record<string, { secret: Secret; variable: string }> = {};
  for (const [key, { variable, description }] of declared) {
    if (variable === source.deployKeyVariable) {
      FlowValidation.addProblem(stack, {
        field: `secrets.${key}.variable`,
        value: variable,
        rule: ADDON_AND_SECRET_RULES.deployKeyVariable,
        hint: "give the secret a variable of its own",
      });
      continue;
    }
    const secret = byVariable.get(variable) ?? Secret.fromVariable(scope, variable, { description });
    byVariable.set(variable, secret);
    supplied[key] = { secret, variable };
  }
  return supplied;
}
