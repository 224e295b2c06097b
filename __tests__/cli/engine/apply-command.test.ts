/**
 * `heroku-flow apply` without a deploy key: one line naming every missing `TF_VAR_`, said before Terraform runs at all
 * (Terraform alone would stop at the first with its multi-line "No value for required variable", after planning the
 * others) — the same check `plan`, `drift` and `destroy` make (`FlowSession.unsetVariables`).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type CommandContext, UsageError } from "../../../cli/command";
import { apply, applyCommand } from "../../../cli/commands/apply";
import { FlowSession } from "../../../cli/engine/flow-session";
import { startSandbox, type TestSandbox } from "../../sandbox/client";
import { useRecordingServer } from "../../support/recording-server";
import {
  fakeProject,
  plainConfig,
  removeFakeProjects,
  THREE_STACKS,
  type FakeProject,
  type StackSpec,
} from "./support/fake-project";

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

test("on Dokku, apply asks Heroku nothing: no bootstrap, no Heroku key", async () => {
  const project = fakeProject({ stacks: THREE_STACKS, platform: "dokku" });
  project.stackFile("staging", "exit.plan", "2");
  const env = { ...project.env, HEROKU_API_KEY: undefined };
  const session = new FlowSession({ dir: project.dir, env, print: () => undefined });
  expect(await applyCommand(session, { stacks: ["staging"] })).toBe(0);
  expect(project.calls("staging", "apply")).toHaveLength(1);
  expect(project.log().filter((call) => call.startsWith("synth"))).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
});

/**
 * The command as the bin runs it: usage lines, what it prints for changes and none, the bootstrap's steps against the
 * in-process sandbox, GitLab environments taken over, and `--dotenv` (the last stack's `web_url`, or no file).
 */
