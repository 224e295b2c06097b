// Jest setup for mutation runs only (stryker.jest.config.js), after __tests__/setup.ts: a shorter test timeout.
//
// The unit tests take at most a few seconds each (the slowest about 3 s), but __tests__/setup.ts allows 120 s. A
// mutant that leaves a request unanswered made a test wait for its timeout and then the file's `afterAll` wait as long
// again (closing a sandbox waits for the request in flight); past Stryker's own timeout (1.5 × the covering tests' time
// + 30 s + the dry run's overhead, about a minute here) Stryker kills and restarts its test runner. Failing after
// 10 s counts such a mutant as killed by a failing test, sooner, and keeps the runner; 10 s is three times the slowest
// unit test, so that a machine slowed by the other runner and the checkers does not count a live mutant as killed.
// (The sandbox tests' client gives up on an unanswered request after 5 s on its own: __tests__/sandbox/client.ts.)
jest.setTimeout(10_000);
