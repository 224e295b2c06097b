// Jest test runner for mutation runs only (stryker.jest.config.js): jest-circus, except that a test file is not even
// loaded once a test has failed while Stryker measures the current mutant (see bail-environment.js, which records the
// failure and skips the rest of the file that failed).
//
// Each test file gets a fresh module registry, so loading one means loading cdktf, the library and its providers again
// before its first test. A file a killed mutant no longer needs is answered with
// one skipped entry (Jest refuses a file result without any) instead.
//
// The name must contain "jest-circus": Stryker's per-test coverage works through jest-circus's test events and refuses
// a test runner whose path does not say it is jest-circus.
const { createEmptyTestResult } = require("@jest/test-result");
const circus = require("jest-circus/runner").default;
const { alreadyKilled } = require("./bail-environment.js");

const SKIPPED_TITLE = "not loaded: an earlier test already killed this mutant";

module.exports = async function bailTestRunner(
  globalConfig,
  config,
  environment,
  runtime,
  testPath,
  sendMessageToJest,
) {
  if (!alreadyKilled()) return circus(globalConfig, config, environment, runtime, testPath, sendMessageToJest);
  return {
    ...createEmptyTestResult(),
    numPendingTests: 1,
    testFilePath: testPath,
    testResults: [
      {
        ancestorTitles: [],
        duration: 0,
        failureDetails: [],
        failureMessages: [],
        fullName: SKIPPED_TITLE,
        numPassingAsserts: 0,
        status: "pending",
        title: SKIPPED_TITLE,
      },
    ],
  };
};
