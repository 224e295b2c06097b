import type { types } from "@circleci/circleci-config-sdk";
import { releaseTagRegex } from "../release-tag";

/** A workflow job's `filters`, as CircleCI's config library types them. */
export type CircleciFilters = types.parameter.FilterParameter;

/** Every branch or every tag: CircleCI runs a job on tags only when a tag filter lets it. */
const EVERYTHING = "/.*/";

/**
 * The release tag pattern (`releaseTag`) as a CircleCI filter: `v*` becomes `^v.*` between slashes. It is the GitLab rule's
 * regular expression made to match a whole tag, since CircleCI's filters must match the entire tag (a GitLab rule
 * matches anywhere): an open end gets `.*`. A pattern no tag could match is refused as for GitLab.
 */
export function releaseTagFilter(releaseTag: string): string {
  const regex = releaseTagRegex(releaseTag);
  return regex.endsWith("$/") ? regex : `${regex.slice(0, -1)}.*/`;
}

/** Every push: every branch and every tag (the tests, which every deploy requires). */
export function everyPush(): CircleciFilters {
  return { tags: { only: [EVERYTHING] } };
}

/** Pushes to branches other than the default one (a branch's plan). */
export function otherBranches(defaultBranch: string): CircleciFilters {
  return { branches: { ignore: [defaultBranch] } };
}

/** Pushes to the default branch (no tag pipelines: CircleCI runs none without a tag filter). */
export function defaultBranchOnly(defaultBranch: string): CircleciFilters {
  return { branches: { only: [defaultBranch] } };
}

/** Release tags only, no branch. */
export function releaseTagsOnly(releaseTag: string): CircleciFilters {
  return { tags: { only: [releaseTagFilter(releaseTag)] }, branches: { ignore: [EVERYTHING] } };
}
