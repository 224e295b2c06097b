import { Annotations } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { App as AppResource } from "../.gen/providers/heroku/app";
import { DataHerokuApp } from "../.gen/providers/heroku/data-heroku-app";
import { BuildStack } from "./build-stack";
import { ConfigValue } from "./config-value";
import { DynoSize } from "./dyno-size";
import { HerokuAddon, HerokuAddonOptions } from "./heroku-addon";
import { HerokuDomain } from "./heroku-domain";
import { HerokuFormation } from "./heroku-formation";
import { HerokuLogDrain, HerokuLogDrainOptions } from "./heroku-log-drain";
import { HerokuPostgres, HerokuPostgresOptions } from "./heroku-postgres";
import { declareEnvironmentName, declareProductionLike } from "./private/production-intent";
import { isProductionLike } from "./production-like";
import {
  expectArray,
  expectBoolean,
  expectInstance,
  expectRecord,
  expectString,
  isRecord,
  Report,
  reporterFor,
} from "./private/prop-types";
import {
  APP_NAME,
  BUILD_STACK,
  BUILDPACK,
  CONFIG_VARS_MAX_BYTES,
  CONFIG_VARS_SIZE_RULE,
  EXPECTED_TYPES,
  factoryHint,
  REGION,
  TEAM_NAME,
  UNRESERVED_CONFIG_KEY,
  USER_CONFIG_KEY,
} from "./private/rules";
import { appConfigVars, checkAppConfigKeys } from "./private/app-config-vars";
import { childIdFor, isLiteral, Problems, validateAtSynth } from "./private/validation";
import { HerokuRegion } from "./region";
import { Secret } from "./secret";

/** A Heroku app, created here, adopted with {@link HerokuApp.adopt}, or referenced with {@link HerokuApp.fromName}. */
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

  /** Whether the app holds production data: the defaults for `preventDestroy` follow it. */
  readonly productionLike: boolean;

  /**
   * Whether Automated Certificate Management is on; undefined when only Heroku knows (an app referenced with
   * {@link HerokuApp.fromName}, whose settings Terraform does not manage).
   */
  readonly acm?: boolean;

  /** Provisions Heroku Postgres for this app; its URL is set on the app as `DATABASE_URL` (see the options). */
  addPostgres(id?: string, options?: HerokuPostgresOptions): HerokuPostgres;

  /** Provisions any add-on by `service:plan` (Key-Value Store, Scheduler, Papertrail, …); see {@link HerokuAddon}. */
  addAddon(id: string, options: HerokuAddonOptions): HerokuAddon;

  /** Scales one process type (once a release declares it; see {@link HerokuFormation}). */
  addFormation(type: string, size: DynoSize, quantity?: number): HerokuFormation;

  /** Adds a custom domain; with `acm` on, Heroku provisions its certificate. */
  addDomain(hostname: string): HerokuDomain;

  /** Sends the app's logs to a drain; the URL usually embeds a token, so it is taken as a secret. */
  addLogDrain(id: string, url: Secret, options?: HerokuLogDrainOptions): HerokuLogDrain;
}

/** Options for {@link HerokuApp.fromName}. */
export interface HerokuAppReferenceOptions {
  /**
   * The environment the app serves.
   *
   * @default - none
   */
  readonly environment?: string;

  /**
   * Whether the app holds production data (databases added to it then get `prevent_destroy`).
   *
   * @default - true when `environment` is `production` (in any case)
   */
  readonly productionLike?: boolean;
}

/** The `add*` helpers every app has, whether created, adopted or referenced. */
abstract class HerokuAppBase extends Construct implements IHerokuApp {
  public abstract readonly appId: string;
  public abstract readonly appName: string;
  public abstract readonly webUrl: string;
  public abstract readonly environment?: string;
  public abstract readonly productionLike: boolean;
  public abstract readonly acm?: boolean;

  public addPostgres(id = "Postgres", options: HerokuPostgresOptions = {}): HerokuPostgres {
    const childId = childIdFor(
      this,
      id,
      "addPostgres()",
      'give each database its own id and attachment name, e.g. addPostgres("Analytics", { attachmentName: "ANALYTICS" })',
    );
    const report = reporterFor(this);
    const given = expectRecord(report, "addPostgres() options", options, { optional: true }) ? options : {};
    return new HerokuPostgres(this, childId, { ...given, app: this });
  }

