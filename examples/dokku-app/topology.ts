/**
 * The write-up's app on a self-hosted Dokku server ("Heroku is fine, but sometimes I need to host projects myself"):
 * a Flask + Postgres API with staging and production on one server, a Postgres service linked to each, and a review
 * app per merge request that GitLab CI creates and destroys. Kept apart from main.ts so that a test can read the
 * names it derives; it imports nothing at run time.
 */
import type { DokkuTopologyConfig } from "heroku-flow-cdktf";

export const topology: DokkuTopologyConfig = {
  platform: "dokku",
  name: "notes",
  gitlabProject: "acme/notes",
  releaseTag: "v*",
  sharedConfig: { FLASK_ENV: "production", LOG_LEVEL: "info" },
  generatedSecrets: ["SECRET_KEY"],
  processTypes: { web: "gunicorn notes:app", release: "flask db upgrade" },
  environments: [
    {
      name: "staging",
      appName: "notes-staging",
      postgres: true,
      domains: ["staging.notes.example"],
      config: { LOG_LEVEL: "debug" },
      formation: { web: { quantity: 1 } },
    },
    {
      name: "production",
      appName: "notes",
      postgres: { imageVersion: "16.4" },
      domains: ["notes.example"],
      ports: ["http:80:5000"],
      formation: { web: { quantity: 2 } },
    },
  ],
  review: {
    appNamePrefix: "notes-review",
    postgres: true,
    formation: { web: { quantity: 1 } },
    autoStopIn: "3 days",
  },
};
