import { Construct, IConstruct } from "constructs";
import { App as AppResource } from "../.gen/providers/heroku/app";
import { DataHerokuApp } from "../.gen/providers/heroku/data-heroku-app";
import { BUILD_STACK_NAME, BuildStack } from "./build-stack";
import { ConfigValue } from "./config-value";
import { DynoSize } from "./dyno-size";
import { HerokuDomain } from "./heroku-domain";
import { HerokuFormation } from "./heroku-formation";
import { HerokuLogDrain } from "./heroku-log-drain";
import { HerokuPostgres, HerokuPostgresOptions } from "./heroku-postgres";
import { isLiteral, validateAtSynth } from "./private/validation";
import { APP_NAME, CONFIG_VAR_KEY } from "./private/rules";
import { HerokuRegion } from "./region";
import { Secret } from "./secret";

/** A Heroku app, created here or adopted with {@link HerokuApp.fromName}. */
export interface IHerokuApp extends IConstruct {
  /**
   * The app's UUID, as couplings, add-ons and formation take it.
   *
   * @attribute
   */
  readonly appId: string;

  /**
   * The app's name.
   *
   * @attribute
   */
  readonly appName: string;

  /**
   * The app's URL on herokuapp.com, e.g. `https://acme-api-staging-1a2b3c4d5e6f.herokuapp.com/`.
   *
   * @attribute
   */
  readonly webUrl: string;

  /** The environment the app serves (e.g. `staging`), when one was given. */
  readonly environment?: string;

  /** Whether the app holds production data: the lint rules and the defaults for `preventDestroy` follow it. */
  readonly productionLike: boolean;

  /** Whether Automated Certificate Management is on. */
  readonly acm: boolean;
}

/** Properties of a {@link HerokuApp}. */
export interface HerokuAppProps {
  /** The app's name: 3-30 lowercase letters, digits and dashes, starting with a letter, unique across Heroku. */
  readonly name: string;

  /**
   * Where the app runs.
   *
   * @default HerokuRegion.US
   */
  readonly region?: HerokuRegion;

  /**
   * The stack the app is built and run on; `BuildStack.CONTAINER` for apps released as Docker images.
   *
   * @default - Heroku's current default stack
   */
  readonly stack?: BuildStack;

  /**
   * Buildpacks, by name (`heroku/python`) or URL, in the order they run.
   *
   * @default - Heroku detects the buildpack from the code
   */
  readonly buildpacks?: string[];

  /**
   * Config vars: plain strings, or {@link ConfigValue}s (fixed, per-environment, derived from another resource, or
   * secret). Secret values go to `sensitive_config_vars`.
   *
   * Keys that Terraform does not manage (such as `DATABASE_URL`, set by the Postgres add-on) are left alone.
   *
   * @default - no config vars
   */
  readonly config?: Record<string, string | ConfigValue>;

  /**
   * Secret config vars, e.g. `{ SECRET_KEY: Secret.generate(this, "secret_key") }`. Never in `cdktf.out` or plan
   * output. A key may not appear in both `config` and `secrets`.
   *
   * @default - no secret config vars
   */
  readonly secrets?: Record<string, Secret>;

  /**
   * Automated Certificate Management: Heroku issues and renews TLS certificates for the app's custom domains.
   *
   * @default false
   */
  readonly acm?: boolean;

  /**
   * The Heroku team that owns the app.
   *
   * @default - a personal app, owned by the API key's user
   */
  readonly team?: string;

  /**
   * The environment the app serves, e.g. `staging`; per-environment config values are chosen by it.
   *
   * @default - none: per-environment config values cannot be used
   */
  readonly environment?: string;

  /**
   * Whether the app holds production data.
   *
   * @default - true when `environment` is `production`
   */
  readonly productionLike?: boolean;

  /**
   * Makes Terraform refuse any plan that would destroy or replace the app (`lifecycle.prevent_destroy`).
   *
   * @default - the value of `productionLike`
   */
  readonly preventDestroy?: boolean;
}

/**
 * A Heroku app: name, region, stack, buildpacks, config vars (plain and secret), ACM and team.
 *
 * Intent-level helpers add what an app usually needs: {@link addPostgres}, {@link addFormation},
 * {@link addDomain}, {@link addLogDrain}. The generated `heroku_app` resource is {@link resource}.
 */
export class HerokuApp extends Construct implements IHerokuApp {
  /**
   * Adopts an app created by hand (`heroku create`), read through the `heroku_app` data source. Terraform does not
   * manage the app itself; couplings, add-ons, formation and domains can still be attached to it.
   */
  public static fromName(
    scope: Construct,
    id: string,
    name: string,
    options: { environment?: string; productionLike?: boolean } = {},
  ): IHerokuApp {
    return new ImportedHerokuApp(scope, id, name, options);
  }

  public readonly appId: string;
  public readonly appName: string;
  public readonly webUrl: string;
  public readonly environment?: string;
  public readonly productionLike: boolean;
  public readonly preventDestroy: boolean;
  public readonly acm: boolean;
  public readonly region: HerokuRegion;

  /** The config var keys whose values are not secret, for the lint rules. */
  public readonly plainConfigKeys: readonly string[];

