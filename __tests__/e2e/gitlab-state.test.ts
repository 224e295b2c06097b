import * as fs from "node:fs";
import * as path from "node:path";
import { lockInfo } from "../support/sandbox-data";
import { applyArgs, E2EProject } from "./support/e2e-project";

/**
 * g. GitLab-managed Terraform state: deploys store their state in the sandbox's HTTP backend (cross-stack references
 * included), and while a lock is held, a second deploy of the same stack fails with a lock error, state intact.
 */
describe("GitLab-managed Terraform state", () => {
  let project: E2EProject;
  beforeAll(async () => {
    project = await E2EProject.create();
  });
  afterAll(() => project?.close());

  test("deploy stores each stack's state in GitLab, and environments read the pipeline's through it", async () => {
    await project.deploy(["pipeline", "staging"], project.gitlabStateEnv());
    const state = await project.state();
    expect(state.terraformStates.map((s) => s.name).sort()).toEqual(["pipeline", "staging"]);
    for (const record of state.terraformStates) {
      const document = JSON.parse(record.body!);
      expect(document.serial).toBeGreaterThan(0);
      expect(record.lock).toBeNull();
    }
    const staging = JSON.parse(state.terraformStates.find((s) => s.name === "staging")!.body!);
    const types = staging.resources.map((r: { type: string }) => r.type);
    expect(types).toEqual(
      expect.arrayContaining(["heroku_app", "heroku_addon", "heroku_pipeline_coupling", "terraform_remote_state"]),
    );
    for (const stack of ["pipeline", "staging"]) {
      expect(fs.existsSync(path.join(project.dir, "terraform-state", `${stack}.tfstate`))).toBe(false);
    }
    expect((await project.diff("staging", project.gitlabStateEnv())).noChanges).toBe(true);
  });

  test("while another deploy holds the lock, a deploy of the same stack fails and the state stays intact", async () => {
    const held = lockInfo("6a1d5e0e-held-by-another-deploy");
    expect((await project.terraformStateApi("POST", "staging", "/lock", held)).status).toBe(200);
    const before = (await project.terraformStateApi("GET", "staging")).text;

    const change = {
      E2E_TOPOLOGY_PATCH: JSON.stringify({ staging: { formation: { web: { size: "basic", quantity: 0 } } } }),
    };
    const run = await project.cdktf(applyArgs("deploy", ["staging"], { alone: true }), {
      ...project.gitlabStateEnv(),
      ...change,
    });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/Error acquiring the state lock/);
    expect(run.output).toMatch(/6a1d5e0e-held-by-another-deploy/);

    expect((await project.terraformStateApi("GET", "staging")).text).toBe(before);
    const formation = (await project.state()).formations.find((f) => f.type === "web")!;
    expect(formation.quantity).toBe(1);

    expect((await project.terraformStateApi("DELETE", "staging", "/lock", held)).status).toBe(200);
    await project.cdktfOk(applyArgs("deploy", ["staging"], { alone: true }), {
      ...project.gitlabStateEnv(),
      ...change,
    });
    expect((await project.state()).formations.find((f) => f.type === "web")!.quantity).toBe(0);
  });
});
