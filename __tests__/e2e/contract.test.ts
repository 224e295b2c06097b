import { linkFor } from "../support/heroku-schema";
import { applyArgs, E2EProject } from "./support/e2e-project";

/**
 * i. Every response the real Heroku provider received from the sandbox, over a whole deploy, review app lifecycle and
 * diff, conforms to the matching link's `targetSchema` in Heroku's published Platform API schema; and every call the
 * real GitLab provider made over the same run is one the sandbox serves.
 */
describe("contract: the provider's view of the sandbox", () => {
  let project: E2EProject;
  beforeAll(async () => {
    project = await E2EProject.create({ recordExchanges: true });
    await project.deploy();
    await project.deploy(["review-42"], { HEROKU_FLOW_REVIEW_ID: "42" });
    await project.cdktfOk(applyArgs("destroy", ["review-42"], { alone: true }), { HEROKU_FLOW_REVIEW_ID: "42" });
    await project.diff("staging");
  });
  afterAll(() => project?.close());

  const herokuExchanges = () => project.sandbox.exchanges().filter((e) => e.api === "heroku");
  const gitlabExchanges = () => project.sandbox.exchanges().filter((e) => e.api === "gitlab");

  test("the provider made the calls of every resource the stacks use, and never got a 429", () => {
    const exchanges = herokuExchanges();
    const calls = new Set(exchanges.map((e) => `${e.method} ${linkFor(e.method, e.path)?.href ?? e.path}`));
    const seen = (method: string, fragment: string) =>
      [...calls].some((call) => call.startsWith(method) && call.includes(fragment));
    expect(seen("POST", "/apps")).toBe(true);
    expect(seen("PATCH", "/config-vars")).toBe(true);
    expect(seen("GET", "/releases")).toBe(true);
    expect(seen("POST", "/addons")).toBe(true);
    expect(seen("POST", "/pipeline-couplings")).toBe(true);
    expect(seen("PATCH", "/formation/")).toBe(true);
    expect(seen("DELETE", "/apps/")).toBe(true);
    expect(exchanges.filter((e) => e.status === 429)).toEqual([]);
  });

  test("every successful response conforms to its link's targetSchema", () => {
    const failures: string[] = [];
    let checked = 0;
    for (const exchange of herokuExchanges()) {
      if (exchange.status >= 300) continue;
      const link = linkFor(exchange.method, exchange.path);
      if (!link) {
        failures.push(`${exchange.method} ${exchange.path}: no link in the published schema`);
        continue;
      }
      checked++;
      if (!link.validate(JSON.parse(exchange.body))) {
        failures.push(
          `${exchange.method} ${exchange.path} (${link.definition}): ${JSON.stringify(link.validate.errors)}`,
        );
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  test("the GitLab provider's calls: each a route the sandbox serves, answered without an error", () => {
    // Ids and names in paths are replaced by placeholders, so the list names each kind of call once.
    const template = (path: string) =>
      path
        .replace(/^\/api\/v4/, "")
        .replace(/^\/projects\/[^/]+/, "/projects/:id")
        .replace(/\/(variables|protected_tags)\/[^/]+/, "/$1/:key")
        .replace(/\/environments\/\d+/, "/environments/:environment");
    const calls = new Set(gitlabExchanges().map((e) => `${e.method} ${template(e.path)} ${e.status}`));
    expect([...calls].sort()).toEqual([
      "DELETE /projects/:id/environments/:environment 204",
      "DELETE /projects/:id/variables/:key 204",
      "GET /projects/:id/environments/:environment 200",
      "GET /projects/:id/protected_tags/:key 200",
      "GET /projects/:id/variables/:key 200",
      "GET /user 200",
      "POST /projects/:id/environments 201",
      "POST /projects/:id/environments/:environment/stop 200",
      "POST /projects/:id/protected_tags 201",
      "POST /projects/:id/variables 201",
    ]);
  });
});
