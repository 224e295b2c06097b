import { Construct, IConstruct } from "constructs";
import { App as DokkuAppResource } from "../.gen/providers/dokku/app";
import { ConfigValue } from "./config-value";
import { FlowProviders } from "./flow-providers";
import { DokkuPostgres, DokkuPostgresOptions } from "./dokku-postgres";
import { declareEnvironmentName, declareProductionLike } from "./private/production-intent";
import { expectArray, expectBoolean, expectRecord, expectString, Report, reporterFor } from "./private/prop-types";
import { DOKKU_APP_NAME, DOKKU_DOMAIN, DOKKU_PORT_MAP, DOKKU_RULES } from "./private/rules";
import { appConfigVars, checkAppConfigKeys } from "./private/app-config-vars";
import { childIdFor, isLiteral, validateAtSynth } from "./private/validation";
import { isProductionLike } from "./production-like";
import { Secret } from "./secret";

/** Properties of a {@link DokkuApp}. */
export interface DokkuAppProps {
  /**
   * The app's name, unique on its Dokku server: a lowercase letter or digit first, no uppercase letters, `/`, `:` or
   * `_`. Dokku also serves the app at `<name>.<the server's domain>` unless `domains` says otherwise.
   */
  readonly name: string;

  /**
   * Config vars: plain strings, or {@link ConfigValue}s (fixed, derived from another resource, or secret). Dokku keeps
   * plain and secret vars in one map, which the provider marks sensitive as a whole; the construct keeps the difference
   * ({@link plainConfigKeys}) for the lint rules and the documentation.
   *
   * Keys that Terraform does not manage (such as `DATABASE_URL`, set by a Postgres link) are left alone.
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
   * The app's domains (`domains:set`); `_` is Dokku's catch-all.
   *
   * @default - Dokku's default: `<name>.<the server's global domain>`, when the server has one
   */
  readonly domains?: string[];

  /**
   * Port mappings, `scheme:host-port:container-port` (e.g. `http:80:5000`), as `ports:add` takes them.
   *
   * @default - Dokku's default: the ports the app's image or Procfile exposes, mapped from 80
   */
  readonly ports?: string[];

  /**
   * Buildpacks, by URL, in the order they run (`buildpacks:add`).
   *
   * @default - Dokku detects the buildpack from the code
   */
  readonly buildpacks?: string[];

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

/**
 * An app on a self-hosted Dokku server (`dokku_app` of the aaronstillwell/dokku provider): name, config vars (plain
 * and secret), domains, port mappings and buildpacks. {@link addPostgres} adds a database service linked to it.
 *
 * Dokku has no pipelines and no dyno sizes: an app per environment is the whole topology, and the process formation
 * (`ps:scale`) is the deploy's business, not Terraform's (the provider does not manage it).
 */
export class DokkuApp extends Construct {
  public readonly appName: string;
  public readonly environment?: string;
  public readonly productionLike: boolean;
  public readonly preventDestroy: boolean;

  /** The config var keys whose values are not secret (for the lint rules and documentation). */
  public readonly plainConfigKeys: readonly string[];

  /** Every config var key the app declares, plain or secret. */
  public readonly configKeys: readonly string[];

  /** The generated `dokku_app` resource. */
  public readonly resource: DokkuAppResource;

