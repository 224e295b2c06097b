import { TerraformResource, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";

/**
 * What one lint pass over a tree reads again and again: every rule looks at every construct, and many rules look up the
 * stack's resources of a type (an app's formations, couplings, variables) and their synthesized attributes. Within a
 * pass the tree does not change, so each is computed once; outside a pass nothing is kept, so an escape-hatch edit made
 * between two passes is always seen.
 */
interface PassMemory {
  readonly resourcesByStack: Map<TerraformStack, Map<string, TerraformResource[]>>;
  readonly attributes: Map<TerraformResource, Record<string, unknown>>;
}

let current: PassMemory | undefined;

/** Runs `pass` with one memory of what it reads (nested calls share the outer pass's). */
export function withinLintPass<T>(pass: () => T): T {
  if (current) return pass();
  current = { resourcesByStack: new Map(), attributes: new Map() };
  try {
    return pass();
  } finally {
    current = undefined;
  }
}

/** `compute(resource)`, once per resource within a pass. */
export function rememberedAttributes(
  resource: TerraformResource,
  compute: (resource: TerraformResource) => Record<string, unknown>,
): Record<string, unknown> {
  if (!current) return compute(resource);
  let attributes = current.attributes.get(resource);
  if (!attributes) {
    attributes = compute(resource);
    current.attributes.set(resource, attributes);
  }
  return attributes;
}

/** The resources of `type` in `stack`, found with one walk of the stack per pass. */
export function rememberedResources(stack: TerraformStack, type: string): TerraformResource[] {
  const all = (): TerraformResource[] =>
    stack.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource);
  if (!current) return all().filter((resource) => resource.terraformResourceType === type);
  let byType = current.resourcesByStack.get(stack);
  if (!byType) {
    byType = new Map();
    for (const resource of all()) {
      byType.set(resource.terraformResourceType, [...(byType.get(resource.terraformResourceType) ?? []), resource]);
    }
    current.resourcesByStack.set(stack, byType);
  }
  return byType.get(type) ?? [];
}

/**
 * Constructs whose lint findings are already recorded while `FlowValidation.synth()` synthesizes the tree it has just
 * checked: the packs, registered as aspects, would otherwise check every construct a second time at synthesis, for the
 * same findings. A construct an aspect adds during synthesis is not among them, and is checked then.
 */
const recordedBeforeSynth = new Set<IConstruct>();

/** Runs `synth` with the constructs in `checked` marked as already linted. */
export function synthesizeAfterLintPass(checked: ReadonlySet<IConstruct>, synth: () => void): void {
  for (const construct of checked) recordedBeforeSynth.add(construct);
  try {
    synth();
  } finally {
    recordedBeforeSynth.clear();
  }
}

/** Whether `construct`'s findings are already recorded (see {@link synthesizeAfterLintPass}). */
export function isLintedBeforeSynth(construct: IConstruct): boolean {
  return recordedBeforeSynth.has(construct);
}
