/**
 * `npm run test:mutation [-- <part> …] [<Stryker options>]`: mutation testing with Stryker (stryker.config.mjs),
 * one run per part of scripts/mutation/parts.json (all of them by default), each with its own incremental file and
 * report; then how long each run took, and the score of every part and total over the latest report of each part
 * (scripts/mutation/score.ts), which fails the command below a threshold.
 *
 * The leading bare words are parts; from the first option (`-…`) on, everything goes to Stryker. One option is
 * special: `--mutate <glob>` makes a single "adhoc" run of just those files (reports/mutation/adhoc.*), so that
 * working on one file does not replace a part's incremental file with the results of that file alone (Stryker's
 * incremental file holds only what the run mutated).
 *
 * Run by scripts/mutation/run.sh, which exports the Terraform toolchain's settings first, as for `npm test`.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { PROJECT_ROOT } from "../lib/project-root";
import { machineDescription, minutesAndSeconds, table } from "../lib/report";
import { ADHOC_RUN, readParts, reportFileOf } from "./mutation-parts";
import { printScores } from "./score";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the sequencer is a CommonJS module Jest loads by path
const { addContentHashes } = require("./covering-test-sequencer.js") as { addContentHashes(indexFile: string): void };

/** Where the sequencer of mutation runs finds which test file holds which test (covering-test-sequencer.js). */
const TEST_INDEX_VARIABLE = "HEROKU_FLOW_MUTATION_TEST_INDEX";
/** The part a Stryker run mutates (stryker.config.mjs reads it). */
const PART_VARIABLE = "HEROKU_FLOW_MUTATION_PART";

function bin(tool: string): string {
  return path.join(PROJECT_ROOT, "node_modules", ".bin", tool);
}

/** Runs a command in the project root with the output shown; returns its exit code and the seconds it took. */
function run(command: string, args: readonly string[], env: Record<string, string>): { code: number; seconds: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return { code: result.status ?? 1, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function main(argv: readonly string[]): number {
  const firstOption = argv.findIndex((arg) => arg.startsWith("-"));
  const requested = firstOption === -1 ? [...argv] : argv.slice(0, firstOption);
  const strykerOptions = firstOption === -1 ? [] : argv.slice(firstOption);
  const parts = readParts();
  const unknown = requested.filter((name) => !(name in parts.parts));
  if (unknown.length) {
    console.error(
      `test:mutation: no part named ${unknown.join(", ")}; the parts are ${Object.keys(parts.parts).join(", ")} (scripts/mutation/parts.json)`,
    );
    return 2;
  }
  const adhoc = strykerOptions.some((option) => option === "--mutate" || option.startsWith("--mutate="));
  if (adhoc && requested.length) {
    console.error("test:mutation: give either parts or --mutate, not both (--mutate is a run of its own)");
    return 2;
  }
  const runs = adhoc ? [ADHOC_RUN] : requested.length ? requested : Object.keys(parts.parts);

  // The index for the sequencer: a plain run of the tests Stryker runs, which must pass anyway.
  const testIndex = path.join(PROJECT_ROOT, parts.reportDirectory, "test-index.json");
  fs.mkdirSync(path.dirname(testIndex), { recursive: true });
  const index = run(
    bin("jest"),
    ["--config", "stryker.jest.config.js", "--silent", "--json", "--outputFile", testIndex],
    {},
  );
  if (index.code === 0) addContentHashes(testIndex);
  if (index.code !== 0) {
    console.error("test:mutation: the unit tests Stryker runs fail without any mutant; fix them first");
    return index.code;
  }

  const timings: string[][] = [];
  for (const name of runs) {
    const env: Record<string, string> = { [TEST_INDEX_VARIABLE]: testIndex };
    if (name !== ADHOC_RUN) env[PART_VARIABLE] = name;
    console.log(`\n# Stryker: ${name}`);
    const stryker = run(bin("stryker"), ["run", ...strykerOptions], env);
    if (stryker.code !== 0) {
      console.error(`test:mutation: Stryker failed on ${name} (exit ${stryker.code})`);
      return stryker.code;
    }
    timings.push([name, minutesAndSeconds(stryker.seconds)]);
  }
  console.log(`\n${machineDescription(["@stryker-mutator/core"])}`);
  console.log(`test index (the tests once): ${minutesAndSeconds(index.seconds)}`);
  console.log(table(["run", "time"], timings));
  console.log("");
  if (adhoc) return printScores([reportFileOf(ADHOC_RUN, parts)]);
  // Every part's latest report, so that a total over several parts counts them all.
  const partNames = Object.keys(parts.parts);
  const unmeasured = partNames.filter((name) => !fs.existsSync(reportFileOf(name, parts)));
  if (unmeasured.length) console.log(`not measured yet (no report): ${unmeasured.join(", ")}`);
  return printScores(partNames.filter((name) => !unmeasured.includes(name)).map((name) => reportFileOf(name, parts)));
}

process.exit(main(process.argv.slice(2)));
