/**
 * `heroku-flow sandbox` in process, against a sandbox served by this test process (`__tests__/sandbox/client.ts`) that
 * a run file in the project points at, as `sandbox start` leaves one: `env`'s exact export lines, the errors of a
 * sandbox that does not run or a project not synthesized, the subcommands handed to the sandbox's own command line
 * (their output, exit code and usage errors, with `process.exitCode` left as it was), and `deploy` over the engine
 * tests' fake project (fake Terraform, no synth) — its steps, the bootstrap, what it prints at the end. Where `start`
 * has to launch a sandbox, the launched program is a small stand-in (the bin's path is swapped for it), so the command
 * line it is given is asserted and no second sandbox is run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type CommandContext, UsageError } from "../../../cli/command";
import { sandbox } from "../../../cli/commands/sandbox";
import type { FlowManifest } from "../../../cli/engine/manifest";
import { describeState } from "../../../sandbox/inspect";
import { readRunFile, type RunFile } from "../../../sandbox/run-file";
import { type StoreData, withDefaults } from "../../../sandbox/store";
import { startSandbox, type TestSandbox } from "../../sandbox/client";
import { fakeProject, removeFakeProjects, type FakeProject, type StackSpec } from "../engine/support/fake-project";

let t: TestSandbox | undefined;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(async () => {
  removeFakeProjects();
  await t?.sandbox.close();
});

let log: jest.SpyInstance;
beforeEach(() => {
  log = jest.spyOn(console, "log").mockImplementation(() => undefined);
});
afterEach(() => {
  log.mockRestore();
  process.exitCode = undefined;
});

/** What the sandbox's command line printed (console.log), one entry per call. */
const logged = (): string[] => log.mock.calls.map((call) => call.join(" "));

const STACKS: StackSpec[] = [
  { name: "pipeline", kind: "pipeline" },
  {
    name: "staging",
    dependencies: ["pipeline"],
    apps: [{ name: "songlist-staging", formation: ["web"] }],
    deployKeyVariables: ["staging_deploy_key"],
    secretVariables: ["staging_session_secret"],
  },
  { name: "review-42", kind: "review", reviewId: "42", dependencies: ["pipeline"] },
];

/** A fake project, its manifest naming the GitLab project the deploy creates. */
function project(gitlabProject?: string, stacks: StackSpec[] = STACKS): FakeProject {
  const made = fakeProject({ stacks });
  const file = path.join(made.dir, "cdktf.out", "heroku-flow.json");
  const manifest: FlowManifest = { ...made.manifest, ...(gitlabProject ? { gitlabProject } : {}) };
  fs.writeFileSync(file, JSON.stringify(manifest));
  return made;
}

function contextOf(dir: string, env: NodeJS.ProcessEnv = {}): CommandContext & { lines: string[] } {
  const lines: string[] = [];
  return { dir, env, print: (line) => lines.push(line), lines };
}

/** The run file `sandbox start` leaves in the project: the in-process sandbox, this process alive as its pid. */
function runFile(dir: string, run: Partial<RunFile> = {}, file = path.join(dir, ".sandbox", "run.json")): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const written: RunFile = {
    url: t!.sandbox.url,
    pid: process.pid,
    herokuApiKey: t!.herokuApiKey,
    gitlabToken: t!.gitlabToken,
    ...run,
  };
  fs.writeFileSync(file, JSON.stringify(written));
  return file;
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("it did not fail");
    },
    (error: Error) => error,
  );
}

const NOT_RUNNING = "no sandbox is running for this project: start one with `heroku-flow sandbox start`";

describe("heroku-flow sandbox: usage", () => {
  test("no subcommand: one line naming them", async () => {
    const error = await failure(sandbox.run([], contextOf(project().dir)));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe("sandbox: name a command (deploy, env, start, stop, status, inspect, push, reset)");
  });

  test.each([
    [["env", "--export"], "sandbox env: takes no arguments (got --export)"],
    [["deploy", "staging", "production"], "sandbox deploy: takes no arguments (got staging production)"],
  ])("%j: one line, nothing run", async (args, message) => {
    const made = project();
    const error = await failure(sandbox.run(args, contextOf(made.dir, made.env)));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(message);
    expect(made.log()).toEqual([]);
  });

  test("a flag or subcommand the sandbox's command line does not know: its usage error, as a UsageError", async () => {
    const dir = project().dir;
    const flag = await failure(sandbox.run(["status", "--bogus"], contextOf(dir)));
    expect(flag).toBeInstanceOf(UsageError);
    expect(flag.message).toMatch(/^sandbox: Unknown option '--bogus'/);
    const unknown = await failure(sandbox.run(["bogus"], contextOf(dir)));
    expect(unknown).toBeInstanceOf(UsageError);
    expect(unknown.message.split("\n")[0]).toBe("unknown command bogus");
  });
});

