/**
 * The CDK for Terraform engines a new project can run on: cdktf 0.21 (HashiCorp's last release, archived in December
 * 2025) and cdktn, the community fork that carries it on. Both read the same cdktf.json and write the same cdktf.out/.
 * A cdktn project installs cdktn under the name `cdktf`, so that its code, this library, the generated bindings and the
 * prebuilt provider packages (which all import `cdktf`) load one engine (README, "cdktf or cdktn").
 */
export const INIT_ENGINES = ["cdktf", "cdktn"] as const;

/** An engine of {@link INIT_ENGINES}. */
export type InitEngine = (typeof INIT_ENGINES)[number];

/** What a scaffold on one engine installs and needs. */
export interface ScaffoldEngine {
  /** The engine's npm package, installed as `cdktf`. */
  readonly package: string;
  /** Its CLI's npm package, for the cdktf verbs (`synth`, `diff`, `deploy`): `npx cdktf …` or `npx cdktn …`. */
  readonly cli: string;
  /** The Node.js versions the engine and its CLI run on, as package.json's `engines.node` says it. */
  readonly node: string;
}

/** Each engine's packages and Node.js range (cdktn-cli 0.24 needs Node.js 22.19 or later). */
export const SCAFFOLD_ENGINES: Readonly<Record<InitEngine, ScaffoldEngine>> = {
  cdktf: { package: "cdktf", cli: "cdktf-cli", node: ">=20.9.0" },
  cdktn: { package: "cdktn", cli: "cdktn-cli", node: ">=22.19.0" },
};

/** The engine of a project `init` writes when `--engine` is not given. */
export const DEFAULT_ENGINE: InitEngine = "cdktf";

/**
 * The version specifier of the scaffold's `cdktf` dependency: the engine's version, or for cdktn an npm alias to it.
 */
export function engineDependency(engine: InitEngine, version: string): string {
  return engine === "cdktf" ? version : `npm:${SCAFFOLD_ENGINES[engine].package}@${version}`;
}
