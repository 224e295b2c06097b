import { IConstruct } from "constructs";
import { ConfigValue } from "../config-value";
import { Secret } from "../secret";
import { expectInstance, hiddenReporterFor, reporterFor } from "./prop-types";
import { CONFIG_VAR_KEY, EXPECTED_TYPES, TYPE_RULES } from "./rules";
import type { Problems } from "./validation";

/** An app's config vars split by how the platform must hold them, with the keys whose value was not yet chosen. */
export interface AppConfigVars {
  readonly plain: Record<string, string>;
  readonly sensitive: Record<string, string>;
  /** Keys of per-environment values not chosen for the app's environment (a synth problem: see {@link checkAppConfigKeys}). */
  readonly unresolved: readonly string[];
}

/**
 * Splits an app's `config` and `secrets` (Heroku's or Dokku's) into plain and sensitive values. A value of the wrong
 * type, or one whose resolution has a problem, is reported on `app` and left out (a secret's value never shown).
 */
export function appConfigVars(
  app: IConstruct,
  config: Record<string, string | ConfigValue> | undefined,
  secrets: Record<string, Secret> | undefined,
): AppConfigVars {
  const plain: Record<string, string> = {};
  const sensitive: Record<string, string> = {};
  // Per-environment values are chosen before they reach the app (resolveConfigFor): the app takes concrete values.
  const unresolved: string[] = [];
  for (const [key, entry] of Object.entries(config ?? {})) {
    if (typeof entry === "string") {
      plain[key] = entry;
      continue;
    }
    if (!(entry instanceof ConfigValue)) {
      reporterFor(app)(`config.${key}`, entry, TYPE_RULES.configValue);
      continue;
    }
    if (entry.perEnvironment) {
      unresolved.push(key);
      continue;
    }
    const resolved = entry.resolve(undefined);
    if (resolved.problem !== undefined) {
      const report = resolved.sensitive ? hiddenReporterFor(app) : reporterFor(app);
      report(`config.${key}`, resolved.value, resolved.problem);
      continue;
    }
    (resolved.sensitive ? sensitive : plain)[key] = resolved.value!;
  }
  for (const [key, secret] of Object.entries(secrets ?? {})) {
    if (!expectInstance(hiddenReporterFor(app), `secrets.${key}`, secret, Secret, EXPECTED_TYPES.secret)) continue;
    sensitive[key] = secret.value;
  }
  return { plain, sensitive, unresolved };
}

/**
 * The synth-time checks of an app's config keys: each key's form, a key in both `config` and `secrets`, and the
 * per-environment values left unchosen.
 */
export function checkAppConfigKeys(
  problems: Problems,
  config: Record<string, unknown> | undefined,
  secrets: Record<string, unknown> | undefined,
  unresolved: readonly string[],
): void {
  const configKeys = Object.keys(config ?? {});
  const secretKeys = Object.keys(secrets ?? {});
  for (const key of [...configKeys, ...secretKeys]) problems.check("config key", key, CONFIG_VAR_KEY);
  for (const key of configKeys.filter((key) => secretKeys.includes(key))) {
    problems.add("config key", key, "is in both config and secrets; a config var has one value");
  }
  for (const key of unresolved) {
    problems.add(
      `config.${key}`,
      "(per environment)",
      "must be chosen for the app's environment before it reaches the app",
      `resolveConfigFor(config, "<environment>") chooses it (HerokuFlow does this for each environment)`,
    );
  }
}
