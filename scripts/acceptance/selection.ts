import * as fs from "node:fs";
import * as path from "node:path";
import { notPassed, type TestOutcome } from "./test2json";

/** The providers whose acceptance tests the harness runs, in the order it runs them. */
export const PROVIDERS = ["heroku", "gitlab"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** One acceptance test of the provider's archive, run against the sandbox or excluded with the reason why. */
export type SelectedTest = {
  /** The Go test function, e.g. `TestAccHerokuApp_Basic`. */
  test: string;
  /** The Go package directory inside the archive's tree that holds the test. */
  package: string;
  /** The resource or data source it tests. */
  resource: string;
} & (
  | {
      decision: "run";
      /**
       * Why the test may fail by a race of its own configuration, not of the sandbox: such a test alone is run a
       * second time when its first attempt does not pass, and the report shows both attempts.
       * @default undefined: one attempt
       */
      retry?: string;
    }
  | { decision: "excluded"; reason: string }
);

/** What the harness needs of one provider: which archive, how its tests are built, and every test. */
export interface ProviderSelection {
  /** The release the test names were read from: the archive is `terraform-provider-<name>-<version>.tar.gz`. */
  version: string;
  /** Build tags the test files carry (GitLab's are `//go:build acceptance`; Heroku's have none). */
  buildTags: string[];
  tests: SelectedTest[];
}

export type Selection = Record<ProviderName, ProviderSelection>;

/** The selection file beside this module: every acceptance test of the resources the project uses. */
export const SELECTION_FILE = path.join(__dirname, "selection.json");

/** A reason must say something: as cdk-nag asks of a suppression, at least ten characters. */
const MIN_REASON_LENGTH = 10;

/** Every problem with a selection document, one sentence each; empty when it is valid. */
export function selectionProblems(document: unknown): string[] {
  const problems: string[] = [];
  if (typeof document !== "object" || document === null) return ["the selection is not a JSON object"];
  const record = document as Record<string, unknown>;
  for (const name of Object.keys(record)) {
    if (!(PROVIDERS as readonly string[]).includes(name)) problems.push(`unknown provider "${name}"`);
  }
  for (const provider of PROVIDERS) {
    const entry = record[provider] as Partial<ProviderSelection> | undefined;
    if (!entry || typeof entry !== "object") {
      problems.push(`${provider}: missing`);
      continue;
    }
    if (typeof entry.version !== "string" || !/^\d+\.\d+\.\d+$/.test(entry.version)) {
      problems.push(`${provider}: version must be a release number such as 1.2.3`);
    }
    if (!Array.isArray(entry.buildTags) || entry.buildTags.some((tag) => typeof tag !== "string")) {
      problems.push(`${provider}: buildTags must be a list of strings`);
    }
    if (!Array.isArray(entry.tests) || entry.tests.length === 0) {
      problems.push(`${provider}: tests must be a non-empty list`);
      continue;
    }
    const seen = new Set<string>();
    entry.tests.forEach((test: Partial<SelectedTest> & { reason?: unknown; retry?: unknown }, index) => {
      const where = `${provider}.tests[${index}]${typeof test.test === "string" ? ` (${test.test})` : ""}`;
      if (typeof test.test !== "string" || !/^Test\w+$/.test(test.test)) {
        problems.push(`${where}: test must be a Go test function name`);
      } else if (seen.has(test.test)) {
        problems.push(`${where}: listed twice`);
      } else {
        seen.add(test.test);
      }
      if (typeof test.package !== "string" || test.package === "" || test.package.startsWith("/")) {
        problems.push(`${where}: package must be a directory inside the archive's tree`);
      }
      if (typeof test.resource !== "string" || test.resource === "") problems.push(`${where}: resource is missing`);
      if (test.decision === "run") {
        if (test.reason !== undefined) problems.push(`${where}: a test that runs takes no reason`);
        if (test.retry !== undefined && !isReason(test.retry)) {
          problems.push(`${where}: retry must say why the test races (at least ${MIN_REASON_LENGTH} characters)`);
        }
      } else if (test.decision === "excluded") {
        if (test.retry !== undefined) problems.push(`${where}: an excluded test is never retried`);
        if (!isReason(test.reason)) {
          problems.push(`${where}: an excluded test needs its reason (at least ${MIN_REASON_LENGTH} characters)`);
        }
      } else {
        problems.push(`${where}: decision must be "run" or "excluded"`);
      }
    });
  }
  return problems;
}

function isReason(value: unknown): boolean {
  return typeof value === "string" && value.trim().length >= MIN_REASON_LENGTH;
}

/** Reads and checks the selection file; throws with every problem when it is not valid. */
export function readSelection(file: string = SELECTION_FILE): Selection {
  const document: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  const problems = selectionProblems(document);
  if (problems.length > 0) throw new Error(`${file} is not a valid selection:\n  ${problems.join("\n  ")}`);
  return document as Selection;
}

/** Whether a test runs a second time: only one the selection names as racy (`retry`), and only when it did not pass. */
export function runsAgain(test: SelectedTest, firstOutcome: TestOutcome): boolean {
  return test.decision === "run" && test.retry !== undefined && notPassed(firstOutcome);
}

/** The tests to run: those the selection runs, narrowed to `providers` and to `names` when given. */
export function testsToRun(
  selection: Selection,
  providers: readonly ProviderName[] = PROVIDERS,
  names: readonly string[] = [],
): { provider: ProviderName; test: SelectedTest }[] {
  const all = new Map(PROVIDERS.flatMap((provider) => selection[provider].tests.map((test) => [test.test, test])));
  const refused = names.flatMap((name) => {
    const test = all.get(name);
    if (!test) return [`${name} is not in the selection`];
    return test.decision === "excluded" ? [`${name} is excluded (${test.reason})`] : [];
  });
  if (refused.length > 0) throw new Error(refused.join("; "));
  return providers.flatMap((provider) =>
    selection[provider].tests
      .filter((test) => test.decision === "run" && (names.length === 0 || names.includes(test.test)))
      .map((test) => ({ provider, test })),
  );
}
