// Jest setup for mutation runs only (stryker.jest.config.js), after __tests__/setup.ts: a shorter test timeout.
//
// The unit tests take at most a few seconds each, but __tests__/setup.ts allows 120 s. A mutant that leaves a request
// unanswered (a route or a body parser that never replies) made a test wait until Stryker's own timeout, about a
// minute, after which Stryker kills and restarts its test runner; failing the test after 20 s instead counts the
// mutant as killed by a failing test, sooner, and keeps the runner. 20 s is many times the slowest unit test here, so
// that a slow machine does not count a live mutant as killed.
jest.setTimeout(20_000);
