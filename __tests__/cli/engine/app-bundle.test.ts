/**
 * `compiledApp`: one compile, reused until the content of an input or the entry changes; what the fingerprint records
 * (and that a broken or stale one, a missing bundle or a deleted input means compiling again, never a wrong reuse),
 * that a failed compile leaves the previous bundle and fingerprint alone, the source map beside the bundle, the Node 20
 * target, and which files get their own `__dirname`/`__filename` and with which loader (project files of every
 * extension; not packages in node_modules, and not files that do not use them, which may begin with a `#!` line).
 */
import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BUNDLE_DIR, compiledApp } from "../../../cli/engine/app-bundle";

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A project holding `files` (path → text). */
function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-bundle-"));
  made.push(dir);
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  }
  return dir;
}

const PLAIN = {
  "lib.ts": 'export const word: string = "first";\n',
  "main.ts": 'import { word } from "./lib";\nconsole.log(word);\n',
};

const sha256 = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const fingerprintOf = (dir: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, BUNDLE_DIR, "app.inputs.json"), "utf8"));
const output = (file: string) => spawnSync(process.execPath, [file], { encoding: "utf8" });

describe("the fingerprint", () => {
  test("compiles once, reuses the bundle while no input changes, and rebuilds when one does", async () => {
    const dir = project(PLAIN);
    const first = await compiledApp(dir, "main.ts");
    expect(first.compiled).toBe(true);
    expect(output(first.file).stdout).toBe("first\n");

    expect((await compiledApp(dir, "main.ts")).compiled).toBe(false);

    // Same size, same timestamp resolution: only the content differs. The fingerprint is by content.
    fs.writeFileSync(path.join(dir, "lib.ts"), 'export const word: string = "again";\n');
    const changed = await compiledApp(dir, "main.ts");
    expect(changed.compiled).toBe(true);
    expect(output(changed.file).stdout).toBe("again\n");
  });

  test("a different entry file is a different app", async () => {
    const dir = project({ ...PLAIN, "other.ts": 'console.log("other");\n' });
    await compiledApp(dir, "main.ts");
    const other = await compiledApp(dir, "other.ts");
    expect(other.compiled).toBe(true);
    expect(output(other.file).stdout).toBe("other\n");
  });

  test("records the entry and the SHA-256 of every input, main.ts by default", async () => {
    const dir = project(PLAIN);
    const app = await compiledApp(dir);
    expect(app).toEqual({ file: path.join(dir, BUNDLE_DIR, "app.js"), compiled: true });
    expect(fingerprintOf(dir)).toEqual({
      entry: "main.ts",
      inputs: { "lib.ts": sha256(path.join(dir, "lib.ts")), "main.ts": sha256(path.join(dir, "main.ts")) },
    });
    expect(await compiledApp(dir)).toEqual({ file: app.file, compiled: false });
  });

  test("records the package compiled against", async () => {
    const root = project({
      "package.json": JSON.stringify({ name: "heroku-flow-cdktf" }),
      "constructs/index.ts": "export const origin = 1;\n",
    });
    const dir = project({ "main.ts": 'console.log("plain");\n' });
    await compiledApp(dir, "main.ts", { resolveFrom: root });
    expect(fingerprintOf(dir)).toMatchObject({ entry: "main.ts", resolveFrom: root });
  });

  test("the bundle gone: compiled again, though no input changed", async () => {
    const dir = project(PLAIN);
    const app = await compiledApp(dir);
    fs.rmSync(app.file);
    expect(await compiledApp(dir)).toEqual({ file: app.file, compiled: true });
    expect(output(app.file).stdout).toBe("first\n");
  });

  test("a fingerprint that is not JSON: compiled again, no error", async () => {
    const dir = project(PLAIN);
    const app = await compiledApp(dir);
    fs.writeFileSync(path.join(dir, BUNDLE_DIR, "app.inputs.json"), "{");
    expect((await compiledApp(dir)).compiled).toBe(true);
    expect(output(app.file).stdout).toBe("first\n");
  });

  test("an input deleted is a change: the compile runs again and fails, leaving the last bundle and fingerprint", async () => {
    const dir = project(PLAIN);
    const app = await compiledApp(dir);
    const fingerprint = fingerprintOf(dir);
    fs.rmSync(path.join(dir, "lib.ts"));
    await expect(compiledApp(dir)).rejects.toThrow(/Could not resolve "\.\/lib"/);
    expect(fingerprintOf(dir)).toEqual(fingerprint);
    fs.writeFileSync(path.join(dir, "lib.ts"), PLAIN["lib.ts"]);
    expect(await compiledApp(dir)).toEqual({ file: app.file, compiled: false });
    expect(output(app.file).stdout).toBe("first\n");
  });
});

