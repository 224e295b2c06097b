import type { FlowManifest } from "../../constructs/flow/flow-manifest";
import { driftJob, noteJob, planJob, testJob } from "./check-jobs";
import { deployJobs } from "./deploy-jobs";
import type { GitlabCiConfig } from "./gitlab-ci-model";
import { pipelineHeader } from "./header";
import { IMAGE_VARIABLE, pipelineVariables } from "./pipeline-variables";
import { workflowRules } from "./pipeline-rules";
import { reviewJobs } from "./review-jobs";

/**
 * The GitLab pipeline of the app `manifest` describes: tests everywhere; on merge requests every stack planned, one
 * note, and a review app when the GitLab side is on and the topology has review apps; a job
 * per stack the default branch or a release tag deploys; a rollback per production-like stack; a scheduled drift
 * check. Review stacks in the manifest (a synth with `HEROKU_FLOW_REVIEW_ID` set) change nothing: the review jobs
 * serve every merge request.
 */
export function gitlabPipeline(manifest: FlowManifest): GitlabCiConfig {
  // Review apps need the GitLab side (each keeps its deploy key and environment there) and a topology that has them.
  const review = manifest.gitlabProject !== undefined ? manifest.review : undefined;
  const reviewApps = review !== undefined;
  return {
    header: pipelineHeader(manifest, reviewApps),
    workflow: { rules: workflowRules(manifest.releaseTag) },
    stages: ["test", "plan", "deploy", "report"],
    variables: pipelineVariables(),
    default: {
      image: `$${IMAGE_VARIABLE}`,
      interruptible: true,
      // Terraform and the providers come from the image and the Terraform registry; only the project's packages
      // (heroku-flow among them) are installed per job.
      before_script: ["npm ci --no-audit --no-fund"],
      cache: [{ key: { files: ["package-lock.json"] }, paths: [".cache/npm"] }],
    },
    jobs: [
      testJob(),
      planJob(reviewApps),
      ...(review ? reviewJobs(review.autoStopIn) : []),
      noteJob(reviewApps),
      ...deployJobs(manifest),
      driftJob(),
    ],
  };
}
