import { BuildStack } from "../build-stack";
import { ConfigValue } from "../config-value";
import { DynoSize } from "../dyno-size";
import { GitlabDeployAccessLevel } from "../gitlab-environment";
import type { HerokuAddonOptions } from "../heroku-addon";
import { PipelineStage } from "../heroku-pipeline-coupling";
import { PostgresPlan } from "../postgres-plan";
import { HerokuRegion } from "../region";

/** Dynos for one process type. */
export interface ProcessFormation {
  /** The dyno size. */
  readonly size: DynoSize;

  /** How many dynos; 0 stops the process type. */
  readonly quantity: number;
}

/**
 * A secret config var whose value comes from a sensitive Terraform variable, set at deploy time as `TF_VAR_<variable>`
 * (in CI, a masked CI/CD variable). The value never appears in code, in `cdktf.out` or in plan output; Terraform
 * refuses an empty value, or one that starts or ends with whitespace, before the app is changed.
 */
export interface TopologySecret {
  /**
   * The Terraform variable that supplies the value: the environment variable to set is `TF_VAR_<variable>`. Give
   * environments that need different values their own variable (e.g. `stripe_key_staging`, `stripe_key_production`).
   */
  readonly variable: string;

  /**
   * What the value is and where it comes from, shown by `terraform plan` when it is missing.
   *
   * @default - none
   */
  readonly description?: string;
}

/** The GitLab side of one environment. */
export interface EnvironmentGitlabConfig {
  /**
   * Expose the deploy key only to protected branches and tags (production: only `v*` tags deploy). An unprotected
   * deploy key of a production-like environment reaches every branch's pipeline, so any branch could deploy
   * production: lint rule HF7 refuses it.
   *
   * @default - true for a production-like environment, false otherwise
   */
  readonly protectedVariables?: boolean;

  /**
   * Protect the GitLab environment itself (GitLab Premium).
   *
   * @default - not protected
   */
  readonly protectedFor?: GitlabDeployAccessLevel;
}

/** One long-lived environment (one stack): its app, database, dynos, config and GitLab settings. */
export interface EnvironmentConfig {
  /** The environment's name: the stack's name, the GitLab environment and the scope of its CI/CD variables. */
  readonly name: string;

  /** The Heroku app's name. */
  readonly appName: string;

  /** The pipeline stage the app is coupled at. */
  readonly stage: PipelineStage;

  /**
   * Where the app runs.
   *
   * @default - the topology's region
   */
  readonly region?: HerokuRegion;

  /**
   * The stack the app is built and run on (`BuildStack.CONTAINER` for Docker deploys).
   *
   * @default - Heroku's default stack
   */
  readonly stack?: BuildStack;

  /** The Postgres plan. */
  readonly postgres: PostgresPlan;

  /** Dynos per process type, e.g. `{ web: { size: DynoSize.BASIC, quantity: 1 } }`. */
  readonly formation: Record<string, ProcessFormation>;

  /**
   * Config vars of this environment only; they add to (and override) the topology's shared config.
   *
   * @default - none
   */
  readonly config?: Record<string, string | ConfigValue>;

  /**
   * Secret config vars of this environment only, by config var key, e.g.
   * `{ STRIPE_SECRET_KEY: { variable: "stripe_key_production" } }`; they add to (and override) the topology's
   * `secrets`.
   *
   * @default - none
   */
  readonly secrets?: Record<string, TopologySecret>;

  /**
   * Add-ons of this environment's app, by id, e.g. `{ Redis: { plan: "heroku-redis:premium-0" } }`; they add to (and,
   * for the same id, replace) the topology's `addons`. Data stores of a production-like environment get
   * `prevent_destroy`.
   *
   * @default - none
   */
  readonly addons?: Record<string, HerokuAddonOptions>;

  /**
   * Whether the environment holds production data (prevent_destroy on the app and database; lint rules).
   *
   * @default - true for the `production` stage
   */
  readonly productionLike?: boolean;

  /**
   * The GitLab side: whether the deploy key is protected, and whether the environment is.
   *
   * @default - unprotected variables, unprotected environment
   */
  readonly gitlab?: EnvironmentGitlabConfig;
}

/** What every review app (one per merge request) gets. */
export interface ReviewAppConfig {
  /** Review app names are `<prefix>-<review id>`, shortened with a hash when longer than Heroku's 30 characters. */
  readonly appNamePrefix: string;

  /** Every review app's Postgres plan; review data is throwaway, so an Essential plan fits. */
  readonly postgres: PostgresPlan;

  /** Every review app's dynos. */
  readonly formation: Record<string, ProcessFormation>;

  /**
   * How long a review app lives after its last deploy before GitLab stops it (the review job's `auto_stop_in`, in
   * GitLab's duration syntax).
   *
   * @default "1 week"
   */
  readonly autoStopIn?: string;

  /**
   * Secret config vars of every review app, by config var key; they add to (and override) the topology's `secrets`.
   * Review apps run in merge-request pipelines, so their variables must not be protected in GitLab.
   *
   * @default - none
   */
  readonly secrets?: Record<string, TopologySecret>;

