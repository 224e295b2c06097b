// Jest test environment for mutation runs only (stryker.jest.config.js): once a test has failed while Stryker measures
// a mutant, the rest of that mutant's tests are skipped, in the file that failed; jest-circus-bail-runner.js does not
// load the files after it.
//
// One failing test is all Stryker needs to count a mutant as killed, but its Jest runner cannot ask Jest to stop there
// (`bail` is not supported when Jest is run programmatically), so every test file that covers a mutant ran to the end
// even after the first one had killed it. The gain, measured side by side, is modest (docs/mutation-testing.md):
// most of a mutant's time is Jest's start and its first covering file. Jest runs a mutant's files one after another in this process (Stryker runs Jest in band), so the
// environment of a later file can see what an earlier one recorded.
//
// Stryker names the mutant it measures in __STRYKER_ACTIVE_MUTANT__ and deletes it after the run; the dry run, which
// measures coverage and must run every test, has none, and neither does `npm test`, which never uses this file.
const { TestEnvironment } = require("jest-environment-node");
const { setupHookCoverage } = require("./setup-hook-coverage");

/** Where the mutant that last failed a test is kept: shared by every file's environment in this process. */
const FAILED_MUTANT = Symbol.for("heroku-flow.mutation.failedMutant");

function activeMutant() {
  return process.env.__STRYKER_ACTIVE_MUTANT__;
}

/** Whether a test already failed while the current mutant is active, so that its remaining tests can be skipped. */
function alreadyKilled() {
  const mutant = activeMutant();
  return mutant !== undefined && globalThis[FAILED_MUTANT] === mutant;
}

class BailEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    // Also gives each test the coverage of its file's `beforeAll` hooks (see setup-hook-coverage.js).
    this.setupCoverage = setupHookCoverage(() => this.global[this.global.__strykerGlobalNamespace__ ?? "__stryker__"]);
  }

  async handleTestEvent(event) {
    this.setupCoverage.handleTestEvent(event);
    switch (event.name) {
      // Before a block's beforeAll hooks run: skipping the block skips them, its tests and its afterAll hooks.
      case "run_describe_start":
        if (alreadyKilled()) event.describeBlock.mode = "skip";
        break;
      case "test_start":
        if (alreadyKilled()) event.test.mode = "skip";
        break;
      // Counted when a test is done, not when a hook fails: a `beforeAll` that throws (a mutant that stops the sandbox
      // from starting) fails each test of its block, and those tests must still be reported as failed, not skipped,
      // for Stryker to count the mutant as killed.
      case "test_done":
        if (event.test.errors.length > 0 && activeMutant() !== undefined) globalThis[FAILED_MUTANT] = activeMutant();
        break;
    }
  }
}

module.exports = BailEnvironment;
module.exports.alreadyKilled = alreadyKilled;
