import { createHash } from "crypto";
import type { FlowProblemInput } from "../flow-validation";
import {
  APP_NAME,
  DOKKU_DEPLOY_KEY_VARIABLE,
  HEROKU_DEPLOY_KEY_VARIABLE,
  reviewAppNamePrefixRule,
  SETTING_RULES,
} from "../private/rules";
import { showValue } from "../private/show-value";
import type { DokkuTopologyConfig } from "./dokku-config";
import type { TopologyConfig } from "./flow-config";

/** The names a review app gets from its merge request's id. */
export interface ReviewAppNames {
  /** The id made safe for names: lowercase letters, digits and dashes, e.g. `42` or `feature-login`. */
  readonly slug: string;
  /** The cdktf stack, `review-<slug>`. */
  readonly stackName: string;
  /** The Heroku app, `<prefix>-<slug>`, shortened with a hash to fit Heroku's 30 characters. */
  readonly appName: string;
  /** The GitLab environment, `review/<slug>`. */
  readonly gitlabEnvironment: string;
}

const HEROKU_MAX_NAME = 30;
const HASH_LENGTH = 6;
/** The room a prefix must leave after its dash: one readable character of the id, a dash and the hash. */
const MIN_ID_ROOM = HASH_LENGTH + 2;
/** GitLab's limit on environment names (`Gitlab::Regex.environment_name_regex`), which `review/<slug>` must keep. */
const GITLAB_ENVIRONMENT_MAX_NAME = 255;
const REVIEW_ENVIRONMENT_PREFIX = "review/";
/** The longest slug whose GitLab environment, `review/<slug>`, GitLab accepts. */
export const MAX_REVIEW_SLUG = GITLAB_ENVIRONMENT_MAX_NAME - REVIEW_ENVIRONMENT_PREFIX.length;

/** The setting review ids come from (or its context key, `reviewId`). */
export const REVIEW_ID_SETTING = "HEROKU_FLOW_REVIEW_ID";