  public addAddon(id: string, options: HerokuAddonOptions): HerokuAddon {
    const childId = childIdFor(this, id, "addAddon()", "give each add-on its own id");
    return new HerokuAddon(this, childId, { ...options, app: this });
  }

  public addFormation(type: string, size: DynoSize, quantity = 1): HerokuFormation {
    const childId = childIdFor(
      this,
      `Formation-${type}`,
      "addFormation()",
      `call addFormation("${type}", …) once per process type, with the size and quantity it should have`,
    );
    return new HerokuFormation(this, childId, { app: this, type, size, quantity });
  }

  public addDomain(hostname: string): HerokuDomain {
    const childId = childIdFor(this, `Domain-${hostname}`, "addDomain()", `add ${hostname} once`);
    return new HerokuDomain(this, childId, { app: this, hostname });
  }

  public addLogDrain(id: string, url: Secret, options: HerokuLogDrainOptions = {}): HerokuLogDrain {
    const childId = childIdFor(this, id, "addLogDrain()", "give each drain its own id");
    const given = expectRecord(reporterFor(this), "addLogDrain() options", options, { optional: true }) ? options : {};
    return new HerokuLogDrain(this, childId, { ...given, app: this, url });
  }
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
   * Config vars: plain strings, or {@link ConfigValue}s (fixed, derived from another resource, or secret). Secret
   * values go to `sensitive_config_vars`. Per-environment values are chosen before they reach the app
   * (`resolveConfigFor`); one left unchosen is a synth problem.
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
   * The environment the app serves, e.g. `staging`: a label, and a fact for {@link isProductionLike}.
   *
   * @default - none
   */
  readonly environment?: string;

  /**
   * Whether the app holds production data.
   *
   * @default - as {@link isProductionLike} decides from `environment` (true for `production` in any case)
   */
  readonly productionLike?: boolean;

  /**
   * Makes Terraform refuse any plan that would destroy or replace the app (`lifecycle.prevent_destroy`).
   *
   * @default - the value of `productionLike`
   */
  readonly preventDestroy?: boolean;
}

/** Properties of {@link HerokuApp.adopt}: the app as it should be, once Terraform manages it. */
export interface HerokuAppAdoptProps extends HerokuAppProps {
  /**
   * What Terraform imports the app by: its name or UUID.
   *
   * @default - the app's name
   */
  readonly importId?: string;
}

/**
 * A Heroku app: name, region, stack, buildpacks, config vars (plain and secret), ACM and team.
 *
 * Intent-level helpers add what an app usually needs: {@link addPostgres}, {@link addAddon}, {@link addFormation},
 * {@link addDomain}, {@link addLogDrain}. The generated `heroku_app` resource is {@link resource}.
 */
export class HerokuApp extends HerokuAppBase {
  /**
   * Brings an app made by hand (`heroku create`) under management without re-creating it: the `heroku_app` resource
   * gets a Terraform `import` block, so the first plan shows an import (and updates to match `props`), never a create
   * or a replacement; later plans manage it like any other app. Describe the app as it is (same name, region and
   * stack: a different region or stack would force a replacement, which `preventDestroy` then refuses).
   *
   * Config vars are not imported by the Heroku provider: the ones in `config` and `secrets` are set on the first
   * apply; others stay as they are, unmanaged.
   *
   * The import block can stay after the first apply (Terraform ignores it once the app is in state).
   */
  public static adopt(scope: Construct, id: string, props: HerokuAppAdoptProps): HerokuApp {
    const { importId, ...appProps } = isRecord(props) ? props : ({} as HerokuAppAdoptProps);
    // An app made by hand usually serves someone already: losing it to a mistaken replacement must take a decision.
    const childId = childIdFor(scope, id, "HerokuApp.adopt()", "adopt each app once");
    const app = new HerokuApp(scope, childId, { ...appProps, preventDestroy: appProps.preventDestroy ?? true });
    const given = expectString(reporterFor(app), "importId", importId, { optional: true }) ? importId : undefined;
    app.resource.importFrom(given ?? app.resource.nameInput ?? "");
    return app;
  }

