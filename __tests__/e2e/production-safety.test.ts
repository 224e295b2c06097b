import { applyArgs, E2EProject } from "./support/e2e-project";

/** f. A change that would replace production's app or database fails at plan, and nothing is destroyed. */
describe("production safety", () => {
  let project: E2EProject;
  beforeAll(async () => {
    project = await E2EProject.create();
    await project.deploy();
  });
  afterAll(() => project?.close());

  test("moving production to another region fails at plan with prevent_destroy's message", async () => {
    const before = await project.state();
    const run = await project.cdktf(applyArgs("deploy", ["production"], { alone: true }), {
      E2E_TOPOLOGY_PATCH: JSON.stringify({ production: { region: "eu" } }),
    });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/Instance cannot be destroyed/);
    expect(run.output).toMatch(/heroku_app\.App_\w+ \(App\/Resource\) has lifecycle\.prevent_destroy set/);
    expect(run.output).not.toMatch(/Destroying\.\.\./);

    const after = await project.state();
    expect(after.apps).toEqual(before.apps);
    expect(after.addons).toEqual(before.addons);
    expect(after.apps.find((app) => app.name === "songlist")!.region).toBe("us");
  });
});
