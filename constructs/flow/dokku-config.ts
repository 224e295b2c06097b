import type { ConfigValue } from "../config-value";
import type { DokkuPostgresOptions } from "../dokku-postgres";
import type { EnvironmentGitlabConfig, GitlabCiSide, TopologySecret } from "./flow-config";

/**
 * How many processes of one type run. Dokku has no dyno sizes: a process runs in a container on the server, as large as
 * the server lets it be.
 */
export interface DokkuProcessFormation {
  /** How many processes; 0 stops the process type. */
  readonly quantity: number;
}

/** One long-lived environment on Dokku (one stack): its app, database, processes, config and GitLab settings. */
export interface DokkuEnvironmentConfig {
  /** The environment's name: the stack's name, the GitLab environment and the scope of its CI/CD variables. */
  readonly name: string;

  /** The Dokku app's name, unique on the server (staging and production usually share one). */
  readonly appName: string;

  /**
   * A Postgres service linked to the app (`postgres:create`, `postgres:link`): `true` for the defaults (service
   * `<app name>-db`, `DATABASE_URL`), or its options. Production-like databases get `prevent_destroy`.
   *
   * @default - no database
   */
  readonly postgres?: true | DokkuPostgresOptions;

  /**
   * Processes per type, e.g. `{ web: { quantity: 2 } }`. The provider cannot manage Dokku's process scale, so it is
   * not a Terraform resource: the manifest records it and the deploy job runs `ps:scale` after each push.
   *
   * @default - Dokku's default: one `web` process
   */
  readonly formation?: Record<string, DokkuProcessFormation>;

  /**
   * Config vars of this environment only; they add to (and override) the topology's shared config.
   *
   * @default - none
   */
  readonly config?: Record<string, string | ConfigValue>;

  /**
   * Secret config vars of this environment only, by config var key; they add to (and override) the topology's
   * `secrets`.
   *
   * @default - none
   */
  readonly secrets?: Record<string, TopologySecret>;

  /**
   * The app's domains (`domains:set`).
   *
   * @default - Dokku's default: `<app name>.<the server's global domain>`
   */
  readonly domains?: string[];

  /**
   * Port mappings, `scheme:host-port:container-port` (e.g. `http:80:5000`).
   *
   * @default - Dokku's default: the ports the code exposes, mapped from 80
   */
  readonly ports?: string[];

  /**
   * Buildpacks, by URL, in the order they run.
   *
   * @default - Dokku detects the buildpack from the code
   */
  readonly buildpacks?: string[];

  /**
   * Whether the environment holds production data (prevent_destroy on the app and database; lint rules; protected
   * deploy key).
   *
   * @default - true for an environment named `production`
   */
  readonly productionLike?: boolean;

  /**
   * The GitLab side: whether the deploy key is protected, and whether the environment is.
   *
   * @default - protected variables for a production-like environment, unprotected environment
   */
  readonly gitlab?: EnvironmentGitlabConfig;
}

/** What every review app on Dokku (one per merge request) gets. */
export interface DokkuReviewAppConfig {
  /** Review app names are `<prefix>-<review id>`, shortened with a hash past 30 characters (as on Heroku). */
  readonly appNamePrefix: string;

  /**
   * Every review app's Postgres service: `true` for the defaults, or its options (a `serviceName` is refused: each
   * review app needs a service of its own, `<app name>-db`).
   *
   * @default - no database
   */
  readonly postgres?: true | Omit<DokkuPostgresOptions, "serviceName">;

  /**
   * Every review app's processes (the deploy job's `ps:scale`).
   *
   * @default - Dokku's default: one `web` process
   */
  readonly formation?: Record<string, DokkuProcessFormation>;

  /**
   * How long a review app lives after its last deploy before GitLab stops it (the review job's `auto_stop_in`).
   *
   * @default "1 week"
   */
  readonly autoStopIn?: string;

  /**
   * Secret config vars of every review app, by config var key; they add to (and override) the topology's `secrets`.
   *
   * @default - none
   */
  readonly secrets?: Record<string, TopologySecret>;
}

/**
 * A whole delivery topology on a self-hosted Dokku server: an app per environment, a Postgres service linked to each,
 * config vars, domains, and a review app per merge request, deployed from GitLab CI by `git push dokku@<host>:<app>`.
 *
 * The same shape as a Heroku topology with `platform: "dokku"`, less what Dokku has no equivalent for: a pipeline
 * (`pipelineName`, each environment's `stage`), regions, build stacks, add-ons, dyno sizes and Postgres plans are
 * refused with a message saying so. The server, its SSH user and key are settings of the run (`DOKKU_SSH_HOST`,
 * `DOKKU_SSH_USER`, `DOKKU_SSH_CERT`, read by the provider), never synthesized.
 */
export interface DokkuTopologyConfig {
  /** The platform: a self-hosted Dokku server. */
  readonly platform: "dokku";

  /** The topology's name: the title of its generated pipeline, and of its manifest. */
  readonly name: string;

  /** The GitLab project that deploys the apps, by full path or numeric id. */
  readonly gitlabProject: string;

  /**
   * The CI side. Dokku topologies deploy from GitLab CI.
   *
   * @default { provider: "gitlab" }
   */
  readonly ci?: GitlabCiSide;

  /** Release tags that production-like environments deploy from; protected so that only maintainers create them. */
  readonly releaseTag: string;

  /** Config vars every app gets (environments and review apps may override them). */
  readonly sharedConfig: Record<string, string | ConfigValue>;

  /** Config vars every app gets with a value Terraform generates once per app (e.g. `SECRET_KEY`). */
  readonly generatedSecrets: readonly string[];

  /**
   * Secret config vars every app gets, by config var key, each from a sensitive Terraform variable (as on Heroku).
   *
   * @default - none
   */
  readonly secrets?: Record<string, TopologySecret>;

  /** The long-lived environments, one stack each. */
  readonly environments: readonly DokkuEnvironmentConfig[];

  /**
   * What each review app (one per merge request, stack `review-<id>`) gets.
   *
   * @default - no review apps
   */
  readonly review?: DokkuReviewAppConfig;

  /**
   * The code's process types and their commands, as its `Procfile` declares them. Every formation must name one.
   *
   * @default - read from the `Procfile` in the directory the app is synthesized in; none when there is none
   */
  readonly processTypes?: Record<string, string>;
}
