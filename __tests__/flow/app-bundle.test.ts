import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { compiledApp } from "../../cli/engine/app-bundle";
import { appEntry } from "../../cli/engine/terraform-engine";

/** A tiny TypeScript app in a scratch directory: main.ts prints what lib.ts exports. */
function scratchApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flow-bundle-"));
  fs.writeFileSync(path.join(dir, "lib.ts"), 'export const word: string = "first";\n');
  fs.writeFileSync(path.join(dir, "main.ts"), 'import { word } from "./lib";\nconsole.log(word);\n');
  return dir;
}

const runs = (file: string) => spawnSync(process.execPath, [file], { encoding: "utf8" }).stdout.trim();

describe("compiledApp", () => {
  test("compiles once, reuses the bundle while no input changes, and rebuilds when one does", async () => {
    const dir = scratchApp();
    const first = await compiledApp(dir, "main.ts");
    expect(first.compiled).toBe(true);
    expect(runs(first.file)).toBe("first");

    expect((await compiledApp(dir, "main.ts")).compiled).toBe(false);

    // Same size, same timestamp resolution: only the content differs. The fingerprint is by content.
    fs.writeFileSync(path.join(dir, "lib.ts"), 'export const word: string = "again";\n');
    const changed = await compiledApp(dir, "main.ts");
    expect(changed.compiled).toBe(true);
    expect(runs(changed.file)).toBe("again");
  });

  test("a different entry file is a different app", async () => {
    const dir = scratchApp();
    await compiledApp(dir, "main.ts");
    fs.writeFileSync(path.join(dir, "other.ts"), 'console.log("other");\n');
    const other = await compiledApp(dir, "other.ts");
    expect(other.compiled).toBe(true);
    expect(runs(other.file)).toBe("other");
  });
});

describe("appEntry", () => {
  test("finds the entry file of a cdktf.json app command, or none", () => {
    expect(appEntry("node --import tsx main.ts")).toBe("main.ts");
    expect(appEntry("npx ts-node src/app.ts --flag")).toBe("src/app.ts");
    expect(appEntry("node main.js")).toBe("main.js");
    expect(appEntry("python3 main.py")).toBeUndefined();
  });
});

describe("compiledApp and file locations", () => {
  test("a project file reading a file beside itself finds it, as under tsx", async () => {
    const dir = scratchApp();
    fs.mkdirSync(path.join(dir, "data"));
    fs.writeFileSync(path.join(dir, "data", "word.txt"), "beside");
    fs.writeFileSync(
      path.join(dir, "data", "read.ts"),
      'import * as fs from "fs";\nimport * as path from "path";\n' +
        'export const word = fs.readFileSync(path.join(__dirname, "word.txt"), "utf8");\n' +
        "export const file = path.basename(__filename);\n",
    );
    fs.writeFileSync(
      path.join(dir, "main.ts"),
      'import { word, file } from "./data/read";\nconst here = __dirname;\nconsole.log(`${word} ${file} ${here}`);\n',
    );
    const app = await compiledApp(dir, "main.ts");
    expect(runs(app.file)).toBe(`beside read.ts ${dir}`);
  });
});
