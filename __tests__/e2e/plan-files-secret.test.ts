import { main } from "../../cli/bin";
import { terraformVariableEnv } from "../../cli/engine/manifest";
import { filesHolding } from "../cli/engine/support/files-holding";
import { E2EProject, MAIN_STACKS } from "./support/e2e-project";

/**
 * Plan files are secrets: a real Terraform plan file holds the deploy keys (the stack's variables) in its deflated
 * zip entries, so after `heroku-flow apply`, `plan` and `drift` no file of the project's working tree may hold one —
 * `cdktf.out/` and hidden folders included. The deploy keys are a canary here.
 *
 * State holds the deploy keys too (the GitLab variables' values): it is kept where CI keeps it, in GitLab-managed
 * Terraform state (`HEROKU_FLOW_STATE_BACKEND=gitlab`), so none of it is in the working tree. The one file left out of
 * the search is `sandbox-state.json`, the sandbox's own store: it stands for GitLab's and Heroku's servers, which hold
 * the variables and the state by design. (With the local backend, state is `terraform-state/<stack>.tfstate`,
 * git-ignored, and holds the keys as well.)
 */
describe("no plan file outlives heroku-flow apply, plan and drift", () => {
  const canary = `canary-${Math.random().toString(36).slice(2)}`;
  const printed: string[] = [];
  let project: E2EProject;
  let env: NodeJS.ProcessEnv;
  /** Every deploy key's `TF_VAR_`, set to the canary, and state in GitLab. */
  let settings: Record<string, string>;
  /** Runs `heroku-flow <args>` in the project, as CI does; its exit code. */
  const heroku = (...args: string[]) => main(args, { dir: project.dir, env, print: (line) => printed.push(line) });

  beforeAll(async () => {
    project = await E2EProject.create();
    const deployKeys = project.names.deployKeyVariables.map((variable) => [terraformVariableEnv(variable), canary]);
    settings = { ...project.gitlabStateEnv(), ...Object.fromEntries(deployKeys) };
    env = { ...process.env, ...project.env(settings) };
  });
  afterAll(() => project?.close());

  test("apply, plan and drift succeed, and no file of the working tree holds the deploy key", async () => {
    expect(await heroku("apply", ...MAIN_STACKS)).toBe(0);
    expect(await heroku("plan", "--lock=false")).toBe(0);
    expect(await heroku("drift")).toBe(0);
    // The deploy keys did reach the platform: the canary is what GitLab's variables hold.
    const variables = (await project.state()).gitlab.variables.filter((v) => v.key === "HEROKU_API_KEY");
    expect(variables.map((v) => v.value)).toEqual([canary, canary]);

    expect(filesHolding(project.dir, canary, ["sandbox-state.json"])).toEqual([]);
    expect(printed.join("\n")).not.toContain(canary);
  });

  test("the search sees inside a real plan file: one left in place holds the deploy key", async () => {
    const engine = project.engine(settings);
    await engine.discardingPlans(["staging"], async () => {
      await engine.plan("staging", { lock: false });
      const found = filesHolding(project.dir, canary, ["sandbox-state.json"]);
      expect(found).toContainEqual(expect.stringMatching(/^cdktf\.out\/stacks\/staging\/flow\.tfplan!/));
      expect(found.every((file) => file.startsWith("cdktf.out/stacks/staging/flow.tfplan!"))).toBe(true);
    });
    expect(filesHolding(project.dir, canary, ["sandbox-state.json"])).toEqual([]);
  });
});
