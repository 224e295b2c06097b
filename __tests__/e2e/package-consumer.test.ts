import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { run, type ProcessRun } from "../../cli/engine/terraform-engine";
import { NOTE_MARKER } from "../../cli/review";
import { consumerEnv, FIXED_SETTINGS, NPM_INSTALL, sandboxExports, TOOLCHAIN_SETTINGS } from "./support/consumer-env";
import { packWorkingTree } from "./support/package-tarball";

/**
 * The second team's path, with the package as npm ships it and nothing else of this repository: the working tree
 * packed, installed from the tarball into an empty directory, `heroku-flow init`, the scaffold's own install and test,
 * `npm start` into the sandbox, then every command a team uses (plan, the merge request's plan note, a review app,
 * drift, rollback) through `npx heroku-flow`. No file of this repository is copied into the consumer's directories;
 * the commands run with the consumer's environment only (support/consumer-env.ts).
 */
const ROOT = path.resolve(__dirname, "..", "..");
const NAME = "team-two";
const GITLAB_PROJECT = `grp/${NAME}`;
const REVIEW_ID = "7";
/** The commit a merge-request pipeline would run for: any SHA; the note names its first 8 characters. */
const HEAD_SHA = "0123456789abcdef0123456789abcdef01234567";

/** A command's run: its step's name, and what it printed in one string. */
type Run = ProcessRun & { readonly step: string; readonly output: string };

/** How long each step took, for the report the test prints at the end. */
const timings: Array<[string, number]> = [];

