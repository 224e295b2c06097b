import { appNamed } from "../support/sandbox-data";
import { applyArgs, E2EProject, plannedChanges } from "./support/e2e-project";

/**
 * c. drift made directly through the APIs (Heroku and GitLab) shows up in `cdktf diff` as exactly those changes, and
 *    deploy restores it;
 * d. a code change (staging's dynos) shows as one update and applies.
 */
describe("drift and code changes", () => {
  let project: E2EProject;
  beforeAll(async () => {
    project = await E2EProject.create();
    await project.deploy();
  });
  afterAll(() => project?.close());

  const appRecord = async (name: string) => appNamed(await project.state(), name).app;
  const webFormationOf = async (name: string) => {
    const [web] = appNamed(await project.state(), name).formations.filter((f) => f.type === "web");
    return `${web.quantity} × ${web.size}`;
  };

  test("a config var and a dyno quantity changed through the API are exactly what diff reports", async () => {
    const configChange = await project.client.heroku("PATCH", "/apps/songlist-staging/config-vars", {
      APP_SETTINGS: "config.Drifted",
    });
    expect(configChange.status).toBe(200);
    const scale = await project.client.heroku("PATCH", "/apps/songlist/formation/web", { quantity: 5 });
    expect(scale.status).toBe(200);

    const staging = await project.diff("staging");
    expect(plannedChanges(staging)).toEqual([expect.stringMatching(/^heroku_app\.App_\w+ update$/)]);
    expect(staging.output).toMatch(/"APP_SETTINGS"\s+=\s+"config\.Drifted" -> "config\.StagingConfig"/);
    expect(staging.output).toMatch(/Plan: 0 to add, 1 to change, 0 to destroy/);

    const production = await project.diff("production");
    expect(plannedChanges(production)).toEqual([
      expect.stringMatching(/^heroku_formation\.App_Formation-web_\w+ update$/),
    ]);
    expect(production.output).toMatch(/quantity\s+=\s+5 -> 2/);
  });

  test("deploy restores what drifted, and nothing else changes", async () => {
    const secretBefore = (await appRecord("songlist-staging")).configVars.SECRET_KEY;
    await project.cdktfOk(applyArgs("deploy", ["staging", "production"], { alone: true }));
    const staging = await appRecord("songlist-staging");
    expect(staging.configVars.APP_SETTINGS).toBe("config.StagingConfig");
    expect(staging.configVars.SECRET_KEY).toBe(secretBefore);
    expect(await webFormationOf("songlist")).toBe("2 × Standard-1X");
    expect((await project.diff("staging")).noChanges).toBe(true);
    expect((await project.diff("production")).noChanges).toBe(true);
  });

  test("a GitLab CI/CD variable changed behind Terraform's back is what diff reports, and deploy restores it", async () => {
    const variable = "/projects/songlist%2Fsonglist/variables/HEROKU_APP_NAME?filter[environment_scope]=staging";
    const edit = await project.client.gitlab("PUT", variable, { value: "someone-elses-app" });
    expect(edit.status).toBe(200);

    const staging = await project.diff("staging");
    expect(plannedChanges(staging)).toEqual([
      expect.stringMatching(/^gitlab_project_variable\.GitlabEnvironment_Variable-HEROKU_APP_NAME_\w+ update$/),
    ]);
    expect(staging.output).toMatch(/value\s+=\s+"someone-elses-app" -> "songlist-staging"/);

    await project.cdktfOk(applyArgs("deploy", ["staging"], { alone: true }));
    const restored = await project.client.gitlab("GET", variable);
    expect(restored.body.value).toBe("songlist-staging");
    expect((await project.diff("staging")).noChanges).toBe(true);
  });

  test("a code change to staging's dynos is one update, and applies", async () => {
    const change = {
      E2E_TOPOLOGY_PATCH: JSON.stringify({ staging: { formation: { web: { size: "standard-1x", quantity: 2 } } } }),
    };
    const diff = await project.diff("staging", change);
    expect(plannedChanges(diff)).toEqual([expect.stringMatching(/^heroku_formation\.App_Formation-web_\w+ update$/)]);
    expect(diff.output).toMatch(/Plan: 0 to add, 1 to change, 0 to destroy/);
    await project.cdktfOk(applyArgs("deploy", ["staging"], { alone: true }), change);
    expect(await webFormationOf("songlist-staging")).toBe("2 × Standard-1X");
    expect((await project.diff("staging", change)).noChanges).toBe(true);
  });
});
