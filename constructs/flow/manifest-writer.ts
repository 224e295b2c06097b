import * as fs from "node:fs";
import * as path from "node:path";
import { TerraformStack } from "cdktf";
import type { IStackSynthesizer, ISynthesisSession } from "cdktf";
import { FLOW_MANIFEST_FILE, FLOW_MANIFEST_VERSION, type FlowManifest, type FlowManifestStack } from "./flow-manifest";

/** What the manifest is made from: one flow's stacks and facts, known once every stack is prepared. */
export interface ManifestSource {
  /** The manifest without its stacks. */
  readonly facts: Omit<FlowManifest, "version" | "stacks">;
  /** Every stack of the flow, each with what only the flow knows of it. */
  readonly stacks: ReadonlyArray<{
    readonly stack: TerraformStack;
    readonly describe: () => Omit<FlowManifestStack, "name" | "dependencies">;
  }>;
}

/**
 * Writes the flow's manifest into the synthesis session's output directory when its stack is synthesized. cdktf
 * prepares every stack (cross-stack references, and so dependencies) before it synthesizes any, so the dependencies
 * read here are complete; wrapping one stack's synthesizer runs under `cdktf synth` and `app.synth()` alike.
 */
export class ManifestWritingSynthesizer implements IStackSynthesizer {
  constructor(
    private readonly inner: IStackSynthesizer,
    private readonly source: ManifestSource,
  ) {}

  public synthesize(session: ISynthesisSession): void {
    this.inner.synthesize(session);
    const manifest: FlowManifest = {
      version: FLOW_MANIFEST_VERSION,
      ...this.source.facts,
      stacks: dependenciesFirst(
        this.source.stacks.map(({ stack, describe }) => ({
          name: stack.node.id,
          dependencies: stack.dependencies.map((dependency) => dependency.node.id),
          ...describe(),
        })),
      ),
    };
    fs.mkdirSync(session.outdir, { recursive: true });
    fs.writeFileSync(path.join(session.outdir, FLOW_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/** The stacks in an order where each comes after the stacks it depends on (stable otherwise). */
function dependenciesFirst(stacks: FlowManifestStack[]): FlowManifestStack[] {
  const ordered: FlowManifestStack[] = [];
  const visit = (stack: FlowManifestStack) => {
    if (ordered.includes(stack)) return;
    for (const name of stack.dependencies) {
      const dependency = stacks.find((candidate) => candidate.name === name);
      if (dependency) visit(dependency);
    }
    ordered.push(stack);
  };
  stacks.forEach(visit);
  return ordered;
}
