/**
 * What `HerokuFlow` and `DokkuFlow` do alike, whatever the platform: which review ids make a review stack, and the
 * aspects every stack of a flow carries.
 */
import { App, Aspects, TerraformStack } from "cdktf";
import { FlowValidation } from "../flow-validation";
import { GitlabProviderCompatibility } from "../gitlab-provider-compatibility";
import { HerokuFlowChecks } from "../lint/heroku-flow-checks";
import type { Report } from "../private/prop-types";
import { SETTING_RULES } from "../private/rules";
import type { TopologySecret } from "./flow-config";
import type { FlowManifest } from "./flow-manifest";
import { FlowNames, REVIEW_ID_SETTING, type ReviewAppNames } from "./flow-names";
import type { FlowSettings } from "./flow-settings";
import { secretVariablesOf } from "./secrets-and-addons";

/** How long a review app lives after its last deploy unless the topology says otherwise. */
const DEFAULT_REVIEW_AUTO_STOP_IN = "1 week";

/** A review stack to build: its names, and the review id they come from. */
export type ReviewStackNames = ReviewAppNames & { readonly reviewId: string };

/**
 * The names of each review stack the settings ask for, in their order: none without a valid prefix (reported by the
 * topology's checks, on every synth). A review id that makes no valid name, or the name of a stack the program made
 * itself before the flow (constructs would throw on a second child of that name), is reported on `app` instead.
 */
export function reviewStacksToBuild(
  app: App,
  report: Report,
  names: FlowNames,
  settings: FlowSettings,
  appNamePrefix: string | undefined,
): ReviewStackNames[] {
  const toBuild: ReviewStackNames[] = [];
  for (const reviewId of appNamePrefix === undefined ? [] : settings.reviewIds) {
    const review = names.review(reviewId);
    if ("problem" in review) FlowValidation.addProblem(app, review.problem);
    else if (app.node.tryFindChild(review.stackName)) {
      report(REVIEW_ID_SETTING, reviewId, SETTING_RULES.reviewStackTaken(review.stackName));
    } else toBuild.push({ ...review, reviewId });
  }
  return toBuild;
}

/**
 * The lint pack on every stack of `app` (FlowValidation and the library's constructs hand app-level aspects to the
 * stacks), and the GitLab provider version, a per-run setting, on each of `stacks`.
 */
export function addFlowAspects(app: App, stacks: readonly TerraformStack[], settings: FlowSettings): void {
  Aspects.of(app).add(new HerokuFlowChecks());
  if (GitlabProviderCompatibility.VERSIONS.includes(settings.gitlabProviderVersion)) {
    for (const stack of stacks) Aspects.of(stack).add(new GitlabProviderCompatibility(settings.gitlabProviderVersion));
  }
}

/**
 * The manifest's review part: the review deploy key, lifetime and secrets' variables every review stack requires;
 * absent without review apps (none configured, or the CircleCI side), so that no review jobs are generated.
 */
export function manifestReview(
  names: FlowNames,
  topology: { readonly secrets?: Record<string, TopologySecret> },
  review: {
    readonly appNamePrefix?: string;
    readonly autoStopIn?: string;
    readonly secrets?: Record<string, TopologySecret>;
  },
): FlowManifest["review"] {
  if (review.appNamePrefix === undefined) return undefined;
  return {
    deployKeyVariable: names.reviewDeployKeyVariable,
    autoStopIn: review.autoStopIn ?? DEFAULT_REVIEW_AUTO_STOP_IN,
    secretVariables: secretVariablesOf(topology, review.secrets),
  };
}
