// Mutation testing (`npm run test:mutation`, see README "Mutation testing"): Stryker changes one expression at a time in
// the code below and runs the unit tests that cover it; a change no test notices is a surviving mutant.

/**
 * Mutants that cannot change behaviour, so no test can kill them. Each names its file, the exact source text of the
 * smallest node that holds it (every mutant inside that node is ignored, so keep it tight) and why it is equivalent.
 * `scripts/mutation/equivalent-mutants.mjs` reports them to Stryker as ignored, with the reason.
 */
export const equivalentMutants = [];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  mutate: [
    "constructs/**/*.ts",
    "!constructs/index.ts",
    "sandbox/heroku/models/**/*.ts",
    "sandbox/heroku/routes/**/*.ts",
    "sandbox/gitlab/models/**/*.ts",
    "sandbox/gitlab/routes/**/*.ts",
    "sandbox/api-plugin.ts",
    "sandbox/consistency.ts",
    "sandbox/inspect.ts",
    // The merge-request plan summary, once it is merged.
    "scripts/lib/review/**/*.ts",
    // Generated provider bindings are never mutated.
    "!.gen/**",
  ],
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "stryker.jest.config.js", enableFindRelatedTests: true },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
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
  incrementalFile: "reports/stryker-incremental.json",
  // Two cores, shared: one test runner and the type checker.
  concurrency: 1,
  // Generous: on a shared 2-core machine a slow run must not pass for a mutant that loops (Stryker counts a timeout as
  // detected).
  timeoutMS: 30000,
  dryRunTimeoutMinutes: 15,
  reporters: ["progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // The per-folder thresholds are checked by scripts/mutation/score.ts, from the JSON report.
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ["cdktf.out", "dist", "coverage", "reports", ".sandbox", "terraform-state"],
  tempDirName: ".stryker-tmp",
};
