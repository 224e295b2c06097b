/**
 * The pure parts of `npm run test:acceptance` (scripts/acceptance/): results from test2json events, the refused-request
 * lookup, the table, the summary lines and the exit code, and the selection file's validity. The Go builds and the
 * runs of the real providers are not unit-tested: they need the providers' archives and minutes of CPU. What a step
 * that fails and a test that hangs do is tested with tiny fixtures in acceptance-failures.test.ts.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { binaryName } from "../../scripts/acceptance/build";
import {
  describeRefused,
  firstRefused,
  parseLogLine,
  type LoggedRequest,
} from "../../scripts/acceptance/refused-request";
import { countResults, exitCode, resultTable, summaryLines, type TestReport } from "../../scripts/acceptance/report";
import { runPattern } from "../../scripts/acceptance/run-test";
import {
  PROVIDERS,
  readSelection,
  selectionProblems,
  SELECTION_FILE,
  runsAgain,
  testsToRun,
  type SelectedTest,
} from "../../scripts/acceptance/selection";
import { locateArchive, providerSourcesDir } from "../../scripts/acceptance/sources";
import { StepFailure } from "../../scripts/acceptance/step-failure";
import { parseEvents, testOutcome, type TestEvent, type TestResult } from "../../scripts/acceptance/test2json";

const event = (Action: string, Test?: string, Elapsed?: number): TestEvent => ({ Action, Test, Elapsed, Package: "p" });
const run = { timedOut: false, wallSeconds: 9 };

describe("parseEvents", () => {
  it("reads one event a line and skips what is not an event (a line cut short by a kill)", () => {
    const text = [
      '{"Action":"start","Package":"heroku"}',
      '{"Action":"run","Test":"TestA"}',
      '{"Action":"output","Test":"TestA","Output":"--- PASS: TestA\\n"}',
      '{"Action":"pass","Test":"TestA","Elapsed":1.5}',
      '{"Action":"pa',
      "not json",
      '{"Test":"no action"}',
    ].join("\n");
    expect(parseEvents(text).map((e) => e.Action)).toEqual(["start", "run", "output", "pass"]);
  });
});

describe("testOutcome", () => {
  it.each([
    ["pass", "passed"],
    ["fail", "failed"],
    ["skip", "skipped"],
  ])("takes the test's own %s event, with its elapsed seconds", (action, result) => {
    expect(testOutcome([event("run", "TestA"), event(action, "TestA", 2.5)], "TestA", run)).toEqual({
      result,
      seconds: 2.5,
    });
  });

  it("decides from the action, never from what the test printed", () => {
    const events = [
      event("run", "TestA"),
      { ...event("output", "TestA"), Output: "--- FAIL: TestA (0.00s)\nFAIL\n" },
      event("pass", "TestA", 1),
    ];
    expect(testOutcome(events, "TestA", run).result).toBe("passed");
  });

  it("ignores subtests' and other tests' events", () => {
    const events = [
      event("run", "TestA"),
      event("fail", "TestA/sub", 1),
      event("fail", "TestAB", 1),
      event("pass", "TestA", 3),
    ];
    expect(testOutcome(events, "TestA", run)).toEqual({ result: "passed", seconds: 3 });
  });

  it("reports a run stopped at its limit as timed out, with the wall-clock seconds", () => {
    expect(testOutcome([event("run", "TestA")], "TestA", { timedOut: true, wallSeconds: 300 })).toEqual({
      result: "timed out",
      seconds: 300,
    });
  });

  it("fails a test whose binary stopped before the test ended, or never ran it, and says which", () => {
    const stopped = testOutcome([event("run", "TestA"), event("fail")], "TestA", run);
    expect(stopped).toEqual({ result: "failed", seconds: 9, note: "the test binary stopped before the test ended" });
    expect(testOutcome([event("pass", undefined, 0)], "TestA", run).note).toBe(
      "the test binary ran no test of this name",
    );
  });
});

describe("runPattern", () => {
  it("anchors the name so that a longer-named sibling does not run too", () => {
    const pattern = new RegExp(runPattern("TestAccHerokuAddon_CustomName"));
    expect(pattern.test("TestAccHerokuAddon_CustomName")).toBe(true);
    expect(pattern.test("TestAccHerokuAddon_CustomName_Invalid")).toBe(false);
  });
});

describe("the refused-request lookup", () => {
  const log: LoggedRequest[] = [
    { method: "GET", path: "/account", status: 200, ms: 1, at: 100 },
    { method: "GET", path: "/apps/gone", status: 404, ms: 1, at: 150 },
    { method: "POST", path: "/apps", status: 201, ms: 1, at: 200 },
    { method: "POST", path: "/apps/a/slugs", status: 422, ms: 2, at: 300 },
    { method: "GET", path: "/teams/x", status: 404, ms: 1, at: 400 },
  ];

  it("finds the first request of the test's window with a status of 400 or more", () => {
    expect(firstRefused(log, { from: 160, to: 500 })?.path).toBe("/apps/a/slugs");
    expect(firstRefused(log, { from: 100, to: 500 })?.path).toBe("/apps/gone");
  });

  it("finds nothing when every request of the window succeeded, or none fell in it", () => {
    expect(firstRefused(log, { from: 160, to: 250 })).toBeUndefined();
    expect(firstRefused(log, { from: 500, to: 900 })).toBeUndefined();
  });

  it("shows a refused request as method, path and status", () => {
    expect(describeRefused(log[3])).toBe("POST /apps/a/slugs → 422");
  });

  it("reads the sandbox's log lines, and nothing else", () => {
    expect(parseLogLine('{"method":"GET","path":"/x?a=1","status":404,"ms":0.5}', 7)).toEqual({
      method: "GET",
      path: "/x?a=1",
      status: 404,
      ms: 0.5,
      at: 7,
    });
    expect(parseLogLine('{"method":"GET"}', 7)).toBeUndefined();
    expect(parseLogLine("sandbox started", 7)).toBeUndefined();
  });
});

const report = (
  provider: "heroku" | "gitlab",
  test: string,
  result: TestReport["outcome"]["result"],
  refused?: string,
): TestReport => ({ provider, test, outcome: { result, seconds: 1.25 }, refused });

describe("the table, the summary lines and the exit code", () => {
  const reports = [
    report("heroku", "TestAccHerokuApp_Basic", "passed", "GET /apps/x → 404"),
    report("heroku", "TestAccHerokuFormation_importBasic", "failed", "POST /apps/a/slugs → 404"),
    report("heroku", "TestAccHerokuDomain_SSL", "timed out"),
    report("gitlab", "TestAccGitlabProjectVariable_basic", "passed"),
    report("gitlab", "TestAccGitlabTagProtection_basic", "skipped"),
  ];

  it("shows test, result and seconds, and the first refused request only for a test that did not pass", () => {
    const lines = resultTable(reports).split("\n");
    expect(lines[0]).toMatch(/^test\s+result\s+seconds\s+first refused request$/);
    expect(lines[2]).toMatch(/^TestAccHerokuApp_Basic\s+passed\s+1\.3$/);
    expect(lines[3]).toMatch(/^TestAccHerokuFormation_importBasic\s+failed\s+1\.3\s+POST \/apps\/a\/slugs → 404$/);
    expect(lines[4]).toMatch(/^TestAccHerokuDomain_SSL\s+timed out\s+1\.3\s+none refused$/);
    // The columns line up: every result starts where the header's does.
    const column = lines[0].indexOf("result");
    for (const line of lines.slice(2)) expect(line.slice(column)).toMatch(/^(passed|failed|timed out|skipped)/);
  });

  it("ends with one line per provider that ran, a timed-out test counted as failed", () => {
    expect(summaryLines(reports)).toEqual([
      "heroku: 1 passed, 2 failed, 0 skipped",
      "gitlab: 1 passed, 0 failed, 1 skipped",
    ]);
    expect(countResults(reports, "heroku")).toEqual({
      passed: 1,
      failed: 2,
      skipped: 0,
      timedOut: 1,
      retried: 0,
      total: 3,
    });
    expect(summaryLines(reports.filter((r) => r.provider === "gitlab"))).toEqual([
      "gitlab: 1 passed, 0 failed, 1 skipped",
    ]);
  });

  it("shows both attempts of a retried test, and counts it by its second", () => {
    const firstAttempt = {
      outcome: { result: "failed" as const, seconds: 10.5 },
      refused: "PATCH /apps/a/formation/web → 404",
    };
    const retried = [
      { ...report("heroku", "TestAccHerokuFormationUpdateFreeDyno", "passed"), firstAttempt },
      { ...report("heroku", "TestAccHerokuFormation_importBasic", "failed", "GET /apps/b → 404"), firstAttempt },
      {
        ...report("heroku", "TestAccHerokuFormation_WithOrg", "passed"),
        firstAttempt: { outcome: { result: "timed out" as const, seconds: 300, note: "stopped at its time limit" } },
      },
      report("heroku", "TestAccHerokuApp_Basic", "passed"),
    ];
    const lines = resultTable(retried).split("\n");
    expect(lines[2]).toMatch(
      /^TestAccHerokuFormationUpdateFreeDyno\s+passed\s+1\.3\s+retried; 1st attempt failed: PATCH \/apps\/a\/formation\/web → 404$/,
    );
    expect(lines[3]).toMatch(
      /\sfailed\s+1\.3\s+GET \/apps\/b → 404; retried; 1st attempt failed: PATCH \/apps\/a\/formation\/web → 404$/,
    );
    expect(lines[4]).toMatch(/\spassed\s+1\.3\s+retried; 1st attempt timed out: stopped at its time limit$/);
    expect(lines[5]).toMatch(/^TestAccHerokuApp_Basic\s+passed\s+1\.3$/);
    expect(countResults(retried, "heroku")).toMatchObject({ passed: 3, failed: 1, retried: 3, total: 4 });
    expect(summaryLines(retried)).toEqual(["heroku: 3 passed, 1 failed, 0 skipped, 3 retried"]);
  });

  it("exits 0 only when every provider passed at least 95 % of its tests", () => {
    const passing = (provider: "heroku" | "gitlab", passed: number, other: number, result: "failed" | "skipped") => [
      ...Array.from({ length: passed }, (_, i) => report(provider, `TestP${i}`, "passed")),
      ...Array.from({ length: other }, (_, i) => report(provider, `TestO${i}`, result)),
    ];
    expect(exitCode([...passing("heroku", 19, 1, "failed"), ...passing("gitlab", 17, 0, "failed")])).toBe(0);
    expect(exitCode([...passing("heroku", 18, 2, "failed"), ...passing("gitlab", 17, 0, "failed")])).toBe(1);
    // A skipped test is not a passed one.
    expect(exitCode([...passing("heroku", 19, 1, "failed"), ...passing("gitlab", 16, 1, "skipped")])).toBe(1);
    expect(exitCode(passing("heroku", 1, 0, "failed"))).toBe(0);
    expect(exitCode([])).toBe(1);
  });
});

describe("the selection file", () => {
  const selection = readSelection();

  it("is valid: every entry run or excluded with a reason, none listed twice", () => {
    expect(selectionProblems(JSON.parse(fs.readFileSync(SELECTION_FILE, "utf8")))).toEqual([]);
  });

  it("lists the tests of every resource and data source the project uses, for both providers", () => {
    const resources = (provider: "heroku" | "gitlab") => new Set(selection[provider].tests.map((t) => t.resource));
    expect([...resources("heroku")].sort()).toEqual(
      [
        "heroku_app",
        "heroku_addon",
        "heroku_addon_attachment",
        "heroku_pipeline",
        "heroku_pipeline_coupling",
        "heroku_formation",
        "heroku_domain",
        "heroku_drain",
        "heroku_app_config_association",
        "data.heroku_app",
        "data.heroku_addon",
        "data.heroku_pipeline",
      ].sort(),
    );
    for (const resource of [
      "gitlab_project_variable",
      "gitlab_project_environment",
      "gitlab_tag_protection",
      "gitlab_project_protected_environment",
      "data.gitlab_project",
    ]) {
      expect(resources("gitlab")).toContain(resource);
    }
    expect(selection.gitlab.buildTags).toEqual(["acceptance"]);
    expect(selection.heroku.buildTags).toEqual([]);
  });

  it("reports every problem of a bad selection at once", () => {
    const bad = {
      heroku: {
        version: "5.3",
        buildTags: [],
        tests: [
          { test: "TestA", package: "heroku", resource: "heroku_app", decision: "run" },
          { test: "TestA", package: "heroku", resource: "heroku_app", decision: "run" },
          { test: "TestB", package: "heroku", resource: "heroku_app", decision: "excluded" },
          { test: "TestC", package: "heroku", resource: "heroku_app", decision: "excluded", reason: "paid" },
          { test: "TestD", package: "/abs", resource: "heroku_app", decision: "maybe" },
          { test: "TestE", package: "heroku", resource: "heroku_app", decision: "run", reason: "why" },
          { test: "notATest", package: "heroku", resource: "", decision: "run" },
          { test: "TestF", package: "heroku", resource: "heroku_app", decision: "run", retry: "racy" },
          { test: "TestG", package: "heroku", resource: "heroku_app", decision: "run", retry: true },
          {
            test: "TestH",
            package: "heroku",
            resource: "heroku_app",
            decision: "excluded",
            reason: "a long reason",
            retry: "it races with itself",
          },
        ],
      },
      other: {},
    };
    expect(selectionProblems(bad)).toEqual([
      'unknown provider "other"',
      "heroku: version must be a release number such as 1.2.3",
      "heroku.tests[1] (TestA): listed twice",
      "heroku.tests[2] (TestB): an excluded test needs its reason (at least 10 characters)",
      "heroku.tests[3] (TestC): an excluded test needs its reason (at least 10 characters)",
      "heroku.tests[4] (TestD): package must be a directory inside the archive's tree",
      'heroku.tests[4] (TestD): decision must be "run" or "excluded"',
      "heroku.tests[5] (TestE): a test that runs takes no reason",
      "heroku.tests[6] (notATest): test must be a Go test function name",
      "heroku.tests[6] (notATest): resource is missing",
      "heroku.tests[7] (TestF): retry must say why the test races (at least 10 characters)",
      "heroku.tests[8] (TestG): retry must say why the test races (at least 10 characters)",
      "heroku.tests[9] (TestH): an excluded test is never retried",
      "gitlab: missing",
    ]);
    expect(selectionProblems([])).toContain("heroku: missing");
    expect(selectionProblems(null)).toEqual(["the selection is not a JSON object"]);
  });

  it("runs a test again only when the selection names it racy and its first attempt failed or timed out", () => {
    const racy: SelectedTest = {
      test: "TestA",
      package: "heroku",
      resource: "heroku_app",
      decision: "run",
      retry: "a race of its own",
    };
    const steady: SelectedTest = { test: "TestB", package: "heroku", resource: "heroku_app", decision: "run" };
    const outcome = (result: TestResult) => ({ result, seconds: 1 });
    expect(runsAgain(racy, outcome("failed"))).toBe(true);
    expect(runsAgain(racy, outcome("timed out"))).toBe(true);
    expect(runsAgain(racy, outcome("passed"))).toBe(false);
    expect(runsAgain(racy, outcome("skipped"))).toBe(false);
    expect(runsAgain(steady, outcome("failed"))).toBe(false);
    // The selection retries only the formation tests that race their own release, each with its reason.
    const retried = PROVIDERS.flatMap((p) => selection[p].tests).filter((t) => t.decision === "run" && t.retry);
    expect(retried.map((t) => t.test).sort()).toEqual([
      "TestAccHerokuFormationSingleUpdate_WithOrg",
      "TestAccHerokuFormationUpdateFreeDyno",
      "TestAccHerokuFormation_importBasic",
    ]);
  });

  it("narrows the run to providers and names, and refuses a name it does not list or excludes", () => {
    const all = testsToRun(selection);
    const running = PROVIDERS.flatMap((p) => selection[p].tests.filter((t) => t.decision === "run"));
    expect(all).toHaveLength(running.length);
    expect(testsToRun(selection, ["gitlab"]).every((entry) => entry.provider === "gitlab")).toBe(true);
    const [first] = all;
    expect(testsToRun(selection, PROVIDERS, [first.test.test])).toEqual([first]);
    expect(() => testsToRun(selection, PROVIDERS, ["TestNoSuchThing"])).toThrow(
      "TestNoSuchThing is not in the selection",
    );
    const excluded = PROVIDERS.flatMap((p) => selection[p].tests).find((t) => t.decision === "excluded");
    if (excluded) expect(() => testsToRun(selection, PROVIDERS, [excluded.test])).toThrow(/is excluded \(/);
  });
});

describe("finding the archives", () => {
  it("takes HEROKU_FLOW_PROVIDER_SOURCES first, as the toolchain does", () => {
    expect(providerSourcesDir({ HEROKU_FLOW_PROVIDER_SOURCES: "/somewhere" })).toBe("/somewhere");
  });

  it("says which archive is missing and what to do", () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "acceptance-sources-"));
    try {
      let failure: unknown;
      try {
        locateArchive("heroku", "5.3.2", empty);
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(StepFailure);
      expect((failure as StepFailure).line()).toBe(
        `acceptance: step "heroku archive" failed: ${path.join(empty, "terraform-provider-heroku-5.3.2.tar.gz")} is ` +
          "missing; what to do: put the provider's release source archive terraform-provider-heroku-5.3.2.tar.gz " +
          "there, or set HEROKU_FLOW_PROVIDER_SOURCES to its folder",
      );
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it("names one binary per package directory", () => {
    expect(binaryName("internal/provider/sdk")).toBe("internal_provider_sdk.test");
  });
});