describe("heroku-flow sandbox env", () => {
  test("no run file: the error says how to start one (exit 1, not usage)", async () => {
    const error = await failure(sandbox.run(["env"], contextOf(project().dir)));
    expect(error).not.toBeInstanceOf(UsageError);
    expect(error.message).toBe(NOT_RUNNING);
  });

  test("a run file of a stopped sandbox (no pid), or one without a URL: the same error", async () => {
    const stopped = project().dir;
    runFile(stopped, { pid: null });
    await expect(sandbox.run(["env"], contextOf(stopped))).rejects.toThrow(new Error(NOT_RUNNING));
    const noUrl = project().dir;
    runFile(noUrl, { url: undefined });
    await expect(sandbox.run(["env"], contextOf(noUrl))).rejects.toThrow(new Error(NOT_RUNNING));
  });

  test("running, but not synthesized: one line saying to run synth", async () => {
    const dir = project().dir;
    fs.rmSync(path.join(dir, "cdktf.out"), { recursive: true });
    runFile(dir);
    await expect(sandbox.run(["env"], contextOf(dir, { HEROKU_FLOW_OFFLINE: "0" }))).rejects.toThrow(
      new Error("cdktf.out/heroku-flow.json does not exist: run `heroku-flow synth` first (it names the deploy keys)"),
    );
  });

  test("running: one export line per setting, single-quoted (a quote in a value escaped for the shell)", async () => {
    const made = project();
    runFile(made.dir, { herokuApiKey: "it's-a-key", gitlabToken: "gitlab-token" });
    const context = contextOf(made.dir, { HEROKU_FLOW_OFFLINE: "0" });
    expect(await sandbox.run(["env"], context)).toBe(0);
    const url = t!.sandbox.url;
    expect(context.lines).toEqual([
      "export TF_VAR_staging_session_secret='sandbox-staging_session_secret'",
      "export TF_VAR_staging_deploy_key='it'\\''s-a-key'",
      "export TF_VAR_review_deploy_key='it'\\''s-a-key'",
      `export HEROKU_API_URL='${url}'`,
      "export HEROKU_API_KEY='it'\\''s-a-key'",
      `export GITLAB_BASE_URL='${url}/api/v4/'`,
      "export GITLAB_TOKEN='gitlab-token'",
      "export HEROKU_FLOW_CODE_PUSH='sandbox'",
      "export TF_VAR_heroku_post_app_create_delay='0'",
      "export TF_VAR_heroku_post_domain_create_delay='0'",
      "export CHECKPOINT_DISABLE='1'",
      "export DISABLE_VERSION_CHECK='true'",
    ]);
  });

  test("a sandbox with a CircleCI token: CIRCLE_HOST (its CircleCI API) and CIRCLE_TOKEN after GitLab's", async () => {
    const made = project();
    runFile(made.dir, { gitlabToken: "gitlab-token", circleciToken: "circle-token" });
    const context = contextOf(made.dir, { HEROKU_FLOW_OFFLINE: "0" });
    expect(await sandbox.run(["env"], context)).toBe(0);
    const from = context.lines.indexOf("export GITLAB_TOKEN='gitlab-token'");
    expect(context.lines.slice(from + 1, from + 3)).toEqual([
      `export CIRCLE_HOST='${t!.sandbox.url}/circleci/api/v2'`,
      "export CIRCLE_TOKEN='circle-token'",
    ]);
  });

  test("HEROKU_FLOW_SANDBOX_RUN_FILE names the run file instead of .sandbox/run.json", async () => {
    const made = project();
    const elsewhere = runFile(
      made.dir,
      { gitlabToken: "from-the-other-file" },
      path.join(made.dir, "other", "run.json"),
    );
    const context = contextOf(made.dir, { HEROKU_FLOW_OFFLINE: "0", HEROKU_FLOW_SANDBOX_RUN_FILE: elsewhere });
    expect(await sandbox.run(["env"], context)).toBe(0);
    expect(context.lines).toContain("export GITLAB_TOKEN='from-the-other-file'");
  });
});

