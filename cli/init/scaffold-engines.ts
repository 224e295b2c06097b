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
  /**
   * The Node.js versions the engine's CLI needs where they are narrower than this package's, as package.json's
   * `engines.node` says it.
   * @default this package's own `engines.node`
   */
  readonly node?: string;
  /**
   * Packages below the CLI that this package's package.json replaces: each a development dependency of its own (npm
   * installs a root dependency at the top of node_modules, where the CLI's bundle looks for it) and an entry of
   * `overrides` that makes the CLI's dependencies take it. The scaffold copies both.
   * @default none
   */
  readonly cliOverrides?: readonly string[];
}

/** The Node.js versions cdktn-cli 0.24 runs on, as its package.json says. */
export const CDKTN_CLI_NODE = ">=22.19.0";

/**
 * Each engine's packages and Node.js range. cdktf-cli 0.21 loads a native terminal module whose prebuilt binaries stop
 * at Node.js 22: on a later line npm would compile it (a C++ toolchain, the Node.js headers) at install, and the
 * install fails where there is none; in its place goes a build of it on Node-API that ships prebuilt for every line
 * (README, "Node.js versions").
 */
export const SCAFFOLD_ENGINES: Readonly<Record<InitEngine, ScaffoldEngine>> = {
  cdktf: { package: "cdktf", cli: "cdktf-cli", cliOverrides: ["@cdktf/node-pty-prebuilt-multiarch"] },
  cdktn: { package: "cdktn", cli: "cdktn-cli", node: CDKTN_CLI_NODE },
};

/** The engine of a project `init` writes when `--engine` is not given. */
export const DEFAULT_ENGINE: InitEngine = "cdktf";

/**
 * The version specifier of the scaffold's `cdktf` dependency: the engine's version, or for cdktn an npm alias to it.
 */
export function engineDependency(engine: InitEngine, version: string): string {
  return engine === "cdktf" ? version : `npm:${SCAFFOLD_ENGINES[engine].package}@${version}`;
}
