import { executors } from "@circleci/circleci-config-sdk";
import type { FlowManifestCiSide } from "../../../constructs/flow/flow-manifest";
import { ciImageReference } from "../ci-image";

/** The pipeline parameter naming the jobs' image; a pipeline triggered with another value runs in that image. */
export const IMAGE_PARAMETER = "ci-image";

/**
 * The image every job runs in unless the pipeline parameter says otherwise: the CI image of `cli/ci/Dockerfile`
 * (the one GitLab's pipeline runs in, holding every command a job runs), in GitHub's container registry under the
 * project's path (`gh/acme/api`: `ghcr.io/acme/api/heroku-flow-ci:<tag>`). CircleCI has no registry of its own, and
 * reads no environment variable in an image's name, so the default is written out.
 */
export function defaultCircleciImage(ci: FlowManifestCiSide): string {
  const [, organization, repository] = ci.projectSlug.split("/");
  return `ghcr.io/${organization}/${repository}/${ciImageReference()}`.toLowerCase();
}

/** The executor of every job: the CI image, named by the pipeline parameter. */
export function ciImageExecutor(): executors.DockerExecutor {
  return new executors.DockerExecutor(`<< pipeline.parameters.${IMAGE_PARAMETER} >>`);
}
