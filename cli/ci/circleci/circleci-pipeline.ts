import { Config } from "@circleci/circleci-config-sdk";
import type { FlowManifest, FlowManifestCiSide } from "../../../constructs/flow/flow-manifest";
import { driftJob, planJob, testJob } from "./check-jobs";
import { deployedStacks, deployJob } from "./deploy-jobs";
import { defaultCircleciImage, IMAGE_PARAMETER } from "./executor";
import { type CircleciJobs, deliveryWorkflow, driftWorkflow } from "./workflows";

/** The default branch unless the options say otherwise. */
export const DEFAULT_BRANCH = "main";

/** Options of the CircleCI pipeline. */
export interface CircleciPipelineOptions {
  /**
   * The project's default branch, which deploys the pipeline stack and the environments deployed on merge. CircleCI
   * filters name branches literally, and its config has no value for the default branch.
   *
   * @default "main"
   */
  readonly defaultBranch?: string;
}

/**
 * The CircleCI pipeline of the app `manifest` describes, built with CircleCI's config library: the tests on every push,
 * a branch's plan, the default branch's deploys, each release tag's production-like deploys (approved by hand, each in
 * its restricted context), and the scheduled drift check. Review stacks in the manifest change nothing: CircleCI has
 * no review apps.
 */
export function circleciPipeline(manifest: FlowManifest, options: CircleciPipelineOptions = {}): Config {
  const ci = circleciSideOf(manifest);
  const jobs: CircleciJobs = {
    test: testJob(),
    plan: planJob(),
    drift: driftJob(),
    deploy: new Map(deployedStacks(manifest).map((stack) => [stack.name, deployJob(manifest, stack)])),
  };
  const config = new Config();
  config.defineParameter(
    IMAGE_PARAMETER,
    "string",
    defaultCircleciImage(ci),
    "The jobs' image: Node.js, git and Terraform (heroku-flow-cdktf's cli/ci/Dockerfile, built into a registry).",
  );
  for (const job of [jobs.test, jobs.plan, ...jobs.deploy.values(), jobs.drift]) config.addJob(job);
  config.addWorkflow(deliveryWorkflow(manifest, jobs, options.defaultBranch ?? DEFAULT_BRANCH));
  config.addWorkflow(driftWorkflow(jobs));
  return config;
}

/** The manifest's CircleCI side; a manifest of the GitLab side is refused, naming the setting that chooses it. */
export function circleciSideOf(manifest: FlowManifest): FlowManifestCiSide {
  if (manifest.ci?.provider !== "circleci") {
    throw new Error(
      "the manifest's CI side is GitLab: set the topology's ci to { provider: \"circleci\", organizationId, " +
        "projectSlug, projectId } and run `heroku-flow synth`, or write GitLab's pipeline (--provider gitlab)",
    );
  }
  return manifest.ci;
}
