// @ts-nocheck
import * as path from "node:path";
import { SandboxProject } from "../../scripts/lib/sandbox-project";
import { songlistWithQa } from "./support/qa-topology";

/**
 * The README's "Adding an environment": one more entry in the configuration, and the whole sandbox deploy takes it —
 * its stack, its deploy key (`TF_VAR_heroku_deploy_key_qa`), its GitLab environment — with no other change, because
 * every script reads those names from the one place that derives them (FlowNames).
 */
describe("adding a qa environment", () => {
  let project: SandboxProject;
  beforeAll(async () => {
    project = await SandboxProject.create({
      main: path.join(__dirname, "support", "qa-main.ts"),
      topology: songlistWithQa(),
    });
  });
  afterAll(() => project?.close());

  test("the names include qa's stack and deploy key", () => {
    expect(project.names.longLivedStacks).toEqual(["pipeline", "staging", "production", "qa"]);
    expect(project.names.deployKeyVariable("qa")).toBe("heroku_deploy_key_qa");
    expect(project.env().TF_VAR_heroku_deploy_key_qa).toBe(project.deployKey);
  });

  test("the whole deploy creates qa beside the others, and a second deploy changes nothing", async () => {
    const first = await project.deploy();
    expect(first.pushed.sort()).toEqual(["songlist", "songlist-qa", "songlist-staging"]);
    const { apps, couplings, gitlab } = await project.state();
    const qa = apps.find((app) => app.name === "songlist-qa")!;
    expect(qa.configVars.FEATURE_FLAGS).toBe("beta");
    expect(couplings.filter((c) => c.appId === qa.id).map((c) => c.stage)).toEqual(["development"]);
    const qaVariables = gitlab.variables.filter((v) => v.environmentScope === "qa");
    expect(qaVariables.map((v) => `${v.key} ${v.masked}`).sort()).toEqual([
      "HEROKU_API_KEY true",
      "HEROKU_APP_NAME false",
    ]);
    expect(qaVariables.find((v) => v.key === "HEROKU_API_KEY")!.value).toBe(project.deployKey);

    const second = await project.deploy();
    expect(second).toEqual({ pushed: [], changedStacks: [] });
  });
});