  /**
   * References an app that Terraform does not manage (made by hand, or managed elsewhere), read through the
   * `heroku_app` data source. Add-ons, formation, domains, log drains and couplings can still be attached to it;
   * to manage the app itself, use {@link adopt}.
   */
  public static fromName(
    scope: Construct,
    id: string,
    name: string,
    options: HerokuAppReferenceOptions = {},
  ): IHerokuApp {
    const childId = childIdFor(
      scope,
      id,
      "HerokuApp.fromName()",
      "reference each app once and pass the reference around",
    );
    return new ReferencedHerokuApp(scope, childId, name, options);
  }

  public readonly appId: string;
  public readonly appName: string;
  public readonly webUrl: string;
  public readonly environment?: string;
  public readonly productionLike: boolean;
  public readonly preventDestroy: boolean;
  public readonly acm: boolean;
  public readonly region: HerokuRegion;

  /** The config var keys whose values are not secret (for documentation such as the topology diagram). */
  public readonly plainConfigKeys: readonly string[];

  /** The generated `heroku_app` resource. */
  public readonly resource: AppResource;

  constructor(scope: Construct, id: string, givenProps: HerokuAppProps) {
    super(scope, id);
    // From JavaScript or JSON any prop may have any type: each is checked, and one of the wrong type is reported and
    // left out, so that building goes on and every other problem is reported too.
    const props = checkedAppProps(reporterFor(this), givenProps);
    this.environment = props.environment;
    this.productionLike = isProductionLike({ productionLike: props.productionLike, name: props.environment });
    this.preventDestroy = props.preventDestroy ?? this.productionLike;
    this.acm = props.acm ?? false;
    this.region = props.region ?? HerokuRegion.US;

    const { plain, sensitive, unresolved } = appConfigVars(this, props.config, props.secrets);
    for (const key of [...Object.keys(plain), ...Object.keys(sensitive)]) {
      if (!UNRESERVED_CONFIG_KEY.test(key)) {
        Annotations.of(this).addWarning(`config key ${JSON.stringify(key)} ${UNRESERVED_CONFIG_KEY.description}`);
      }
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
    if (props.productionLike !== undefined || this.productionLike) {
      declareProductionLike(this.resource, this.productionLike);
    }
    if (props.environment !== undefined) declareEnvironmentName(this.resource, props.environment);
    const sameName = appsNamed(this, props.name);

    validateAtSynth(this, (problems) => {
      problems.check("name", props.name, APP_NAME);
      // Apps register in the order they are made: each later app is reported against the first.
      const first = sameName[0];
      if (first !== this) {
        problems.add(
          "name",
          props.name,
          `is also the name of the app at ${first.node.path}; Heroku app names are unique across Heroku`,
          "give each app its own name",
        );
      }
      problems.check("region", this.region.name, REGION);
      problems.check("stack", props.stack?.name, BUILD_STACK);
      for (const buildpack of props.buildpacks ?? []) problems.check("buildpacks", buildpack, BUILDPACK);
      checkAppConfigKeys(problems, props.config, props.secrets, unresolved);
      checkConfigVarsHerokuAccepts(problems, this.resource);
      problems.check("team", props.team, TEAM_NAME);
    });
  }
}

class ReferencedHerokuApp extends HerokuAppBase {
  public readonly appId: string;
  public readonly appName: string;
  public readonly webUrl: string;
  public readonly environment?: string;
  public readonly productionLike: boolean;
  public readonly acm?: boolean;

  /** The `heroku_app` data source the app is read through. */
  public readonly data: DataHerokuApp;

