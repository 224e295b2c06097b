// Jest test sequencer for mutation runs (stryker.jest.config.js): runs only the test files that hold a test Stryker
// asked for, the quickest first.
//
// Stryker's Jest runner selects the tests that cover a mutant with `testNamePattern` alone, so Jest still loads every
// other test file (its imports and its `beforeAll` synthesize whole stacks or start a sandbox) only to skip all of its
// tests: most of a mutant's run went there. Jest runs the list `sort` returns, so this sequencer drops the files none
// of whose tests match the pattern. Which file holds which test comes from the index `scripts/mutation/run.ts` writes
// before Stryker starts (a plain Jest run of the same configuration, `--json`, in the checkout) and names in
// HEROKU_FLOW_MUTATION_TEST_INDEX; without it nothing is dropped. The index records each file's content hash; a file
// missing from the index, or changed since (a test added to it), is kept, so a stale index can only cost time, never
// a mutant's verdict.
//
// Quickest first: the first failing test kills the mutant and the rest is skipped (bail-environment.js,
// jest-circus-bail-runner.js), so a killed mutant
// costs the files up to the first that fails; the index's time for each file puts the cheap ones first.
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const Sequencer = require("@jest/test-sequencer").default;

function contentHash(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Adds each test file's content hash to the index Jest wrote (run by scripts/mutation/run.ts). */
function addContentHashes(indexFile) {
  const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
  for (const suite of index.testResults) suite.contentHash = contentHash(suite.name);
  fs.writeFileSync(indexFile, JSON.stringify(index));
}

/**
 * Full test names (describe blocks and title, as Jest and Stryker name a test) of the test file at `testPath`, or
 * undefined when the index does not have it as it is now. The index names files by their absolute path in the
 * checkout, and Stryker runs a copy of the checkout elsewhere: a file is matched by its path relative to `rootDir`.
 */
function testNamesOf(index, testPath, rootDir) {
  const suite = indexedSuite(index, testPath, rootDir);
  if (!suite || suite.contentHash !== contentHash(testPath)) return undefined;
  return suite.assertionResults.map((test) => test.fullName);
}

/** The index's record of the test file at `testPath`, matched by its path relative to `rootDir`. */
function indexedSuite(index, testPath, rootDir) {
  const suffix = path.sep + path.relative(rootDir, testPath);
  return index.testResults.find((candidate) => candidate.name.endsWith(suffix));
}

/** The test files of `testPaths`, the quickest in the index first; the files it does not have last, by name. */
function quickestFirst(testPaths, index, rootDir) {
  const millisecondsOf = (testPath) => {
    const suite = indexedSuite(index, testPath, rootDir);
    return suite ? suite.endTime - suite.startTime : Infinity;
  };
  const milliseconds = new Map(testPaths.map((testPath) => [testPath, millisecondsOf(testPath)]));
  return [...testPaths].sort((a, b) => milliseconds.get(a) - milliseconds.get(b) || a.localeCompare(b));
}

/**
 * The test files of `testPaths` (absolute, below `rootDir`) that hold a test whose full name matches `pattern`, or
 * that the index does not know as they are now.
 */
function coveringTestPaths(testPaths, pattern, index, rootDir) {
  return testPaths.filter((testPath) => {
    const names = testNamesOf(index, testPath, rootDir);
    return names === undefined || names.some((name) => pattern.test(name));
  });
}

class CoveringTestSequencer extends Sequencer {
  constructor(options) {
    super(options);
    const { testNamePattern, rootDir } = options.globalConfig;
    // Jest matches the pattern the same way (jest-circus: case-insensitive, against the full name).
    this.pattern = testNamePattern ? new RegExp(testNamePattern, "i") : undefined;
    this.rootDir = rootDir;
  }

  sort(tests) {
    const indexFile = process.env.HEROKU_FLOW_MUTATION_TEST_INDEX;
    if (!this.pattern || !indexFile) return super.sort(tests);
    if (!fs.existsSync(indexFile)) {
      throw new Error(
        `HEROKU_FLOW_MUTATION_TEST_INDEX names ${indexFile}, which does not exist: npm run test:mutation writes it`,
      );
    }
    const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
    const byPath = new Map(tests.map((test) => [test.path, test]));
    const covering = coveringTestPaths([...byPath.keys()], this.pattern, index, this.rootDir);
    return quickestFirst(covering, index, this.rootDir).map((testPath) => byPath.get(testPath));
  }
}

module.exports = CoveringTestSequencer;
module.exports.coveringTestPaths = coveringTestPaths;
module.exports.quickestFirst = quickestFirst;
module.exports.addContentHashes = addContentHashes;
