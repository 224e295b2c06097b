// Mutation testing (`npm run test:mutation`, see docs/mutation-testing.md): Stryker changes one expression at a time in
// the code below and runs the unit tests that cover it; a change no test notices is a surviving mutant.
import fs from "node:fs";

/**
 * Mutants that cannot change behaviour, so no test can kill them. Each names its file, the exact source text of the
 * smallest node that holds it (every mutant inside that node is ignored, so keep it tight) and why it is equivalent.
 * `scripts/mutation/equivalent-mutants.mjs` reports them to Stryker as ignored, with the reason.
 */
export const equivalentMutants = [
  {
    file: "sandbox/api-plugin.ts",
    code: "allErrors: false",
    reason:
      "allErrors only collects the errors after the first; both APIs answer with the first alone (validation[0]).",
  },
  {
    file: "sandbox/heroku/routes/render.ts",
    code: "/^(Eco|Basic|Standard-)/",
    reason:
      "Only catalogue sizes are rendered, and none has Eco, Basic or Standard- after its start (heroku-render.test.ts checks it).",
  },
  {
    file: "sandbox/heroku/routes/apps.ts",
    code: 'parseRange(request.headers.range, "name")',
    reason: 'The default field only matters when it is "id"; the key for any other field is the app\'s name.',
  },
  {
    file: "sandbox/heroku/routes/releases.ts",
    code: 'parseRange(request.headers.range, "version")',
    reason: 'The default field only matters when it is "id"; the key for any other field is the release\'s version.',
  },
  {
    file: "sandbox/heroku/routes/range.ts",
    code: 'options = ""',
    reason: "Text in place of a Range without options reads as one unknown option, which is ignored like any other.",
  },
];

/**
 * The part of scripts/mutation/parts.json this run mutates: `npm run test:mutation` runs Stryker once per part, with
 * HEROKU_FLOW_MUTATION_PART set, so that each part keeps its own incremental file and report. Without it (Stryker run
 * directly, or `npm run test:mutation -- --mutate <glob>`) the run is "adhoc": every part unless `--mutate` narrows
 * it, into reports/mutation/adhoc.*, leaving the parts' files alone.
 */
const { parts, reportDirectory } = JSON.parse(
  fs.readFileSync(new URL("./scripts/mutation/parts.json", import.meta.url)),
);
const runName = process.env.HEROKU_FLOW_MUTATION_PART ?? "adhoc";
if (runName !== "adhoc" && !(runName in parts)) {
  throw new Error(
    `HEROKU_FLOW_MUTATION_PART is "${runName}", which is not a part of scripts/mutation/parts.json (${Object.keys(parts).join(", ")})`,
  );
}
const mutate = runName === "adhoc" ? Object.values(parts).flatMap((part) => part.mutate) : parts[runName].mutate;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  mutate,
  testRunner: "jest",
  // Per-test coverage picks a mutant's tests, and the Jest configuration's sequencer runs only the files that hold
  // them: Jest's own search for related files would only cost time on every run.
  jest: { projectType: "custom", configFile: "stryker.jest.config.js", enableFindRelatedTests: false },
  checkers: ["typescript"],
  // The mutated code and what it imports: with the whole project, each check also re-checked every test, stack and
  // script that imports the mutated file, and the checker took a core to itself.
  tsconfigFile: "tsconfig.mutation.json",
  plugins: [
    "@stryker-mutator/jest-runner",
    "@stryker-mutator/typescript-checker",
    "./scripts/mutation/equivalent-mutants.mjs",
  ],
  ignorers: ["equivalent-mutants"],
  coverageAnalysis: "perTest",
  // A mutant reached only while a module loads (a constant's initialiser) needs a fresh module registry and every
  // test for each run: measured at 20-25 s each here, hours for the whole set. They are reported as ignored; the rules
  // build their expressions on use (constructs/private/rules.ts) so that those are measured.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `${reportDirectory}/${runName}.incremental.json`,
  // Two cores: Stryker gives half of this to type checkers and half to test runners; the checkers are mostly idle
  // once they are ahead of the runners, so two runners keep both cores busy.
  concurrency: 4,
  // Stryker counts a mutant as timed out (detected) after timeoutFactor x its covering tests' time in the dry run +
  // timeoutMS + the dry run's overhead (35 s here). A surviving mutant runs every covering test, so it is the one a
  // busy machine pushes past the limit: with 1.5 x and 10 s, `review` on a machine also running other work counted 0
  // survivors and 75 timeouts in its first 699 mutants, where a quieter run had 53 and 40 by 788. Generous on both.
  timeoutFactor: 3,
  timeoutMS: 30000,
  dryRunTimeoutMinutes: 15,
  reporters: ["progress", "html", "json"],
  htmlReporter: { fileName: `${reportDirectory}/${runName}.html` },
  jsonReporter: { fileName: `${reportDirectory}/${runName}.json` },
  // The per-folder thresholds are checked by scripts/mutation/score.ts, from the JSON report.
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ["cdktf.out", "dist", "coverage", "reports", ".sandbox", "terraform-state"],
  tempDirName: ".stryker-tmp",
};
