import { isRecord } from "./private/prop-types";
import { closestOf, TYPE_RULES } from "./private/rules";
import { Secret } from "./secret";

/** What a {@link ConfigValue} comes to for one app. */
export interface ResolvedConfigValue {
  /** The value or a token; undefined when the value has no entry for the app's environment. */
  readonly value?: string;
  /** Whether the value goes into `sensitive_config_vars` (kept out of plan output). */
  readonly sensitive: boolean;

  /**
   * The rule the value breaks, when the factory was given a value of the wrong type (from JavaScript or JSON, e.g.
   * `ConfigValue.fixed(8080)`): the app that receives it reports it under the config var's key.
   *
   * @default - the value has the right type
   */
  readonly problem?: string;
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
    return new LiteralConfigValue(value, false, typeof value === "string" ? undefined : TYPE_RULES.string);
  }

  /**
   * A value per environment name, e.g. `{ staging: "config.StagingConfig", production: "config.ProductionConfig" }`.
   *
   * @param fallback the value for environments the map does not name; without it such an environment fails synth.
   */
  public static perEnvironment(values: Record<string, string>, fallback?: string): ConfigValue {
    if (!isRecord(values)) {
      return new LiteralConfigValue(values, false, `${TYPE_RULES.object} (ConfigValue.perEnvironment's values)`);
    }
    return new PerEnvironmentConfigValue(values, fallback);
  }

  /** A value that another resource produces, e.g. an app's web URL; Terraform resolves it at apply time. */
  public static fromAttribute(token: string): ConfigValue {
    return new LiteralConfigValue(token, false, typeof token === "string" ? undefined : TYPE_RULES.string);
  }

  /**
   * A secret: stored in `sensitive_config_vars`, so neither `cdktf.out` nor plan output shows it. Anything but a
   * {@link Secret} (a literal string from JavaScript, say) is refused: it would be written to `cdktf.out` as it is.
   */
  public static secret(secret: Secret): ConfigValue {
    if (secret instanceof Secret) return new LiteralConfigValue(secret.value, true);
    return new LiteralConfigValue(secret, true, TYPE_RULES.instance(SECRET_EXPECTED));
  }

  /** Whether the value depends on the environment (then {@link resolveConfigFor} must choose it first). */
  public abstract readonly perEnvironment: boolean;

  /** The value for an app in `environment`. */
  public abstract resolve(environment: string | undefined): ResolvedConfigValue;

  /** Why {@link resolve} found no value, for the error message. */
  public abstract describeMissing(environment: string | undefined): string;
}

/** How a report names the type {@link ConfigValue.secret} takes. */
const SECRET_EXPECTED = "a Secret (Secret.fromVariable or Secret.generate)";

class LiteralConfigValue extends ConfigValue {
  public readonly perEnvironment = false;

  constructor(
    private readonly value: unknown,
    private readonly sensitive: boolean,
    private readonly problem?: string,
  ) {
    super();
  }

  public resolve(): ResolvedConfigValue {
    // The value is kept with its problem, so that the report shows it (or, for a secret, describes it).
    const value = this.value as string;
    return this.problem === undefined
      ? { value, sensitive: this.sensitive }
      : { value, sensitive: this.sensitive, problem: this.problem };
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
    if (environment !== undefined && Object.hasOwn(this.values, environment)) {
      return { value: this.values[environment], sensitive: false };
    }
    // A name one slip away from one the map has ("prodution") is a typo, not an environment the fallback is for.
    if (environment !== undefined && this.likelyMeant(environment) !== undefined) return { sensitive: false };
    return { value: this.fallback, sensitive: false };
  }

  public describeMissing(environment: string | undefined): string {
    const known = Object.keys(this.values).join(", ");
    if (environment === undefined) return `is per-environment (${known}) but the app sets no environment`;
    const meant = this.likelyMeant(environment);
    return meant === undefined
      ? `has no value for environment "${environment}" (it has: ${known}) and no fallback`
      : `has no value for environment "${environment}" (it has: ${known}); did you mean "${meant}"?`;
  }

  /**
   * The environment of the map that `environment` is a slip for, if any. Environments of their own are not slips:
   * `staging-eu` beside `staging`, or `prod-2` beside `prod-1`.
   */
  private likelyMeant(environment: string): string | undefined {
    const meant = closestOf(environment, Object.keys(this.values), { prefixes: false });
    const numbered = (name: string) => name.replace(/[0-9]/g, "");
    return meant === undefined || meant === environment || numbered(meant) === numbered(environment)
      ? undefined
      : meant;
  }
}

/**
 * A per-environment value that {@link resolveConfigFor} found none for: kept in the config, so that an app given it
 * reports why rather than go without the config var.
 */
class UnchosenConfigValue extends ConfigValue {
  public readonly perEnvironment = false;

  constructor(private readonly reason: string) {
    super();
  }

  public resolve(): ResolvedConfigValue {
    return { sensitive: false, problem: this.reason };
  }

  public describeMissing(): string {
    return this.reason;
  }
}

/** A config map with its per-environment values chosen, and the keys that have no value for the environment. */
export interface ResolvedConfig {
  /**
   * Every entry, per-environment ones replaced by the value chosen for the environment (or, for those in `missing`,
   * by a value that an app refuses at synth with the reason).
   */
  readonly config: Record<string, string | ConfigValue>;
  /** Keys whose per-environment value has none for the environment (and no fallback), with why. */
  readonly missing: ReadonlyArray<{ readonly key: string; readonly reason: string }>;
}

/**
 * Chooses every per-environment value of `config` for `environment`, so that what reaches an app is concrete. Values
 * that are the same everywhere pass through unchanged. A value with none for `environment` (and no fallback, or a
 * name one slip away from one it has, such as "prodution") is listed in `missing` and stays in `config` as a value the
 * app refuses at synth, naming the environment: never dropped.
 */
export function resolveConfigFor(config: Record<string, string | ConfigValue>, environment: string): ResolvedConfig {
  const resolved: Record<string, string | ConfigValue> = {};
  const missing: Array<{ key: string; reason: string }> = [];
  for (const [key, entry] of Object.entries(config)) {
    // Anything but a per-environment value passes through: the app reports entries of the wrong type.
    if (!(entry instanceof ConfigValue) || !entry.perEnvironment) {
      resolved[key] = entry;
      continue;
    }
    const { value } = entry.resolve(environment);
    if (value === undefined) {
      const reason = entry.describeMissing(environment);
      missing.push({ key, reason });
      resolved[key] = new UnchosenConfigValue(reason);
    } else {
      resolved[key] = ConfigValue.fixed(value);
    }
  }
  return { config: resolved, missing };
}
