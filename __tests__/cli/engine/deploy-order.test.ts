/**
 * `TerraformEngine.deploy` (and its second step, `applyPlanned`) applies dependencies first whatever order the stacks
 * are named in, re-plans a dependent once its dependency was applied (its first plan read the old outputs), and on a
 * first deploy retries a dependent whose plan failed because its dependency had no state yet.
 */
import { TerraformEngine } from "../../../cli/engine/terraform-engine";
import { fakeProject, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

/** The project with every stack's plan showing changes (exit 2), and an engine over it. */
function everyStackChanged(parallelism = 4): { project: FakeProject; engine: TerraformEngine } {
  const project = fakeProject({ stacks: THREE_STACKS });
  for (const stack of ["pipeline", "staging", "production"]) project.stackFile(stack, "exit.plan", "2");
  return { project, engine: new TerraformEngine(project.dir, project.env, { parallelism }) };
}

/** The stacks applied, in the order the fake Terraform was asked to. */
const applied = (project: FakeProject) =>
  project
    .log()
    .filter((line) => / apply /.test(line))
    .map((line) => line.split(" ")[0]);

test.each([
  [["production", "staging", "pipeline"]],
  [["staging", "production", "pipeline"]],
  [["pipeline", "staging", "production"]],
])("named %j: applied dependencies first", async (named) => {
  const { project, engine } = everyStackChanged();
  expect(await engine.deploy(named)).toEqual(["pipeline", "staging", "production"]);
  expect(applied(project)).toEqual(["pipeline", "staging", "production"]);
});

test("one at a time (--parallelism 1), named dependents-first: still dependencies first", async () => {
  const { project, engine } = everyStackChanged(1);
  await engine.deploy(["production", "staging", "pipeline"]);
  expect(applied(project)).toEqual(["pipeline", "staging", "production"]);
});

test("a dependent is planned again after its dependency was applied, then applied", async () => {
  const { project, engine } = everyStackChanged();
  await engine.deploy(["production", "staging"]);
  const log = project.log();
  const stagingApplied = log.findIndex((line) => line.startsWith("staging apply "));
  const productionPlans = log.flatMap((line, index) => (line.startsWith("production plan ") ? [index] : []));
  expect(productionPlans).toHaveLength(2);
  expect(productionPlans[1]).toBeGreaterThan(stagingApplied);
  expect(applied(project)).toEqual(["staging", "production"]);
});

test("a stack without changes is not applied, and its dependents keep their first plan", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  project.stackFile("production", "exit.plan", "2");
  const engine = new TerraformEngine(project.dir, project.env);
  expect(await engine.deploy(["production", "staging", "pipeline"])).toEqual(["production"]);
  expect(project.calls("production", "plan")).toHaveLength(1);
});

test("first deploy: a dependent whose plan failed is planned again once its dependency is applied", async () => {
  const { project, engine } = everyStackChanged();
  project.stackFile("staging", "fail-once.plan", "");
  expect(await engine.deploy(["staging", "pipeline"])).toEqual(["pipeline", "staging"]);
  expect(project.calls("staging", "plan")).toHaveLength(2);
});

test("a failed plan whose dependencies did not change is the deploy's error, and nothing after it is applied", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  project.stackFile("staging", "fail-once.plan", "");
  project.stackFile("production", "exit.plan", "2");
  const engine = new TerraformEngine(project.dir, project.env);
  await expect(engine.deploy(["production", "staging", "pipeline"])).rejects.toThrow(
    /terraform plan \(staging\) exited 1/,
  );
  expect(applied(project)).toEqual([]);
});

test("an unknown stack is refused before anything is applied, naming the stacks there are", async () => {
  const { project, engine } = everyStackChanged();
  const plans = await engine.planForDeploy(["staging"]);
  await expect(engine.applyPlanned(["staging", "prod"], plans)).rejects.toThrow(
    "no stack named prod; the app has pipeline, staging, production",
  );
  expect(applied(project)).toEqual([]);
});
