/**
 * The manifest: what `HerokuFlow` writes beside the stacks (`cdktf.out/heroku-flow.json`) for the `heroku-flow`
 * command. It is the only contract between the library and the engine: the engine reads it and Terraform's JSON, never
 * the library's internals, resource types in `cdk.tf.json`, or stack-name patterns.
 *
 * This file has no imports on purpose: the engine loads it (the `heroku-flow-cdktf/manifest` entry) without loading
 * cdktf or the bindings.
 */

/** The manifest's file name, in the app's output directory. */
export const FLOW_MANIFEST_FILE = "heroku-flow.json";

/**
 * The manifest's format version. Raised on any change an older engine would misread; an engine refuses a manifest of
 * another version and says which versions of the package agree.
 */
export const FLOW_MANIFEST_VERSION = 2;

/** What a stack is to the workflow. */
export type FlowStackKind = "pipeline" | "long-lived" | "review";

/**
 * When the generated pipeline deploys a stack: `merge` (every commit to the default branch), `tag` (a protected
 * release tag), `review` (a merge request's own review app).
 */
export type FlowDeployTrigger = "merge" | "tag" | "review";

/**
 * Where an app's code comes from, for the first code push of a new app and for `heroku-flow release`:
 * `git` pushes the checked-out commit to Heroku's git endpoint; `container` releases the Docker image the job built
 * to an app on Heroku's container stack (one image per process type); `sandbox` is the local sandbox's simulated
 * push (it declares the topology's process types).
 */
export type FlowCodeSource = "git" | "container" | "sandbox";

/** Every code source, in the order `--help` lists them. */
export const FLOW_CODE_SOURCES: readonly FlowCodeSource[] = ["git", "container", "sandbox"];

/**
 * The CI side when it is not GitLab's: where the deploy jobs run and the deploy keys live. Absent for the GitLab side
 * (the default), so that manifests of GitLab topologies read as before.
 */
export interface FlowManifestCiSide {
  /** `circleci`: each long-lived stack's deploy key in a CircleCI context (`circleciContext` of the stack). */
  readonly provider: "circleci";
  /** The organization that owns the contexts, by id. */
  readonly organizationId: string;
  /** The CircleCI project's slug, e.g. `gh/acme/api`. */
  readonly projectSlug: string;
  /** The project's id, the value of the contexts' project restrictions. */
  readonly projectId: string;
}

/** One app of a stack. */
export interface FlowManifestApp {
  /** The app's name (on Heroku, or on the Dokku server). */
  readonly name: string;
  /** The process types of its formation, e.g. `["web", "worker"]`. */
  readonly formation: readonly string[];
  /**
   * On Dokku, how many processes of each type run, e.g. `{ web: 2 }`: the deploy job's `ps:scale` after each push,
   * since the provider cannot manage it (on Heroku, formation is a Terraform resource). Absent when the topology says
   * nothing (Dokku's default: one `web`).
   */
  readonly scale?: Readonly<Record<string, number>>;
}

/** One stack of the app. */
export interface FlowManifestStack {
  /** The stack's name: its folder in `cdktf.out/stacks/` and the argument of every command. */
  readonly name: string;
  readonly kind: FlowStackKind;
  /** The stacks this one reads outputs of: deployed before it. */
  readonly dependencies: readonly string[];
  /** The Heroku apps the stack declares. */
  readonly apps: readonly FlowManifestApp[];
  /** The pipeline stage its app is coupled at (environment and review stacks). */
  readonly stage?: string;
  /** Whether it holds production data (prevent_destroy; production-only jobs). */
  readonly productionLike: boolean;
  /** The sensitive Terraform variables it requires (`TF_VAR_<name>`), e.g. the deploy key its GitLab variables hold. */
  readonly deployKeyVariables: readonly string[];
  /**
   * The sensitive Terraform variables of the topology's secrets it requires (`TF_VAR_<name>`), each the value of a
   * config var of its app. Absent from manifests written before topology secrets existed.
   */
  readonly secretVariables?: readonly string[];
  /** Its GitLab environment, when the GitLab side is on. */
  readonly gitlabEnvironment?: string;
  /** The CircleCI context holding its deploy key and app name, on the CircleCI side (long-lived stacks). */
  readonly circleciContext?: string;
  /** The name of its GitLab-managed Terraform state (the stack's name unless set otherwise). */
  readonly stateName: string;
  /** When the generated pipeline deploys it. */
  readonly deployOn: FlowDeployTrigger;
  /** The review id the stack was made for (review stacks). */
  readonly reviewId?: string;
}

/** The whole app, as the engine sees it. */
export interface FlowManifest {
  readonly version: number;
  /** Where the apps run: `dokku` for a self-hosted Dokku server, absent for Heroku (manifests of Heroku read as before). */
  readonly platform?: "dokku";
  /** The Heroku pipeline's name; on Dokku, the topology's name. */
  readonly pipelineName: string;
  /** The GitLab project, or absent when the GitLab side is off (`HEROKU_FLOW_GITLAB=false`, or the CircleCI side). */
  readonly gitlabProject?: string;
  /** The CI side, when it is not GitLab's (absent: GitLab). */
  readonly ci?: FlowManifestCiSide;
  /** The release tag pattern production-like environments deploy from, e.g. `v*`. */
  readonly releaseTag: string;
  /** The code's process types and their commands (`topology.processTypes`, or the project's Procfile). */
  readonly processTypes: Readonly<Record<string, string>>;
  /** Where the Terraform state is kept (`local` or `gitlab`). */
  readonly stateBackend: string;
  /**
   * What every review app gets, for the CI generator and the review commands; absent when the app has no review apps
   * (stacks described by hand with `describeApp`).
   */
  readonly review?: {
    /** The deploy-key variable every review stack requires. */
    readonly deployKeyVariable: string;
    /**
     * The secrets' variables every review stack requires (review stacks exist only in merge-request pipelines, so the
     * long-lived stacks' lists do not name them). Absent from manifests written before topology secrets existed.
     */
    readonly secretVariables?: readonly string[];
    /** How long a review app lives after its last deploy (GitLab's `auto_stop_in`). */
    readonly autoStopIn: string;
  };
  /** Every stack of this synth, dependencies first. */
  readonly stacks: readonly FlowManifestStack[];
}

/** The environment variable that sets Terraform variable `name` (`TF_VAR_<name>`). */
export function terraformVariableEnv(name: string): string {
  return `TF_VAR_${name}`;
}
