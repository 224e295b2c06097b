import { Job, logic, Workflow } from "@circleci/circleci-config-sdk";
import type { FlowManifest, FlowManifestStack } from "../../../constructs/flow/flow-manifest";
import { TEST_JOB } from "./check-jobs";
import { approvalJobName, deployedStacks, deployJobName } from "./deploy-jobs";
import { defaultBranchOnly, everyPush, otherBranches, releaseTagsOnly } from "./filters";

/** The jobs the workflows run, each defined once in the config. */
export interface CircleciJobs {
  readonly test: Job;
  readonly plan: Job;
  readonly drift: Job;
  /** The deploy job of each stack, by stack name. */
  readonly deploy: ReadonlyMap<string, Job>;
}

/** What a pipeline's trigger is when a schedule (Project Settings, Triggers) started it. */
const SCHEDULED = logic.equal("scheduled_pipeline", "<< pipeline.trigger_source >>");

/**
 * Every push's workflow: the tests; a branch's plan; on the default branch the pipeline stack, then the environments
 * it deploys; on release tags the production-like environments, each after an approval, with its restricted context.
 * A schedule's pipeline runs the drift workflow instead.
 */
export function deliveryWorkflow(manifest: FlowManifest, jobs: CircleciJobs, defaultBranch: string): Workflow {
  const workflow = new Workflow("delivery", [], new logic.When(logic.not(SCHEDULED)));
  workflow.addJob(jobs.test, { filters: everyPush() });
  workflow.addJob(jobs.plan, { requires: [TEST_JOB], filters: otherBranches(defaultBranch) });
  const deployed = deployedStacks(manifest);
  for (const stack of deployed) {
    const onTag = stack.deployOn === "tag";
    const filters = onTag ? releaseTagsOnly(manifest.releaseTag) : defaultBranchOnly(defaultBranch);
    let first = TEST_JOB;
    if (stack.productionLike) {
      workflow.addJobApproval(approvalJobName(stack.name), { requires: [TEST_JOB], filters });
      first = approvalJobName(stack.name);
    }
    workflow.addJob(jobs.deploy.get(stack.name)!, {
      requires: [first, ...earlierDeployJobs(stack, deployed)],
      filters,
      ...(stack.circleciContext ? { context: [stack.circleciContext] } : {}),
      // One apply of a stack at a time across the organization: a second would wait for the state lock, or fail.
      "serial-group": `<< pipeline.project.slug >>/${stack.name}`,
    });
  }
  return workflow;
}

/** The scheduled pipeline's workflow: the drift check on its own. */
export function driftWorkflow(jobs: CircleciJobs): Workflow {
  const workflow = new Workflow("drift", [], new logic.When(SCHEDULED));
  workflow.addJob(jobs.drift);
  return workflow;
}

/**
 * The deploy jobs of the same pipeline `stack` must come after: those of the stacks it reads outputs of, and of the
 * pipeline stack. A dependency deployed by another kind of pipeline (a tag's, a branch's) is deployed already.
 */
function earlierDeployJobs(stack: FlowManifestStack, deployed: readonly FlowManifestStack[]): string[] {
  return deployed
    .filter((other) => other !== stack && (other.deployOn === "tag") === (stack.deployOn === "tag"))
    .filter(
      (other) => stack.dependencies.includes(other.name) || (stack.kind !== "pipeline" && other.kind === "pipeline"),
    )
    .map((other) => deployJobName(other.name));
}
