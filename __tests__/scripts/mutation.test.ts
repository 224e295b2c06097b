// The mutation-testing tooling (scripts/mutation/): which test files a mutant's run keeps, and how the score is counted.
import * as path from "path";
import * as fs from "fs";
import * as os from "os";
import { execFileSync, spawnSync } from "child_process";
import { PROJECT_ROOT } from "../../scripts/lib/project-root";
import { minutesAndSeconds } from "../../scripts/lib/report";
import { partIncludes, readParts } from "../../scripts/mutation/mutation-parts";
import { failures, GROUPS, scores } from "../../scripts/mutation/score";

/** The exports of covering-test-sequencer.js, a CommonJS module Jest loads by path. */
interface CoveringTestSequencerModule {
  coveringTestPaths(testPaths: string[], pattern: RegExp, index: unknown, rootDir: string): string[];
  quickestFirst(testPaths: string[], index: unknown, rootDir: string): string[];
  addContentHashes(indexFile: string): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see CoveringTestSequencerModule
const sequencer = require("../../scripts/mutation/covering-test-sequencer.js") as CoveringTestSequencerModule;
const { coveringTestPaths, quickestFirst, addContentHashes } = sequencer;

describe("covering test sequencer", () => {
  // The index is Jest's JSON report, written in the checkout with each file's content hash; Stryker's runs happen in a
  // copy elsewhere.
  const checkout = fs.mkdtempSync(path.join(os.tmpdir(), "sequencer-checkout-"));
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "sequencer-copy-"));
  const names = ["a", "b", "c"];
  const inCopy = names.map((name) => path.join(copy, "__tests__", `${name}.test.ts`));
  const indexFile = path.join(checkout, "index.json");
  let index: unknown;

  beforeAll(() => {
    for (const root of [checkout, copy]) fs.mkdirSync(path.join(root, "__tests__"));
    for (const name of names) {
      for (const root of [checkout, copy])
        fs.writeFileSync(path.join(root, "__tests__", `${name}.test.ts`), `// ${name}`);
    }
    const suite = (name: string, fullName: string, milliseconds: number) => ({
      name: path.join(checkout, "__tests__", `${name}.test.ts`),
      startTime: 1000,
      endTime: 1000 + milliseconds,
      assertionResults: [{ fullName }],
    });
    fs.writeFileSync(
      indexFile,
      JSON.stringify({
        testResults: [suite("a", "app name refuses 31 characters", 900), suite("b", "pipeline couples apps", 100)],
      }),
    );
    addContentHashes(indexFile);
    index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
  });

  afterAll(() => {
    for (const root of [checkout, copy]) fs.rmSync(root, { recursive: true, force: true });
  });

  test("keeps the files that hold a matching test, matched as Jest does (case-insensitive, full name)", () => {
    expect(coveringTestPaths(inCopy, /(App name refuses 31 characters)/i, index, copy)).toEqual([inCopy[0], inCopy[2]]);
  });

  test("keeps a file the index does not know, so a new test file is never dropped", () => {
    expect(coveringTestPaths(inCopy, /(no such test)/i, index, copy)).toEqual([inCopy[2]]);
  });

  test("keeps a file changed since the index was written, so a test added to it is never dropped", () => {
    fs.appendFileSync(inCopy[1], "\ntest('a new test', () => {});\n");
    expect(coveringTestPaths(inCopy, /(a new test)/i, index, copy)).toEqual([inCopy[1], inCopy[2]]);
  });

  test("orders the files quickest first by the index's time, the files it does not have last", () => {
    expect(quickestFirst([inCopy[2], inCopy[0], inCopy[1]], index, copy)).toEqual([inCopy[1], inCopy[0], inCopy[2]]);
  });
});

