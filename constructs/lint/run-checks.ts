import { Aspects } from "cdktf";
import { IConstruct } from "constructs";
import { HerokuFlowChecks } from "./heroku-flow-checks";
import { withinLintPass } from "./lint-pass";

/**
 * Runs the lint packs registered on each construct under `root` (on it or on one of its scopes) on that construct, so
 * that `FlowValidation`'s report, which is made before any stack is synthesized, holds the packs' errors: cdktf runs
 * aspects only inside each stack's synthesis, after the report. Only the lint packs run here, as their visits are
 * idempotent; other aspects may change the tree, and run once, at synthesis. Returns the constructs it checked.
 */
export function runLintChecks(root: IConstruct): Set<IConstruct> {
  const checked = new Set<IConstruct>();
  withinLintPass(() => {
    for (const construct of root.node.findAll()) {
      for (const scope of construct.node.scopes) {
        for (const aspect of Aspects.of(scope).all) {
          if (!(aspect instanceof HerokuFlowChecks)) continue;
          aspect.visit(construct);
          checked.add(construct);
        }
      }
    }
  });
  return checked;
}
