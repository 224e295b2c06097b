import { HEROKU_FLOW_BIN } from "./heroku-flow-command";
import type { FlowManifest, FlowManifestStack } from "../../constructs/flow/flow-manifest";
import type { GitlabDeploymentTier, GitlabJob, GitlabNeed, NamedGitlabJob } from "./gitlab-ci-model";
import { TEST_JOB } from "./check-jobs";
import { deployCondition } from "./pipeline-rules";
import { promotionSourceOf } from "./promotion-source";

/** The job that deploys `stack`. */
function deployJobName(stack: string): string {
  return `deploy:${stack}`;
}

/**
 * One deploy job per stack the default branch or a release tag deploys, dependencies first, and a rollback job per
 * production-like one with apps. The pipeline stack (the Heroku pipeline, the GitLab project's settings) gets its own job, which
 * the environment jobs of the same pipeline wait for: only that job applies it, and the environments read its outputs
 * once it is applied.
 */
export function deployJobs(manifest: FlowManifest): NamedGitlabJob[] {
  const deployed = manifest.stacks.filter((stack) => stack.kind !== "review");
  return [
    ...deployed.map((stack) => ({
      name: deployJobName(stack.name),
      comment: deployComment(manifest, stack),
      job: deployJob(manifest, stack, deployed),
    })),
    ...deployed
      // A rollback goes back to an app's previous release: a stack without apps has none.
      .filter((stack) => stack.productionLike && stack.apps.length > 0)
      .map((stack) => ({
        name: `rollback:${stack.name}`,
        comment:
          "Back to the previous Heroku release (code and config). Infrastructure is rolled back by reverting its " +
          "merge request.",
        job: rollbackJob(manifest, stack),
      })),
  ];
}

/** Why the job runs where and how it does, when its rules alone do not say. */
function deployComment(manifest: FlowManifest, stack: FlowManifestStack): string | undefined {
  const parts = [
    stack.kind === "pipeline"
      ? `The ${stack.name} stack (the Heroku pipeline, the project-wide settings): one job applies it, before the ` +
        "environments of the same pipeline, which read its outputs."
      : "",
    triggerOf(stack) === "tag"
      ? `Protected \`${manifest.releaseTag}\` tags only (Settings > Repository > Protected tags).`
      : "",
    stack.productionLike ? "By hand: GitLab Free has no deployment approvals." : "",
    promotionSourceOf(manifest, stack)
      ? `Promotes what ${promotionSourceOf(manifest, stack)!.name} runs when it is the tag's commit (built once); ` +
        "otherwise builds, saying why."
      : "",
  ].filter((part) => part !== "");
  return parts.length > 0 ? parts.join(" ") : undefined;
}

function deployJob(
  manifest: FlowManifest,
  stack: FlowManifestStack,
  deployed: readonly FlowManifestStack[],
): GitlabJob {
  const on = triggerOf(stack);
  const hasApps = stack.apps.length > 0;
  // Build once, release many: a release tag whose commit staging already runs is promoted from staging's app.
  const source = promotionSourceOf(manifest, stack);
  const promoteFrom = source ? ` --promote-from ${source.name}` : "";
  return {
    stage: "deploy",
    rules: [{ if: deployCondition(on, manifest.releaseTag), ...(stack.productionLike ? { when: "manual" } : {}) }],
    needs: [TEST_JOB, ...earlierDeployJobs(stack, deployed, on)],
    resource_group: stack.name,
    // A cancelled apply can leave the state locked and the apps half changed.
    interruptible: false,
    script: hasApps
      ? [
          `${HEROKU_FLOW_BIN} apply ${stack.name} --dotenv deploy.env`,
          `${HEROKU_FLOW_BIN} release ${stack.name}${promoteFrom}`,
        ]
      : [`${HEROKU_FLOW_BIN} apply ${stack.name}`],
    ...(hasApps
      ? {
          environment: {
            name: environmentName(stack),
            url: "$APP_URL",
            deployment_tier: deploymentTier(stack),
          },
          artifacts: { reports: { dotenv: "deploy.env" } },
        }
      : {}),
  };
}

/**
 * The deploy jobs of the same pipeline `stack` must come after: those of the stacks it reads outputs of, and of the
 * pipeline stacks. A dependency deployed by another kind of pipeline is already deployed, and read as it is. Their
 * artifacts are not fetched: a dependency's dotenv report would set this job's `APP_URL`.
 */
function earlierDeployJobs(
  stack: FlowManifestStack,
  deployed: readonly FlowManifestStack[],
  on: "merge" | "tag",
): GitlabNeed[] {
  return deployed
    .filter((other) => other !== stack && triggerOf(other) === on)
    .filter(
      (other) => stack.dependencies.includes(other.name) || (stack.kind !== "pipeline" && other.kind === "pipeline"),
    )
    .map((other) => ({ job: deployJobName(other.name), artifacts: false }));
}

function rollbackJob(manifest: FlowManifest, stack: FlowManifestStack): GitlabJob {
  return {
    stage: "deploy",
    rules: [{ if: deployCondition(triggerOf(stack), manifest.releaseTag), when: "manual", allow_failure: true }],
    resource_group: stack.name,
    interruptible: false,
    script: [`${HEROKU_FLOW_BIN} rollback ${stack.name}`],
    environment: { name: environmentName(stack), action: "access" },
  };
}

/** The pipelines that deploy a stack that is not a review app's. */
function triggerOf(stack: FlowManifestStack): "merge" | "tag" {
  return stack.deployOn === "tag" ? "tag" : "merge";
}

/**
 * The GitLab environment a stack's deployments are recorded in: the one its GitLab side manages, or, with the GitLab
 * side off, one GitLab creates on the first deploy, named after the stack.
 */
function environmentName(stack: FlowManifestStack): string {
  return stack.gitlabEnvironment ?? stack.name;
}

/** GitLab's tier for the stack's environment: production-like ones are production, the rest their pipeline stage. */
function deploymentTier(stack: FlowManifestStack): GitlabDeploymentTier {
  if (stack.productionLike) return "production";
  if (stack.stage === "staging" || stack.stage === "development") return stack.stage;
  return "other";
}
