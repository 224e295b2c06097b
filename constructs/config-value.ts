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
 * - `ConfigValue.perEnvironment({ staging: "…", production: "…" })` — chosen by the app's `environment`;
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

  /** The value for an app in `environment`. */
  public abstract resolve(environment: string | undefined): ResolvedConfigValue;

  /** Why {@link resolve} found no value, for the error message. */
  public abstract describeMissing(environment: string | undefined): string;
}

class LiteralConfigValue extends ConfigValue {
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