  constructor(scope: Construct, id: string, name: string, givenOptions: HerokuAppReferenceOptions) {
    super(scope, id);
    // Each argument of the wrong type (from JavaScript or JSON) is reported and left out, so that building goes on.
    const report = reporterFor(this);
    const nameGiven = expectString(report, "name", name);
    const options: HerokuAppReferenceOptions = expectRecord(report, "options", givenOptions) ? givenOptions : {};
    const environment = expectString(report, "environment", options.environment, { optional: true })
      ? options.environment
      : undefined;
    const productionLike = expectBoolean(report, "productionLike", options.productionLike, { optional: true })
      ? options.productionLike
      : undefined;
    this.data = new DataHerokuApp(this, "Resource", { name: nameGiven ? name : "" });
    this.appId = this.data.uuid;
    this.appName = name;
    this.webUrl = this.data.webUrl;
    this.environment = environment;
    this.productionLike = isProductionLike({ productionLike, name: environment });
    this.acm = undefined;
    validateAtSynth(this, (problems) => {
      if (nameGiven) problems.check("name", name, APP_NAME);
    });
  }
}

const appsByName = new WeakMap<IConstruct, Map<string, HerokuApp[]>>();

/** The apps of the whole construct tree (every stack) that have the literal name `name`, `app` included. */
function appsNamed(app: HerokuApp, name: string): readonly HerokuApp[] {
  if (!isLiteral(name)) return [app];
  const root = app.node.root;
  const byName = appsByName.get(root) ?? new Map<string, HerokuApp[]>();
  appsByName.set(root, byName);
  const apps = byName.get(name) ?? [];
  byName.set(name, apps);
  apps.push(app);
  return apps;
}

/**
 * The props with each one of the wrong type reported and left out (a required one, `name`, becomes undefined: the
 * resource then has no name, and nothing is synthesized while the problem exists). Props not checked here pass as
 * they are.
 */
function checkedAppProps(report: Report, props: HerokuAppProps): HerokuAppProps {
  const given: Partial<HerokuAppProps> = expectRecord(report, "props", props) ? props : {};
  const optional = { optional: true };
  const string = (field: keyof HerokuAppProps) =>
    expectString(report, field, given[field], field === "name" ? {} : optional) ? (given[field] as string) : undefined;
  const boolean = (field: keyof HerokuAppProps) =>
    expectBoolean(report, field, given[field], optional) ? (given[field] as boolean) : undefined;
  const region = expectInstance(report, "region", given.region, HerokuRegion, EXPECTED_TYPES.region, {
    ...optional,
    hint: factoryHint("HerokuRegion.of"),
  })
    ? given.region
    : undefined;
  const stack = expectInstance(report, "stack", given.stack, BuildStack, EXPECTED_TYPES.buildStack, {
    ...optional,
    hint: factoryHint("BuildStack.of"),
  })
    ? given.stack
    : undefined;
  const buildpacks = expectArray(report, "buildpacks", given.buildpacks, optional)
    ? given.buildpacks.filter((buildpack, index) => expectString(report, `buildpacks[${index}]`, buildpack))
    : undefined;
  return {
    ...given,
    name: string("name") as string,
    region: region !== undefined && expectString(report, "region", region.name) ? region : undefined,
    stack: stack !== undefined && expectString(report, "stack", stack.name) ? stack : undefined,
    buildpacks,
    config: expectRecord(report, "config", given.config, optional) ? given.config : undefined,
    secrets: expectRecord(report, "secrets", given.secrets, optional) ? given.secrets : undefined,
    acm: boolean("acm"),
    team: string("team"),
    environment: string("environment"),
    productionLike: boolean("productionLike"),
    preventDestroy: boolean("preventDestroy"),
  };
}

/**
 * What Heroku refuses of an app's config vars, read from the `heroku_app` resource (so that vars set through the
 * escape hatch count too): the keys its dyno manager sets on each dyno, and more than 32 KB of keys and values.
 *
 * The size counts what is known at synth: every key, and the values that are literal. Values only Terraform knows
 * (secrets, attributes of other resources) are skipped, as are the vars add-ons set (DATABASE_URL, …): the sum is a
 * lower bound, and an app close to the limit can still be refused at apply.
 */
function checkConfigVarsHerokuAccepts(problems: Problems, resource: AppResource): void {
  const vars = { ...(resource.configVarsInput ?? {}), ...(resource.sensitiveConfigVarsInput ?? {}) };
  let bytes = 0;
  for (const [key, value] of Object.entries(vars)) {
    problems.check("config key", key, USER_CONFIG_KEY);
    bytes += Buffer.byteLength(key, "utf8");
    if (isLiteral(value)) bytes += Buffer.byteLength(value, "utf8");
  }
  if (bytes > CONFIG_VARS_MAX_BYTES) {
    problems.addHidden(
      "config",
      `${bytes} bytes of keys and literal values`,
      CONFIG_VARS_SIZE_RULE,
      "keep large values out of config vars: in the code, a file of the release, or an add-on",
    );
  }
}
