/**
 * `npm run test:breakages`: the one-line breakages of important behaviour that once left every test green (issue
 * "tests that fail when the behaviour breaks"), made again one at a time in a copy of the repository, each against the
 * tests that must catch it. A breakage passes when at least one of those tests fails on an assertion of its own, not
 * only on a snapshot (`jest -u` would accept a snapshot failure). Stryker measures every operator it knows
 * (`npm run test:mutation`); this list keeps the breakages it cannot make (a dropped property, two statements swapped)
 * and the ones a reviewer found, as a fast check.
 *
 *   tsx scripts/mutation/breakages.ts                  # every breakage
 *   tsx scripts/mutation/breakages.ts "drift" "plan"   # those whose behaviour contains one of these texts
 *
 * Decides from Jest's JSON report (failing tests and their matcher names), never from its text.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { table } from "../lib/report";
import { PROJECT_ROOT } from "../lib/project-root";

/** One deliberate breakage: `find` (exactly once in `file`) becomes `replace`, and one of `tests` must fail. */
interface Breakage {
  readonly behaviour: string;
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  readonly tests: readonly string[];
}

const BREAKAGES: readonly Breakage[] = [
  {
    behaviour: "a duplicate app name is reported",
    file: "constructs/heroku-app.ts",
    find: "if (first !== this) {",
    replace: "if (false) {",
    tests: ["__tests__/constructs/rules.test.ts"],
  },
  {
    behaviour: "an environment's own config wins over the shared config",
    file: "constructs/flow/app-settings.ts",
    find: "{ ...source.sharedConfig, ...source.config }",
    replace: "{ ...source.config, ...source.sharedConfig }",
    tests: ["__tests__/stacks/songlist.test.ts"],
  },
  {
    behaviour: "a lint suppression silences one rule only",
    file: "constructs/lint/heroku-flow-checks.ts",
    find: "e.type === SUPPRESSION && e.data.ruleId === ruleId",
    replace: "e.type === SUPPRESSION",
    tests: ["__tests__/constructs/lint.test.ts"],
  },
  {
    behaviour: "app names have at most 30 characters",
    file: "constructs/private/rules.ts",
    find: "() => /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/,",
    replace: "() => /^[a-z][a-z0-9-]{1,29}[a-z0-9]$/,",
    tests: ["__tests__/constructs/rules.test.ts"],
  },
  {
    behaviour: "a literal masked value is checked with the expanded (non-raw) rule",
    file: "constructs/gitlab-ci-variable.ts",
    find: "const maskRule = raw ? GITLAB_MASKED_RAW_VALUE : GITLAB_MASKED_VALUE;",
    replace: "const maskRule = GITLAB_MASKED_RAW_VALUE;",
    tests: ["__tests__/constructs/rules.test.ts"],
  },
  {
    behaviour: "the formation's process type reaches the synthesized resource",
    file: "constructs/heroku-formation.ts",
    find: "      type: this.type,\n",
    replace: "",
    tests: ["__tests__/constructs/heroku-formation.test.ts"],
  },
  {
    behaviour: "custom domain hostnames are validated",
    file: "constructs/heroku-domain.ts",
    find: 'validateAtSynth(this, (problems) => problems.check("hostname", props.hostname, HOSTNAME));',
    replace: "",
    tests: ["__tests__/constructs/rules.test.ts"],
  },
  {
    behaviour: "the sandbox's inspect masks secret values",
    file: "sandbox/inspect.ts",
    find: 'return SECRET_NAME.test(name) || /:\\/\\/[^/\\s]*:[^/\\s]*@/.test(value) ? "****" : value;',
    replace: "return value;",
    tests: ["__tests__/sandbox/inspect.test.ts"],
  },
  {
    behaviour: "a locked Terraform state is deleted only with its lock",
    file: "sandbox/gitlab/models/terraform-states.ts",
    find: "  checkLock(state, lockId);\n  data.terraformStates = data.terraformStates.filter((s) => s !== state);",
    replace: "  data.terraformStates = data.terraformStates.filter((s) => s !== state);",
    tests: ["__tests__/sandbox/gitlab-terraform-state.test.ts"],
  },
  {
    behaviour: "a refused formation PATCH changes nothing",
    file: "sandbox/heroku/models/formation.ts",
    find: "  formation.quantity = checkQuantity(changes.quantity ?? formation.quantity, size);\n  formation.size = size.name;",
    replace:
      "  formation.size = size.name;\n  formation.quantity = checkQuantity(changes.quantity ?? formation.quantity, size);",
    tests: ["__tests__/sandbox/heroku.test.ts"],
  },
  {
    behaviour: "deleting an app removes its pipeline coupling",
    file: "sandbox/heroku/models/apps.ts",
    find: "  data.couplings = keep(data.couplings);\n",
    replace: "",
    tests: ["__tests__/sandbox/heroku.test.ts"],
  },
  {
    behaviour: "invalid config var names are refused",
    file: "sandbox/heroku/routes/schemas.ts",
    find: 'propertyNames: { pattern: HEROKU_PATTERNS.configVarName, [INVALID_MESSAGE]: "Invalid config var name: {field}" },',
    replace: "",
    tests: ["__tests__/sandbox/heroku.test.ts"],
  },
  {
    behaviour: "a config-var PATCH that changes nothing makes no release",
    file: "sandbox/heroku/models/config-vars.ts",
    find: "if (set.length > 0 || removed.length > 0) {",
    replace: "if (true) {",
    tests: ["__tests__/sandbox/heroku.test.ts"],
  },
  {
    behaviour: "an app is in at most one pipeline",
    file: "sandbox/heroku/models/pipelines.ts",
    find: "if (data.couplings.some((c) => c.appId === app.id)) {",
    replace: "if (false) {",
    tests: ["__tests__/sandbox/heroku.test.ts"],
  },
  {
    behaviour: "plan exits 1 when a stack could not be planned",
    file: "cli/commands/plan.ts",
    find: 'return summaries.some((summary) => summary.status === "failed") ? 1 : 0;',
    replace: "return 0;",
    tests: ["__tests__/cli/engine/plan-command.test.ts"],
  },
  {
    behaviour: "drift exits 1 when a stack could not be checked",
    file: "cli/commands/drift.ts",
    find: 'if (summaries.some((summary) => summary.status === "failed")) return DRIFT_EXIT.error;',
    replace: "",
    tests: ["__tests__/cli/engine/drift-command.test.ts"],
  },
  {
    behaviour: "terraform init runs again after the backend or the provider mirror changed",
    file: "cli/engine/terraform-engine.ts",
    find: 'if (fs.existsSync(record) && fs.readFileSync(record, "utf8") === wanted) return;',
    replace: "if (fs.existsSync(record)) return;",
    tests: ["__tests__/cli/engine/terraform-init.test.ts"],
  },
  {
    behaviour: "stacks named dependents-first are applied dependencies first",
    file: "cli/engine/manifest.ts",
    find: "for (const dependency of stack.dependencies) if (names.includes(dependency)) visit(dependency);",
    replace: "",
    tests: ["__tests__/cli/engine/manifest.test.ts", "__tests__/cli/engine/deploy-order.test.ts"],
  },
  {
    behaviour: "a CI/CD variable holding a secret is masked unless told otherwise",
    file: "constructs/gitlab-ci-variable.ts",
    find: "this.masked = props.masked ?? props.value instanceof Secret;",
    replace: "this.masked = props.masked ?? false;",
    tests: ["__tests__/constructs/gitlab.test.ts"],
  },
  {
    behaviour: "an unprotected production deploy key fails synth",
    file: "constructs/lint/rules/unprotected-production-deploy-key.ts",
    find: "if (isProtected !== false) return undefined;",
    replace: "return undefined;",
    tests: ["__tests__/constructs/lint-production-rules.test.ts"],
  },
];

