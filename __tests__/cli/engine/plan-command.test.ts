/**
 * `heroku-flow plan`'s exit code and summary when a stack cannot be planned. The merge-request job runs it: exiting 0
 * with production unplanned would turn the job green while the review sees no plan for it, so any failed stack must
 * make it exit 1 — and the other stacks must still be planned and summarized.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planCommand, SUMMARY_FILE } from "../../../cli/commands/plan";
import { FlowSession } from "../../../cli/engine/flow-session";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

/** Runs the real `planCommand` over `project`; returns its exit code, the summary file's entries and what it printed. */
async function plan(project: FakeProject, env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const session = new FlowSession({ dir: project.dir, env: { ...project.env, ...env }, print: (l) => lines.push(l) });
  const outDir = path.join(project.dir, "flow-plan");
  const code = await planCommand(session, { lock: true, outDir, stacks: [] });
  const summary = JSON.parse(fs.readFileSync(path.join(outDir, SUMMARY_FILE), "utf8")) as Array<{
    stack: string;
    status: string;
    message?: string;
  }>;
  return { code, summary, printed: lines.join("\n"), outDir };
}

/** The resource change a plan of `stack` shows: one app updated in place. */
const UPDATE = (stack: string) =>
  JSON.stringify({
    format_version: "1.2",
    resource_changes: [
      {
        address: "heroku_app.app",
        type: "heroku_app",
        name: "app",
        change: { actions: ["update"], before: { name: `songlist-${stack}` }, after: { name: `songlist-${stack}` } },
      },
    ],
  });

test("every stack planned: exit 0, each stack in the summary with what its plan shows", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  project.stackFile("staging", "exit.plan", "2");
  project.stackFile("staging", "show.json", UPDATE("staging"));
  const { code, summary } = await plan(project);
  expect(code).toBe(0);
  expect(summary.map(({ stack, status }) => [stack, status])).toEqual([
    ["pipeline", "no-changes"],
    ["staging", "changed"],
    ["production", "no-changes"],
  ]);
});

test("a Terraform error in one stack: exit 1, that stack failed with Terraform's message, the others still planned", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  project.stackFile("production", "exit.plan", "1");
  project.stackFile("staging", "exit.plan", "2");
  project.stackFile("staging", "show.json", UPDATE("staging"));
  const { code, summary, printed, outDir } = await plan(project);
  expect(code).toBe(1);
  expect(summary.map(({ stack, status }) => [stack, status])).toEqual([
    ["pipeline", "no-changes"],
    ["staging", "changed"],
    ["production", "failed"],
  ]);
  expect(summary[2].message).toMatch(/terraform plan \(production\) exited 1:\nError: plan of production failed/);
  expect(printed).toContain("production");
  // GitLab's report is written for every stack, the failed one included.
  for (const stack of ["pipeline", "staging", "production"]) {
    expect(fs.existsSync(path.join(outDir, `${stack}.tfreport.json`))).toBe(true);
  }
});

test("a required TF_VAR_ not set: exit 1, that stack failed naming the variable and never planned", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  project.writeConfig("production", { ...plainConfig("production"), variable: { deploy_key: { sensitive: true } } });
  const { code, summary } = await plan(project);
  expect(code).toBe(1);
  const production = summary.find((entry) => entry.stack === "production")!;
  expect(production.status).toBe("failed");
  expect(production.message).toMatch(/^not planned: TF_VAR_deploy_key is not set in this job/);
  expect(project.calls("production", "plan")).toEqual([]);
  expect(summary.filter((entry) => entry.status !== "failed").map((entry) => entry.stack)).toEqual([
    "pipeline",
    "staging",
  ]);
});

test("the same required variable set: the stack is planned and the command exits 0", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  project.writeConfig("production", { ...plainConfig("production"), variable: { deploy_key: { sensitive: true } } });
  const { code, summary } = await plan(project, { TF_VAR_deploy_key: "a-deploy-key-value" });
  expect(code).toBe(0);
  expect(summary.find((entry) => entry.stack === "production")!.status).toBe("no-changes");
  expect(project.calls("production", "plan")).toHaveLength(1);
});
