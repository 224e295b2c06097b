import { linkFor } from "../support/heroku-schema";
import { E2EProject } from "./support/e2e-project";

/**
 * i. Every response the real Heroku provider received from the sandbox, over a whole deploy, review app lifecycle and
 * diff, conforms to the matching link's `targetSchema` in Heroku's published Platform API schema.
 */
describe("contract: the provider's view of the sandbox", () => {
  let project: E2EProject;
  beforeAll(async () => {
    project = await E2EProject.create({ recordExchanges: true });
    await project.deploy();
    await project.deploy(["review-42"], { HEROKU_FLOW_REVIEW_ID: "42" });
    await project.cdktfOk(
      ["destroy", "review-42", "--auto-approve", "--skip-provider-lock", "--ignore-missing-stack-dependencies"],
      { HEROKU_FLOW_REVIEW_ID: "42" },
    );
    await project.diff("staging");
  });
  afterAll(() => project?.close());

  test("the provider made the calls of every resource the stacks use, and never got a 429", () => {
    const exchanges = project.sandbox.exchanges();
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
    for (const exchange of project.sandbox.exchanges()) {
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
});
