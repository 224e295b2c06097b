import { appNamed } from "../support/sandbox-data";
import { applyArgs, E2EProject } from "./support/e2e-project";

/**
 * e. `cdktf deploy review-42` then `cdktf destroy review-42` leaves no trace of the review app: its Heroku app and
 * children, its GitLab environment (stopped, then deleted) and its CI/CD variables.
 */
describe("review app lifecycle", () => {
  let project: E2EProject;
  const review = { HEROKU_FLOW_REVIEW_ID: "42" };
  beforeAll(async () => {
    project = await E2EProject.create({ recordExchanges: true });
    await project.deploy(["pipeline"]);
  });
  afterAll(() => project?.close());

  test("deploy review-42 creates the app, its database, its coupling and its dyno", async () => {
    await project.deploy(["review-42"], review);
    const state = await project.state();
    const review42 = appNamed(state, "songlist-review-42");
    expect(review42.addons.map((a) => `${a.service}:${a.plan}`)).toEqual(["heroku-postgresql:essential-0"]);
    expect(review42.couplings.map((c) => c.stage)).toEqual(["review"]);
    expect(review42.formations.map((f) => `${f.type} ${f.quantity}`)).toEqual(["web 1"]);
    expect(state.gitlab.environments.map((e) => `${e.name} ${e.tier} ${e.state}`)).toEqual([
      "review/42 development available",
    ]);
    expect(state.gitlab.variables.map((v) => `${v.key} ${v.environmentScope}`).sort()).toEqual([
      "HEROKU_API_KEY review/42",
      "HEROKU_APP_NAME review/42",
    ]);
  });

  test("destroy review-42 leaves no trace of it, and the pipeline untouched", async () => {
    const before = await project.state();
    const app = before.apps.find((a) => a.name === "songlist-review-42")!;
    await project.cdktfOk(applyArgs("destroy", ["review-42"], { alone: true }), review);
    const after = await project.state();
    expect(after.apps.map((a) => a.name)).toEqual([]);
    for (const collection of ["addons", "attachments", "couplings", "formations", "domains", "drains"] as const) {
      expect({ collection, left: after[collection].filter((r) => r.appId === app.id) }).toEqual({
        collection,
        left: [],
      });
    }
    expect(after.gitlab.environments).toEqual([]);
    // stop_before_destroy: the provider stops the environment and polls by stopping it again until GitLab says
    // "stopped", then deletes it (GitLab refuses to delete an environment that is not stopped).
    const environmentId = before.gitlab.environments.find((e) => e.name === "review/42")!.id;
    const environmentCalls = project.sandbox
      .exchanges()
      .filter((e) => e.api === "gitlab" && e.method !== "GET" && e.path.includes(`/environments/${environmentId}`))
      .map((e) => `${e.method} ${e.path.replace(/^.*\/environments\/\d+/, "…")} ${e.status}`);
    expect(environmentCalls).toEqual(["POST …/stop 200", "POST …/stop 200", "DELETE … 204"]);
    expect(after.gitlab.variables).toEqual([]);
    expect(after.pipelines).toEqual(before.pipelines);
  });
});
