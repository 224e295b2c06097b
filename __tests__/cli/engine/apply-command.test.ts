/**
 * `heroku-flow apply` without a deploy key: one line naming every missing `TF_VAR_`, said before Terraform runs at all
 * (Terraform alone would stop at the first with its multi-line "No value for required variable", after planning the
 * others) — the same check `plan`, `drift` and `destroy` make (`FlowSession.unsetVariables`).
 */
import { applyCommand } from "../../../cli/commands/apply";
import { FlowSession } from "../../../cli/engine/flow-session";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS } from "./support/fake-project";

afterAll(removeFakeProjects);

/** The plain app whose staging and production each require their deploy key. */
function projectWithDeployKeys() {
  const project = fakeProject({ stacks: THREE_STACKS });
  for (const stack of ["staging", "production"]) {
    project.writeConfig(stack, { ...plainConfig(stack), variable: { [`deploy_key_${stack}`]: { sensitive: true } } });
  }
  return project;
}

test("a missing deploy key stops apply in one line naming the variables and the stacks; Terraform never runs", async () => {
  const project = projectWithDeployKeys();
  const session = new FlowSession({ dir: project.dir, env: project.env, print: () => undefined });
  const failure = await applyCommand(session, { stacks: ["production", "staging"] }).catch((error: Error) => error);
  expect((failure as Error).message).toBe(
    "staging, production not planned, nothing applied: TF_VAR_deploy_key_staging, TF_VAR_deploy_key_production are " +
      "not set in this job (a protected CI/CD variable reaches pipelines of protected branches and tags only)",
  );
  expect(project.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
});

test("one of two deploy keys set: only the other is named", async () => {
  const project = projectWithDeployKeys();
  const env = { ...project.env, TF_VAR_deploy_key_staging: "a-deploy-key-value" };
  const session = new FlowSession({ dir: project.dir, env, print: () => undefined });
  await expect(applyCommand(session, { stacks: ["production", "staging"] })).rejects.toThrow(
    /nothing applied: TF_VAR_deploy_key_production is not set in this job/,
  );
  expect(project.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
});

test("every deploy key set: apply plans and applies", async () => {
  // Stacks that declare no Heroku app: the deploy sequence asks Heroku nothing about code.
  const project = fakeProject({
    stacks: [
      { name: "pipeline", kind: "pipeline" },
      { name: "staging", dependencies: ["pipeline"] },
    ],
  });
  project.writeConfig("staging", { ...plainConfig("staging"), variable: { deploy_key_staging: { sensitive: true } } });
  project.stackFile("staging", "exit.plan", "2");
  const env = { ...project.env, HEROKU_API_KEY: "unused-heroku-key", TF_VAR_deploy_key_staging: "a-deploy-key-value" };
  const session = new FlowSession({ dir: project.dir, env, print: () => undefined });
  expect(await applyCommand(session, { stacks: ["staging"] })).toBe(0);
  expect(project.calls("staging", "apply")).toHaveLength(1);
});