describe("heroku-flow apply", () => {
  /** A context over `project` collecting what is printed; Heroku is a key that no call may need. */
  function contextOf(project: FakeProject, env: NodeJS.ProcessEnv = {}): CommandContext & { lines: string[] } {
    const lines: string[] = [];
    const all = { ...project.env, HEROKU_API_KEY: "unused-heroku-key", ...env };
    return { dir: project.dir, env: all, print: (line) => lines.push(line), lines };
  }

  /** Stacks without Heroku apps: the deploy sequence asks Heroku nothing. */
  const NO_APPS: StackSpec[] = [
    { name: "pipeline", kind: "pipeline" },
    { name: "staging", dependencies: ["pipeline"] },
    { name: "production", dependencies: ["pipeline", "staging"] },
    { name: "review-42", kind: "review", reviewId: "42", dependencies: ["pipeline"] },
  ];

  /**
   * Terraform as the fake plays it, except `output -json`, which prints the stack's `output.json` (`{}` without one):
   * a wrapper named by TERRAFORM_BINARY_NAME.
   */
  function withOutputs(project: FakeProject): NodeJS.ProcessEnv {
    const wrapper = path.join(project.dir, "terraform-with-outputs");
    fs.writeFileSync(
      wrapper,
      `#!/bin/sh\nif [ "$1" = output ]; then echo "$(basename "$PWD") $*" >> "$FAKE_TERRAFORM_LOG"; ` +
        `if [ -f output.json ]; then cat output.json; else echo '{}'; fi; exit 0; fi\n` +
        `exec "${project.env.TERRAFORM_BINARY_NAME}" "$@"\n`,
      { mode: 0o755 },
    );
    return { TERRAFORM_BINARY_NAME: wrapper };
  }

  test.each([
    [[], "apply: name the stacks (e.g. apply staging) or give --review ID"],
    [["--review", ""], "apply: --review needs a review id"],
    [["staging", "--review", "42"], "apply: give stack names or --review ID, not both"],
    [["staging", "--parallelism", "0"], 'apply: --parallelism "0" must be a whole number >= 1'],
    [["staging", "--dotenv"], "apply: Option '--dotenv <value>' argument missing (see heroku-flow apply --help)"],
    [["staging", "--lock=false"], "apply: Unknown option '--lock' (see heroku-flow apply --help)"],
  ])("%j: one usage line, nothing run", async (args, message) => {
    const project = fakeProject({ stacks: NO_APPS });
    const failure = await apply.run(args, contextOf(project)).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect((failure as Error).message).toBe(message);
    expect(project.log()).toEqual([]);
  });

  test("stacks named out of order are applied dependencies first; one that changed is named", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    project.stackFile("staging", "exit.plan", "2");
    const context = contextOf(project);
    expect(await apply.run(["staging", "pipeline", "--parallelism", "1"], context)).toBe(0);
    expect(project.calls("staging", "apply")).toHaveLength(1);
    expect(project.calls("pipeline", "apply")).toEqual([]);
    expect(project.calls("production", "plan")).toEqual([]);
    expect(context.lines.at(-1)).toBe("Applied staging.");
  });

  test("stacks the app does not have: one line naming them and the stacks it has; Terraform never runs", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    await expect(apply.run(["staging", "prod", "qa"], contextOf(project))).rejects.toThrow(
      new Error("no stack named prod, qa; the app has pipeline, staging, production, review-42"),
    );
    expect(project.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
  });

  test("two stacks changed: both named, in dependency order; the app synthesized once", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    project.stackFile("staging", "exit.plan", "2");
    project.stackFile("production", "exit.plan", "2");
    const context = contextOf(project);
    expect(await apply.run(["production", "staging"], context)).toBe(0);
    expect(context.lines.at(-1)).toBe("Applied staging, production.");
    // The deploy sequence is told the app is synthesized: a second synth would cost seconds in every deploy job.
    expect(project.log().filter((line) => line.startsWith("synth"))).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
  });

  test("nothing changed: it names the stacks up to date, in dependency order; nothing applied", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    const context = contextOf(project);
    expect(await apply.run(["production", "staging"], context)).toBe(0);
    expect(project.log().filter((line) => / apply /.test(line))).toEqual([]);
    expect(context.lines.at(-1)).toBe("No changes: staging, production up to date.");
  });

  test("--review ID: the review stack of that id", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    project.stackFile("review-42", "exit.plan", "2");
    const context = contextOf(project);
    expect(await apply.run(["--review", "42"], context)).toBe(0);
    expect(context.lines.at(-1)).toBe("Applied review-42.");
  });

  test("no Heroku key: one line naming HEROKU_API_KEY, nothing planned", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    await expect(apply.run(["staging"], contextOf(project, { HEROKU_API_KEY: "" }))).rejects.toThrow(
      new Error("HEROKU_API_KEY is not set (the Heroku API key flow and the Heroku provider use)"),
    );
    expect(project.log().filter((line) => / plan /.test(line))).toEqual([]);
  });

  test("--dotenv: APP_URL of the last stack with a string web_url output", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    project.stackFile("staging", "output.json", JSON.stringify({ web_url: { value: "https://staging.example/" } }));
    project.stackFile(
      "production",
      "output.json",
      JSON.stringify({ web_url: { value: "https://production.example/" } }),
    );
    const dotenv = path.join(project.dir, "deploy.env");
    const context = contextOf(project, withOutputs(project));
    expect(await apply.run(["pipeline", "staging", "production", "--dotenv", dotenv], context)).toBe(0);
    expect(fs.readFileSync(dotenv, "utf8")).toBe("APP_URL=https://production.example/\n");
    // Read at once: the file names the last stack in dependency order, whichever answered last.
    expect(
      project
        .log()
        .filter((line) => / output /.test(line))
        .sort(),
    ).toEqual(["pipeline output -json", "production output -json", "staging output -json"]);
  });

  test("--dotenv: a later stack without web_url, or with one that is not a string, does not hide an earlier one", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    project.stackFile("staging", "output.json", JSON.stringify({ web_url: { value: "https://staging.example/" } }));
    project.stackFile("production", "output.json", JSON.stringify({ web_url: { value: 42 }, other: { value: "x" } }));
    const dotenv = path.join(project.dir, "deploy.env");
    expect(
      await apply.run(["staging", "production", "--dotenv", dotenv], contextOf(project, withOutputs(project))),
    ).toBe(0);
    expect(fs.readFileSync(dotenv, "utf8")).toBe("APP_URL=https://staging.example/\n");
  });

  test("--dotenv with no stack having a web_url: no file is written", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    const dotenv = path.join(project.dir, "deploy.env");
    expect(await apply.run(["staging", "--dotenv", dotenv], contextOf(project, withOutputs(project)))).toBe(0);
    expect(fs.existsSync(dotenv)).toBe(false);
  });

  test("without --dotenv no output is read", async () => {
    const project = fakeProject({ stacks: NO_APPS });
    expect(await apply.run(["staging"], contextOf(project, withOutputs(project)))).toBe(0);
    expect(project.log().filter((line) => / output /.test(line))).toEqual([]);
  });

  describe("against the in-process sandbox", () => {
    let t: TestSandbox | undefined;
    const gitlab = useRecordingServer();
    beforeAll(async () => {
      t = await startSandbox();
    });
    afterAll(async () => {
      await t?.sandbox.close();
    });

    test("an app without code: the bootstrap's steps, indented, and each changed stack named once", async () => {
      const project = fakeProject({
        stacks: [
          { name: "pipeline", kind: "pipeline" },
          { name: "staging", dependencies: ["pipeline"], apps: [{ name: "songlist-staging", formation: ["web"] }] },
        ],
      });
      project.stackFile("staging", "exit.plan", "2");
      expect((await t!.heroku("POST", "/apps", { name: "songlist-staging" })).status).toBe(201);
      const context = contextOf(project, {
        HEROKU_API_URL: t!.sandbox.herokuUrl,
        HEROKU_API_KEY: t!.herokuApiKey,
        HEROKU_FLOW_CODE_PUSH: "sandbox",
      });
      expect(await apply.run(["staging"], context)).toBe(0);
      expect(context.lines).toContain("  bootstrap: songlist-staging has no code yet");
      expect(context.lines).toContain("  first code push: songlist-staging");
      expect(project.calls("staging", "apply")).toHaveLength(2);
      expect(context.lines.at(-1)).toBe("Applied staging.");
      expect((await t!.heroku("GET", "/apps/songlist-staging/formation")).body).not.toEqual([]);
    });

    test("a GitLab environment CI created for the job is taken over before the plan", async () => {
      const project = fakeProject({ stacks: NO_APPS });
      project.writeConfig("staging", {
        ...plainConfig("staging"),
        resource: { gitlab_project_environment: { env: { project: "7", name: "staging" } } },
      });
      // GitLab's environments list: CI made "staging" for the job.
      gitlab().answerWith((request) => ({
        status: 200,
        body: request.url.includes("name=staging") ? [{ id: 5, name: "staging" }] : [],
      }));
      const context = contextOf(project, {
        GITLAB_BASE_URL: `${gitlab().url}/api/v4/`,
        GITLAB_TOKEN: "gitlab-token-for-test",
      });
      expect(await apply.run(["staging"], context)).toBe(0);
      expect(context.lines).toContain(
        "  staging          takes over GitLab environment staging (created by GitLab CI)",
      );
      const adopt = JSON.parse(
        fs.readFileSync(path.join(project.dir, "cdktf.out", "stacks", "staging", "flow-adopt.tf.json"), "utf8"),
      );
      expect(adopt).toEqual({ import: [{ to: "gitlab_project_environment.env", id: "7:5" }] });
    });
  });
});