describe("setup hook coverage: what a file's beforeAll reaches is covered by each of its later tests", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module the environment loads
  const { setupHookCoverage } = require("../../scripts/mutation/setup-hook-coverage.js") as {
    setupHookCoverage(context: () => unknown): { handleTestEvent(event: unknown): void };
  };
  type Coverage = { static: Record<string, number>; perTest: Record<string, Record<string, number>> };

  test("counts reached in beforeAll go to each later test, beside its own; module-level and afterAll counts stay static", () => {
    const context: { mutantCoverage: Coverage; currentTestId?: string } = {
      mutantCoverage: { static: { "1": 1 }, perTest: {} },
    };
    const file = setupHookCoverage(() => context);
    const beforeAll = { type: "beforeAll" };
    file.handleTestEvent({ name: "hook_start", hook: beforeAll });
    context.mutantCoverage.static = { "1": 1, "2": 3 };
    file.handleTestEvent({ name: "hook_success", hook: beforeAll });
    for (const test of ["first", "second"]) {
      context.currentTestId = test;
      file.handleTestEvent({ name: "test_start" });
      context.mutantCoverage.perTest[test] = { "5": 1 };
      file.handleTestEvent({ name: "test_done" });
      context.currentTestId = undefined;
    }
    const afterAll = { type: "afterAll" };
    file.handleTestEvent({ name: "hook_start", hook: afterAll });
    context.mutantCoverage.static["9"] = 1;
    file.handleTestEvent({ name: "hook_success", hook: afterAll });
    expect(context.mutantCoverage.perTest).toEqual({ first: { "2": 3, "5": 1 }, second: { "2": 3, "5": 1 } });
    expect(context.mutantCoverage.static).toEqual({ "1": 1, "2": 3, "9": 1 });
  });

  test("a failed beforeAll still counts; outside a Stryker run (no coverage object) nothing happens", () => {
    const context: { mutantCoverage: Coverage; currentTestId?: string } = {
      mutantCoverage: { static: {}, perTest: {} },
    };
    const file = setupHookCoverage(() => context);
    file.handleTestEvent({ name: "hook_start", hook: { type: "beforeAll" } });
    context.mutantCoverage.static["4"] = 2;
    file.handleTestEvent({ name: "hook_failure", hook: { type: "beforeAll" } });
    context.currentTestId = "only";
    file.handleTestEvent({ name: "test_done" });
    expect(context.mutantCoverage.perTest).toEqual({ only: { "4": 2 } });
    expect(() => setupHookCoverage(() => undefined).handleTestEvent({ name: "test_done" })).not.toThrow();
  });
});

