import type { DokkuTopologyConfig } from "../constructs";
import { songlist } from "./songlist";

/**
 * songlist on a self-hosted Dokku server, as the write-up that moved it there runs it: staging and production on one
 * server, a Postgres service linked to each, and a review app per merge request, deployed from GitLab CI by
 * `git push dokku@<host>:<app>`. The config, secrets, release tag and process types are songlist's own; what Dokku has
 * no equivalent for (the pipeline, regions, dyno sizes, Postgres plans) is not there.
 */
export const songlistOnDokku: DokkuTopologyConfig = {
  platform: "dokku",
  name: songlist.pipelineName,
  gitlabProject: songlist.gitlabProject!,
  releaseTag: songlist.releaseTag,
  sharedConfig: songlist.sharedConfig,
  generatedSecrets: songlist.generatedSecrets,
  processTypes: songlist.processTypes,
  environments: [
    {
      name: "staging",
      appName: "songlist-staging",
      postgres: true,
      domains: ["staging.songlist.example"],
      formation: { web: { quantity: 1 } },
    },
    {
      name: "production",
      appName: "songlist",
      postgres: true,
      domains: ["songlist.example"],
      formation: { web: { quantity: 2 } },
    },
  ],
  review: {
    appNamePrefix: "songlist-review",
    postgres: true,
    formation: { web: { quantity: 1 } },
  },
};