  /**
   * Add-ons of every review app, by id (e.g. `{ Redis: { plan: "heroku-redis:mini" } }`); they add to (and, for the
   * same id, replace) the topology's `addons`. Checked on every synth, since review stacks exist only in a merge
   * request's pipeline.
   *
   * @default - none
   */
  readonly addons?: Record<string, HerokuAddonOptions>;
}

/**
 * The GitLab CI side: each long-lived environment's deploy key and app name in CI/CD variables of its GitLab
 * environment (protected for production-like ones), protected release tags, review apps per merge request.
 */
export interface GitlabCiSide {
  readonly provider: "gitlab";
}

/**
 * The CircleCI side: each long-lived environment's deploy key (`HEROKU_API_KEY`) and app name (`HEROKU_APP_NAME`) in
 * a CircleCI context of its own, `<pipeline name>-<environment>`, restricted to the project; a production-like
 * environment's context is restricted to release tags too, by an expression derived from `releaseTag`
 * (`pipeline.git.tag starts-with "v"` for `v*`). Review apps are not offered: CircleCI has no merge-request lifecycle
 * to stop them when the merge request closes. CircleCI never returns a variable's value, so a value changed in
 * CircleCI's UI is not seen as drift.
 */
export interface CircleciCiSide {
  readonly provider: "circleci";

  /** The organization that owns the contexts, by id (a UUID: Organization Settings, Overview). */
  readonly organizationId: string;

  /** The project's slug, `<vcs>/<organization>/<repository>`, e.g. `gh/acme/api`. */
  readonly projectSlug: string;

  /** The project's id (a UUID: Project Settings, Overview): only its pipelines may use the contexts. */
  readonly projectId: string;
}

/** Where the topology's deploy jobs run, and so where its deploy keys live. */
export type TopologyCiSide = GitlabCiSide | CircleciCiSide;

/** A whole delivery topology on Heroku: one pipeline, its environments and its review apps. */
export interface TopologyConfig {
  /**
   * The platform the apps run on. A topology on a self-hosted Dokku server is a `DokkuTopologyConfig`
   * (`platform: "dokku"`), built by `DokkuFlow`.
   *
   * @default "heroku"
   */
  readonly platform?: "heroku";

  /** The Heroku pipeline's name. */
  readonly pipelineName: string;

  /** The region of every app unless an environment says otherwise. */
  readonly region: HerokuRegion;

  /**
   * The GitLab project that deploys the apps, by full path or numeric id; with the CircleCI side, the project that
   * keeps GitLab-managed Terraform state (`HEROKU_FLOW_STATE_BACKEND=gitlab`), if any.
   *
   * @default - none: required while the CI side is GitLab
   */
  readonly gitlabProject?: string;

  /**
   * The CI side: where the deploy jobs run and the deploy keys live. `{ provider: "circleci", organizationId,
   * projectSlug, projectId }` keeps each environment's deploy key in a restricted CircleCI context instead of GitLab
   * CI/CD variables, and leaves the GitLab side and the GitLab provider out.
   *
   * @default - { provider: "gitlab" }: the GitLab side, in `gitlabProject`
   */
  readonly ci?: TopologyCiSide;

  /** Release tags that production deploys from; protected so that only maintainers create them. */
  readonly releaseTag: string;

  /** Config vars every app gets (environments and review apps may override them). */
  readonly sharedConfig: Record<string, string | ConfigValue>;

  /** Config vars every app gets with a value Terraform generates once per app (e.g. `SECRET_KEY`). */
  readonly generatedSecrets: readonly string[];

  /**
   * Secret config vars every app gets, by config var key, each from a sensitive Terraform variable:
   * `{ SENTRY_DSN: { variable: "sentry_dsn", description: "DSN of the Sentry project" } }` makes every stack require
   * `TF_VAR_sentry_dsn` and set `SENTRY_DSN` on its app. Environments and review apps may add or override entries
   * (their own `secrets`). The manifest lists the variables, so `heroku-flow sandbox deploy` and the generated CI know
   * them.
   *
   * @default - none
   */
  readonly secrets?: Record<string, TopologySecret>;

  /**
   * Add-ons every app gets, by id, e.g. `{ Scheduler: { plan: "scheduler:standard" } }`. Environments and review apps
   * may add their own (`addons`), or replace one by giving its id. The config vars an add-on sets (`REDIS_URL`, …)
   * must not be declared in any config.
   *
   * @default - none
   */
  readonly addons?: Record<string, HerokuAddonOptions>;

  /** The long-lived environments, one stack each. */
  readonly environments: readonly EnvironmentConfig[];

  /**
   * What each review app (one per merge request, stack `review-<id>`) gets. GitLab side only: CircleCI has no
   * merge-request lifecycle to stop a review app, so a topology on the CircleCI side with `review` is refused.
   *
   * @default - no review apps
   */
  readonly review?: ReviewAppConfig;

  /**
   * The code's process types and their commands, as its `Procfile` declares them (e.g.
   * `{ web: "npm start", worker: "node worker.js" }`). Every formation must name one of them (Heroku refuses formation
   * for a process type the released code does not declare); the sandbox's simulated code push declares them.
   *
   * @default - read from the `Procfile` in the directory the app is synthesized in; none when there is none
   */
  readonly processTypes?: Record<string, string>;
}
