/**
 * Plan files are secrets: Terraform writes the values of a stack's variables, deploy keys included, into the plan file
 * (the fake Terraform here writes its `TF_VAR_` values into it, as the real one does; the end-to-end test
 * `plan-files-secret.test.ts` proves it with real plan files). No command leaves one behind in the working tree, whether
 * it succeeds or fails.
 */
import { destroyCommand } from "../../../cli/commands/destroy";
import { driftCommand } from "../../../cli/commands/drift";
import { planCommand } from "../../../cli/commands/plan";
import { type CodeReleases, deployWithBootstrap } from "../../../cli/engine/deploy-sequence";
import { FlowSession } from "../../../cli/engine/flow-session";
import { TerraformEngine } from "../../../cli/engine/terraform-engine";
import { filesHolding } from "./support/files-holding";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

/** The deploy key's value: whatever file holds it, the test finds it. */
const CANARY = `canary-${Math.random().toString(36).slice(2)}`;

/** The plain app, production requiring a deploy key that the environment sets to {@link CANARY}; every plan changes. */
function project(): FakeProject {
  const made = fakeProject({ stacks: THREE_STACKS });
  made.writeConfig("production", { ...plainConfig("production"), variable: { deploy_key: { sensitive: true } } });
  for (const stack of ["pipeline", "staging", "production"]) made.stackFile(stack, "exit.plan", "2");
  return made;
}

const envOf = (made: FakeProject) => ({ ...made.env, TF_VAR_deploy_key: CANARY });
const sessionOf = (made: FakeProject) => new FlowSession({ dir: made.dir, env: envOf(made), print: () => undefined });

/** The platform of a deploy where every app has code: no bootstrap. */
const noBootstrap: CodeReleases = { appsWithoutCode: async () => [], pushCode: async () => undefined };

/** What no command may leave: a plan file, or any file of the project holding the deploy key. */
function expectNoPlanLeft(made: FakeProject): void {
  expect(made.planFiles()).toEqual([]);
  expect(filesHolding(made.dir, CANARY)).toEqual([]);
}

test("a plan file left in place holds the deploy key, and the search finds it", async () => {
  const made = project();
  const engine = new TerraformEngine(made.dir, envOf(made));
  await engine.plan("production");
  expect(filesHolding(made.dir, CANARY)).toEqual(["cdktf.out/stacks/production/flow.tfplan"]);
  await engine.discardingPlans(["production"], async () => undefined);
  expectNoPlanLeft(made);
});

const COMMANDS: Array<[string, (made: FakeProject) => Promise<unknown>]> = [
  ["plan", (made) => planCommand(sessionOf(made), { lock: false, outDir: `${made.dir}/flow-plan`, stacks: [] })],
  ["drift", (made) => driftCommand(sessionOf(made), { issues: false })],
  ["destroy", (made) => destroyCommand(sessionOf(made), { stack: "production", deleteState: false })],
  [
    "apply (the deploy sequence)",
    (made) =>
      deployWithBootstrap(new TerraformEngine(made.dir, envOf(made)), () => noBootstrap, [
        "pipeline",
        "staging",
        "production",
      ]),
  ],
  ["engine.deploy", (made) => new TerraformEngine(made.dir, envOf(made)).deploy(["pipeline", "staging", "production"])],
];

test.each(COMMANDS)("%s: every plan file it wrote is gone afterwards", async (_name, run) => {
  const made = project();
  await run(made);
  expect(made.calls("production", "plan")).toContainEqual(expect.stringMatching(/ -out=flow(-drift)?\.tfplan( |$)/));
  expectNoPlanLeft(made);
});

test.each(COMMANDS)("%s: a Terraform step failing after the plan leaves no plan file either", async (_name, run) => {
  const made = project();
  // show reads the plan in plan, drift and destroy; apply applies it in the deploys.
  for (const step of ["show", "apply"]) made.stackFile("production", `fail-once.${step}`, "");
  await run(made).catch((error: Error) => error);
  expect(made.log().some((line) => /^production (show|apply) /.test(line))).toBe(true);
  expectNoPlanLeft(made);
});

test("the bootstrap deploy (an app without code: three deploys) leaves no plan file", async () => {
  const made = project();
  const releases: CodeReleases = {
    appsWithoutCode: async (names) => names.filter((name) => name === "songlist-production"),
    pushCode: async () => undefined,
  };
  const outcome = await deployWithBootstrap(new TerraformEngine(made.dir, envOf(made)), () => releases, [
    "pipeline",
    "staging",
    "production",
  ]);
  expect(outcome.pushed).toEqual(["songlist-production"]);
  expectNoPlanLeft(made);
});
