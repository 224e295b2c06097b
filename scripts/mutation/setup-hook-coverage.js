// Per-test coverage for code that a test file's `beforeAll` hooks run, for mutation runs only (bail-environment.js).
//
// Stryker's Jest runner counts code reached while a test runs as covered by that test, and code reached outside any
// test (module loading, `beforeAll`) as "static". A mutant covered statically and by some tests is then measured with
// those tests alone (`ignoreStatic` is on). The sandbox's HTTP tests start the sandbox in `beforeAll`, so the routes
// and schemas it registers there were covered by neither those tests nor any other that used them: a GET route made
// to answer nothing "survived" although `heroku.test.ts` fails on it (checked by hand, docs/mutation-testing.md).
// Attributing what a file's `beforeAll` hooks reach to each test of that file that runs after them lets Stryker run
// those tests for such a mutant. Module-level code (constant initialisers) stays static.

/** Mutant ids and how often each was reached, as Stryker's instrumented code counts them. */
function countsSince(before, now) {
  const added = {};
  for (const [id, hits] of Object.entries(now)) {
    const delta = hits - (before[id] ?? 0);
    if (delta > 0) added[id] = delta;
  }
  return added;
}

/**
 * Follows one test file's events. `strykerContext()` returns Stryker's shared instrumenter context (`__stryker__`),
 * or undefined outside a Stryker run; its `mutantCoverage` is `{ static, perTest }` and `currentTestId` the running
 * test's id, which Stryker's own environment clears after this handler has seen `test_done`.
 */
function setupHookCoverage(strykerContext) {
  /** What this file's `beforeAll` hooks have reached so far. */
  const setup = {};
  let staticAtHookStart;

  return {
    handleTestEvent(event) {
      const context = strykerContext();
      const coverage = context?.mutantCoverage;
      if (!coverage) return;
      const isSetupHook = event.hook?.type === "beforeAll";
      switch (event.name) {
        case "hook_start":
          if (isSetupHook) staticAtHookStart = { ...coverage.static };
          break;
        case "hook_success":
        case "hook_failure":
          if (isSetupHook && staticAtHookStart) {
            for (const [id, hits] of Object.entries(countsSince(staticAtHookStart, coverage.static))) {
              setup[id] = (setup[id] ?? 0) + hits;
            }
            staticAtHookStart = undefined;
          }
          break;
        case "test_done":
          if (context.currentTestId) {
            const perTest = (coverage.perTest[context.currentTestId] ??= {});
            for (const [id, hits] of Object.entries(setup)) perTest[id] = (perTest[id] ?? 0) + hits;
          }
          break;
      }
    },
  };
}

module.exports = { setupHookCoverage };
