// @ts-nocheck
// Two projects: "unit" (constructs, stacks, sandbox, toolchain; seconds) and "e2e" (the real cdktf CLI, Terraform and
// providers against a fresh sandbox per scenario; about a minute). `npm test` runs both; `npm run test:e2e` only e2e.
const shared = {
  testEnvironment: "node",
  // Type-checking happens once in `npm run build`; the tests only transpile, which keeps them fast.
  transform: { "^.+\\.ts$": "ts-jest" },
  setupFilesAfterEnv: ["<rootDir>/__tests__/setup.ts"],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/__tests__"],
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/__tests__/e2e/"],
    },
    {
      ...shared,
      displayName: "e2e",
      roots: ["<rootDir>/__tests__/e2e"],
      testMatch: ["**/*.test.ts"],
      setupFilesAfterEnv: [...shared.setupFilesAfterEnv, "<rootDir>/__tests__/e2e/support/setup.ts"],
    },
  ],
};