/** The matchers whose failure a `jest -u` would accept. */
const SNAPSHOT_MATCHERS = new Set(["toMatchSnapshot", "toMatchInlineSnapshot"]);

interface JestReport {
  numFailedTestSuites: number;
  testResults: {
    name: string;
    testExecError?: unknown;
    assertionResults: {
      fullName: string;
      status: string;
      failureDetails: { matcherResult?: { name?: string } }[];
    }[];
  }[];
}

/**
 * A copy of the repository's files (what CI clones), with the checkout's node_modules linked in. New files git does not
 * ignore are copied too: a breakage's test written but not yet added to git must run here, as it will in CI. Files
 * deleted from the working tree are left out.
 */
function copyOfRepository(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-breakages-"));
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  const files = listed.stdout.split("\0").filter(Boolean);
  for (const file of files.filter((name) => fs.existsSync(path.join(PROJECT_ROOT, name)))) {
    const target = path.join(copy, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(PROJECT_ROOT, file), target);
  }
  fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(copy, "node_modules"));
  return copy;
}

/** Runs `tests` in `copy` with Jest's unit configuration; the failing tests not caught by a snapshot alone. */
function targetedFailures(copy: string, tests: readonly string[]): { failures: string[]; suiteErrors: number } {
  const output = path.join(copy, "jest-report.json");
  spawnSync(
    path.join(copy, "node_modules", ".bin", "jest"),
    ["--selectProjects", "unit", "--ci", "--json", "--outputFile", output, "--", ...tests],
    { cwd: copy, stdio: ["ignore", "ignore", "ignore"] },
  );
  const report = JSON.parse(fs.readFileSync(output, "utf8")) as JestReport;
  const failures = report.testResults.flatMap((suite) =>
    suite.assertionResults
      .filter((test) => test.status === "failed")
      .filter((test) => !test.failureDetails.every((detail) => SNAPSHOT_MATCHERS.has(detail.matcherResult?.name ?? "")))
      .map((test) => test.fullName),
  );
  return { failures, suiteErrors: report.testResults.filter((suite) => suite.testExecError).length };
}

