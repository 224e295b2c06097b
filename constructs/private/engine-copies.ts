import * as fs from "node:fs";
import * as path from "node:path";
import * as engine from "cdktf";
import { IConstruct } from "constructs";

/**
 * jsii's run-time type information, set on every class of a jsii library: `{ fqn: "cdktf.TerraformStack", version }`.
 * cdktf and its successor cdktn are both jsii libraries, so it names the engine and version any construct comes from.
 */
const JSII_RTTI = Symbol.for("jsii.rtti");

/** The jsii assemblies of the CDK for Terraform engines: cdktf, and cdktn, which keeps cdktf's classes and names. */
const ENGINE_ASSEMBLIES: readonly string[] = ["cdktf", "cdktn"];

/** The engine class a construct is built on (its own class or nearest ancestor that an engine defines). */
interface EngineClass {
  /** `cdktf` or `cdktn`. */
  readonly assembly: string;
  /** The engine's version, e.g. `0.21.0`. */
  readonly version: string;
  /** The class's name in the engine, e.g. `TerraformStack`. */
  readonly name: string;
  readonly cls: object;
}

/** A construct of the app built on another copy of the engine than the one this library runs on. */
export interface EngineMismatch {
  /** The construct's path; empty for the app itself. */
  readonly path: string;
  /** The one-line report: both engines, where each is installed, and what to do. */
  readonly message: string;
}

/** The rtti of `cls` when it is its own (a subclass inherits its parent's static rtti, which says nothing of it). */
function ownRtti(cls: object): { fqn?: unknown; version?: unknown } | undefined {
  return Object.prototype.hasOwnProperty.call(cls, JSII_RTTI)
    ? (cls as Record<symbol, { fqn?: unknown; version?: unknown }>)[JSII_RTTI]
    : undefined;
}

/** The engine class `construct` is built on, or undefined when none is (a plain `Construct`). */
function engineClassOf(construct: IConstruct): EngineClass | undefined {
  for (let cls: object | null = construct.constructor; cls !== null; cls = Object.getPrototypeOf(cls)) {
    const rtti = ownRtti(cls);
    if (typeof rtti?.fqn !== "string") continue;
    const [assembly, name] = rtti.fqn.split(".");
    if (ENGINE_ASSEMBLIES.includes(assembly) && name !== undefined) {
      return { assembly, version: String(rtti.version), name, cls };
    }
  }
  return undefined;
}

/**
 * The folder of the installed package whose entry module exports `cls`, relative to the working directory, from the
 * modules Node has loaded; undefined when none is found (an app bundled into one file).
 */
function installedAt(cls: object): string | undefined {
  for (const loaded of Object.values(require.cache)) {
    if (loaded === undefined || !exportsValue(loaded.exports, cls)) continue;
    for (let dir = path.dirname(loaded.filename); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, "package.json"))) return path.relative(process.cwd(), dir) || ".";
    }
  }
  return undefined;
}

/** Whether a module's exports hold `value`; an export whose getter throws (a lazy module failing to load) holds none. */
function exportsValue(exported: unknown, value: object): boolean {
  if (exported === null || typeof exported !== "object") return false;
  try {
    return Object.values(exported).includes(value);
  } catch {
    return false;
  }
}

/** `cdktn 0.24.0 (node_modules/cdktn)`: an engine class's package, version and where it is installed. */
function describe(engineClass: EngineClass): string {
  const where = installedAt(engineClass.cls);
  return `${engineClass.assembly} ${engineClass.version}${where === undefined ? "" : ` (${where})`}`;
}

/** The engine this library itself runs on, as `describe` shows it. */
function ownEngine(): EngineClass {
  const rtti = ownRtti(engine.App) as { fqn: string; version: string };
  return { assembly: rtti.fqn.split(".")[0], version: rtti.version, name: "App", cls: engine.App };
}

/** What to do, the same for every mismatch: one engine, and how to run this library on cdktn. */
const ONE_ENGINE =
  'import App and TerraformStack from "cdktf" only, with one copy of it installed (`npm ls cdktf cdktn` lists ' +
  'them); to run on cdktn, install it under the name cdktf ("cdktf": "npm:cdktn@0.24.0" and "overrides": ' +
  '{ "cdktf": "$cdktf" } in package.json) — the README\'s "cdktf or cdktn" says more';

/**
 * The first construct of `app` (the app itself first) whose engine class is not this library's own: an app made with
 * cdktn's or a second copy of cdktf's `App` or `TerraformStack` around this library's constructs, or a provider
 * package resolving its own copy. Such a mix synthesizes wrong or fails deep inside the engine (cdktn's synth calls
 * methods cdktf 0.21's resources do not have), so it is reported before anything else runs.
 */
export function findEngineMismatch(app: IConstruct): EngineMismatch | undefined {
  for (const construct of app.node.findAll()) {
    const engineClass = engineClassOf(construct);
    if (engineClass === undefined) continue;
    if ((engine as unknown as Record<string, unknown>)[engineClass.name] === engineClass.cls) continue;
    const kind = construct === app ? "the app" : `${engineClass.name} ${construct.node.path}`;
    return {
      path: construct.node.path,
      message:
        `${kind} is built on ${describe(engineClass)}, but heroku-flow-cdktf runs on ${describe(ownEngine())}: ` +
        `one app must use one copy of one engine. To fix: ${ONE_ENGINE}`,
    };
  }
  return undefined;
}
