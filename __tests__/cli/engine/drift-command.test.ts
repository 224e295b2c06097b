/**
 * `heroku-flow drift`'s exit code. The scheduled drift job alerts on 3 and on 1; exiting 0 when a stack could not be
 * checked would report "no drift" for a stack nobody looked at, and drift found elsewhere must not hide that failure.
 */
import { DRIFT_EXIT, driftCommand } from "../../../cli/commands/drift";
import { FlowSession } from "../../../cli/engine/flow-session";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

/** Runs the real `driftCommand` over `project` (no issues), `extraEnv` added; returns its exit code and output. */
async function drift(project: FakeProject, extraEnv: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const env = { ...project.env, ...extraEnv };
  const session = new FlowSession({ dir: project.dir, env, print: (line) => lines.push(line) });
  const code = await driftCommand(session, { issues: false });
  return { code, printed: lines.join("\n") };
}

/** A refresh-only plan of staging that found its app's config changed on Heroku. */
const STAGING_DRIFT = JSON.stringify({
  format_version: "1.2",
  resource_drift: [
    {
      address: "heroku_app.app",
      type: "heroku_app",
      name: "app",
      change: { actions: ["update"], before: { stack: "heroku-22" }, after: { stack: "heroku-24" } },
    },
  ],
});

/** The plain app and a merge request's review stack, which drift never checks (it lives for days only). */
const STACKS = [...THREE_STACKS, { name: "review-42", kind: "review" as const, reviewId: "42" }];

test("no drift anywhere: exit 0, every long-lived stack planned refresh-only and read-only", async () => {
  const project = fakeProject({ stacks: STACKS });
  expect((await drift(project)).code).toBe(DRIFT_EXIT.none);
  expect(DRIFT_EXIT.none).toBe(0);
  for (const stack of ["pipeline", "staging", "production"]) {
    expect(project.calls(stack, "plan")).toEqual([expect.stringMatching(/ -lock=false -refresh-only$/)]);
  }
  expect(project.log().filter((line) => line.startsWith("review-42 "))).toEqual([]);
});

test("drift in one stack and no failure: exit 3", async () => {
  const project = fakeProject({ stacks: STACKS });
  project.stackFile("staging", "show.json", STAGING_DRIFT);
  const { code, printed } = await drift(project);
  expect(code).toBe(DRIFT_EXIT.drift);
  expect(DRIFT_EXIT.drift).toBe(3);
  expect(printed).toContain("heroku_app.app");
});

test("a stack that cannot be checked: exit 1, even when another stack has drift", async () => {
  const project = fakeProject({ stacks: STACKS });
  project.stackFile("staging", "show.json", STAGING_DRIFT);
  project.stackFile("production", "exit.plan", "1");
  const { code, printed } = await drift(project);
  expect(code).toBe(DRIFT_EXIT.error);
  expect(DRIFT_EXIT.error).toBe(1);
  expect(printed).toContain("Error: plan of production failed");
});

test("a stack that cannot be checked and no drift: exit 1, not 0", async () => {
  const project = fakeProject({ stacks: STACKS });
  project.stackFile("pipeline", "exit.init", "1");
  expect((await drift(project)).code).toBe(1);
});

test("production's deploy key not set: that stack not checked, in one line naming it, never planned; exit 1", async () => {
  const project = fakeProject({ stacks: STACKS });
  project.writeConfig("production", { ...plainConfig("production"), variable: { deploy_key: { sensitive: true } } });
  const { code, printed } = await drift(project);
  expect(code).toBe(DRIFT_EXIT.error);
  expect(printed).toContain("not checked: TF_VAR_deploy_key is not set in this job (a protected CI/CD variable");
  expect(project.log().filter((line) => line.startsWith("production "))).toEqual([]);
  expect(project.calls("staging", "plan")).toHaveLength(1);
});

test("production's deploy key set: every long-lived stack checked, exit 0", async () => {
  const project = fakeProject({ stacks: STACKS });
  project.writeConfig("production", { ...plainConfig("production"), variable: { deploy_key: { sensitive: true } } });
  expect((await drift(project, { TF_VAR_deploy_key: "a-deploy-key-value" })).code).toBe(DRIFT_EXIT.none);
  expect(project.calls("production", "plan")).toHaveLength(1);
});
