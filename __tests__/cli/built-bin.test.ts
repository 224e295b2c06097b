/**
 * The built command as a user's shell runs it (`dist/cli/bin.js`, what npm links as `heroku-flow`): exit codes and
 * output of a child process. Kept apart from the in-process tests of `bin.test.ts` because Stryker's copy of the
 * repository has no `dist/` (see stryker.jest.config.js).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

describe("the built bin, as npx runs it", () => {
  const bin = path.join(ROOT, "dist", "cli", "bin.js");
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      encoding: "utf8",
      cwd: fs.mkdtempSync(path.join(os.tmpdir(), "hf-")),
    });

  test("exit codes: 0 help, 2 usage, 1 failure; one line and no stack trace", () => {
    expect(run("--help").status).toBe(0);
    const usage = run("bogus");
    expect(usage.status).toBe(2);
    expect(usage.stderr.trim().split("\n")).toHaveLength(1);
    const failure = run("note");
    expect(failure.status).toBe(1);
    expect(failure.stderr).toMatch(/^heroku-flow: .*run `heroku-flow synth` first/);
    expect(failure.stderr).not.toMatch(/\n\s+at /);
  });

  test("the package.json bin points at it, and it starts with a node shebang", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(path.resolve(ROOT, pkg.bin["heroku-flow"])).toBe(bin);
    expect(fs.readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  });
});
