/**
 * `heroku-flow drift`'s exit code. The scheduled drift job alerts on 3 and on 1; exiting 0 when a stack could not be
 * checked would report "no drift" for a stack nobody looked at, and drift found elsewhere must not hide that failure.
 */
import { DRIFT_EXIT, driftCommand } from "../../../cli/commands/drift";
import { FlowSession } from "../../../cli/engine/flow-session";
import { fakeProject, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

/** Runs the real `driftCommand` over `project` (no issues); returns its exit code and what it printed. */
async function drift(project: FakeProject) {
  const lines: string[] = [];
  const session = new FlowSession({ dir: project.dir, env: project.env, print: (line) => lines.push(line) });
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
