/**
 * `TerraformEngine.init` skips `terraform init` for a stack directory initialized for the same `terraform` block and
 * provider mirror (it costs about half a second per stack). Skipping it after the backend or the mirror changed would
 * plan against the old backend's state or providers, so either change must run `terraform init` again.
 */
import { TerraformEngine } from "../../../cli/engine/terraform-engine";
import { fakeProject, plainConfig, removeFakeProjects } from "./support/fake-project";

afterAll(removeFakeProjects);

/** One stack, initialized once by an engine with the mirror `cliConfig`. */
async function initializedOnce(cliConfig = "/mirror/a.tfrc") {
  const project = fakeProject({ stacks: [{ name: "staging" }] });
  const engine = (file = cliConfig) => new TerraformEngine(project.dir, { ...project.env, TF_CLI_CONFIG_FILE: file });
  await engine().init("staging");
  return { project, engine, inits: () => project.calls("staging", "init").length };
}

test("unchanged backend, providers and mirror: the second init is skipped, by a new engine too", async () => {
  const { engine, inits } = await initializedOnce();
  expect(inits()).toBe(1);
  await engine().init("staging");
  expect(inits()).toBe(1);
});

test("a change outside the terraform block (a resource) does not run init again", async () => {
  const { project, engine, inits } = await initializedOnce();
  const config = plainConfig("staging");
  project.writeConfig("staging", { ...config, resource: { heroku_app: { app: { name: "renamed", region: "eu" } } } });
  await engine().init("staging");
  expect(inits()).toBe(1);
});

test("a changed backend runs init again, and then is recorded", async () => {
  const { project, engine, inits } = await initializedOnce();
  const config = plainConfig("staging");
  const gitlab = { http: { address: "https://gitlab.example.com/api/v4/projects/1/terraform/state/staging" } };
  project.writeConfig("staging", { ...config, terraform: { ...(config.terraform as object), backend: gitlab } });
  await engine().init("staging");
  expect(inits()).toBe(2);
  await engine().init("staging");
  expect(inits()).toBe(2);
});

test("a changed provider mirror (TF_CLI_CONFIG_FILE) runs init again", async () => {
  const { engine, inits } = await initializedOnce("/mirror/a.tfrc");
  await engine("/mirror/b.tfrc").init("staging");
  expect(inits()).toBe(2);
});

test("a failed init is not recorded: it throws Terraform's message and the next init runs again", async () => {
  const project = fakeProject({ stacks: [{ name: "staging" }] });
  project.stackFile("staging", "fail-once.init", "");
  const engine = new TerraformEngine(project.dir, project.env);
  await expect(engine.init("staging")).rejects.toThrow(
    /terraform init \(staging\) exited 1:\nError: init of staging failed once/,
  );
  await engine.init("staging");
  await engine.init("staging");
  expect(project.calls("staging", "init")).toHaveLength(2);
});
