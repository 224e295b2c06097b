import { createHash } from "crypto";
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

/**
 * Derives a review app's names from a review id (a merge request iid, or a branch name). Returns the problem instead
 * when the id cannot make a valid name.
 */
export function reviewAppNames(prefix: string, reviewId: string): ReviewAppNames | { problem: string } {
  const slug = reviewId
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug === "") {
    return {
      problem:
        `review id: ${JSON.stringify(reviewId)} cannot make a review app name: ` +
        "it must contain at least one letter or digit (e.g. the merge request's iid)",
    };
  }
  const room = HEROKU_MAX_NAME - prefix.length - 1;
  if (room < HASH_LENGTH + 2) {
    return {
      problem: `review.appNamePrefix: ${JSON.stringify(prefix)} leaves no room for a review id within 30 characters`,
    };
  }
  let suffix = slug;
  if (suffix.length > room) {
    // Keep the names of different long ids apart: a readable start plus a hash of the whole slug.
    const hash = createHash("sha256").update(slug).digest("hex").slice(0, HASH_LENGTH);
    suffix = `${slug.slice(0, room - HASH_LENGTH - 1).replace(/-+$/, "")}-${hash}`;
  }
  return {
    slug,
    stackName: `review-${slug}`,
    appName: `${prefix}-${suffix}`,
    gitlabEnvironment: `review/${slug}`,
  };
}

/** The name of the stack that holds the Heroku pipeline (and the GitLab project-wide settings). */
export const PIPELINE_STACK = "pipeline";

/** The deploy-key variable every review app's GitLab environment gets (one key for all review apps). */
const REVIEW_DEPLOY_KEY_VARIABLE = "heroku_deploy_key_review";

/**
 * Every name a topology derives — stacks, the Terraform variables holding GitLab's deploy keys (and their `TF_VAR_`
 * names), GitLab environments, review apps — computed in this one place. `HerokuFlow` builds its stacks with them, and
 * scripts that deploy, test, measure or draw a topology read them here instead of spelling them again.
 */
export class FlowNames {
  constructor(private readonly topology: TopologyConfig) {}

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
    return `heroku_deploy_key_${environmentName.replace(/[^a-zA-Z0-9_]/g, "_")}`;
  }

  /** The sensitive Terraform variable that holds the deploy key of every review app. */
  public get reviewDeployKeyVariable(): string {
    return REVIEW_DEPLOY_KEY_VARIABLE;
  }

  /** Every deploy-key variable the stacks declare: each environment's, then the review apps'. */
  public get deployKeyVariables(): string[] {
    return [...this.environmentStacks.map((name) => this.deployKeyVariable(name)), REVIEW_DEPLOY_KEY_VARIABLE];
  }

  /** The names a review app gets from its review id (or the problem with that id). */
  public review(reviewId: string): ReviewAppNames | { problem: string } {
    return reviewAppNames(this.topology.review.appNamePrefix, reviewId);
  }

  /** The review app stack of `reviewId`; throws when the id cannot make one (see {@link review}). */
  public reviewStack(reviewId: string): string {
    const names = this.review(reviewId);
    if ("problem" in names) throw new Error(names.problem);
    return names.stackName;
  }
}

// Defined beside the manifest, whose variable names the engine turns into `TF_VAR_…` without loading the library.
export { terraformVariableEnv } from "./flow-manifest";
