/**
 * `heroku-flow destroy` without the stack's deploy key: the same one line as `apply` and `plan`
 * (`FlowSession.unsetVariables`), before Terraform runs: nothing planned, nothing destroyed.
 */
import { destroyCommand } from "../../../cli/commands/destroy";
import { FlowSession } from "../../../cli/engine/flow-session";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

/** The plain app whose staging requires its deploy key, and has something to destroy. */
function project(): FakeProject {
  const made = fakeProject({ stacks: THREE_STACKS });
  made.writeConfig("staging", { ...plainConfig("staging"), variable: { deploy_key_staging: { sensitive: true } } });
  made.stackFile("staging", "exit.plan", "2");
  return made;
}

const destroy = (made: FakeProject, env: NodeJS.ProcessEnv = {}) =>
  destroyCommand(new FlowSession({ dir: made.dir, env: { ...made.env, ...env }, print: () => undefined }), {
    stack: "staging",
    deleteState: false,
  });

test("the deploy key not set: one line naming it; Terraform never runs", async () => {
  const made = project();
  const failure = await destroy(made).catch((error: Error) => error);
  expect((failure as Error).message).toBe(
    "staging not planned, nothing applied: TF_VAR_deploy_key_staging is not set in this job " +
      "(a protected CI/CD variable reaches pipelines of protected branches and tags only)",
  );
  expect(made.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
});

test("the deploy key set: the destruction is planned and applied", async () => {
  const made = project();
  expect(await destroy(made, { TF_VAR_deploy_key_staging: "a-deploy-key-value" })).toBe(0);
  expect(made.calls("staging", "plan")).toEqual([expect.stringMatching(/ -destroy$/)]);
  expect(made.calls("staging", "apply")).toHaveLength(1);
});
