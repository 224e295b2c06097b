import { BuildStack } from "../build-stack";
import { ConfigValue } from "../config-value";
import { DynoSize } from "../dyno-size";
import { GitlabDeployAccessLevel } from "../gitlab-environment";
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

/** The GitLab side of one environment. */
export interface EnvironmentGitlabConfig {
  /**
   * Expose the deploy key only to protected branches and tags (production: only `v*` tags deploy).
   *
   * @default false
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
}

/** A whole delivery topology: one pipeline, its environments and its review apps. */
export interface TopologyConfig {
  /** The Heroku pipeline's name. */
  readonly pipelineName: string;

  /** The region of every app unless an environment says otherwise. */
  readonly region: HerokuRegion;

  /** The GitLab project that deploys the apps, by full path or numeric id. */
  readonly gitlabProject: string;

  /** Release tags that production deploys from; protected so that only maintainers create them. */
  readonly releaseTag: string;

  /** Config vars every app gets (environments and review apps may override them). */
  readonly sharedConfig: Record<string, string | ConfigValue>;

  /** Config vars every app gets with a value Terraform generates once per app (e.g. `SECRET_KEY`). */
  readonly generatedSecrets: readonly string[];

  /** The long-lived environments, one stack each. */
  readonly environments: readonly EnvironmentConfig[];

  /** What each review app (one per merge request, stack `review-<id>`) gets. */
  readonly review: ReviewAppConfig;

  /**
   * The code's process types and their commands, as its `Procfile` declares them (e.g.
   * `{ web: "npm start", worker: "node worker.js" }`). Every formation must name one of them (Heroku refuses formation
   * for a process type the released code does not declare); the sandbox's simulated code push declares them.
   *
   * @default - read from the `Procfile` in the directory the app is synthesized in; none when there is none
   */
  readonly processTypes?: Record<string, string>;
}
