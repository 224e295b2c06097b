import type { FlowManifest, FlowManifestStack } from "../../constructs/flow/flow-manifest";

/**
 * The stack whose app a tag-deployed stack's job promotes from: the first stack the default branch deploys at the
 * pipeline's `staging` stage, as Heroku's pipeline promotes staging to production. Undefined when there is none, or
 * when `stack` is not a one-app stack deployed from a tag: its job builds the code, as before promotions.
 */
export function promotionSourceOf(manifest: FlowManifest, stack: FlowManifestStack): FlowManifestStack | undefined {
  if (stack.deployOn !== "tag" || stack.apps.length !== 1) return undefined;
  return manifest.stacks.find(
    (candidate) =>
      candidate.kind === "long-lived" &&
      candidate.deployOn === "merge" &&
      candidate.stage === "staging" &&
      candidate.apps.length === 1,
  );
}