describe("heroku-flow sandbox: the sandbox's own subcommands", () => {
  test("status of a running sandbox: exit 0, its URLs; process.exitCode untouched", async () => {
    const dir = project().dir;
    runFile(dir);
    expect(await sandbox.run(["status"], contextOf(dir))).toBe(0);
    const url = t!.sandbox.url;
    expect(logged()).toEqual([
      `running: ${url} (pid ${process.pid})\nheroku: ${url}\ngitlab: ${url}/api/v4/\ncircleci: ${url}/circleci/api/v2`,
    ]);
    expect(process.exitCode).toBeUndefined();
  });

  test("status of a sandbox that does not run: exit 1, 'not running'; process.exitCode restored", async () => {
    const dir = project().dir;
    runFile(dir, { pid: null });
    expect(await sandbox.run(["status"], contextOf(dir))).toBe(1);
    expect(logged()).toEqual(["not running"]);
    expect(process.exitCode).toBeUndefined();
  });

  test("a process.exitCode set before is put back after a subcommand that set its own", async () => {
    const dir = project().dir;
    process.exitCode = 3;
    expect(await sandbox.run(["status"], contextOf(dir))).toBe(1);
    expect(process.exitCode).toBe(3);
  });

  test("the run file is the project's (.sandbox/run.json of the context's directory) or HEROKU_FLOW_SANDBOX_RUN_FILE", async () => {
    const made = project().dir;
    const file = runFile(made, {}, path.join(made, "elsewhere.json"));
    expect(await sandbox.run(["status"], contextOf(made))).toBe(1);
    expect(await sandbox.run(["status"], contextOf(made, { HEROKU_FLOW_SANDBOX_RUN_FILE: file }))).toBe(0);
  });

  test("inspect: what the sandbox holds, as describeState writes it", async () => {
    const dir = project().dir;
    runFile(dir);
    expect(await sandbox.run(["inspect"], contextOf(dir))).toBe(0);
    const state = (await t!.heroku("GET", "/sandbox/state")).body as StoreData;
    expect(logged()).toEqual([describeState(state, t!.sandbox.url)]);
  });

  test("inspect of a sandbox that does not run: a usage error naming the run file", async () => {
    const dir = project().dir;
    const error = await failure(sandbox.run(["inspect"], contextOf(dir)));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      `no sandbox is running (run file ${path.join(dir, ".sandbox", "run.json")}); start one with: heroku-flow sandbox start`,
    );
  });

  test("reset of a stopped sandbox removes the project's state file", async () => {
    const dir = project().dir;
    runFile(dir, { pid: null });
    const state = path.join(dir, ".sandbox", "state.json");
    fs.writeFileSync(state, "{}");
    expect(await sandbox.run(["reset"], contextOf(dir))).toBe(0);
    expect(fs.existsSync(state)).toBe(false);
    expect(logged()).toEqual([`removed ${state}`]);
  });

  test("start of a sandbox that runs: says so, starts nothing, exit 0", async () => {
    const dir = project().dir;
    runFile(dir);
    expect(await sandbox.run(["start"], contextOf(dir))).toBe(0);
    expect(logged()).toEqual([`already running: ${t!.sandbox.url} (pid ${process.pid})`]);
  });

  /** Creates a team app the way the Heroku provider does; its status. */
  const teamApp = async (team: string, name: string) =>
    (await t!.heroku("POST", "/teams/apps", { team, name, personal: false })).status;

  test("start --team of a sandbox that runs: its user joins each team (again: no change); apps in others are refused", async () => {
    const dir = project().dir;
    runFile(dir);
    expect(await teamApp("acme", "acme-before")).toBe(404);
    expect(await sandbox.run(["start", "--team", "acme", "--team", "acme-2"], contextOf(dir))).toBe(0);
    expect(await sandbox.run(["start", "--team", "acme"], contextOf(dir))).toBe(0);
    expect(logged()).toEqual([
      "team acme: joined",
      "team acme-2: joined",
      `already running: ${t!.sandbox.url} (pid ${process.pid})`,
      "team acme: joined",
      `already running: ${t!.sandbox.url} (pid ${process.pid})`,
    ]);
    expect(await teamApp("acme", "acme-web")).toBe(201);
    expect(await teamApp("acme-2", "acme-2-web")).toBe(201);
    expect(await teamApp("other", "other-web")).toBe(404);
    const teams = (await t!.heroku("GET", "/teams")).body as { name: string }[];
    expect(teams.filter((team) => team.name.startsWith("acme")).map((team) => team.name)).toEqual(["acme", "acme-2"]);
  });

  test("HEROKU_FLOW_SANDBOX_TEAMS (the context's, comma-separated, blanks trimmed) when no --team is given", async () => {
    const dir = project().dir;
    runFile(dir);
    const env = { HEROKU_FLOW_SANDBOX_TEAMS: " env-team-a , env-team-b " };
    expect(await sandbox.run(["start"], contextOf(dir, env))).toBe(0);
    expect(await teamApp("env-team-a", "env-team-a-web")).toBe(201);
    expect(await teamApp("env-team-b", "env-team-b-web")).toBe(201);
    // --team replaces the setting, as --run-file replaces HEROKU_FLOW_SANDBOX_RUN_FILE.
    const flagOnly = { HEROKU_FLOW_SANDBOX_TEAMS: "env-team-c" };
    expect(await sandbox.run(["start", "--team", "flag-team"], contextOf(dir, flagOnly))).toBe(0);
    expect(await teamApp("flag-team", "flag-team-web")).toBe(201);
    expect(await teamApp("env-team-c", "env-team-c-web")).toBe(404);
    // Blank: no teams.
    expect(await sandbox.run(["start"], contextOf(dir, { HEROKU_FLOW_SANDBOX_TEAMS: " " }))).toBe(0);
    expect(logged().filter((line) => line.startsWith("team "))).toEqual([
      "team env-team-a: joined",
      "team env-team-b: joined",
      "team flag-team: joined",
    ]);
  });

  const RULE = "a team name is lowercase letters, digits and dashes, starting with a letter";
  test.each([
    [["--team", ""], {}, `invalid --team "": ${RULE}`],
    [["--team", "acme", "--team", "Acme"], {}, `invalid --team "Acme": ${RULE}`],
    [["--team", "acme_corp"], {}, `invalid --team "acme_corp": ${RULE}`],
    [["--team", "2acme"], {}, `invalid --team "2acme": ${RULE}`],
    [["--team=acme corp"], {}, `invalid --team "acme corp": ${RULE}`],
    [[], { HEROKU_FLOW_SANDBOX_TEAMS: "acme,,beta" }, `invalid HEROKU_FLOW_SANDBOX_TEAMS entry "": ${RULE}`],
    [[], { HEROKU_FLOW_SANDBOX_TEAMS: "acme,Beta" }, `invalid HEROKU_FLOW_SANDBOX_TEAMS entry "Beta": ${RULE}`],
  ])("%j %j: a usage error naming the flag, the value and the rule; nothing started", async (flags, env, message) => {
    for (const command of ["start", "serve"]) {
      const dir = project().dir;
      const error = await failure(sandbox.run([command, ...flags], contextOf(dir, env)));
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(message);
      expect(fs.existsSync(path.join(dir, ".sandbox"))).toBe(false);
    }
    expect(logged()).toEqual([]);
  });

  test("a team name refused even when a sandbox runs: nothing joined", async () => {
    const dir = project().dir;
    runFile(dir);
    const error = await failure(sandbox.run(["start", "--team", "okay-team", "--team", "Bad"], contextOf(dir)));
    expect(error).toBeInstanceOf(UsageError);
    expect(await teamApp("okay-team", "okay-team-web")).toBe(404);
    expect(logged()).toEqual([]);
  });

  test("the help names --team and HEROKU_FLOW_SANDBOX_TEAMS", () => {
    expect(sandbox.help).toMatch(/start \[--port N\] \[--project NS\/NAME \.\.\.\] \[--team NAME \.\.\.\]/);
    expect(sandbox.help).toContain("HEROKU_FLOW_SANDBOX_TEAMS (team names, comma-separated)");
  });
});

