// The Jest configuration Stryker runs for every mutant: the "unit" project of jest.config.js, without the end-to-end
// tests (real Terraform against the sandbox, minutes per scenario) and without the unit tests whose cost is large and
// whose kill-power is small. Each exclusion below says why; they all still run in `npm test`.
const path = require("path");
const { projects } = require("./jest.config");

const unit = projects.find((project) => project.displayName === "unit");

/** Test files Stryker leaves out, with the reason each costs more than it can kill. */
const EXCLUDED = {
  // Spawn a child process (tsx, tsc, npm, terraform, cdktf): Stryker activates a mutant only inside the Jest worker,
  // so a child runs the unmutated code and cannot kill anything, at 5-20 s per file.
  "__tests__/sandbox/cli.test.ts": "runs the sandbox CLI as a child process",
  "__tests__/sandbox/crash.test.ts": "kills a child sandbox mid-write",
  "__tests__/constructs/package-install.test.ts": "packs and installs the library with npm",
  "__tests__/constructs/package.test.ts": "builds the library with tsc",
  "__tests__/constructs/doc-examples.test.ts": "compiles the README and TSDoc examples with tsc",
  "__tests__/constructs/flow-validation.test.ts": "runs the real cdktf synth",
  "__tests__/stacks/terraform-validate.test.ts": "runs terraform init and validate",
  "__tests__/stacks/secrets.test.ts": "synthesizes main.ts in a child process",
  "__tests__/scripts/topology-diagram.test.ts": "runs the diagram script in a child process",
  "__tests__/scripts/acceptance-failures.test.ts":
    "runs the acceptance harness (tsx, go, test2json, a hanging test to its time limit) in child processes",
  "__tests__/toolchain/": "builds and checks the Terraform toolchain, which Stryker does not mutate",
  "__tests__/cli/built-bin.test.ts":
    "runs the built bin (dist/, which Stryker's copy does not have) as a child process",
  "__tests__/cli/init-scaffold.test.ts": "type-checks, synthesizes and tests a scaffolded project in child processes",
  // Reads the mutated sources as text, which Stryker's copy holds instrumented (an equivalent mutant's code then
  // appears more than once), and tests only the mutation tooling, which Stryker does not mutate.
  "__tests__/scripts/mutation.test.ts": "tests the mutation tooling and reads the sources as text",
};

/** @type {import('jest').Config} */
module.exports = {
  ...unit,
  rootDir: __dirname,
  testPathIgnorePatterns: [...unit.testPathIgnorePatterns, ...Object.keys(EXCLUDED).map((file) => `<rootDir>/${file}`)],
  setupFilesAfterEnv: [...unit.setupFilesAfterEnv, "<rootDir>/scripts/mutation/short-test-timeout.js"],
  // Skip a mutant's remaining tests and files once one test has failed: one failure kills it (see the files). An
  // absolute path: Stryker loads the environment itself, without Jest's <rootDir>.
  testEnvironment: path.join(__dirname, "scripts", "mutation", "bail-environment.js"),
  testRunner: "<rootDir>/scripts/mutation/jest-circus-bail-runner.js",
  // Runs only the files that hold a test covering the mutant, quickest first, not every file only to skip its tests.
  testSequencer: "<rootDir>/scripts/mutation/covering-test-sequencer.js",
};