describe("the bundle", () => {
  test("a source map beside it, linked from it", async () => {
    const dir = project(PLAIN);
    const app = await compiledApp(dir);
    expect(fs.readFileSync(app.file, "utf8").trimEnd()).toMatch(/\n\/\/# sourceMappingURL=app\.js\.map$/);
    expect(JSON.parse(fs.readFileSync(`${app.file}.map`, "utf8")).sources).toEqual(["../lib.ts", "../main.ts"]);
  });

  test("compiled for Node 20: syntax newer than Node 20 (a `using` declaration) is lowered, and runs", async () => {
    const dir = project({
      "main.ts":
        'const resource = { [Symbol.dispose]() { console.log("disposed"); } };\n' +
        "{\n  using held = resource;\n  console.log(typeof held);\n}\n",
    });
    const app = await compiledApp(dir);
    expect(fs.readFileSync(app.file, "utf8")).not.toMatch(/\busing held\b/);
    expect(output(app.file)).toMatchObject({ status: 0, stdout: "object\ndisposed\n" });
  });
});

describe("own locations", () => {
  test("a project file reading a file beside itself finds it, as under tsx", async () => {
    const dir = project({
      "data/word.txt": "beside",
      "data/read.ts":
        'import * as fs from "fs";\nimport * as path from "path";\n' +
        'export const word = fs.readFileSync(path.join(__dirname, "word.txt"), "utf8");\n' +
        "export const file = path.basename(__filename);\n",
      "main.ts":
        'import { word, file } from "./data/read";\nconst here = __dirname;\nconsole.log(`${word} ${file} ${here}`);\n',
    });
    const app = await compiledApp(dir, "main.ts");
    expect(output(app.file).stdout).toBe(`beside read.ts ${dir}\n`);
  });

  test("project files of each kind get their real location with the right loader; packages and other files do not", async () => {
    const dir = project({
      "node_modules/located/package.json": JSON.stringify({ name: "located", main: "index.js" }),
      "node_modules/located/index.js": "exports.dir = __dirname;\n",
      // In JavaScript `a < b > (c)` compares ((1 < 2) > 3 is false); read as TypeScript it would call `a`.
      "lib/compare.js": "const a = 1, b = 2, c = 3;\nexports.compared = a < b > (c);\nexports.dir = __dirname;\n",
      "lib/where.cjs": "exports.dir = __dirname;\n",
      "lib/name.mts": "export const file: string = __filename;\n",
      // Mentions neither `__dirname` nor `__filename` as a word, and must begin with its `#!` line.
      "lib/tool.js": '#!/usr/bin/env node\nexports.words = ["a__dirname", "__filenames"];\n',
      "main.ts":
        'import { dir as packageDir } from "located";\n' +
        'import { compared, dir as jsDir } from "./lib/compare";\n' +
        'import { dir as cjsDir } from "./lib/where.cjs";\n' +
        'import { file as mtsFile } from "./lib/name.mts";\n' +
        'import { words } from "./lib/tool";\n' +
        "console.log(JSON.stringify({ packageDir, compared, jsDir, cjsDir, mtsFile, words }));\n",
    });
    const app = await compiledApp(dir);
    const run = output(app.file);
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({
      packageDir: path.join(dir, BUNDLE_DIR),
      compared: false,
      jsDir: path.join(dir, "lib"),
      cjsDir: path.join(dir, "lib"),
      mtsFile: path.join(dir, "lib", "name.mts"),
      words: ["a__dirname", "__filenames"],
    });
  });
});
