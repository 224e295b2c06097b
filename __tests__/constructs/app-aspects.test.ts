/**
 * inheritAppAspects: the stand-in for app-level aspects that cdktf 0.21 never invokes. Every aspect of every ancestor
 * visits each construct of the stack exactly once, however often the stack is synthesized, and nothing of the
 * stack's own is visited twice.
 */
import { Aspects, IAspect, TerraformStack, Testing } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { inheritAppAspects } from "../../constructs/private/app-aspects";
import { testApp } from "../support/stacks";

/** Counts its visits, by construct path. */
class CountingAspect implements IAspect {
  public readonly visits = new Map<string, number>();
  public visit(node: IConstruct): void {
    this.visits.set(node.node.path, (this.visits.get(node.node.path) ?? 0) + 1);
  }
}

function stackWithChildren(scope: Construct, id: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new Construct(new Construct(stack, "Parent"), "Child");
  return stack;
}

test("an app's aspect visits every construct of the stack once, however often the stack is synthesized", () => {
  const app = testApp();
  const stack = stackWithChildren(app, "one");
  const onApp = new CountingAspect();
  Aspects.of(app).add(onApp);
  inheritAppAspects(stack);
  Testing.synth(stack);
  Testing.synth(stack);
  expect(Object.fromEntries(onApp.visits)).toEqual({ one: 1, "one/Parent": 1, "one/Parent/Child": 1 });
});

test("aspects of every ancestor between the app and the stack run; the stack's own run once, by cdktf", () => {
  const app = testApp();
  const group = new Construct(app, "Group");
  const stack = stackWithChildren(group, "nested");
  const [onApp, onGroup, onStack] = [new CountingAspect(), new CountingAspect(), new CountingAspect()];
  Aspects.of(app).add(onApp);
  Aspects.of(group).add(onGroup);
  Aspects.of(stack).add(onStack);
  inheritAppAspects(stack);
  Testing.synth(stack);
  const expected = { "Group/nested": 1, "Group/nested/Parent": 1, "Group/nested/Parent/Child": 1 };
  expect([onApp, onGroup, onStack].map((aspect) => Object.fromEntries(aspect.visits))).toEqual([
    expected,
    expected,
    expected,
  ]);
});

test("registering twice adds one aspect to the stack", () => {
  const app = testApp();
  const stack = stackWithChildren(app, "one");
  inheritAppAspects(stack);
  inheritAppAspects(stack);
  expect(Aspects.of(stack).all).toHaveLength(1);
});

test("one app aspect on two stacks visits each stack's constructs", () => {
  const app = testApp();
  const [first, second] = [stackWithChildren(app, "first"), stackWithChildren(app, "second")];
  const onApp = new CountingAspect();
  Aspects.of(app).add(onApp);
  for (const stack of [first, second]) {
    inheritAppAspects(stack);
    Testing.synth(stack);
  }
  expect([...onApp.visits.keys()].sort()).toEqual([
    "first",
    "first/Parent",
    "first/Parent/Child",
    "second",
    "second/Parent",
    "second/Parent/Child",
  ]);
});