/** Runs `command` in `cwd` with the consumer's environment plus `env`, timed as `step`. */
async function step(
  name: string,
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Run> {
  const result = await run(command, [...args], { cwd, env: { ...consumerEnv(), ...env } });
  timings.push([name, result.seconds]);
  return { ...result, step: name, output: `${result.stdout}${result.stderr}` };
}

/** `result`, or an error with its output when it did not exit 0 (for the setup, where there is no `expect`). */
function succeeded(result: Run): Run {
  if (result.code !== 0) throw new Error(`${result.step} exited ${result.code}:\n${result.output}`);
  return result;
}

/** The steps' times, one line each, and the whole scenario's. */
function timingReport(totalSeconds: number): string {
  const width = Math.max(...timings.map(([name]) => name.length));
  const line = (name: string, seconds: number) => `  ${name.padEnd(width)} ${seconds.toFixed(1).padStart(6)} s`;
  return ["Timings:", ...timings.map(([name, seconds]) => line(name, seconds)), line("all", totalSeconds)].join("\n");
}

/** The JSON body of a successful API response; any other is an error naming the call and what the API said. */
async function answer(method: string, route: string, response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

describe("a second team's project, from the packed package to rollback", () => {
  let work: string;
  let consumer: string;
  let app: string;
  /** `heroku-flow sandbox env` once the sandbox runs: the endpoints, tokens and deploy keys. */
  let sandbox: Record<string, string> = {};
  let sandboxStarted = false;
  let started = process.hrtime.bigint();
  const elapsed = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

  beforeAll(async () => {
    started = process.hrtime.bigint();
    work = fs.mkdtempSync(path.join(os.tmpdir(), "package-consumer-"));
    const tarball = await packWorkingTree(work);
    timings.push(["npm pack (prepack's build in a copy of the working tree)", elapsed(started)]);

    consumer = path.join(work, "consumer");
    fs.mkdirSync(consumer);
    succeeded(await step("npm install <tarball>", "npm", [...NPM_INSTALL, tarball], consumer));
    const args = ["--name", NAME, "--gitlab-project", GITLAB_PROJECT, "--environments", "staging,production"];
    succeeded(await step("npx heroku-flow init", "npx", ["heroku-flow", "init", ...args, "--dir", "app"], consumer));
    app = path.join(consumer, "app");
    // The scaffold depends on heroku-flow-cdktf@^<version>: the tarball takes its place, then the rest is installed.
    succeeded(await step("app: npm install <tarball>", "npm", [...NPM_INSTALL, tarball], app));
    succeeded(await step("app: npm install", "npm", NPM_INSTALL, app));
  }, 900_000);

  afterAll(async () => {
    if (sandboxStarted) {
      // A sandbox left running would outlive the test: say so loudly, and still remove the directories.
      const stop = await step("npx heroku-flow sandbox stop", "npx", ["heroku-flow", "sandbox", "stop"], app);
      if (stop.code !== 0) console.error(`heroku-flow sandbox stop exited ${stop.code}:\n${stop.output}`);
    }
    console.log(timingReport(elapsed(started)));
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }, 120_000);

  /** A Heroku Platform API call to the sandbox, as the Heroku CLI makes it. */
  async function heroku<T>(method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${sandbox.HEROKU_API_URL}${route}`, {
      method,
      headers: {
        Accept: "application/vnd.heroku+json; version=3",
        Authorization: `Basic ${Buffer.from(`:${sandbox.HEROKU_API_KEY}`).toString("base64")}`,
        "Content-Type": "application/json",
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await answer(method, route, response)) as T;
  }

  /** A GitLab REST API call to the sandbox, with its token. */
  async function gitlab<T>(method: string, route: string, body?: unknown) {
    const response = await fetch(`${sandbox.GITLAB_BASE_URL.replace(/\/$/, "")}${route}`, {
      method,
      headers: { "PRIVATE-TOKEN": sandbox.GITLAB_TOKEN, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await answer(method, route, response)) as T;
  }

  const appNames = async () => (await heroku<Array<{ name: string }>>("GET", "/apps")).map((a) => a.name).sort();

  /** The app's newest releases, newest first. */
  const releases = (appName: string) =>
    heroku<Array<{ version: number; description: string; current: boolean }>>(
      "GET",
      `/apps/${appName}/releases`,
      undefined,
      { Range: "version ..; order=desc, max=10" },
    );

  test("the package comes from the tarball alone, and init wrote a .gitlab-ci.yml for the environments asked for", () => {
    // Only what npm and init wrote: nothing of this repository was copied in.
    expect(fs.readdirSync(consumer).sort()).toEqual(["app", "node_modules", "package-lock.json", "package.json"]);
    const lock = JSON.parse(fs.readFileSync(path.join(app, "package-lock.json"), "utf8"));
    expect(lock.packages["node_modules/heroku-flow-cdktf"]).toMatchObject({
      version: JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version,
      resolved: expect.stringMatching(/^file:.*\.tgz$/),
    });
    const pipeline = parseYaml(fs.readFileSync(path.join(app, ".gitlab-ci.yml"), "utf8")) as Record<string, unknown>;
    expect(Object.keys(pipeline).filter((job) => job.startsWith("deploy:"))).toEqual([
      "deploy:pipeline",
      "deploy:staging",
      "deploy:production",
    ]);
    expect(fs.existsSync(path.join(app, "cdktf.out"))).toBe(false);
  });

  test("every setting its commands get is documented in heroku-flow --help or the package's README", async () => {
    const help = await step("npx heroku-flow --help", "npx", ["heroku-flow", "--help"], consumer);
    expect(help).toMatchObject({ code: 0 });
    const readme = fs.readFileSync(path.join(consumer, "node_modules", "heroku-flow-cdktf", "README.md"), "utf8");
    const documented = (name: string) => help.stdout.includes(name) || readme.includes(name);
    const settings = [...TOOLCHAIN_SETTINGS, ...Object.keys(FIXED_SETTINGS)];
    expect(settings.filter((name) => !documented(name))).toEqual([]);
  });

  test("npm test: the scaffold's own test passes", async () => {
    const test = await step("app: npm test", "npm", ["test"], app);
    expect(test).toMatchObject({ code: 0, output: expect.stringMatching(/Tests:\s+3 passed, 3 total/) });
  });

  test("sandbox start, then npm start deploys every stack into it; .gitlab-ci.yml is up to date with that synth", async () => {
    const start = await step("npx heroku-flow sandbox start", "npx", ["heroku-flow", "sandbox", "start"], app);
    // Stopped in afterAll whatever happens next (stopping one that did not start only says so).
    sandboxStarted = true;
    expect(start).toMatchObject({ code: 0 });
    const deploy = await step("app: npm start (sandbox deploy)", "npm", ["start"], app);
    expect(deploy).toMatchObject({ code: 0, output: expect.stringContaining("applied changes to pipeline") });

    const env = await step("npx heroku-flow sandbox env", "npx", ["heroku-flow", "sandbox", "env"], app);
    expect(env).toMatchObject({ code: 0 });
    sandbox = sandboxExports(env.stdout);
    expect(await appNames()).toEqual([NAME, `${NAME}-staging`]);
    for (const appName of [NAME, `${NAME}-staging`]) {
      const formation = await heroku<Array<{ type: string; command: string }>>("GET", `/apps/${appName}/formation`);
      expect(formation.map((f) => `${f.type}: ${f.command}`)).toEqual(["web: node server.js"]);
    }

    const check = await step("npx heroku-flow ci --check", "npx", ["heroku-flow", "ci", "--check"], app);
    expect(check).toMatchObject({ code: 0, stdout: ".gitlab-ci.yml is up to date\n" });
  });

  test("plan: exits 0, every stack planned with no changes", async () => {
    const plan = await step("npx heroku-flow plan", "npx", ["heroku-flow", "plan"], app, sandbox);
    expect(plan).toMatchObject({ code: 0 });
    const summary = JSON.parse(fs.readFileSync(path.join(app, "flow-plan", "summary.json"), "utf8"));
    expect(summary.map((stack: { stack: string; status: string }) => `${stack.stack} ${stack.status}`)).toEqual([
      "pipeline no-changes",
      "staging no-changes",
      "production no-changes",
    ]);
  });

  test("a merge request: its pipeline's plan and mr-note jobs, as .gitlab-ci.yml runs them, write the plan note", async () => {
    const project = await gitlab<{ id: number }>("GET", `/projects/${encodeURIComponent(GITLAB_PROJECT)}`);
    const mergeRequest = await gitlab<{ iid: number }>("POST", `/projects/${project.id}/merge_requests`, {
      title: "Raise the staging dynos",
      source_branch: "more-dynos",
      target_branch: "main",
    });
    // What GitLab sets in a merge-request pipeline's jobs, and the project's CI/CD variable for notes.
    const ci: Record<string, string> = {
      CI_PIPELINE_SOURCE: "merge_request_event",
      CI_MERGE_REQUEST_IID: String(mergeRequest.iid),
      CI_API_V4_URL: sandbox.GITLAB_BASE_URL.replace(/\/$/, ""),
      CI_PROJECT_ID: String(project.id),
      CI_COMMIT_SHA: HEAD_SHA,
      FLOW_GITLAB_TOKEN: sandbox.GITLAB_TOKEN,
    };
    const pipeline = parseYaml(fs.readFileSync(path.join(app, ".gitlab-ci.yml"), "utf8"));
    for (const job of ["plan", "mr-note"]) {
      const { variables = {}, script } = pipeline[job] as { variables?: Record<string, string>; script: string[] };
      // GitLab expands a job variable's `$NAME` from the pipeline's variables. `before_script` (npm ci) is left out:
      // the project is installed already.
      const jobEnv = Object.fromEntries(
        Object.entries(variables).map(([name, value]) => [name, value.replace(/\$(\w+)/g, (_, ref) => ci[ref])]),
      );
      for (const line of script) {
        const result = await step(`${job}: ${line}`, "sh", ["-c", line], app, { ...sandbox, ...ci, ...jobEnv });
        expect({ job, line, ...result }).toMatchObject({ code: 0 });
      }
    }

    const notes = await gitlab<Array<{ body: string }>>(
      "GET",
      `/projects/${project.id}/merge_requests/${mergeRequest.iid}/notes`,
    );
    const planNotes = notes.filter((note) => note.body.includes(NOTE_MARKER));
    expect(planNotes).toHaveLength(1);
    expect(planNotes[0].body).toContain(`\`${HEAD_SHA.slice(0, 8)}\``);
    // The plan job plans this merge request's review app too: to be created; the others unchanged.
    expect(planNotes[0].body).toMatch(new RegExp(`\\| \`review-${mergeRequest.iid}\` \\| changed \\| [1-9]`));
    expect(planNotes[0].body).toMatch(/\| `staging` \| no changes \|/);
  });

  test(`apply --review ${REVIEW_ID} creates the review app; destroy --review ${REVIEW_ID} removes it`, async () => {
    const reviewApp = `${NAME}-review-${REVIEW_ID}`;
    const apply = await step(
      "npx heroku-flow apply --review",
      "npx",
      ["heroku-flow", "apply", "--review", REVIEW_ID],
      app,
      sandbox,
    );
    expect(apply).toMatchObject({ code: 0, stdout: expect.stringContaining(`Applied review-${REVIEW_ID}.`) });
    expect(await appNames()).toEqual([NAME, reviewApp, `${NAME}-staging`]);

    const destroy = await step(
      "npx heroku-flow destroy --review",
      "npx",
      ["heroku-flow", "destroy", "--review", REVIEW_ID],
      app,
      sandbox,
    );
    expect(destroy).toMatchObject({ code: 0, stdout: expect.stringContaining(`Destroyed review-${REVIEW_ID}.`) });
    expect(await appNames()).toEqual([NAME, `${NAME}-staging`]);
  });

  test("a config var changed by hand on staging is drift: drift exits 3 and names it, not its value", async () => {
    const value = "changed-by-hand-outside-terraform";
    await heroku("PATCH", `/apps/${NAME}-staging/config-vars`, { SECRET_KEY: value });
    const drift = await step("npx heroku-flow drift", "npx", ["heroku-flow", "drift"], app, sandbox);
    expect(drift).toMatchObject({ code: 3 });
    expect(drift.stdout).toMatch(/staging +~ heroku_app\.\S+: sensitive_config_vars\.SECRET_KEY/);
    expect(drift.output).not.toContain(value);
  });

  test("rollback staging: a new release, rolling back to the one before the newest", async () => {
    const before = await releases(`${NAME}-staging`);
    // The deploy and the hand-made change made several; a rollback needs one before the current.
    expect(before.length).toBeGreaterThanOrEqual(2);
    const rollback = await step(
      "npx heroku-flow rollback staging",
      "npx",
      ["heroku-flow", "rollback", "staging"],
      app,
      sandbox,
    );
    expect(rollback).toMatchObject({ code: 0 });
    const [newest] = await releases(`${NAME}-staging`);
    expect(newest).toMatchObject({
      version: before[0].version + 1,
      description: `Rollback to v${before[1].version}`,
      current: true,
    });
  });
});
