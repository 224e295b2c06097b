import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { appNamed } from "../support/sandbox-data";
import { applyArgs, E2EProject, MAIN_STACKS } from "./support/e2e-project";

const bootstrap = { HEROKU_FLOW_BOOTSTRAP: "true" };
const deployAll = applyArgs("deploy", MAIN_STACKS);

/** Every app appears once, with one database and one coupling, and keeps its config and secrets. */
async function expectConverged(project: E2EProject): Promise<void> {
  const state = await project.state();
  expect(state.apps.map((a) => a.name).sort()).toEqual(["songlist", "songlist-staging"]);
  expect(state.pipelines).toHaveLength(1);
  expect(state.addons).toHaveLength(2);
  for (const name of ["songlist", "songlist-staging"]) {
    const { app, addons, couplings } = appNamed(state, name);
    expect([addons.length, couplings.length]).toEqual([1, 1]);
    expect(Object.keys(app.configVars).sort()).toEqual(["APP_SETTINGS", "DATABASE_URL", "SECRET_KEY"]);
  }
  for (const stack of MAIN_STACKS) expect((await project.diff(stack)).noChanges).toBe(true);
}

/**
 * h. A 5xx or a dropped connection in the middle of an apply (the second app or database of the run) fails it
 * cleanly; re-running converges, with nothing duplicated or lost.
 */
describe.each([
  {
    fault: { action: "error", method: "POST", path: "/apps/:app/addons", status: 503 },
    says: /503|Service Unavailable/,
    // Each add-on follows its app, so both apps exist; the first add-on was created, the second refused. (cdktf
    // deploys the two environment stacks in parallel: which app has the add-on varies.)
    leaves: { apps: 2, addons: [1] },
  },
  {
    fault: { action: "drop", method: "POST", path: "/apps" },
    says: /EOF|connection reset|closed/i,
    // The second app was never created; the first one's add-on may or may not have been, as the run stopped.
    leaves: { apps: 1, addons: [0, 1] },
  },
])("fault: $fault.action on the 2nd $fault.method $fault.path", ({ fault, says, leaves }) => {
  let project: E2EProject;
  beforeAll(async () => {
    project = await E2EProject.create();
  });
  afterAll(() => project?.close());

  test("the first apply fails cleanly, the second converges", async () => {
    const armed = await project.client.heroku("POST", "/sandbox/faults", { ...fault, nth: 2, times: 1 });
    expect(armed.status).toBeLessThan(300);

    const failed = await project.cdktf(deployAll, bootstrap);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(says);
    expect((await project.client.heroku("GET", "/sandbox/faults")).body[0].fired).toBe(1);
    const partial = await project.state();
    expect(partial.apps).toHaveLength(leaves.apps);
    expect(leaves.addons).toContain(partial.addons.length);
    for (const addon of partial.addons) expect(partial.apps.map((a) => a.id)).toContain(addon.appId);

    await project.deploy();
    await expectConverged(project);
  });
});

/**
 * A failure after Heroku created an app (here: its first config-var update is dropped) leaves the app tainted in
 * Terraform's state, and a re-run plans to replace it. For production, prevent_destroy stops that plan: nothing is
 * destroyed. `terraform untaint` (after checking the app) lets the next deploy finish the job in place.
 */
describe("fault after production's app was created", () => {
  let project: E2EProject;
  beforeAll(async () => {
    project = await E2EProject.create();
    await project.deploy(["pipeline", "staging"]);
  });
  afterAll(() => project?.close());

  test("the re-run refuses to replace it; after untaint, deploy converges in place", async () => {
    await project.client.heroku("POST", "/sandbox/faults", {
      action: "drop",
      method: "PATCH",
      path: "/apps/:app/config-vars",
    });
    const failed = await project.cdktf(applyArgs("deploy", ["production"], { alone: true }), bootstrap);
    expect(failed.code).not.toBe(0);
    const created = (await project.state()).apps.find((app) => app.name === "songlist")!;
    expect(created).toBeDefined();

    const rerun = await project.cdktf(applyArgs("deploy", ["production"], { alone: true }), bootstrap);
    expect(rerun.code).not.toBe(0);
    expect(rerun.output).toMatch(/Instance cannot be destroyed/);
    expect((await project.state()).apps.find((app) => app.name === "songlist")!.id).toBe(created.id);

    const stackDir = path.join(project.dir, "cdktf.out", "stacks", "production");
    const config = JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"));
    const address = `heroku_app.${Object.keys(config.resource.heroku_app)[0]}`;
    const untaint = spawnSync(process.env.TERRAFORM_BINARY_NAME ?? "terraform", ["untaint", address], {
      cwd: stackDir,
      env: { ...process.env, ...project.env() },
      encoding: "utf8",
    });
    expect(untaint.stderr + untaint.stdout).toMatch(/has been successfully untainted/);

    await project.deploy(["production"]);
    const state = await project.state();
    const production = appNamed(state, "songlist");
    expect(production.app.id).toBe(created.id);
    expect(production.app.configVars.APP_SETTINGS).toBe("config.ProductionConfig");
    expect(production.addons).toHaveLength(1);
    expect((await project.diff("production")).noChanges).toBe(true);
  });
});
