import * as path from "node:path";
import { applyArgs, SandboxProject } from "../../scripts/lib/sandbox-project";

/** A protected GitLab environment, deployed, re-planned and destroyed by the real GitLab provider. */
describe("protected environment", () => {
  let project: SandboxProject;
  beforeAll(async () => {
    project = await SandboxProject.create({ main: path.join(__dirname, "support", "protected-environment-main.ts") });
  });
  afterAll(() => project?.close());

  test("deploy protects the environment for maintainers, and a re-plan finds nothing to change", async () => {
    await project.cdktfOk(applyArgs("deploy", ["gitlab-only"]));
    const { gitlab } = await project.state();
    expect(gitlab.environments.map((e) => `${e.name} ${e.state}`)).toEqual(["production available"]);
    expect(
      gitlab.protectedEnvironments.map((p) => `${p.name} ${p.deployAccessLevels.map((l) => l.accessLevel).join(",")}`),
    ).toEqual(["production 40"]);
    expect((await project.diff("gitlab-only")).noChanges).toBe(true);
  });

  test("destroy removes the protection and the environment", async () => {
    await project.cdktfOk(applyArgs("destroy", ["gitlab-only"]));
    const { gitlab } = await project.state();
    expect([gitlab.protectedEnvironments, gitlab.environments]).toEqual([[], []]);
  });
});
