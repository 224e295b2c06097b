/**
 * The typed subset of `.gitlab-ci.yml` the generator writes (https://docs.gitlab.com/ci/yaml/), keys spelled as GitLab
 * spells them so that a model renders as it is. What GitLab's schema accepts and this project never writes is left out:
 * a key missing here is one the generated pipeline does not use.
 */

/** One `rules:` entry: the first whose `if` holds decides whether and how a job runs. */
export interface GitlabRule {
  /** A CI/CD variable expression, e.g. `$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH`. */
  readonly if: string;
  /** @default - `on_success` */
  readonly when?: "always" | "manual" | "never" | "on_success";
  /** Whether a failing (or, for manual jobs, a not-run) job leaves the pipeline green. @default false */
  readonly allow_failure?: boolean;
}

/** A job's `environment:`: the GitLab environment its deployment is recorded in. */
export interface GitlabEnvironment {
  /** The environment's name, e.g. `staging` or `review/$CI_MERGE_REQUEST_IID`. */
  readonly name: string;
  /** The app's URL; a variable from the job's own dotenv report when it is known only after the deploy. */
  readonly url?: string;
  /** What the job does to the environment. @default - `start` */
  readonly action?: "start" | "stop" | "access";
  /** The job that stops the environment (the deploy job of a review app). @default - none */
  readonly on_stop?: string;
  /** How long after its last deployment GitLab stops it, e.g. `1 week`. @default - never */
  readonly auto_stop_in?: string;
  /** GitLab's tier for it (sorting, production dashboards). @default - GitLab guesses from the name */
  readonly deployment_tier?: GitlabDeploymentTier;
}

/** The tiers GitLab knows environments by. */
export type GitlabDeploymentTier = "production" | "staging" | "testing" | "development" | "other";

/** A job's `artifacts:`. */
export interface GitlabArtifacts {
  /** @default - `on_success` */
  readonly when?: "always" | "on_failure" | "on_success";
  /** Who may download them; `developer` keeps plans (which hold secrets) from Guests and the public. @default - `all` */
  readonly access?: "all" | "developer" | "maintainer" | "none";
  /** @default - the instance's setting (30 days on GitLab.com) */
  readonly expire_in?: string;
  /** @default - none */
  readonly paths?: readonly string[];
  /** @default - none */
  readonly reports?: {
    /** Variables for later jobs and for `environment:url`. */
    readonly dotenv?: string;
    /** The merge request's Terraform widget: `{create, update, delete}` counts per file. */
    readonly terraform?: string;
  };
}

/** One `needs:` entry. */
export interface GitlabNeed {
  readonly job: string;
  /** Whether the job downloads that job's artifacts (dotenv reports included). @default true */
  readonly artifacts?: boolean;
  /** Whether the need is dropped when `rules` leave that job out of the pipeline. @default false */
  readonly optional?: boolean;
}

/** One job. */
export interface GitlabJob {
  readonly stage: string;
  /** @default - the job runs in every pipeline the workflow starts */
  readonly rules?: readonly GitlabRule[];
  /** A job's name alone needs it with its artifacts. @default - every job of the earlier stages */
  readonly needs?: ReadonlyArray<string | GitlabNeed>;
  /** @default - the global `variables:` only */
  readonly variables?: Readonly<Record<string, string>>;
  /** Jobs sharing a group never run at once, across pipelines: one group per Terraform state. @default - none */
  readonly resource_group?: string;
  /** @default - `default: interruptible` */
  readonly interruptible?: boolean;
  readonly script: readonly string[];
  /** @default - none */
  readonly environment?: GitlabEnvironment;
  /** @default - none */
  readonly artifacts?: GitlabArtifacts;
  /** Exit codes that fail the job without failing the pipeline. @default - none */
  readonly allow_failure?: { readonly exit_codes: readonly number[] };
}

/** One `default: cache:` entry. */
export interface GitlabCache {
  /** A fixed key, or the files whose contents key it. */
  readonly key: string | { readonly files: readonly string[] };
  readonly paths: readonly string[];
}

/** What every job gets unless it says otherwise. */
export interface GitlabDefaults {
  readonly image: string;
  readonly interruptible: boolean;
  readonly before_script: readonly string[];
  readonly cache: readonly GitlabCache[];
}

/** A global variable, and why it is there (a comment above it). */
export interface GitlabVariable {
  readonly value: string;
  /** @default - no comment */
  readonly comment?: string;
}

/** A named job, and why it is there (a comment above it). */
export interface NamedGitlabJob {
  readonly name: string;
  readonly job: GitlabJob;
  /** @default - no comment */
  readonly comment?: string;
}

/** A whole `.gitlab-ci.yml`. */
export interface GitlabCiConfig {
  /** The comment the file starts with, one string per line. */
  readonly header: readonly string[];
  /** When a pipeline is created at all. */
  readonly workflow: { readonly rules: readonly GitlabRule[] };
  readonly stages: readonly string[];
  readonly variables: Readonly<Record<string, GitlabVariable>>;
  readonly default: GitlabDefaults;
  /** The jobs, in the order the file lists them. */
  readonly jobs: readonly NamedGitlabJob[];
}
