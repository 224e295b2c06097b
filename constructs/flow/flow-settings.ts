import { Construct } from "constructs";
import { GitlabProviderCompatibility } from "../gitlab-provider-compatibility";
import { HerokuPipeline } from "../heroku-pipeline";
import type { FlowProblemInput } from "../flow-validation";
import { didYouMean, GITLAB_API_URL, SETTING_RULES, TYPE_RULES, UUID } from "../private/rules";
import { StateBackendKind } from "../state-backend";
import { REVIEW_ID_SETTING, reviewIdProblem, reviewSlug } from "./flow-names";

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
const FLAG_VALUES = ["true", "false", "1", "0"];
const DEFAULT_GITLAB_API_URL = "https://gitlab.com/api/v4/";

/**
 * The settings of this run, and the problems found in them, each naming the setting (its variable) as its field.
 * `HerokuFlow` reports them with the topology's; a bad value is left out (the setting's default is used) so that the
 * stacks are still built and every other problem is reported too.
 */
export function readSettings(
  scope: Construct,
  env: NodeJS.ProcessEnv = process.env,
): { settings: FlowSettings; problems: FlowProblemInput[] } {
  const problems: FlowProblemInput[] = [];
  const report = (field: string, value: unknown, rule: string, hint?: string) =>
    problems.push({ field, value, rule, hint });
  const read = (variable: string, contextKey?: string): string | undefined => {
    const fromEnv: unknown = env[variable];
    if (fromEnv !== undefined && fromEnv !== "") {
      // From JavaScript, `env` may hold anything: a number would crash the reading below.
      if (typeof fromEnv === "string") return fromEnv;
      report(variable, fromEnv, TYPE_RULES.string, "environment variables are strings");
      return undefined;
    }
    const fromContext = contextKey === undefined ? undefined : scope.node.tryGetContext(contextKey);
    return fromContext === undefined ? undefined : String(fromContext);
  };
  const oneOf = <T extends string>(variable: string, value: string, allowed: readonly T[], rule: string): boolean => {
    if ((allowed as readonly string[]).includes(value)) return true;
    report(variable, value, rule, didYouMean(value, allowed));
    return false;
  };

  const stateBackendValue = read("HEROKU_FLOW_STATE_BACKEND", "stateBackend") ?? "local";
  const stateBackend = oneOf(
    "HEROKU_FLOW_STATE_BACKEND",
    stateBackendValue,
    STATE_BACKENDS,
    TYPE_RULES.oneOf(STATE_BACKENDS),
  )
    ? (stateBackendValue as StateBackendKind)
    : "local";

  const flag = (variable: string, contextKey: string, fallback: boolean): boolean => {
    const value = (read(variable, contextKey) ?? String(fallback)).toLowerCase();
    return oneOf(variable, value, FLAG_VALUES, SETTING_RULES.flag) ? value === "true" || value === "1" : fallback;
  };
  const bootstrap = flag("HEROKU_FLOW_BOOTSTRAP", "bootstrap", false);
  const gitlab = flag("HEROKU_FLOW_GITLAB", "gitlab", true);

  const reviewIds = readReviewIds(read(REVIEW_ID_SETTING, "reviewId") ?? "", problems);

  let pipelineId = read("HEROKU_FLOW_PIPELINE_ID", "pipelineId");
  if (pipelineId !== undefined && !HerokuPipeline.isPipelineId(pipelineId)) {
    report("HEROKU_FLOW_PIPELINE_ID", pipelineId, SETTING_RULES.pipelineId, UUID.hint?.(pipelineId));
    pipelineId = undefined;
  }

  const knownVersions = [GitlabProviderCompatibility.BINDINGS_VERSION, ...GitlabProviderCompatibility.VERSIONS];
  const versionValue =
    read("HEROKU_FLOW_GITLAB_PROVIDER_VERSION", "gitlabProviderVersion") ??
    GitlabProviderCompatibility.BINDINGS_VERSION;
  const gitlabProviderVersion = oneOf(
    "HEROKU_FLOW_GITLAB_PROVIDER_VERSION",
    versionValue,
    knownVersions,
    SETTING_RULES.providerVersion(knownVersions),
  )
    ? versionValue
    : GitlabProviderCompatibility.BINDINGS_VERSION;

  // The state backend's address is built from it: without a scheme, `terraform init` is the first to say so.
  let gitlabApiUrl = read("GITLAB_BASE_URL") ?? DEFAULT_GITLAB_API_URL;
  if (!GITLAB_API_URL.test(gitlabApiUrl)) {
    report("GITLAB_BASE_URL", gitlabApiUrl, GITLAB_API_URL.description, GITLAB_API_URL.hint?.(gitlabApiUrl));
    gitlabApiUrl = DEFAULT_GITLAB_API_URL;
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

/**
 * The review ids of `value` (comma-separated), each one that can make a review app of its own: an id with a space
 * inside, one that makes no name or too long a name, a repeat, or a second spelling of an id already listed (the same
 * review app) is reported on the setting and left out.
 */
function readReviewIds(value: string, problems: FlowProblemInput[]): string[] {
  const bySlug = new Map<string, string>();
  for (const id of value.split(",").map((candidate) => candidate.trim())) {
    if (id === "") continue;
    // "42 43" would otherwise become one review app, review-42-43: a separator the user did not mean, not an id.
    if (/\s/.test(id)) {
      problems.push({ field: REVIEW_ID_SETTING, value: id, rule: SETTING_RULES.reviewIdSpaces });
      continue;
    }
    const problem = reviewIdProblem(id);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const first = bySlug.get(reviewSlug(id));
    if (first === id) {
      problems.push({
        field: REVIEW_ID_SETTING,
        value: id,
        rule: SETTING_RULES.reviewIdRepeated,
        hint: "list it once",
      });
    } else if (first !== undefined) {
      problems.push({
        field: REVIEW_ID_SETTING,
        value: id,
        rule: SETTING_RULES.reviewIdSameApp(first),
        hint: `list one of ${JSON.stringify(first)} and ${JSON.stringify(id)}`,
      });
    } else {
      bySlug.set(reviewSlug(id), id);
    }
  }
  return [...bySlug.values()];
}