  /** The generated `heroku_app` resource. */
  public readonly resource: AppResource;

  constructor(scope: Construct, id: string, props: HerokuAppProps) {
    super(scope, id);
    this.environment = props.environment;
    this.productionLike = props.productionLike ?? props.environment === "production";
    this.preventDestroy = props.preventDestroy ?? this.productionLike;
    this.acm = props.acm ?? false;
    this.region = props.region ?? HerokuRegion.US;

    const plain: Record<string, string> = {};
    const sensitive: Record<string, string> = {};
    const unresolved: Array<{ key: string; value: ConfigValue }> = [];
    for (const [key, entry] of Object.entries(props.config ?? {})) {
      const resolved = typeof entry === "string" ? { value: entry, sensitive: false } : entry.resolve(this.environment);
      if (resolved.value === undefined) {
        unresolved.push({ key, value: entry as ConfigValue });
      } else {
        (resolved.sensitive ? sensitive : plain)[key] = resolved.value;
      }
    }
    for (const [key, secret] of Object.entries(props.secrets ?? {})) {
      sensitive[key] = secret.value;
    }
    this.plainConfigKeys = Object.keys(plain);

    this.resource = new AppResource(this, "Resource", {
      name: props.name,
      region: this.region.name,
      stack: props.stack?.name,
      buildpacks: props.buildpacks,
      configVars: Object.keys(plain).length > 0 ? plain : undefined,
      sensitiveConfigVars: Object.keys(sensitive).length > 0 ? sensitive : undefined,
      acm: props.acm,
      organization: props.team !== undefined ? { name: props.team } : undefined,
      lifecycle: this.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.appId = this.resource.id;
    this.appName = this.resource.name;
    this.webUrl = this.resource.webUrl;

    validateAtSynth(this, (problems) => {
      problems.requireMatch("name", props.name, APP_NAME.pattern, APP_NAME.description);
      if (!this.region.isKnown) {
        problems.add("region", this.region.name, `must be one of ${HerokuRegion.KNOWN.join(", ")}`);
      }
      if (props.stack !== undefined && !BUILD_STACK_NAME.test(props.stack.name)) {
        problems.add("stack", props.stack.name, "must be heroku-<NN> (e.g. heroku-24) or container");
      }
      for (const buildpack of props.buildpacks ?? []) {
        if (isLiteral(buildpack) && !/^([a-z0-9-]+\/[a-z0-9-]+|https:\/\/\S+)$/.test(buildpack)) {
          problems.add("buildpacks", buildpack, "must be a registry name such as heroku/python or an https:// URL");
        }
      }
      const configKeys = Object.keys(props.config ?? {});
      const secretKeys = Object.keys(props.secrets ?? {});
      for (const key of [...configKeys, ...secretKeys]) {
        problems.requireMatch(`config key`, key, CONFIG_VAR_KEY.pattern, CONFIG_VAR_KEY.description);
      }
      for (const key of configKeys.filter((key) => secretKeys.includes(key))) {
        problems.add("config key", key, "is in both config and secrets; a config var has one value");
      }
      for (const { key, value } of unresolved) {
        problems.add(`config.${key}`, "(per environment)", value.describeMissing(this.environment));
      }
      if (props.team !== undefined) {
        problems.requireMatch("team", props.team, /^[a-z][a-z0-9-]{1,29}$/, "must be a Heroku team name");
      }
    });
  }

  /** Provisions Heroku Postgres for this app; its URL is set on the app as `DATABASE_URL` (see the options). */
  public addPostgres(id = "Postgres", options: HerokuPostgresOptions = {}): HerokuPostgres {
    return new HerokuPostgres(this, id, { ...options, app: this });
  }

  /** Scales one process type (once a release declares it; see {@link HerokuFormation}). */
  public addFormation(type: string, size: DynoSize, quantity = 1): HerokuFormation {
    return new HerokuFormation(this, `Formation-${type}`, { app: this, type, size, quantity });
  }

  /** Adds a custom domain; with `acm` on, Heroku provisions its certificate. */
  public addDomain(hostname: string): HerokuDomain {
    return new HerokuDomain(this, `Domain-${hostname}`, { app: this, hostname });
  }

  /** Sends the app's logs to a drain; the URL usually embeds a token, so it is taken as a secret. */
  public addLogDrain(id: string, url: Secret): HerokuLogDrain {
    return new HerokuLogDrain(this, id, { app: this, url });
  }
}

class ImportedHerokuApp extends Construct implements IHerokuApp {
  public readonly appId: string;
  public readonly appName: string;
  public readonly webUrl: string;
  public readonly environment?: string;
  public readonly productionLike: boolean;
  public readonly acm: boolean;

  constructor(scope: Construct, id: string, name: string, options: { environment?: string; productionLike?: boolean }) {
    super(scope, id);
    const data = new DataHerokuApp(this, "Resource", { name });
    this.appId = data.uuid;
    this.appName = name;
    this.webUrl = data.webUrl;
    this.environment = options.environment;
    this.productionLike = options.productionLike ?? options.environment === "production";
    this.acm = false;
    validateAtSynth(this, (problems) => problems.requireMatch("name", name, APP_NAME.pattern, APP_NAME.description));
  }
}