/**
 * A stand-in for the bin that `start` launches as `<bin> sandbox serve --run-file FILE`: it writes its arguments to
 * stdout (the sandbox log), then either exits 1 or, given a URL, records it and its own pid in the run file, as
 * `serve` does, and waits to be stopped. (The URL is written into the script: a child gets the real process's
 * environment, not the one Jest gives the test.)
 */
const standInScript = (url?: string) => `const fs = require("fs");
console.log(JSON.stringify(process.argv.slice(2)));
const url = ${JSON.stringify(url ?? "")};
if (!url) process.exit(1);
const file = process.argv[process.argv.indexOf("--run-file") + 1];
fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, "utf8")), url, pid: process.pid }));
setInterval(() => undefined, 1000);
`;

describe("heroku-flow sandbox start, launching one", () => {
  const argv1 = process.argv[1];
  let standIn: string;
  beforeEach(() => {
    standIn = path.join(fs.mkdtempSync(path.join(project().dir, "bin-")), "heroku-flow.js");
    fs.writeFileSync(standIn, standInScript());
    process.argv[1] = standIn;
  });
  afterEach(() => {
    process.argv[1] = argv1;
  });

  test("a launch that dies: an error naming the log, which shows the bin was run as `sandbox serve`", async () => {
    const dir = project().dir;
    const error = await failure(sandbox.run(["start"], contextOf(dir)));
    expect(error).not.toBeInstanceOf(UsageError);
    const logFile = path.join(dir, ".sandbox", "sandbox.log");
    expect(error.message).toBe(`the sandbox did not start; see ${logFile}`);
    expect(fs.readFileSync(logFile, "utf8").trim()).toBe(
      JSON.stringify(["sandbox", "serve", "--run-file", path.join(dir, ".sandbox", "run.json")]),
    );
  });

  test.each([
    [["--team", "acme", "--team", "b-2"], {}],
    [[], { HEROKU_FLOW_SANDBOX_TEAMS: "acme, b-2" }],
  ])("start %j %j launches `sandbox serve` with one --team per team", async (flags, env) => {
    const dir = project().dir;
    await failure(sandbox.run(["start", ...flags], contextOf(dir, env)));
    const logFile = path.join(dir, ".sandbox", "sandbox.log");
    expect(JSON.parse(fs.readFileSync(logFile, "utf8"))).toEqual([
      "sandbox",
      "serve",
      "--run-file",
      path.join(dir, ".sandbox", "run.json"),
      "--team",
      "acme",
      "--team",
      "b-2",
    ]);
  });

  test("deploy of a project whose sandbox does not run starts it first, and fails when it does not start", async () => {
    const made = project();
    const context = contextOf(made.dir, made.env);
    const error = await failure(sandbox.run(["deploy"], context));
    expect(error.message).toBe(`the sandbox did not start; see ${path.join(made.dir, ".sandbox", "sandbox.log")}`);
    expect(context.lines).toEqual(["\n▶ Terraform toolchain", "\n▶ Sandbox"]);
    expect(made.log()).toEqual([]);
  });

  test("deploy starts the sandbox when it does not run, then deploys into it", async () => {
    const made = project(undefined, [STACKS[0]]);
    // A stopped sandbox's run file: start keeps its credentials.
    const file = runFile(made.dir, { pid: null, url: undefined });
    fs.writeFileSync(standIn, standInScript(t!.sandbox.url));
    const context = contextOf(made.dir, made.env);
    try {
      expect(await sandbox.run(["deploy"], context)).toBe(0);
    } finally {
      const pid = readRunFile(file)?.pid;
      if (pid && pid !== process.pid) process.kill(pid, "SIGTERM");
    }
    expect(logged()).toEqual([expect.stringMatching(/^started: http:\/\/127\.0\.0\.1:\d+ \(pid \d+\); run file /)]);
    expect(context.lines).not.toContain("  running");
    expect(context.lines).toContain("\n▶ Deploy pipeline");
  });
});