/** The breakages whose behaviour contains one of `texts` (every breakage when none is given). */
function selected(texts: readonly string[]): readonly Breakage[] {
  if (texts.length === 0) return BREAKAGES;
  return BREAKAGES.filter((breakage) => texts.some((text) => breakage.behaviour.includes(text)));
}

function main(texts: readonly string[]): number {
  const breakages = selected(texts);
  if (breakages.length === 0) {
    console.error(`test:breakages: no breakage's behaviour contains ${texts.map((t) => `"${t}"`).join(" or ")}`);
    return 2;
  }
  const copy = copyOfRepository();
  try {
    // A test file that is not there runs no test: the baseline would pass and its breakages be missed, for no reason.
    const missing = breakages
      .flatMap((breakage) => breakage.tests)
      .filter((test) => !fs.existsSync(path.join(copy, test)));
    if (missing.length > 0) {
      console.error(`test:breakages: no such test file: ${[...new Set(missing)].join(", ")}`);
      return 2;
    }
    const baseline = targetedFailures(copy, [...new Set(breakages.flatMap((breakage) => breakage.tests))]);
    if (baseline.failures.length || baseline.suiteErrors) {
      console.error(`test:breakages: the tests fail without any breakage:\n  ${baseline.failures.join("\n  ")}`);
      return 1;
    }
    const rows: string[][] = [];
    let missed = 0;
    for (const breakage of breakages) {
      const file = path.join(copy, breakage.file);
      const source = fs.readFileSync(file, "utf8");
      const occurrences = source.split(breakage.find).length - 1;
      if (occurrences !== 1) {
        console.error(
          `test:breakages: "${breakage.behaviour}": the text to break is in ${breakage.file} ${occurrences} times, not once; update the list in scripts/mutation/breakages.ts`,
        );
        return 2;
      }
      fs.writeFileSync(file, source.replace(breakage.find, breakage.replace));
      const { failures, suiteErrors } = targetedFailures(copy, breakage.tests);
      fs.writeFileSync(file, source);
      const caught = failures.length > 0 || suiteErrors > 0;
      if (!caught) missed += 1;
      rows.push([
        breakage.behaviour,
        caught ? "caught" : "MISSED",
        failures[0] ?? (suiteErrors ? "a test file failed to run" : "-"),
      ]);
    }
    console.log(table(["behaviour broken", "result", "first failing test"], rows));
    console.log(`\n${breakages.length - missed} of ${breakages.length} breakages caught by a targeted assertion`);
    return missed ? 1 : 0;
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

process.exit(main(process.argv.slice(2)));