  constructor(scope: Construct, id: string, givenProps: DokkuAppProps) {
    super(scope, id);
    // From JavaScript or JSON any prop may have any type: each is checked, and one of the wrong type is reported and
    // left out, so that building goes on and every other problem is reported too.
    const props = checkedProps(reporterFor(this), givenProps);
    this.environment = props.environment;
    this.productionLike = isProductionLike({ productionLike: props.productionLike, name: props.environment });
    this.preventDestroy = props.preventDestroy ?? this.productionLike;

    const { plain, sensitive, unresolved } = appConfigVars(this, props.config, props.secrets);
    this.plainConfigKeys = Object.keys(plain);
    const configVars = { ...plain, ...sensitive };
    this.configKeys = Object.keys(configVars);

    FlowProviders.dokkuProviderFor(this);
    this.resource = new DokkuAppResource(this, "Resource", {
      name: props.name,
      configVars: this.configKeys.length > 0 ? configVars : undefined,
      domains: props.domains,
      ports: props.ports,
      buildpacks: props.buildpacks,
      lifecycle: this.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.appName = this.resource.name;
    if (props.productionLike !== undefined || this.productionLike) {
      declareProductionLike(this.resource, this.productionLike);
    }
    if (props.environment !== undefined) declareEnvironmentName(this.resource, props.environment);
    const sameName = dokkuAppsNamed(this, props.name);

    validateAtSynth(this, (problems) => {
      problems.check("name", props.name, DOKKU_APP_NAME);
      const first = sameName[0];
      if (first !== this)
        problems.add("name", props.name, DOKKU_RULES.appNameTaken(first.node.path), "give each app its own name");
      for (const domain of props.domains ?? []) problems.check("domains", domain, DOKKU_DOMAIN);
      const hostPorts = new Map<string, string>();
      for (const port of props.ports ?? []) {
        if (!problems.check("ports", port, DOKKU_PORT_MAP) || !isLiteral(port)) continue;
        const [scheme, hostPort] = port.split(":");
        const key = `${scheme}:${Number(hostPort)}`;
        const first = hostPorts.get(key);
        if (first !== undefined) problems.add("ports", port, DOKKU_RULES.portReused(first), DOKKU_RULES.portReusedHint);
        else hostPorts.set(key, port);
      }
      checkAppConfigKeys(problems, props.config, props.secrets, unresolved);
    });
  }

  /**
   * Creates a Postgres service (`postgres:create`) and links it to this app (`postgres:link`), which sets the app's
   * `DATABASE_URL` (or `<alias>_URL`); see {@link DokkuPostgres}.
   */
  public addPostgres(id = "Postgres", options: DokkuPostgresOptions = {}): DokkuPostgres {
    const childId = childIdFor(
      this,
      id,
      "addPostgres()",
      'give each database its own id, service name and alias, e.g. addPostgres("Analytics", { alias: "ANALYTICS" })',
    );
    const given = expectRecord(reporterFor(this), "addPostgres() options", options, { optional: true }) ? options : {};
    return new DokkuPostgres(this, childId, { ...given, app: this });
  }
}

const appsByName = new WeakMap<IConstruct, Map<string, DokkuApp[]>>();

/** The Dokku apps of the whole construct tree (every stack) with the literal name `name`, `app` included. */
function dokkuAppsNamed(app: DokkuApp, name: string): readonly DokkuApp[] {
  if (!isLiteral(name)) return [app];
  const byName = appsByName.get(app.node.root) ?? new Map<string, DokkuApp[]>();
  appsByName.set(app.node.root, byName);
  const apps = byName.get(name) ?? [];
  byName.set(name, apps);
  apps.push(app);
  return apps;
}

/** The props with each one of the wrong type reported and left out (`name` then becomes undefined). */
function checkedProps(report: Report, props: DokkuAppProps): DokkuAppProps {
  const given: Partial<DokkuAppProps> = expectRecord(report, "props", props) ? props : {};
  const optional = { optional: true };
  const string = (field: keyof DokkuAppProps) =>
    expectString(report, field, given[field], field === "name" ? {} : optional) ? (given[field] as string) : undefined;
  const boolean = (field: keyof DokkuAppProps) =>
    expectBoolean(report, field, given[field], optional) ? (given[field] as boolean) : undefined;
  const strings = (field: "domains" | "ports" | "buildpacks") =>
    expectArray(report, field, given[field], optional)
      ? given[field].filter((entry, index) => expectString(report, `${field}[${index}]`, entry))
      : undefined;
  return {
    name: string("name") as string,
    config: expectRecord(report, "config", given.config, optional) ? given.config : undefined,
    secrets: expectRecord(report, "secrets", given.secrets, optional) ? given.secrets : undefined,
    domains: strings("domains"),
    ports: strings("ports"),
    buildpacks: strings("buildpacks"),
    environment: string("environment"),
    productionLike: boolean("productionLike"),
    preventDestroy: boolean("preventDestroy"),
  };
}
