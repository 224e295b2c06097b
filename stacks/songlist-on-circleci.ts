import type { CircleciCiSide, TopologyConfig } from "../constructs";
import { songlist } from "./songlist";

/**
 * The CircleCI organization and project songlist deploys from when its CI side is CircleCI's: ids as CircleCI shows
 * them (Organization Settings and Project Settings, Overview). These are the sandbox's, made up for it.
 */
export const SONGLIST_CIRCLECI_SIDE: CircleciCiSide = {
  provider: "circleci",
  organizationId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
  projectSlug: "gh/songlist/songlist",
  projectId: "405d8375-3514-403b-8c43-83ae74cfe0e9",
};

/**
 * songlist deployed from CircleCI instead of GitLab: the same apps, with each environment's deploy key and app name in
 * a restricted CircleCI context. No GitLab project and no review apps (CircleCI has no merge-request lifecycle to stop
 * them). `change` goes on top, for tests.
 */
export function songlistOnCircleci(change: Partial<TopologyConfig> = {}): TopologyConfig {
  return {
    ...songlist,
    gitlabProject: undefined,
    review: undefined,
    ci: SONGLIST_CIRCLECI_SIDE,
    environments: songlist.environments.map((environment) => ({ ...environment, gitlab: undefined })),
    ...change,
  };
}
