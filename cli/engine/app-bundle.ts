import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { build, type BuildOptions, type Loader, type Plugin } from "esbuild";
import { PACKAGE_NAME } from "./package-root";

/** Where the compiled app and the fingerprint of what it was compiled from live, inside the project directory. */
export const BUNDLE_DIR = ".flow";

/** What {@link compiledApp} did. */
export interface CompiledApp {
  /** The single JavaScript file `node` runs to synthesize. */
  readonly file: string;
  /** Whether it was compiled now (false: every input was unchanged, the previous bundle was reused). */
  readonly compiled: boolean;
}

/** How {@link compiledApp} resolves the app's imports. */
export interface CompileOptions {
  /**
   * The root of a heroku-flow-cdktf package (this checkout, or an installed copy) to compile the app against, for a
   * project that has no node_modules yet (`heroku-flow init`): `heroku-flow-cdktf` is that package itself, and any
   * other bare import the project's own folders do not resolve is looked up among the package's dependencies.
   *
   * @default - imports resolve from the project's folders only, as under `tsx`
   */
  readonly resolveFrom?: string;
}

interface Fingerprint {
  readonly entry: string;
  /** {@link CompileOptions.resolveFrom}: the same sources against another package are another app. */
  readonly resolveFrom?: string;
  /** Every file esbuild read, with the SHA-256 of its content. */
  readonly inputs: Record<string, string | null>;
}

/**
 * The cdktf app compiled to one JavaScript file, so that `flow` synthesizes with plain `node` (about 0.4 s for
 * songlist) instead of transpiling TypeScript on every run (`node --import tsx main.ts`, about 0.9 s).
 *
 * The bundle is rebuilt when any file it was built from changes: esbuild's metafile lists every input (the project's
 * sources, the bindings, the packages in node_modules), and their content hashes are kept beside it. Hashing them
 * takes milliseconds; nothing is trusted by timestamp. The environment is not part of the key: the bundle is code, and
 * each synth reads the settings (`HEROKU_FLOW_*`) afresh. The project's own files keep their `__dirname` and
 * `__filename` (see {@link ownLocation}), so code that reads files beside itself works as under `tsx`. With
 * `options.resolveFrom` the app is compiled against a given heroku-flow-cdktf package (see {@link CompileOptions}).
 */
export async function compiledApp(
  projectDir: string,
  entry = "main.ts",
  options: CompileOptions = {},
): Promise<CompiledApp> {
  const dir = path.join(projectDir, BUNDLE_DIR);
  const file = path.join(dir, "app.js");
  const fingerprintFile = path.join(dir, "app.inputs.json");
  const previous = readFingerprint(fingerprintFile);
  const { resolveFrom } = options;
  if (
    previous?.entry === entry &&
    previous.resolveFrom === resolveFrom &&
    fs.existsSync(file) &&
    unchanged(projectDir, previous.inputs)
  ) {
    return { file, compiled: false };
  }

  fs.mkdirSync(dir, { recursive: true });
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile: file,
    metafile: true,
    logLevel: "silent",
    plugins: [ownLocation],
    // A map file beside the bundle: `NODE_OPTIONS=--enable-source-maps` shows a crash in the real sources. Not loaded by
    // default: reading it costs a third of a second on every synth.
    sourcemap: "linked",
    ...(resolveFrom === undefined ? {} : packageResolution(resolveFrom)),
  });
  const inputs = Object.fromEntries(
    Object.keys(result.metafile.inputs).map((input) => [input, hashOf(path.join(projectDir, input))]),
  );
  fs.writeFileSync(fingerprintFile, JSON.stringify({ entry, resolveFrom, inputs } satisfies Fingerprint));
  return { file, compiled: true };
}

/**
 * The resolution of {@link CompileOptions.resolveFrom}. The library is the package's TypeScript sources in a checkout
 * (`constructs/index.ts`; its `dist/` may be stale or absent) and its compiled code when installed, where only `dist/`
 * ships. The other packages are looked up where npm puts the package's dependencies: in its own node_modules, and
 * beside it when it is itself installed in a node_modules folder (hoisted, as `npx` and `npm install` lay them out). A
 * checkout's parent folder is no node_modules and is left out: its siblings are not packages. The app and the library
 * thus share one copy of `cdktf` and `constructs`, which their `instanceof` checks need.
 */
function packageResolution(root: string): Pick<BuildOptions, "alias" | "nodePaths"> {
  const source = path.join(root, "constructs", "index.ts");
  const library = fs.existsSync(source) ? source : path.join(root, "dist", "constructs", "index.js");
  const parent = path.dirname(root);
  return {
    alias: { [PACKAGE_NAME]: library },
    nodePaths: [path.join(root, "node_modules"), ...(path.basename(parent) === "node_modules" ? [parent] : [])],
  };
}

function readFingerprint(file: string): Fingerprint | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Fingerprint;
  } catch {
    return undefined;
  }
}

function unchanged(projectDir: string, inputs: Record<string, string | null>): boolean {
  return Object.entries(inputs).every(([input, hash]) => hashOf(path.join(projectDir, input)) === hash);
}

function hashOf(file: string): string | null {
  try {
    return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  } catch {
    return null;
  }
}

/**
 * In a bundle every module would see the bundle's own `__dirname`; a project file that reads a file beside itself
 * (`path.join(__dirname, "…")`) would then look in the wrong place. This plugin gives each project file (not the
 * packages in node_modules, which the bundle has always run fine with) constants with its real location; esbuild
 * renames them apart between modules.
 */
const ownLocation: Plugin = {
  name: "own-location",
  setup(plugin) {
    plugin.onLoad({ filter: /\.(ts|tsx|mts|cts|js|mjs|cjs)$/ }, (args) => {
      if (args.path.split(path.sep).includes("node_modules")) return undefined;
      const contents = fs.readFileSync(args.path, "utf8");
      if (!/\b__(dirname|filename)\b/.test(contents)) return undefined;
      const location =
        `const __filename = ${JSON.stringify(args.path)};\n` +
        `const __dirname = ${JSON.stringify(path.dirname(args.path))};\n`;
      const extension = path.extname(args.path).slice(1);
      const loader: Loader = extension.startsWith("c") || extension.startsWith("m") ? "ts" : (extension as Loader);
      return { contents: location + contents, loader };
    });
  },
};
