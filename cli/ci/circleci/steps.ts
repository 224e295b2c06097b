import { commands } from "@circleci/circleci-config-sdk";

/** A step the generated jobs take: CircleCI's native `checkout`, `run` and `store_artifacts`. */
export type Step = commands.Checkout | commands.Run | commands.StoreArtifacts;

/**
 * The steps every job starts with: the commit, then the project's packages (heroku-flow among them). Terraform comes
 * from the image and the providers from the Terraform registry, as in GitLab's pipeline.
 */
export function checkoutAndInstall(): Step[] {
  return [new commands.Checkout(), run("Install the project's packages", "npm ci --no-audit --no-fund")];
}

/** A `run` step: one shell line, named for the job's page. */
export function run(name: string, command: string): commands.Run {
  return new commands.Run({ name, command });
}
