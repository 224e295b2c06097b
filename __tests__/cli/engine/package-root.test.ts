/**
 * The package's root is found by its package.json's name, not counted from this file (the code runs from `cli/` in a
 * checkout and from `dist/cli/` when installed): a folder without package.json or with another package's is passed
 * over, and no such folder up to `/` is an error naming where the search began.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PACKAGE_NAME, packageRoot, packageVersion } from "../../../cli/engine/package-root";

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** An installed layout: the package, a dependency inside it with its own package.json, a folder without one. */
function installed(): { root: string; deep: string; dependency: string } {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-root-"));
  made.push(top);
  const root = path.join(top, "node_modules", PACKAGE_NAME);
  const dependency = path.join(root, "node_modules", "cdktf");
  const deep = path.join(dependency, "lib", "deep");
  fs.mkdirSync(deep, { recursive: true });
  fs.writeFileSync(path.join(top, "package.json"), JSON.stringify({ name: "the-app" }));
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: PACKAGE_NAME, version: "9.9.9" }));
  fs.writeFileSync(path.join(dependency, "package.json"), JSON.stringify({ name: "cdktf" }));
  return { root, deep, dependency };
}

test("the nearest folder above whose package.json is heroku-flow-cdktf's, past others' and folders without one", () => {
  const { root, deep, dependency } = installed();
  expect(packageRoot(deep)).toBe(root);
  expect(packageRoot(dependency)).toBe(root);
  expect(packageRoot(root)).toBe(root);
});

test("none up to the filesystem's root: an error naming where the search began", () => {
  const { root } = installed();
  const outside = path.dirname(path.dirname(root));
  expect(() => packageRoot(outside)).toThrow(new Error(`no heroku-flow-cdktf package.json above ${outside}`));
});

test("by default, this checkout's root; its version from its package.json", () => {
  const checkout = path.resolve(__dirname, "..", "..", "..");
  expect(packageRoot()).toBe(checkout);
  const { version } = JSON.parse(fs.readFileSync(path.join(checkout, "package.json"), "utf8"));
  expect(packageVersion()).toBe(version);
  expect(version).toMatch(/^\d+\.\d+\.\d+/);
});
