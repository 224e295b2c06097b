import * as fs from "node:fs";
import * as path from "node:path";
import {
  FLOW_MANIFEST_FILE,
  FLOW_MANIFEST_VERSION,
  type FlowManifest,
  type FlowManifestApp,
  type FlowManifestStack,
  terraformVariableEnv,
} from "../../constructs/flow/flow-manifest";

export { FLOW_MANIFEST_FILE, terraformVariableEnv };
export type { FlowManifest, FlowManifestApp, FlowManifestStack };

/** The manifest of the app synthesized into `outdir`: what `HerokuFlow` wrote beside the stacks. */
export function readManifest(outdir: string): FlowManifest {
  const file = path.join(outdir, FLOW_MANIFEST_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${path.relative(process.cwd(), file) || file} does not exist: run \`heroku-flow synth\` first ` +
        "(the app must build its stacks with HerokuFlow, which writes it)",
    );
  }
  let manifest: FlowManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as FlowManifest;
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}): run \`heroku-flow synth\` again`);
  }
  if (manifest.version !== FLOW_MANIFEST_VERSION) {
    throw new Error(
      `${file} has manifest version ${JSON.stringify(manifest.version)}; this heroku-flow reads version ` +
        `${FLOW_MANIFEST_VERSION}: install the same heroku-flow-cdktf version the app synthesizes with, then run ` +
        "`heroku-flow synth` again",
    );
  }
  return manifest;
}

/** The manifest's stacks named `names`, in the order given; an unknown name is an error naming those there are. */
export function stacksNamed(manifest: FlowManifest, names: readonly string[]): FlowManifestStack[] {
  const unknown = names.filter((name) => !manifest.stacks.some((stack) => stack.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `no stack named ${unknown.join(", ")}; the app has ${manifest.stacks.map((stack) => stack.name).join(", ")}`,
    );
  }
  return names.map((name) => manifest.stacks.find((stack) => stack.name === name)!);
}

/** `names` and the stacks they depend on within `names`, dependencies first (the manifest's order). */
export function inDependencyOrder(manifest: FlowManifest, names: readonly string[]): string[] {
  stacksNamed(manifest, names);
  const ordered: string[] = [];
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    const stack = manifest.stacks.find((candidate) => candidate.name === name)!;
    // A dependency outside `names` is taken as deployed already (its state is read, not changed).
    for (const dependency of stack.dependencies) if (names.includes(dependency)) visit(dependency);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered;
}
