import { Construct, IConstruct } from "constructs";
import { PostgresService } from "../.gen/providers/dokku/postgres-service";
import { PostgresServiceLink } from "../.gen/providers/dokku/postgres-service-link";
import type { DokkuApp } from "./dokku-app";
import { FlowProviders } from "./flow-providers";
import {
  expectBoolean,
  expectMatching,
  expectRecord,
  expectString,
  isDokkuApp,
  reporterFor,
} from "./private/prop-types";
import { DOKKU_LINK_ALIAS, DOKKU_RULES, DOKKU_SERVICE_NAME, EXPECTED_TYPES, TYPE_RULES } from "./private/rules";
import { isLiteral, validateAtSynth } from "./private/validation";

/** Options for {@link DokkuApp.addPostgres}. */
export interface DokkuPostgresOptions {
  /**
   * The service's name, unique among the server's Postgres services: letters, digits, `_` and `-`.
   *
   * @default - the app's name followed by `-db`, with any character a service name cannot hold (a dot) made a dash;
   * none when the name is only known to Terraform
   */
  readonly serviceName?: string;

  /**
   * The name the link exposes the service under: the link sets the app's `<ALIAS>_URL` config var. The default,
   * `DATABASE`, gives `DATABASE_URL`, what most frameworks read.
   *
   * @default "DATABASE"
   */
  readonly alias?: string;

  /**
   * The Postgres version (the image tag of the service, e.g. `16.4`).
   *
   * @default - the Postgres plugin's default version
   */
  readonly imageVersion?: string;

  /**
   * Makes Terraform refuse any plan that would destroy or replace the database service
   * (`lifecycle.prevent_destroy`). Turning it off on a production database is reported by the lint rules.
   *
   * @default - true when the app is production-like
   */
  readonly preventDestroy?: boolean;
}

/** Properties of a {@link DokkuPostgres}. */
export interface DokkuPostgresProps extends DokkuPostgresOptions {
  /** The app the database is linked to. */
  readonly app: DokkuApp;
}

/**
 * A Postgres service of Dokku's Postgres plugin (`dokku_postgres_service`) and its link to an app
 * (`dokku_postgres_service_link`).
 *
 * The link writes the connection string to the app's config var {@link configVarName} (`DATABASE_URL` by default).
 * Terraform does not manage that config var (the provider leaves alone the keys an app does not declare), and
 * declaring it too, in the app's `config` or `secrets`, fails synth: every apply would set it back, and every plan would
 * hold the database URL.
 */
export class DokkuPostgres extends Construct {
  public readonly serviceName: string;
  public readonly alias: string;
  public readonly preventDestroy: boolean;
  public readonly app: DokkuApp;

  /** The generated `dokku_postgres_service` resource. */
  public readonly service: PostgresService;

  /** The generated `dokku_postgres_service_link` resource. */
  public readonly link: PostgresServiceLink;

  constructor(scope: Construct, id: string, props: DokkuPostgresProps) {
    super(scope, id);
    // Each prop of the wrong type (from JavaScript or JSON) is reported and left out, so that building goes on.
    const report = reporterFor(this);
    const given: Partial<DokkuPostgresProps> = expectRecord(report, "props", props) ? props : {};
    const optional = { optional: true };
    const app = expectMatching(report, "app", given.app, isDokkuApp, TYPE_RULES.instance(EXPECTED_TYPES.dokkuApp))
      ? given.app
      : undefined;
    this.app = app ?? (given.app as DokkuApp);
    const string = (field: "serviceName" | "alias" | "imageVersion") =>
      expectString(report, field, given[field], optional) ? given[field] : undefined;
    // The name as written, not the resource's reference to it, which is a token at synth.
    const appName = app?.resource.nameInput;
    // App names may hold dots and other characters service names may not: those become dashes.
    const derived = isLiteral(appName) ? `${appName.replace(/[^A-Za-z0-9_-]/g, "-")}-db` : "";
    this.serviceName = string("serviceName") ?? derived;
    this.alias = string("alias") ?? "DATABASE";
    this.preventDestroy =
      (expectBoolean(report, "preventDestroy", given.preventDestroy, optional) ? given.preventDestroy : undefined) ??
      app?.productionLike ??
      false;

    FlowProviders.dokkuProviderFor(this);
    this.service = new PostgresService(this, "Service", {
      name: this.serviceName,
      imageVersion: string("imageVersion"),
      lifecycle: this.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.link = new PostgresServiceLink(this, "Link", {
      app: app?.appName ?? "",
      service: this.service.name,
      alias: this.alias === "DATABASE" ? undefined : this.alias,
    });
    const sameName = servicesNamed(this);

    validateAtSynth(this, (problems) => {
      if (this.serviceName === "") {
        problems.add(
          "serviceName",
          this.serviceName,
          "must be given when the app's name is only known to Terraform (there is no name to derive it from)",
        );
      } else problems.check("serviceName", this.serviceName, DOKKU_SERVICE_NAME);
      const first = sameName[0];
      if (first !== this) {
        problems.add(
          "serviceName",
          this.serviceName,
          DOKKU_RULES.serviceNameTaken(first.node.path),
          DOKKU_RULES.serviceNameTakenHint,
        );
      }
      problems.check("alias", this.alias, DOKKU_LINK_ALIAS);
      if (app && app.configKeys.includes(this.configVarName)) {
        problems.add(
          "app config",
          this.configVarName,
          DOKKU_RULES.setByLink(this.serviceName),
          DOKKU_RULES.setByLinkHint(this.configVarName),
        );
      }
    });
  }

  /** The app config var that holds the connection string, which the link sets. */
  public get configVarName(): string {
    return `${this.alias}_URL`;
  }
}

const servicesByName = new WeakMap<IConstruct, Map<string, DokkuPostgres[]>>();

/** The Postgres services of the whole construct tree with the literal name of `service`, `service` included. */
function servicesNamed(service: DokkuPostgres): readonly DokkuPostgres[] {
  if (!isLiteral(service.serviceName) || service.serviceName === "") return [service];
  const byName = servicesByName.get(service.node.root) ?? new Map<string, DokkuPostgres[]>();
  servicesByName.set(service.node.root, byName);
  const services = byName.get(service.serviceName) ?? [];
  byName.set(service.serviceName, services);
  services.push(service);
  return services;
}