describe("heroku-flow sandbox deploy into a running sandbox", () => {
  /** The lines printed, without the engine's progress lines (`  <stack> <step> (+N s)`). */
  const steps = (lines: string[]) => lines.filter((line) => !/^ {2}\S+ +.+ \(\+\d+\.\d s\)$/.test(line));

  /** Terraform as the fake plays it, noting the deploy settings each `apply` gets. */
  function notingEnv(made: FakeProject): NodeJS.ProcessEnv {
    const wrapper = path.join(made.dir, "terraform-noting-env");
    fs.writeFileSync(
      wrapper,
      `#!/bin/sh\nif [ "$1" = apply ]; then echo "$(basename "$PWD") env $HEROKU_API_URL $HEROKU_FLOW_CODE_PUSH ` +
        `$TF_VAR_staging_deploy_key $TF_VAR_staging_session_secret" >> "$FAKE_TERRAFORM_LOG"; fi\n` +
        `exec "${made.env.TERRAFORM_BINARY_NAME}" "$@"\n`,
      { mode: 0o755 },
    );
    return { ...made.env, TERRAFORM_BINARY_NAME: wrapper };
  }

  test("an app without code: synth, the GitLab project, the bootstrap, each stack applied, what exists now", async () => {
    const made = project("acme/songlist");
    made.stackFile("pipeline", "exit.plan", "2");
    made.stackFile("staging", "exit.plan", "2");
    runFile(made.dir);
    expect((await t!.heroku("POST", "/apps", { name: "songlist-staging" })).status).toBe(201);
    const context = contextOf(made.dir, notingEnv(made));
    expect(await sandbox.run(["deploy"], context)).toBe(0);

    const state = (await t!.heroku("GET", "/sandbox/state")).body as StoreData;
    const printed = steps(context.lines);
    expect(printed.slice(0, -1)).toEqual([
      "\n▶ Terraform toolchain",
      "\n▶ Sandbox",
      "  running",
      "\n▶ Synth",
      "\n▶ Deploy pipeline, staging",
      "  bootstrap: songlist-staging has no code yet",
      "  first code push: songlist-staging",
      "  applied changes to pipeline, staging",
      "\n▶ What exists now",
      describeState(withDefaults(state), t!.sandbox.url),
    ]);
    const done = /^\nDeployed in (\d+\.\d) s\. Run it again: it will find nothing to change\.$/.exec(printed.at(-1)!);
    expect(done).not.toBeNull();
    expect(Number(done![1])).toBeLessThan(60);

    // One synth to read the stacks, the bootstrap's two; the review stack is left alone.
    expect(made.log().filter((line) => line.startsWith("synth"))).toEqual([
      "synth HEROKU_FLOW_BOOTSTRAP=",
      "synth HEROKU_FLOW_BOOTSTRAP=true",
      "synth HEROKU_FLOW_BOOTSTRAP=",
    ]);
    expect(made.log().filter((line) => line.startsWith("review-42"))).toEqual([]);
    const url = t!.sandbox.url;
    const key = t!.herokuApiKey;
    expect(made.log().filter((line) => line.startsWith("staging env "))).toEqual([
      `staging env ${url} sandbox ${key} sandbox-staging_session_secret`,
      `staging env ${url} sandbox ${key} sandbox-staging_session_secret`,
    ]);
    expect((await t!.gitlab("GET", `/projects/${encodeURIComponent("acme/songlist")}`)).status).toBe(200);
    expect((await t!.heroku("GET", "/apps/songlist-staging/formation")).body).not.toEqual([]);
  });

  test("nothing to change: says so, and that the sandbox already matches", async () => {
    const made = project();
    runFile(made.dir);
    const context = contextOf(made.dir, made.env);
    expect(await sandbox.run(["deploy"], context)).toBe(0);
    const printed = steps(context.lines);
    expect(printed).toContain("  no changes");
    expect(printed.at(-1)).toMatch(/^\nNothing changed \(\d{1,2}\.\d s\): the sandbox already matches the topology\.$/);
    expect(made.log().filter((line) => / apply /.test(line))).toEqual([]);
  });

  test("a manifest on the CircleCI side: the CircleCI project is created with its id and organization", async () => {
    const made = project();
    const ci = {
      provider: "circleci",
      organizationId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
      projectSlug: "gh/acme/sandboxed",
      projectId: "405d8375-3514-403b-8c43-83ae74cfe0e9",
    };
    const file = path.join(made.dir, "cdktf.out", "heroku-flow.json");
    fs.writeFileSync(file, JSON.stringify({ ...made.manifest, ci }));
    runFile(made.dir);
    expect(await sandbox.run(["deploy"], contextOf(made.dir, made.env))).toBe(0);
    const { projects } = ((await t!.heroku("GET", "/sandbox/state")).body as StoreData).circleci;
    expect(projects.find((p) => p.slug === ci.projectSlug)).toMatchObject({
      id: ci.projectId,
      organizationId: ci.organizationId,
    });
    // The contexts of that organization are the sandbox user's now.
    const contexts = await t!.circleci("GET", `/context?owner-id=${ci.organizationId}`);
    expect(contexts.status).toBe(200);

    fs.writeFileSync(file, JSON.stringify({ ...made.manifest, ci: { ...ci, projectSlug: "acme/sandboxed" } }));
    const error = await failure(sandbox.run(["deploy"], contextOf(made.dir, made.env)));
    expect(error.message).toMatch(/^creating CircleCI project acme\/sandboxed failed: 422 .*is not a project slug/);
  });

  test("a GitLab project the sandbox refuses to create: an error with its status, nothing deployed", async () => {
    const made = project("not a path");
    runFile(made.dir);
    const error = await failure(sandbox.run(["deploy"], contextOf(made.dir, made.env)));
    expect(error.message).toMatch(/^creating GitLab project not a path failed: 4\d\d /);
    expect(made.log().filter((line) => / plan /.test(line))).toEqual([]);
  });
});