/** A review id made safe for names: lowercase letters, digits and single dashes, no dash at either end. */
export function reviewSlug(reviewId: string): string {
  return reviewId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Why `reviewId` cannot name a review app whatever the prefix (reported on the setting), or undefined. */
export function reviewIdProblem(reviewId: string): FlowProblemInput | undefined {
  const slug = reviewSlug(reviewId);
  const hint = "use the merge request's iid ($CI_MERGE_REQUEST_IID)";
  if (slug === "") return { field: REVIEW_ID_SETTING, value: reviewId, rule: SETTING_RULES.reviewIdSlug, hint };
  if (slug.length > MAX_REVIEW_SLUG) {
    return { field: REVIEW_ID_SETTING, value: reviewId, rule: SETTING_RULES.reviewIdLength(MAX_REVIEW_SLUG), hint };
  }
  return undefined;
}

/**
 * Why `prefix` cannot start every review app's name, or undefined. Checked against the worst cases of
 * {@link reviewAppNames}: the shortest id (`<prefix>-1`) and one long enough to be shortened with a hash, so that a
 * prefix that works for merge request 1 cannot fail for a long branch name, or the reverse, in a later pipeline.
 */
export function reviewPrefixProblem(prefix: string): FlowProblemInput | undefined {
  const maxLength = HEROKU_MAX_NAME - 1 - MIN_ID_ROOM;
  const worstCases = ["1", "9".repeat(HEROKU_MAX_NAME)].map((id) => buildReviewNames(prefix, reviewSlug(id)).appName);
  if (prefix.length <= maxLength && worstCases.every((name) => APP_NAME.test(name))) return undefined;
  const fixed = prefix
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return {
    field: "review.appNamePrefix",
    value: prefix,
    rule: reviewAppNamePrefixRule(maxLength),
    hint:
      fixed !== prefix && reviewPrefixProblem(fixed) === undefined
        ? `did you mean ${JSON.stringify(fixed)}?`
        : undefined,
  };
}

/**
 * Derives a review app's names from a review id (a merge request iid, or a branch name). Returns the problem instead
 * when the id, or the prefix, cannot make a valid name.
 */
export function reviewAppNames(prefix: string, reviewId: string): ReviewAppNames | { problem: FlowProblemInput } {
  const problem = reviewIdProblem(reviewId) ?? reviewPrefixProblem(prefix);
  return problem ? { problem } : buildReviewNames(prefix, reviewSlug(reviewId));
}

function buildReviewNames(prefix: string, slug: string): ReviewAppNames {
  const room = HEROKU_MAX_NAME - prefix.length - 1;
  let suffix = slug;
  if (suffix.length > room) {
    // Keep the names of different long ids apart: a readable start plus a hash of the whole slug.
    const hash = createHash("sha256").update(slug).digest("hex").slice(0, HASH_LENGTH);
    suffix = `${slug.slice(0, Math.max(room - HASH_LENGTH - 1, 0)).replace(/-+$/, "")}-${hash}`;
  }
  return {
    slug,
    stackName: `review-${slug}`,
    appName: `${prefix}-${suffix}`,
    gitlabEnvironment: `${REVIEW_ENVIRONMENT_PREFIX}${slug}`,
  };
}

/** The name of the stack that holds the Heroku pipeline (and the GitLab project-wide settings). */
export const PIPELINE_STACK = "pipeline";

/** The names that differ by platform: the deploy key's (and the app name's) variables. */
interface PlatformNames {
  /** The start of each deploy-key Terraform variable: `<start>_<environment>`, `<start>_review`. */
  readonly deployKeyVariable: string;
  /** The variable a deploy job reads its deploy key from. */
  readonly ciDeployKeyVariable: string;
  /** The variable a deploy job reads its app's name from. */
  readonly ciAppNameVariable: string;
}

const PLATFORM_NAMES: Readonly<Record<"heroku" | "dokku", PlatformNames>> = {
  // The Heroku CLI reads HEROKU_API_KEY.
  heroku: {
    deployKeyVariable: "heroku_deploy_key",
    ciDeployKeyVariable: HEROKU_DEPLOY_KEY_VARIABLE,
    ciAppNameVariable: "HEROKU_APP_NAME",
  },
  dokku: {
    deployKeyVariable: "dokku_deploy_key",
    ciDeployKeyVariable: DOKKU_DEPLOY_KEY_VARIABLE,
    ciAppNameVariable: "DOKKU_APP_NAME",
  },
};

/**
 * Every name a topology derives — stacks, the Terraform variables holding GitLab's deploy keys (and their `TF_VAR_`
 * names), GitLab environments, review apps — computed in this one place. `HerokuFlow` builds its stacks with them, and
 * scripts that deploy, test, measure or draw a topology read them here instead of spelling them again.
 */
export class FlowNames {
  private readonly platformNames: PlatformNames;

  constructor(private readonly topology: TopologyConfig | DokkuTopologyConfig) {
    this.platformNames = PLATFORM_NAMES[topology.platform === "dokku" ? "dokku" : "heroku"];
  }

  /** The stack of the Heroku pipeline; deployed first. */
  public get pipelineStack(): string {
    return PIPELINE_STACK;
  }

  /** One stack per long-lived environment, in the configuration's order. */
  public get environmentStacks(): string[] {
    return this.topology.environments.map((environment) => environment.name);
  }

  /** The pipeline stack, then every environment stack: what a full deploy applies, in order. */
  public get longLivedStacks(): string[] {
    return [PIPELINE_STACK, ...this.environmentStacks];
  }

  /** The GitLab environment (and scope of the CI/CD variables) of a long-lived environment. */
  public gitlabEnvironment(environmentName: string): string {
    return environmentName;
  }

  /** The sensitive Terraform variable that holds the deploy key of a long-lived environment. */
  public deployKeyVariable(environmentName: string): string {
    return `${this.platformNames.deployKeyVariable}_${environmentName.replace(/[^a-zA-Z0-9_]/g, "_")}`;
  }

  /**
   * The CircleCI context of a long-lived environment (CircleCI side): `<pipeline name>-<environment>`, since context
   * names are unique in a whole organization, which several pipelines may share.
   */
  public circleciContext(environmentName: string): string {
    const name = this.topology.platform === "dokku" ? this.topology.name : this.topology.pipelineName;
    return `${name}-${environmentName}`;
  }

  /**
   * The variable a deploy job reads its deploy key from (GitLab CI/CD variable, CircleCI context variable): Heroku's
   * API key, `HEROKU_API_KEY`, or on Dokku the SSH key, `DOKKU_SSH_PRIVATE_KEY_BASE64`.
   */
  public get ciDeployKeyVariable(): string {
    return this.platformNames.ciDeployKeyVariable;
  }

  /** The variable a deploy job reads its app's name from: `HEROKU_APP_NAME`, or on Dokku `DOKKU_APP_NAME`. */
  public get ciAppNameVariable(): string {
    return this.platformNames.ciAppNameVariable;
  }

  /** The sensitive Terraform variable that holds the deploy key of every review app. */
  public get reviewDeployKeyVariable(): string {
    return `${this.platformNames.deployKeyVariable}_review`;
  }

  /** Every deploy-key variable the stacks declare: each environment's, then the review apps'. */
  public get deployKeyVariables(): string[] {
    return [...this.environmentStacks.map((name) => this.deployKeyVariable(name)), this.reviewDeployKeyVariable];
  }

  /** The names a review app gets from its review id (or the problem with that id or the prefix). */
  public review(reviewId: string): ReviewAppNames | { problem: FlowProblemInput } {
    // Without review apps there is no prefix: the empty one is reported as the prefix's problem.
    return reviewAppNames(this.topology.review?.appNamePrefix ?? "", reviewId);
  }

  /**
   * The review app stack of `reviewId`, for scripts that name a stack to deploy; throws when the id cannot make one
   * (see {@link review}). The app itself reports the same problem instead, with every other.
   */
  public reviewStack(reviewId: string): string {
    const names = this.review(reviewId);
    if ("problem" in names) {
      const { field, value, rule, hint } = names.problem;
      throw new Error(`${field}: ${showValue(value)} ${rule}${hint ? ` (hint: ${hint})` : ""}`);
    }
    return names.stackName;
  }
}

// Defined beside the manifest, whose variable names the engine turns into `TF_VAR_…` without loading the library.
export { terraformVariableEnv } from "./flow-manifest";
