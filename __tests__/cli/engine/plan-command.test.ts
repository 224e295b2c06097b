/**
 * `heroku-flow plan`'s exit code and summary when a stack cannot be planned. The merge-request job runs it: exiting 0
 * with production unplanned would turn the job green while the review sees no plan for it, so any failed stack must
 * make it exit 1 — and the other stacks must still be planned and summarized.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { type CommandContext, UsageError } from "../../../cli/command";
import { plan as plan_, planCommand, SUMMARY_FILE } from "../../../cli/commands/plan";
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

/** The command as the bin runs it: its usage lines, `--lock=false`, `--out`, the stacks named, and what it writes. */
describe("heroku-flow plan", () => {
  function contextOf(project: FakeProject, env: NodeJS.ProcessEnv = {}): CommandContext & { lines: string[] } {
    const lines: string[] = [];
    return { dir: project.dir, env: { ...project.env, ...env }, print: (line) => lines.push(line), lines };
  }

  test.each([
    [["--lock=maybe"], 'plan: --lock "maybe" must be true or false'],
    [["--lock", "TRUE"], 'plan: --lock "TRUE" must be true or false'],
    [["--parallelism", "0"], 'plan: --parallelism "0" must be a whole number >= 1'],
    [["--out"], "plan: Option '--out <value>' argument missing (see heroku-flow plan --help)"],
    [["--review", "42"], "plan: Unknown option '--review' (see heroku-flow plan --help)"],
  ])("%j: one usage line, nothing run or written", async (args, message) => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const failure = await plan_.run(args, contextOf(project)).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message).toBe(message);
    expect(project.log()).toEqual([]);
    expect(fs.existsSync(path.join(project.dir, "flow-plan"))).toBe(false);
  });

  test("by default: every stack, with the lock, into flow-plan/ of the project; the text printed is summary.txt", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    project.stackFile("staging", "exit.plan", "2");
    project.stackFile("staging", "show.json", UPDATE("staging"));
    const context = contextOf(project);
    expect(await plan_.run([], context)).toBe(0);
    expect(context.lines.filter((line) => line.startsWith("Planning"))).toEqual([
      "Planning pipeline, staging, production",
    ]);
    for (const stack of ["pipeline", "staging", "production"]) {
      expect(project.calls(stack, "plan")).toEqual([expect.not.stringMatching(/-lock=false/)]);
    }
    const outDir = path.join(project.dir, "flow-plan");
    expect(fs.readdirSync(outDir).sort()).toEqual([
      "pipeline.tfreport.json",
      "production.tfreport.json",
      "staging.tfreport.json",
      "summary.json",
      "summary.txt",
    ]);
    const text = fs.readFileSync(path.join(outDir, "summary.txt"), "utf8");
    expect(text).toMatch(/^Terraform plan: /);
    expect(context.lines.at(-1)).toBe(`\n${text}`);
    expect(JSON.parse(fs.readFileSync(path.join(outDir, "staging.tfreport.json"), "utf8"))).toEqual({
      create: 0,
      update: 1,
      delete: 0,
    });
    const summaryText = fs.readFileSync(path.join(outDir, SUMMARY_FILE), "utf8");
    expect(summaryText.endsWith("]\n")).toBe(true);
    expect(summaryText).toContain('\n  {\n    "stack": "pipeline"');
    expect(JSON.parse(summaryText).every((entry: object) => !("secrets" in entry))).toBe(true);
  });

  test("--lock=false, stacks named and --out: only those stacks, read-only, into the directory given", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const context = contextOf(project);
    expect(await plan_.run(["staging", "--lock=false", "--out", "plans/mr"], context)).toBe(0);
    expect(context.lines.filter((line) => line.startsWith("Planning"))).toEqual([
      "Planning staging (read-only: -lock=false)",
    ]);
    expect(project.calls("staging", "plan")).toEqual([expect.stringMatching(/ -lock=false( |$)/)]);
    expect(project.calls("pipeline", "plan")).toEqual([]);
    expect(fs.readdirSync(path.join(project.dir, "plans", "mr")).sort()).toEqual([
      "staging.tfreport.json",
      "summary.json",
      "summary.txt",
    ]);
  });

  test("a stack the app does not have: an error before any plan, nothing written", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const context = contextOf(project);
    const failure = await plan_.run(["staging", "stagin"], context).catch((error: Error) => error);
    expect(failure).not.toBeInstanceOf(UsageError);
    expect((failure as Error).message).toBe("no stack named stagin; the app has pipeline, staging, production");
    expect(context.lines.filter((line) => line.startsWith("Planning"))).toEqual([]);
    expect(project.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
    expect(fs.existsSync(path.join(project.dir, "flow-plan"))).toBe(false);
  });

  test("HEROKU_FLOW_COST_THRESHOLD: a difference above it is called out in the text; at the default it is not", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const web = (quantity: number) => ({ type: "web", size: "standard-1x", quantity, app_id: "app-id" });
    project.stackFile("production", "exit.plan", "2");
    project.stackFile(
      "production",
      "show.json",
      JSON.stringify({
        format_version: "1.2",
        resource_changes: [
          {
            address: "heroku_formation.web",
            type: "heroku_formation",
            name: "web",
            change: { actions: ["update"], before: web(1), after: web(2) },
          },
        ],
      }),
    );
    const alert = /^Monthly cost \+\$25\/month \(above the \$10\/month threshold\)\.$/m;
    const lowered = contextOf(project, { HEROKU_FLOW_COST_THRESHOLD: "10" });
    expect(await plan_.run(["production"], lowered)).toBe(0);
    expect(lowered.lines.at(-1)).toMatch(alert);
    const byDefault = contextOf(project);
    expect(await plan_.run(["production"], byDefault)).toBe(0);
    expect(byDefault.lines.at(-1)).toMatch(/^Monthly cost: /m);
    expect(byDefault.lines.at(-1)).not.toMatch(/threshold/);
  });

  test("a credential Terraform prints in its error is masked in the summary, the text and what is printed", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const wrapper = path.join(project.dir, "terraform-leaking");
    fs.writeFileSync(
      wrapper,
      `#!/bin/sh\nif [ "$1" = plan ] && [ "$(basename "$PWD")" = production ]; then ` +
        `echo "Error: token $GITLAB_TOKEN refused" >&2; exit 1; fi\nexec "${project.env.TERRAFORM_BINARY_NAME}" "$@"\n`,
      { mode: 0o755 },
    );
    // A dummy token made for this run: the test needs a value that looks like a credential, never a committed one.
    const token = `dummy-${randomBytes(12).toString("hex")}`;
    const context = contextOf(project, { TERRAFORM_BINARY_NAME: wrapper, GITLAB_TOKEN: token });
    expect(await plan_.run([], context)).toBe(1);
    const outDir = path.join(project.dir, "flow-plan");
    const written = ["summary.json", "summary.txt"].map((file) => fs.readFileSync(path.join(outDir, file), "utf8"));
    for (const text of [...written, context.lines.join("\n")]) {
      expect(text).not.toContain(token);
      expect(text).toContain("Error: token **** refused");
    }
  });

  test("a sensitive value of a plan (here also in an address) is masked in the text and what is printed", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    project.stackFile("staging", "exit.plan", "2");
    project.stackFile(
      "staging",
      "show.json",
      JSON.stringify({
        format_version: "1.2",
        resource_changes: [
          {
            address: "heroku_app.sensitive-value-in-address",
            type: "heroku_app",
            name: "sensitive-value-in-address",
            change: {
              actions: ["delete"],
              before: { name: "x", sensitive_config_vars: { API: "sensitive-value-in-address" } },
              after: null,
            },
          },
        ],
      }),
    );
    const context = contextOf(project);
    await plan_.run([], context);
    const outDir = path.join(project.dir, "flow-plan");
    for (const text of [fs.readFileSync(path.join(outDir, "summary.txt"), "utf8"), context.lines.join("\n")]) {
      expect(text).not.toContain("sensitive-value-in-address");
      expect(text).toContain("heroku_app.****");
    }
  });
});
