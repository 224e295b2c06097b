import { Job } from "@circleci/circleci-config-sdk";
import type { FlowManifest, FlowManifestStack } from "../../../constructs/flow/flow-manifest";
import { HEROKU_FLOW_BIN } from "../heroku-flow-command";
import { promotionSourceOf } from "../promotion-source";
import { ciImageExecutor } from "./executor";
import { checkoutAndInstall, run } from "./steps";

/** The job that deploys `stack`. */
export function deployJobName(stack: string): string {
  return `deploy-${stack}`;
}

/** The approval a production-like stack's deploy waits for (by hand, as GitLab's manual job). */
export function approvalJobName(stack: string): string {
  return `approve-${stack}`;
}

/** The stacks the default branch or a release tag deploys: every stack but review apps', dependencies first. */
export function deployedStacks(manifest: FlowManifest): FlowManifestStack[] {
  return manifest.stacks.filter((stack) => stack.kind !== "review");
}

/**
 * The job that deploys `stack`: apply, then, for a stack with apps, the release of the code (promoted from staging's
 * app when the tag's commit is what staging runs, built otherwise).
 */
export function deployJob(manifest: FlowManifest, stack: FlowManifestStack): Job {
  const source = promotionSourceOf(manifest, stack);
  const promoteFrom = source ? ` --promote-from ${source.name}` : "";
  const steps =
    stack.apps.length > 0
      ? [
          run(`Apply ${stack.name}`, `${HEROKU_FLOW_BIN} apply ${stack.name}`),
          run(`Release ${stack.name}`, `${HEROKU_FLOW_BIN} release ${stack.name}${promoteFrom}`),
        ]
      : [run(`Apply ${stack.name}`, `${HEROKU_FLOW_BIN} apply ${stack.name}`)];
  return new Job(deployJobName(stack.name), ciImageExecutor(), [...checkoutAndInstall(), ...steps]);
}
