/**
 * `heroku-flow apply` without a deploy key: one line naming every missing `TF_VAR_`, said before anything is planned
 * or applied (Terraform alone would stop at the first with its multi-line prompt text, after planning the others).
 */
import { applyCommand } from "../../../cli/commands/apply";
import { FlowSession } from "../../../cli/engine/flow-session";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS } from "./support/fake-project";

afterAll(removeFakeProjects);

test("a missing deploy key stops apply before any plan, naming the variables and the stacks", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  for (const stack of ["staging", "production"]) {
    project.writeConfig(stack, { ...plainConfig(stack), variable: { [`deploy_key_${stack}`]: { sensitive: true } } });
  }
  const session = new FlowSession({ dir: project.dir, env: project.env, print: () => undefined });
  await expect(applyCommand(session, { stacks: ["production", "staging"] })).rejects.toThrow(
    /^TF_VAR_deploy_key_staging, TF_VAR_deploy_key_production are not set: staging, production need the deploy keys/,
  );
  expect(project.log().filter((call) => / (plan|apply)\b/.test(call))).toEqual([]);
});
