import { checkConsistency } from "../../sandbox/consistency";
import { driveLoad } from "../../sandbox/load";
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(async () => {
  await t?.sandbox.close();
});

// The 30-second, 32-client soak is `npm run bench:sandbox -- --soak 30`; this is its short form.
test("8 concurrent clients creating and deleting apps, add-ons, variables and state locks leave the store consistent", async () => {
  const result = await driveLoad({
    url: t.sandbox.url,
    herokuApiKey: t.herokuApiKey,
    gitlabToken: t.gitlabToken,
    clients: 8,
    durationMs: 2000,
  });
  expect(result.errors).toEqual([]);
  expect(result.requests).toBeGreaterThan(50);
  const state = await t.heroku("GET", "/sandbox/state");
  expect(checkConsistency(state.body)).toEqual([]);
  expect(state.body.apps).toEqual([]);
  expect(state.body.terraformStates[0].lock).toBeNull();
});

test("the consistency check finds dangling references", () => {
  const broken = {
    version: 1,
    account: { id: "a", email: "e", createdAt: "" },
    apps: [],
    releases: [{ id: "r", appId: "gone", version: 1 }],
    addons: [],
    attachments: [],
    pipelines: [],
    couplings: [],
    formations: [],
    domains: [],
    drains: [],
    slugs: [],
    sniEndpoints: [],
    teams: [],
    gitlab: {
      nextId: 2,
      projects: [],
      variables: [{ projectId: 7, key: "K" }],
      environments: [],
      protectedTags: [],
      protectedEnvironments: [],
      users: [],
      personalAccessTokens: [],
      groups: [],
      projectMembers: [],
      groupShares: [],
      pushRules: [],
    },
    terraformStates: [],
    circleci: { projects: [], projectVariables: [], contexts: [], contextVariables: [], restrictions: [] },
    dokku: { apps: [], postgresServices: [], postgresLinks: [] },
  };
  expect(checkConsistency(broken as never)).toEqual([
    "release r refers to missing app gone",
    "variable K refers to missing project 7",
  ]);
});

test("load stays on loopback", async () => {
  await expect(
    driveLoad({ url: "http://192.0.2.1:80", herokuApiKey: "k", gitlabToken: "t", clients: 1, durationMs: 10 }),
  ).rejects.toThrow(/loopback/);
});
