/**
 * `npm run test:acceptance`: the Terraform providers' own acceptance tests (`TF_ACC=1`), built from their unmodified
 * release archives, run against a sandbox started in this process. See README.md beside this file.
 *
 *   tsx scripts/acceptance/main.ts [--provider heroku|gitlab ...] [--test NAME ...] [--timeout SECONDS]
 *                                  [--request-log FILE] [--build-only]
 *
 * A test the selection names as racing itself (`retry`) runs once more when its first attempt does not pass.
 * Exit code 0 when every provider that ran passed at least 95 % of its selected tests; 1 otherwise, or when a step
 * (archive, Go, build, Terraform, sandbox) failed, which is said in one line with what to do.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { createSandbox } from "../../sandbox";
import { requestLogFile } from "../../sandbox/request-log";
import { toolchainCacheDir } from "../../cli/engine/toolchain";
import { minutesAndSeconds } from "../lib/report";
import { buildAcceptanceTests, type BuiltTests } from "./build";
import { dummyToken, prepareHeroku, testEnvironment, type HerokuFixtures, type SandboxAccess } from "./environment";
import { describeRefused, firstRefused, parseLogLine, type LoggedRequest } from "./refused-request";
import { exitCode, resultTable, summaryLines, type TestReport } from "./report";
import { runTest } from "./run-test";
import { PROVIDERS, readSelection, runsAgain, testsToRun, type ProviderName, type Selection } from "./selection";
import { acceptanceCacheDir, locateArchive, providerSourcesDir, requireGo } from "./sources";
import { StepFailure } from "./step-failure";

/** A test that runs longer than this is stopped and reported as "timed out"; the slowest took about 30 s here. */
const DEFAULT_LIMIT_SECONDS = 300;

const OPTIONS = {
  provider: { type: "string", multiple: true },
  test: { type: "string", multiple: true },
  timeout: { type: "string" },
  "request-log": { type: "string" },
  "build-only": { type: "boolean" },
} as const;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function buildAll(selection: Selection, providers: readonly ProviderName[]): Record<string, BuiltTests> {
  const go = requireGo();
  const sources = providerSourcesDir();
  const built: Record<string, BuiltTests> = {};
  for (const provider of providers) {
    const { version, buildTags, tests } = selection[provider];
    const archive = locateArchive(provider, version, sources);
    const packages = [...new Set(tests.map((test) => test.package))];
    const started = Date.now();
    built[provider] = buildAcceptanceTests(archive, packages, buildTags, acceptanceCacheDir());
    const took = minutesAndSeconds((Date.now() - started) / 1000);
    log(
      built[provider].cached
        ? `build: ${provider} ${version}: cached (archive ${archive.digest.slice(0, 16)})`
        : `build: ${provider} ${version}: built in ${took} (test binaries of ${packages.join(", ")}; ${go.version})`,
    );
  }
  return built;
}

/** Terraform for the tests' framework: TERRAFORM_BINARY_NAME, the one on PATH, or the toolchain's own build. */
function findTerraform(): string {
  if (process.env.TERRAFORM_BINARY_NAME) return process.env.TERRAFORM_BINARY_NAME;
  try {
    return execFileSync("which", ["terraform"], { encoding: "utf8" }).trim();
  } catch {
    const built = path.join(toolchainCacheDir(), "bin", "terraform");
    if (fs.existsSync(built)) return built;
    throw new StepFailure(
      "terraform",
      "no Terraform on PATH, in TERRAFORM_BINARY_NAME or in the toolchain's cache; the test framework runs it",
      "run `npm run toolchain` (it finds or builds Terraform), or put Terraform >= 1.5 on PATH",
    );
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: OPTIONS });
  const providers = (values.provider ?? [...PROVIDERS]).map((name) => {
    if (!(PROVIDERS as readonly string[]).includes(name)) throw new Error(`--provider must be one of ${PROVIDERS}`);
    return name as ProviderName;
  });
  const limitSeconds = Number(values.timeout ?? DEFAULT_LIMIT_SECONDS);
  if (!(limitSeconds > 0)) throw new Error("--timeout must be a number of seconds above 0");
  const selection = readSelection();
  const selected = testsToRun(selection, providers, values.test ?? []);
  const involved = PROVIDERS.filter((provider) => selected.some((entry) => entry.provider === provider));

  const built = buildAll(selection, values["build-only"] ? providers : involved);
  if (values["build-only"]) return 0;
  const terraform = findTerraform();
  const go = requireGo();

  const requests: LoggedRequest[] = [];
  const file = values["request-log"] ? requestLogFile(values["request-log"]) : undefined;
  const access: Omit<SandboxAccess, "sandbox"> = { herokuApiKey: dummyToken(), gitlabToken: dummyToken() };
  let sandbox;
  try {
    sandbox = await createSandbox({
      ...access,
      host: "127.0.0.1",
      port: 0,
      requestLog: (line) => {
        const entry = parseLogLine(line, Date.now());
        if (entry) requests.push(entry);
        file?.write(line);
      },
    });
  } catch (error) {
    throw new StepFailure(
      "sandbox",
      `the sandbox did not start on 127.0.0.1: ${(error as Error).message}`,
      "run `npx tsc --noEmit -p .` and the sandbox's tests (__tests__/sandbox) to find what broke it",
    );
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "acceptance-home-"));
  const reports: TestReport[] = [];
  const started = Date.now();
  try {
    const sandboxAccess: SandboxAccess = { ...access, sandbox };
    log(`sandbox: ${sandbox.url} (in this process, with its request log)`);
    let fixtures: HerokuFixtures | undefined;
    if (involved.includes("heroku")) {
      fixtures = await prepareHeroku(sandboxAccess);
      for (const note of fixtures.notes) log(`setup: ${note}`);
    }
    const common = { path: process.env.PATH ?? "", home, terraform };
    for (const [index, { provider, test }] of selected.entries()) {
      const attempt = async () => {
        const { outcome, window } = await runTest({
          test2json: go.test2json,
          binary: built[provider].binaries[test.package],
          packageName: `${provider}/${test.package}`,
          cwd: path.join(built[provider].tree, test.package),
          test: test.test,
          env: testEnvironment(provider, sandboxAccess, fixtures, common),
          limitSeconds,
        });
        const refused = firstRefused(requests, window);
        log(`[${index + 1}/${selected.length}] ${test.test}: ${outcome.result} (${outcome.seconds.toFixed(1)} s)`);
        return { outcome, refused: refused && describeRefused(refused) };
      };
      const first = await attempt();
      if (runsAgain(test, first.outcome)) {
        log(`[${index + 1}/${selected.length}] ${test.test}: once more, as the selection says it races itself`);
        reports.push({ provider, test: test.test, ...(await attempt()), firstAttempt: first });
      } else {
        reports.push({ provider, test: test.test, ...first });
      }
    }
  } finally {
    await sandbox.close();
    file?.close();
    fs.rmSync(home, { recursive: true, force: true });
  }

  console.log(resultTable(reports));
  const excluded = providers.flatMap((provider) =>
    selection[provider].tests.flatMap((test) => (test.decision === "excluded" ? [`${test.test}: ${test.reason}`] : [])),
  );
  if (excluded.length > 0) console.log(`\nexcluded by the selection (${excluded.length}):\n  ${excluded.join("\n  ")}`);
  console.log(`\nran ${reports.length} tests in ${minutesAndSeconds((Date.now() - started) / 1000)}`);
  for (const line of summaryLines(reports)) console.log(line);
  return exitCode(reports);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof StepFailure ? error.line() : `acceptance: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
