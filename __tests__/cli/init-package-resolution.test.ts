import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { compiledApp } from "../../cli/engine/app-bundle";

/**
 * `compiledApp(dir, entry, { resolveFrom })`, which `heroku-flow init` synthesizes a project without node_modules with:
 * `heroku-flow-cdktf` is the given package (its sources in a checkout, its `dist/` when installed), and other bare
 * imports come from where npm put the package's dependencies. Checked on small stand-in packages, in both layouts.
 */
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (path relative to `root` → text) and returns `root`. */
function tree(root: string, files: Record<string, string>): string {
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  return root;
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "init-resolution-"));
  tempDirs.push(dir);
  return dir;
}

/** A package.json that makes a folder heroku-flow-cdktf. */
const OWN_MANIFEST = JSON.stringify({ name: "heroku-flow-cdktf", version: "0.0.0" });

/** A dependency that counts how often it is loaded: twice means the app and the library got different copies. */
const SHARED = "globalThis.loads = (globalThis.loads ?? 0) + 1;\nexports.id = {};\n";

/** A project with no node_modules whose main.ts prints which library it got and whether `shared` is one copy. */
function project(): string {
  return tree(tempDir(), {
    "main.ts":
      'import { origin, shared as libraryShared } from "heroku-flow-cdktf";\n' +
      'import * as shared from "shared";\n' +
      "console.log(`${origin} same=${shared.id === libraryShared.id} loads=${(globalThis as any).loads}`);\n",
  });
}

const output = (file: string) => spawnSync(process.execPath, [file], { encoding: "utf8" });

describe("compiledApp with resolveFrom", () => {
  test("a checkout: the library's TypeScript sources, not its dist/; other packages from its node_modules", async () => {
    const root = tree(path.join(tempDir(), "checkout"), {
      "package.json": OWN_MANIFEST,
      "constructs/index.ts": 'export const origin: string = "sources";\nexport * as shared from "shared";\n',
      "dist/constructs/index.js": 'exports.origin = "dist";\nexports.shared = require("shared");\n',
      "node_modules/shared/index.js": SHARED,
    });
    const app = await compiledApp(project(), "main.ts", { resolveFrom: root });
    expect(output(app.file)).toMatchObject({ status: 0, stdout: "sources same=true loads=1\n" });
  });

  test("installed: its dist/; its dependencies hoisted beside it, shared with the app", async () => {
    const modules = path.join(tempDir(), "node_modules");
    tree(modules, {
      "heroku-flow-cdktf/package.json": OWN_MANIFEST,
      "heroku-flow-cdktf/dist/constructs/index.js": 'exports.origin = "dist";\nexports.shared = require("shared");\n',
      "shared/index.js": SHARED,
    });
    const app = await compiledApp(project(), "main.ts", { resolveFrom: path.join(modules, "heroku-flow-cdktf") });
    expect(output(app.file)).toMatchObject({ status: 0, stdout: "dist same=true loads=1\n" });
  });

  test("a checkout's siblings are not packages: an import only a sibling folder would satisfy fails", async () => {
    const parent = tempDir();
    tree(parent, { "shared/index.js": SHARED });
    const root = tree(path.join(parent, "checkout"), {
      "package.json": OWN_MANIFEST,
      "constructs/index.ts": 'export const origin = "sources";\nexport const shared = { id: {} };\n',
    });
    await expect(compiledApp(project(), "main.ts", { resolveFrom: root })).rejects.toThrow(
      /Could not resolve "shared"/,
    );
  });

  test("without resolveFrom the project's own resolution is unchanged: no heroku-flow-cdktf", async () => {
    await expect(compiledApp(project(), "main.ts")).rejects.toThrow(/Could not resolve "heroku-flow-cdktf"/);
  });

  test("a bundle compiled against a package is not reused without it, nor the other way round", async () => {
    const root = tree(path.join(tempDir(), "checkout"), {
      "package.json": OWN_MANIFEST,
      "constructs/index.ts": 'export const origin = "sources";\nexport const shared = { id: {} };\n',
    });
    const dir = tree(tempDir(), { "main.ts": 'console.log("plain");\n' });
    expect((await compiledApp(dir, "main.ts", { resolveFrom: root })).compiled).toBe(true);
    expect((await compiledApp(dir, "main.ts", { resolveFrom: root })).compiled).toBe(false);
    expect((await compiledApp(dir, "main.ts")).compiled).toBe(true);
    expect((await compiledApp(dir, "main.ts")).compiled).toBe(false);
    expect((await compiledApp(dir, "main.ts", { resolveFrom: root })).compiled).toBe(true);
  });
});
