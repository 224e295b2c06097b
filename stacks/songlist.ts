import { ConfigValue, DynoSize, HerokuRegion, PostgresPlan, type TopologyConfig } from "../constructs";

/**
 * songlist: a Flask + Postgres API that GitLab CI deploys to Heroku — staging on every commit to main, production on
 * every `v*` tag, a review app per merge request. Each environment is one entry; adding one is adding an entry.
 */
export const songlist: TopologyConfig = {
  pipelineName: "songlist",
  region: HerokuRegion.US,
  gitlabProject: "songlist/songlist",
  releaseTag: "v*",
  sharedConfig: {
    APP_SETTINGS: ConfigValue.perEnvironment(
      { staging: "config.StagingConfig", production: "config.ProductionConfig" },
      "config.DevelopmentConfig",
    ),
  },
  generatedSecrets: ["SECRET_KEY"],
  // What songlist's Procfile declares: a Flask app under gunicorn.
  processTypes: { web: "gunicorn app:app" },
  environments: [
    {
      name: "staging",
      appName: "songlist-staging",
      stage: "staging",
      postgres: PostgresPlan.ESSENTIAL_0,
      formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
    },
    {
      name: "production",
      appName: "songlist",
      stage: "production",
      postgres: PostgresPlan.STANDARD_0,
      formation: { web: { size: DynoSize.STANDARD_1X, quantity: 2 } },
      gitlab: { protectedVariables: true },
    },
  ],
  review: {
    appNamePrefix: "songlist-review",
    postgres: PostgresPlan.ESSENTIAL_0,
    formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
  },
};
