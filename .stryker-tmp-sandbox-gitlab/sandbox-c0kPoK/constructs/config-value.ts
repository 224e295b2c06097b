// @ts-nocheck
import { Secret } from "./secret";

/** What a {@link ConfigValue} comes to for one app. */
export interface ResolvedConfigValue {
  /** The value or a token; undefined when the value has no entry for the app's environment. */
  readonly value?: string;
  /** Whether the value goes into `sensitive_config_vars` (kept out of plan output). */
  readonly sensitive: boolean;
}

/**
 * The value of one config var, in one of four flavours:
 *
 * - `ConfigValue.fixed("production")` — the same everywhere (a plain string does the same);
 * - `ConfigValue.perEnvironment({ staging: "…", production: "…" })` — one value per environment, chosen before the
 *   config reaches an app (see {@link resolveConfigFor}; `HerokuFlow` does it for each environment);
 * - `ConfigValue.fromAttribute(otherApp.webUrl)` — derived from another resource, resolved by Terraform;
 * - `ConfigValue.secret(Secret.generate(…))` — sensitive: never in `cdktf.out` or plan output.
 */
export abstract class ConfigValue {
  /** The same literal value in every environment. */
  public static fixed(value: string): ConfigValue {
    return new LiteralConfigValue(value, false);
  }

  /**
   * A value per environment name, e.g. `{ staging: "config.StagingConfig", production: "config.ProductionConfig" }`.
   *
   * @param fallback the value for environments the map does not name; without it such an environment fails synth.
   */
  public static perEnvironment(values: Record<string, string>, fallback?: string): ConfigValue {
    return new PerEnvironmentConfigValue(values, fallback);
  }

  /** A value that another resource produces, e.g. an app's web URL; Terraform resolves it at apply time. */
  public static fromAttribute(token: string): ConfigValue {
    return new LiteralConfigValue(token, false);
  }

  /** A secret: stored in `sensitive_config_vars`, so neither `cdktf.out` nor plan output shows it. */
  public static secret(secret: Secret): ConfigValue {
    return new LiteralConfigValue(secret.value, true);
  }

  /** Whether the value depends on the environment (then {@link resolveConfigFor} must choose it first). */
  public abstract readonly perEnvironment: boolean;

  /** The value for an app in `environment`. */
  public abstract resolve(environment: string | undefined): ResolvedConfigValue;

  /** Why {@link resolve} found no value, for the error message. */
  public abstract describeMissing(environment: string | undefined): string;
}

class LiteralConfigValue extends ConfigValue {
  public readonly perEnvironment = false;

  constructor(
    private readonly value: string,
    private readonly sensitive: boolean,
  ) {
    super();
  }

  public resolve(): ResolvedConfigValue {
    return { value: this.value, sensitive: this.sensitive };
  }

  public describeMissing(): string {
    return "";
  }
}

class PerEnvironmentConfigValue extends ConfigValue {
  public readonly perEnvironment = true;

  constructor(
    private readonly values: Record<string, string>,
    private readonly fallback: string | undefined,
  ) {
    super();
  }

  public resolve(environment: string | undefined): ResolvedConfigValue {
    const value = environment !== undefined && environment in this.values ? this.values[environment] : this.fallback;
    return { value, sensitive: false };
  }

  public describeMissing(environment: string | undefined): string {
    const known = Object.keys(this.values).join(", ");
    return environment === undefined
      ? `is per-environment (${known}) but the app sets no environment`
      : `has no value for environment "${environment}" (it has: ${known}) and no fallback`;
  }
}

/** A config map with its per-environment values chosen, and the keys that have no value for the environment. */
export interface ResolvedConfig {
  /** Every entry, per-environment ones replaced by the value chosen for the environment. */
  readonly config: Record<string, string | ConfigValue>;
  /** Keys whose per-environment value has none for the environment (and no fallback), with why. */
  readonly missing: ReadonlyArray<{ readonly key: string; readonly reason: string }>;
}

/**
 * Chooses every per-environment value of `config` for `environment`, so that what reaches an app is concrete. Values
 * that are the same everywhere pass through unchanged.
 */
export function resolveConfigFor(config: Record<string, string | ConfigValue>, environment: string): ResolvedConfig {
  const resolved: Record<string, string | ConfigValue> = {};
  const missing: Array<{ key: string; reason: string }> = [];
  for (const [key, entry] of Object.entries(config)) {
    if (typeof entry === "string" || !entry.perEnvironment) {
      resolved[key] = entry;
      continue;
    }
    const { value } = entry.resolve(environment);
    if (value === undefined) missing.push({ key, reason: entry.describeMissing(environment) });
    else resolved[key] = ConfigValue.fixed(value);
  }
  return { config: resolved, missing };
}
