import type { FlowManifest } from "../../constructs/flow/flow-manifest";
import { terraformVariableEnv } from "../engine/manifest";
import { IMAGE_VARIABLE } from "./pipeline-variables";

/** A CI/CD variable the project must set (Settings > CI/CD > Variables) for the generated pipeline to run. */
export interface ProjectVariable {
  readonly name: string;
  /** What it holds and how to set it. */
  readonly purpose: string;
  /** Whether a pipeline runs without it. */
  readonly optional?: boolean;
}

/**
 * The CI/CD variables the project sets for the pipeline of `manifest`: the keys Terraform and the commands use, and
 * the deploy key of each stack. Protected variables reach only pipelines of protected refs, so a key merge-request
 * pipelines use must not be protected.
 */
export function projectVariables(manifest: FlowManifest, reviewApps: boolean): ProjectVariable[] {
  const review = reviewApps ? manifest.review : undefined;
  const deployKeys = new Map<string, string>();
  for (const stack of manifest.stacks) {
    if (stack.kind === "review") continue;
    for (const variable of stack.deployKeyVariables) {
      deployKeys.set(
        variable,
        `the Heroku key the ${stack.name} stack hands its deploy jobs` +
          (stack.productionLike ? ", protected (release tags only)" : ""),
      );
    }
  }
  if (review) {
    deployKeys.set(
      review.deployKeyVariable,
      "the Heroku key review apps hand their jobs, NOT protected (merge-request pipelines)",
    );
  }
  const secrets = new Map<string, string[]>();
  const secretUsedBy = (variable: string, user: string) =>
    secrets.set(variable, [...(secrets.get(variable) ?? []), user]);
  for (const stack of manifest.stacks.filter((stack) => stack.kind !== "review")) {
    for (const variable of stack.secretVariables ?? []) secretUsedBy(variable, stack.name);
  }
  if (review) for (const variable of review.secretVariables ?? []) secretUsedBy(variable, "review apps");
  return [
    { name: "HEROKU_API_KEY", purpose: "the Heroku key Terraform manages the apps with" },
    ...(manifest.gitlabProject
      ? [
          {
            name: "GITLAB_TOKEN",
            purpose:
              "project access token (Maintainer, api): Terraform manages CI/CD variables, environments and " +
              "protected tags with it",
          },
        ]
      : []),
    {
      name: "FLOW_GITLAB_TOKEN",
      purpose:
        "project access token (Reporter, api), NOT protected: merge-request notes and drift issues (the job token " +
        "may read notes, not write them)",
    },
    ...[...deployKeys].map(([name, purpose]) => ({ name: terraformVariableEnv(name), purpose })),
    ...[...secrets].map(([name, users]) => ({
      name: terraformVariableEnv(name),
      purpose:
        `a secret config var of the topology (${users.join(", ")}), masked` +
        (users.includes("review apps") ? ", NOT protected (merge-request pipelines)" : ""),
    })),
    {
      name: IMAGE_VARIABLE,
      purpose: "the jobs' image, when not the one below (an image holding the same commands)",
      optional: true,
    },
  ];
}