describe("bail environment: a mutant's tests stop at the first failure", () => {
  // Two test files run by the real Jest in one process, as Stryker runs them (in band, in name order here), with the
  // environment and test runner of stryker.jest.config.js. Each test and hook that runs, and each file that loads,
  // leaves a file in `ran/`.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "bail-environment-"));
  const ran = path.join(root, "ran");
  const record = (name: string) =>
    `require("fs").writeFileSync(require("path").join(${JSON.stringify(ran)}, "${name}"), "")`;

  beforeAll(() => {
    fs.writeFileSync(
      path.join(root, "by-name-sequencer.js"),
      `const Sequencer = require(${JSON.stringify(require.resolve("@jest/test-sequencer"))}).default;
module.exports = class extends Sequencer { sort(tests) { return [...tests].sort((a, b) => a.path.localeCompare(b.path)); } };`,
    );
    fs.writeFileSync(
      path.join(root, "1-first.test.js"),
      `test("passes", () => { ${record("passes")}; });
test("fails", () => { ${record("fails")}; expect(1).toBe(2); });
test("after the failure", () => { ${record("after-the-failure")}; });
describe("a later block", () => {
  beforeAll(() => { ${record("later-block-hook")}; });
  test("in a later block", () => { ${record("in-a-later-block")}; });
});`,
    );
    fs.writeFileSync(
      path.join(root, "2-second.test.js"),
      `${record("second-file-loaded")};
beforeAll(() => { ${record("second-file-hook")}; });
test("in the second file", () => { ${record("in-the-second-file")}; });`,
    );
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  /** Runs the two files; returns what ran and each test's status as Jest reported it. */
  function runJest(
    activeMutant: string | undefined,
    testsRoot = root,
  ): { ran: string[]; statuses: Record<string, string> } {
    fs.rmSync(ran, { recursive: true, force: true });
    fs.mkdirSync(ran);
    const config = {
      rootDir: testsRoot,
      testEnvironment: path.join(PROJECT_ROOT, "scripts", "mutation", "bail-environment.js"),
      testRunner: path.join(PROJECT_ROOT, "scripts", "mutation", "jest-circus-bail-runner.js"),
      testSequencer: path.join(root, "by-name-sequencer.js"),
      transform: {},
    };
    const env = { ...process.env };
    delete env.__STRYKER_ACTIVE_MUTANT__;
    if (activeMutant !== undefined) env.__STRYKER_ACTIVE_MUTANT__ = activeMutant;
    const outputFile = path.join(root, "results.json");
    spawnSync(
      process.execPath,
      [
        require.resolve("jest/bin/jest"),
        "--config",
        JSON.stringify(config),
        "--runInBand",
        "--json",
        "--outputFile",
        outputFile,
      ],
      { cwd: root, env, encoding: "utf8" },
    );
    const results = JSON.parse(fs.readFileSync(outputFile, "utf8")) as {
      testResults: { assertionResults: { title: string; status: string }[] }[];
    };
    const statuses = Object.fromEntries(
      results.testResults.flatMap((file) => file.assertionResults.map((test) => [test.title, test.status])),
    );
    return { ran: fs.readdirSync(ran).sort(), statuses };
  }

  test("is the environment and test runner of mutation runs, by paths Stryker can load", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the Jest configuration is a CommonJS module
    const config = require("../../stryker.jest.config.js") as { testEnvironment: string; testRunner: string };
    // Stryker loads the environment itself, without expanding Jest's <rootDir>.
    expect(config.testEnvironment).toBe(path.join(PROJECT_ROOT, "scripts", "mutation", "bail-environment.js"));
    expect(fs.existsSync(config.testEnvironment)).toBe(true);
    expect(config.testRunner).toBe("<rootDir>/scripts/mutation/jest-circus-bail-runner.js");
  });

  test("while Stryker measures a mutant, nothing runs after the first failure: later tests, hooks or files", () => {
    // The second file is not loaded at all: Jest gets one skipped entry for it.
    expect(runJest("7")).toEqual({
      ran: ["fails", "passes"],
      statuses: {
        passes: "passed",
        fails: "failed",
        "after the failure": "pending",
        "in a later block": "pending",
        "not loaded: an earlier test already killed this mutant": "pending",
      },
    });
  });

  test("a beforeAll that throws fails the first test of its block, which kills the mutant, and skips the rest", () => {
    // A folder of its own, so that the other tests' runs do not pick this file up.
    const hookRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bail-environment-hook-"));
    fs.writeFileSync(
      path.join(hookRoot, "hook.test.js"),
      `beforeAll(() => { throw new Error("the sandbox did not start"); });
test("first", () => { ${record("first")}; });
test("second", () => { ${record("second")}; });`,
    );
    try {
      expect(runJest("7", hookRoot)).toEqual({ ran: [], statuses: { first: "failed", second: "pending" } });
    } finally {
      fs.rmSync(hookRoot, { recursive: true, force: true });
    }
  });

  test("without a mutant (the dry run, which measures coverage), every test runs", () => {
    expect(runJest(undefined).ran).toEqual([
      "after-the-failure",
      "fails",
      "in-a-later-block",
      "in-the-second-file",
      "later-block-hook",
      "passes",
      "second-file-hook",
      "second-file-loaded",
    ]);
  });
});

describe("mutation parts", () => {
  const { parts } = readParts();
  const partsOf = (file: string) => Object.keys(parts).filter((name) => partIncludes(parts[name], file));

  test("globs: `**/` spans folders or none, `*` stays within a name, `!` excludes", () => {
    expect(partsOf("constructs/heroku-app.ts")).toEqual(["constructs"]);
    expect(partsOf("constructs/flow/heroku-flow.ts")).toEqual(["constructs"]);
    expect(partsOf("constructs/index.ts")).toEqual([]);
    expect(partsOf("sandbox/heroku/models/apps.ts")).toEqual(["sandbox-heroku-models"]);
    expect(partsOf("sandbox/api-plugin.ts")).toEqual(["sandbox-core"]);
    expect(partsOf("sandbox/heroku/routes/apps.ts")).toEqual(["sandbox-heroku-routes"]);
    expect(partsOf("sandbox/heroku/routes/render.ts")).toEqual(["sandbox-heroku-render"]);
    expect(partsOf("sandbox/gitlab/routes/render.ts")).toEqual(["sandbox-gitlab-render"]);
    expect(partsOf("sandbox/server.ts")).toEqual([]);
    expect(partsOf("sandbox/heroku/models/apps.tsx")).toEqual([]);
  });

  test("every mutated file of the repository is in exactly one part, and none is generated", () => {
    // Read from the file system, not git: Stryker runs this test in a copy of the checkout that git ignores.
    const files = ["constructs", "sandbox", "scripts", "cli", ".gen"].flatMap((folder) =>
      (fs.readdirSync(path.join(PROJECT_ROOT, folder), { recursive: true }) as string[])
        .filter((file) => file.endsWith(".ts"))
        .map((file) => path.posix.join(folder, file.split(path.sep).join("/"))),
    );
    const mutated = files.filter((file) => partsOf(file).length > 0);
    expect(mutated.length).toBeGreaterThan(100);
    expect(mutated.filter((file) => partsOf(file).length > 1)).toEqual([]);
    expect(mutated.filter((file) => file.startsWith(".gen/"))).toEqual([]);
  });

  test("a total names parts that exist, and scores their files together", () => {
    const { totals } = readParts();
    for (const total of Object.values(totals)) expect(total.parts.filter((part) => !(part in parts))).toEqual([]);
    const sandbox = GROUPS.find((group) => group.name.startsWith("sandbox ("))!;
    expect(sandbox.threshold).toBe(totals.sandbox.threshold);
    const rows = scores(
      {
        files: {
          "sandbox/inspect.ts": { mutants: [{ status: "Killed" }, { status: "Killed" }, { status: "Killed" }] },
          "sandbox/heroku/models/apps.ts": { mutants: [{ status: "Survived" }] },
        },
      },
      "/repo",
    );
    expect(rows.find((row) => row.group === sandbox)!.score).toBe(75);
  });
});

describe("mutation score", () => {
  const report = (statuses: string[]) => ({
    files: { "constructs/heroku-app.ts": { mutants: statuses.map((status) => ({ status })) } },
  });
  const constructs = (statuses: string[]) =>
    scores(report(statuses), "/repo").find((row) => row.group.name === "constructs")!;

  test("counts killed and timed-out mutants as detected, survivors and uncovered ones as not, errors not at all", () => {
    const row = constructs(["Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "RuntimeError", "Ignored"]);
    expect([row.detected, row.undetected, row.ignored, row.score]).toEqual([2, 2, 1, 50]);
  });

  test("fails a part below its threshold from parts.json, and not at it", () => {
    const threshold = readParts().parts.constructs.threshold!;
    expect(GROUPS.find((group) => group.name === "constructs")!.threshold).toBe(threshold);
    const killed = (count: number) => Array.from({ length: count }, () => "Killed");
    const survived = (count: number) => Array.from({ length: count }, () => "Survived");
    expect(failures([constructs([...killed(threshold), ...survived(100 - threshold)])])).toEqual([]);
    expect(failures([constructs([...killed(threshold - 1), ...survived(101 - threshold)])])).toHaveLength(1);
  });

  test("reads file keys relative to the project or absolute below it", () => {
    const absolute = { files: { "/repo/constructs/a.ts": { mutants: [{ status: "Killed" }] } } };
    expect(scores(absolute, "/repo").find((row) => row.group.name === "constructs")!.detected).toBe(1);
  });
});

describe("equivalent mutants", () => {
  // stryker.config.mjs is an ES module, which Jest here does not load; a Node child reads the list as JSON.
  const listed = JSON.parse(
    execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        "const { equivalentMutants } = await import('./stryker.config.mjs'); console.log(JSON.stringify(equivalentMutants))",
      ],
      { cwd: PROJECT_ROOT, encoding: "utf8" },
    ),
  ) as { file: string; code: string; reason: string }[];

  test.each(listed.map((mutant) => [mutant.file, mutant]))(
    "%s: the listed code exists once, in a mutated file, with a one-line reason",
    (_file, mutant) => {
      const source = fs.readFileSync(path.join(PROJECT_ROOT, mutant.file), "utf8").replace(/\s+/g, " ");
      expect(source.split(mutant.code)).toHaveLength(2);
      expect(Object.values(readParts().parts).some((part) => partIncludes(part, mutant.file))).toBe(true);
      expect(mutant.reason).toMatch(/^[^\n]{10,200}$/);
    },
  );
});

test("durations read in whole minutes and seconds, never 60 s", () => {
  expect([0, 59.4, 59.6, 61, 4881.2].map(minutesAndSeconds)).toEqual([
    "0 min 0 s",
    "0 min 59 s",
    "1 min 0 s",
    "1 min 1 s",
    "81 min 21 s",
  ]);
});
