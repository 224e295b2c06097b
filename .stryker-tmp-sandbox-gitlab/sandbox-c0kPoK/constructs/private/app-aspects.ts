// @ts-nocheck
import { Aspects, IAspect, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/**
 * cdktf 0.21 invokes only the aspects registered on a stack or below it: `Aspects.of(app).add(aspect)` is never
 * invoked (each stack's synthesizer starts its walk at the stack). This aspect, registered once on a stack, runs the
 * aspects of the stack's ancestors (the app) on every construct of the stack, so that the documented
 * `Aspects.of(app).add(new HerokuFlowChecks())` works.
 *
 * Each app-level aspect visits a construct once, however often the stack is synthesized (tests synthesize a stack
 * several times); a later cdktf that invokes app-level aspects itself would then not see them twice through here.
 */
class InheritedAspects implements IAspect {
  constructor(private readonly stack: TerraformStack) {}

  public visit(node: IConstruct): void {
    const done = visited.get(node) ?? new Set<IAspect>();
    visited.set(node, done);
    for (const ancestor of this.stack.node.scopes.slice(0, -1)) {
      for (const aspect of Aspects.of(ancestor).all) {
        if (done.has(aspect)) continue;
        done.add(aspect);
        aspect.visit(node);
      }
    }
  }
}

const registered = new WeakSet<TerraformStack>();
const visited = new WeakMap<IConstruct, Set<IAspect>>();

/** Makes `stack` run the aspects registered on its ancestors (the app); idempotent. */
export function inheritAppAspects(stack: TerraformStack): void {
  if (registered.has(stack)) return;
  registered.add(stack);
  Aspects.of(stack).add(new InheritedAspects(stack));
}
