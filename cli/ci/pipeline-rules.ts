import type { FlowDeployTrigger } from "../../constructs/flow/flow-manifest";
import type { GitlabRule } from "./gitlab-ci-model";
import { releaseTagRegex } from "./release-tag";

/** A merge-request pipeline: plans, the note, the review app. */
export const MERGE_REQUEST = '$CI_PIPELINE_SOURCE == "merge_request_event"';

/** A scheduled pipeline: the drift check. */
export const SCHEDULE = '$CI_PIPELINE_SOURCE == "schedule"';

/** A push to the default branch, not a schedule: schedules run on the default branch too, and check, never deploy. */
export const DEFAULT_BRANCH_PUSH = '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "schedule"';

/** A pipeline of a release tag (`releaseTag`, e.g. `v*`: `$CI_COMMIT_TAG =~ /^v/`). */
export function releaseTagPipeline(releaseTag: string): string {
  return `$CI_COMMIT_TAG =~ ${releaseTagRegex(releaseTag)}`;
}

/** The condition of the pipelines that deploy a stack deployed `on`. */
export function deployCondition(on: Exclude<FlowDeployTrigger, "review">, releaseTag: string): string {
  return on === "merge" ? DEFAULT_BRANCH_PUSH : releaseTagPipeline(releaseTag);
}

/**
 * When GitLab creates a pipeline at all: merge requests; branches only while they have no open merge request (the
 * merge request's pipeline covers them, and two pipelines would deploy the review app twice); the default branch;
 * release tags; schedules.
 */
export function workflowRules(releaseTag: string): GitlabRule[] {
  return [
    { if: MERGE_REQUEST },
    { if: "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS", when: "never" },
    { if: "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" },
    { if: releaseTagPipeline(releaseTag) },
    { if: SCHEDULE },
  ];
}
