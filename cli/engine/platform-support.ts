import type { FlowManifest } from "./manifest";

/**
 * What each command that works on Heroku's platform itself (its API, its pipeline, its prices) says on a Dokku topology, rather than send a Dokku app's name to Heroku. Terraform's commands (synth, plan, apply,
 * drift, destroy) work on either platform.
 */
const ON_DOKKU = {
  rollback: "on Dokku, roll back by releasing the previous commit (check it out, then heroku-flow release STACK)",
  promote: "Dokku has no pipeline to promote along: deploy the release tag to the next environment instead",
  cost: "its prices are Heroku's list prices, and a Dokku server's cost is the server's own",
  ci: "the pipeline for Dokku (`git push dokku@<host>:<app>`) is not generated yet: write its deploy jobs by hand",
} as const;

/** The commands that work on Heroku apps only. */
export type HerokuOnlyCommand = keyof typeof ON_DOKKU;

/** Stops `command` before it asks anything of Heroku when `manifest`'s apps run on Dokku, saying why. */
export function requireHerokuPlatform(manifest: FlowManifest, command: HerokuOnlyCommand): void {
  if (manifest.platform !== "dokku") return;
  throw new Error(
    `heroku-flow ${command} works on Heroku apps, and this topology's run on Dokku: ${ON_DOKKU[command]}`,
  );
}
