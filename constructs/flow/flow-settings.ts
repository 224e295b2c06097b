import { Construct } from "constructs";
import { GitlabProviderCompatibility } from "../gitlab-provider-compatibility";
import { HerokuPipeline } from "../heroku-pipeline";
import { StateBackendKind } from "../state-backend";

/**
 * Per-run settings, read from the environment (or, for each, the cdktf context key in brackets):
 *
 * - `HEROKU_FLOW_STATE_BACKEND` [`stateBackend`]: `local` (default) or `gitlab` for GitLab-managed Terraform state;
 * - `GITLAB_BASE_URL`: GitLab's API URL for that state (default `https://gitlab.com/api/v4/`), the same variable the
 *   GitLab provider reads;
 * - `HEROKU_FLOW_REVIEW_ID` [`reviewId`]: a merge request's id (or several, comma-separated) to add `review-<id>`
 *   stacks for;
 * - `HEROKU_FLOW_BOOTSTRAP` [`bootstrap`]: `true` to leave formation out, for the first deploy of apps that have no
 *   code yet;
 * - `HEROKU_FLOW_PIPELINE_ID` [`pipelineId`]: an existing pipeline's UUID; environment stacks then use it instead of
 *   a cross-stack reference to the `pipeline` stack;
 * - `HEROKU_FLOW_GITLAB` [`gitlab`]: `false` to leave out the GitLab side (environments, CI/CD variables, protected
 *   tags) and the GitLab provider, for teams that manage GitLab elsewhere;
 * - `HEROKU_FLOW_GITLAB_PROVIDER_VERSION` [`gitlabProviderVersion`]: the GitLab provider version Terraform will install
 *   (default: the one the bindings were generated for). The offline toolchain exports it as the version it built; an
 *   older one makes every stack carry the GitlabProviderCompatibility aspect.
 */
export interface FlowSettings {
  /** Where each stack keeps its state. */
  readonly stateBackend: StateBackendKind;

  /** GitLab's API URL, for GitLab-managed state. */
  readonly gitlabApiUrl: string;

  /** The review ids to add `review-<id>` stacks for. */
  readonly reviewIds: readonly string[];

  /** Leave formation out (apps without code yet). */
  readonly bootstrap: boolean;

  /** An existing pipeline's UUID, used instead of the `pipeline` stack's. */
  readonly pipelineId?: string;

  /** Whether the GitLab side is part of the stacks. */
  readonly gitlab: boolean;

  /** The GitLab provider version the stacks target. */
  readonly gitlabProviderVersion: string;
}

const STATE_BACKENDS: readonly StateBackendKind[] = ["local", "gitlab"];

/** The settings of this run, and the problems found in them (reported together with the topology's). */
export function readSettings(
  scope: Construct,
  env: NodeJS.ProcessEnv = process.env,
): { settings: FlowSettings; problems: string[] } {
  const problems: string[] = [];
  const read = (variable: string, contextKey: string): string | undefined => {
    const fromEnv = env[variable];
    if (fromEnv !== undefined && fromEnv !== "") return fromEnv;
    const fromContext = scope.node.tryGetContext(contextKey);
    return fromContext === undefined ? undefined : String(fromContext);
  };

  const stateBackend = (read("HEROKU_FLOW_STATE_BACKEND", "stateBackend") ?? "local") as StateBackendKind;
  if (!STATE_BACKENDS.includes(stateBackend)) {
    problems.push(
      `HEROKU_FLOW_STATE_BACKEND: ${JSON.stringify(stateBackend)} must be one of ${STATE_BACKENDS.join(", ")}`,
    );
  }

  const flag = (variable: string, contextKey: string, fallback: boolean): boolean => {
    const value = (read(variable, contextKey) ?? String(fallback)).toLowerCase();
    if (!["true", "false", "1", "0"].includes(value)) {
      problems.push(`${variable}: ${JSON.stringify(value)} must be true or false`);
    }
    return value === "true" || value === "1";
  };
  const bootstrap = flag("HEROKU_FLOW_BOOTSTRAP", "bootstrap", false);
  const gitlab = flag("HEROKU_FLOW_GITLAB", "gitlab", true);

  const reviewIds = (read("HEROKU_FLOW_REVIEW_ID", "reviewId") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  // "42 43" would otherwise become one review app, review-42-43: a separator the user did not mean, not an id.
  for (const id of reviewIds.filter((candidate) => /\s/.test(candidate))) {
    problems.push(
      `HEROKU_FLOW_REVIEW_ID: ${JSON.stringify(id)} must not hold spaces; separate several review ids with commas (e.g. 42,43)`,
    );
  }

  const pipelineId = read("HEROKU_FLOW_PIPELINE_ID", "pipelineId");
  if (pipelineId !== undefined && !HerokuPipeline.isPipelineId(pipelineId)) {
    problems.push(`HEROKU_FLOW_PIPELINE_ID: ${JSON.stringify(pipelineId)} must be a pipeline UUID`);
  }

  const gitlabProviderVersion =
    read("HEROKU_FLOW_GITLAB_PROVIDER_VERSION", "gitlabProviderVersion") ??
    GitlabProviderCompatibility.BINDINGS_VERSION;
  const knownVersions = [GitlabProviderCompatibility.BINDINGS_VERSION, ...GitlabProviderCompatibility.VERSIONS];
  if (!knownVersions.includes(gitlabProviderVersion)) {
    problems.push(
      `HEROKU_FLOW_GITLAB_PROVIDER_VERSION: ${JSON.stringify(gitlabProviderVersion)} must be one of ` +
        `${knownVersions.join(", ")} (the bindings' version, or one GitlabProviderCompatibility can target)`,
    );
  }

  // The state backend's address is built from it: without a scheme, `terraform init` is the first to say so.
  const gitlabApiUrl = env.GITLAB_BASE_URL || "https://gitlab.com/api/v4/";
  if (!/^https?:\/\/[^/\s]+/.test(gitlabApiUrl)) {
    problems.push(
      `GITLAB_BASE_URL: ${JSON.stringify(gitlabApiUrl)} must be GitLab's API URL with its scheme, e.g. https://gitlab.com/api/v4/`,
    );
  }

  return {
    settings: {
      stateBackend,
      gitlabApiUrl,
      reviewIds,
      bootstrap,
      pipelineId,
      gitlab,
      gitlabProviderVersion,
    },
    problems,
  };
}
