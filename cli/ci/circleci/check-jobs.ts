import { commands, Job } from "@circleci/circleci-config-sdk";
import { HEROKU_FLOW_BIN } from "../heroku-flow-command";
import { ciImageExecutor } from "./executor";
import { checkoutAndInstall, run } from "./steps";

/** The test job, which every deploy job requires. */
export const TEST_JOB = "test";

/** Where the plan job writes the plan summaries it stores as artifacts. */
const PLAN_DIR = "flow-plan";

/** The tests, on every push. */
export function testJob(): Job {
  return new Job(TEST_JOB, ciImageExecutor(), [...checkoutAndInstall(), run("Test", "npm test")]);
}

/**
 * A branch's plan: every stack at once, read-only, its summaries (no secret values: the plan files, which hold the
 * deploy keys, are deleted by the command) stored as the job's artifacts, where the branch's reviewers read them.
 */
export function planJob(): Job {
  return new Job("plan", ciImageExecutor(), [
    ...checkoutAndInstall(),
    run("Plan every stack", `${HEROKU_FLOW_BIN} plan --lock=false --out ${PLAN_DIR}`),
    new commands.StoreArtifacts({ path: PLAN_DIR, destination: "plan" }),
  ]);
}

/**
 * The scheduled check for changes made outside Terraform: the job fails when a stack drifts (`heroku-flow drift`
 * exits 3), which CircleCI reports on the schedule's pipeline.
 */
export function driftJob(): Job {
  return new Job("drift", ciImageExecutor(), [
    ...checkoutAndInstall(),
    run("Look for drift", `${HEROKU_FLOW_BIN} drift`),
  ]);
}
