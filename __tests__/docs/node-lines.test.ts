import * as fs from "node:fs";
import * as path from "node:path";
import { NODE_RELEASES } from "../../scripts/lib/node-lines";

/**
 * The Node.js versions, said in one place (scripts/node-lines.json, the releases CI tests) and one rule (package.json's
 * `engines`): the README and docs/development.md must say the same, and the releases must be what `engines` admits.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const development = fs.readFileSync(path.join(ROOT, "docs", "development.md"), "utf8");
const own = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const releases = NODE_RELEASES;

/** A version's numbers, e.g. [22, 12, 0]. */
function numbers(version: string): number[] {
  return version.split(".").map(Number);
}

/** Whether version `a` is at least `b`. */
function atLeast(a: string, b: string): boolean {
  const [x, y] = [numbers(a), numbers(b)];
  const differing = x.findIndex((part, index) => part !== y[index]);
  return differing === -1 || x[differing] > y[differing];
}

/** package.json's `engines.node`: `>=<version>`, the only form this test reads. */
function minimum(): string {
  const match = /^>=(\d+\.\d+\.\d+)$/.exec(own.engines.node);
  if (match === null) throw new Error(`package.json's engines.node is ${own.engines.node}, not >=<version>`);
  return match[1];
}

test("the releases are one of each LTS line (even majors), oldest first, the oldest of engines' own line", () => {
  const majors = releases.map((release) => numbers(release)[0]);
  expect(majors.every((major) => major % 2 === 0)).toBe(true);
  expect([...majors].sort((a, b) => a - b)).toEqual(majors);
  expect(new Set(majors).size).toBe(majors.length);
  expect(majors[0]).toBe(numbers(minimum())[0]);
});

test("engines admits every release CI tests", () => {
  for (const release of releases)
    expect({ release, admitted: atLeast(release, minimum()) }).toEqual({ release, admitted: true });
});

test("the README's quick start names the releases CI tests", () => {
  const sentence = /^Tested on Node\.js ([\d., and]+), each CI run/m.exec(readme);
  expect(sentence).not.toBeNull();
  expect(sentence![1].match(/\d+\.\d+\.\d+/g)).toEqual(releases);
});

test("the README and docs/development.md require what engines says", () => {
  const [major, minor] = numbers(minimum());
  expect(readme).toContain(`Requires Node.js >= ${major}.${minor}`);
  expect(readme).toContain(`\`engines\` says Node.js >= ${major}.${minor}`);
  expect(development).toContain(`Requires Node.js >= ${major}.${minor}`);
});
