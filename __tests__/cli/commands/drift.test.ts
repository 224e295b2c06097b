/**
 * `heroku-flow drift`'s options and its `--issues` reconciliation, run in process over a fake project (the fake
 * `terraform` answers each stack's refresh-only plan) against a recording stand-in for GitLab's REST API.
 *
 * The scheduled drift job is the only one that looks at production between deploys, and its issues are how people
 * learn about a change made by hand. So the tests pin: each option and usage error; that each drifting stack has
 * exactly one open issue — opened on new drift with a description naming every changed object (never a secret value),
 * edited in place while the same drift persists (no notification), given a note when the drift changes, closed when it
 * is gone — that a stack which could not be checked keeps its issue as it is; and that a missing setting or an API
 * error is an error, not a silent pass. The exit codes themselves are pinned in `../engine/drift-command.test.ts`.
 */
import { createHash, randomBytes } from "node:crypto";
import { UsageError } from "../../../cli/command";
import { drift, DRIFT_LABEL } from "../../../cli/commands/drift";
import {
  fakeProject,
  plainConfig,
  removeFakeProjects,
  THREE_STACKS,
  type FakeProject,
} from "../engine/support/fake-project";
import { startRecordingServer, type Handler, type RecordingServer } from "../../support/recording-server";

afterAll(removeFakeProjects);

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PIPELINE_URL = "https://gitlab.example.com/songs/songlist/-/pipelines/2718";
const ISSUES_LIST = `/projects/7/issues?state=opened&labels=${DRIFT_LABEL}&per_page=100`;

/** A value staging's app holds as a secret config var; it must never reach an issue or the log. */
const SECRET_VALUE = "of production failed";

/**
 * Staging's refresh-only plan: its app's stack and config vars changed by hand (one a secret, one added, one removed),
 * and its domain deleted by hand. `logLevel` varies the drift itself; `secret` varies only the secret's value.
 */
function stagingDrift(logLevel = "debug", secret = SECRET_VALUE) {
  return JSON.stringify({
    format_version: "1.2",
    resource_drift: [
      {
        address: "heroku_app.app",
        mode: "managed",
        type: "heroku_app",
        name: "app",
        change: {
          actions: ["update"],
          before: { stack: "heroku-22", config_vars: { API_TOKEN: "the token before", RETIRED: "1" } },
          after: { stack: "heroku-24", config_vars: { API_TOKEN: secret, LOG_LEVEL: logLevel } },
        },
      },
      {
        address: "heroku_domain.www",
        mode: "managed",
        type: "heroku_domain",
        name: "www",
        change: { actions: ["delete"], before: { hostname: "www.example.com" }, after: null },
      },
    ],
  });
}

/**
 * The fingerprint of {@link stagingDrift}: the first 16 hex digits of the SHA-256 of every changed object's address,
 * action and attributes (path, value before, value after: a secret's values left out, a value that is not set empty).
 */
function stagingFingerprint(logLevel = "debug"): string {
  const facts = [
    [
      "heroku_app.app",
      "update",
      [
        ["config_vars.API_TOKEN", "", ""],
        ["config_vars.LOG_LEVEL", "", JSON.stringify(logLevel)],
        ["config_vars.RETIRED", '"1"', ""],
        ["stack", '"heroku-22"', '"heroku-24"'],
      ],
    ],
    ["heroku_domain.www", "delete", []],
  ];
  return createHash("sha256").update(JSON.stringify(facts)).digest("hex").slice(0, 16);
}

/** The description of staging's issue, checked at `checkedAt`, in `pipelineUrl` when given. */
function stagingDescription(checkedAt: string, pipelineUrl?: string, logLevel = "debug"): string {
  return [
    "<!-- heroku-flow:drift stack=staging -->",
    `<!-- heroku-flow:drift-fingerprint=${stagingFingerprint(logLevel)} -->`,
    "Stack `staging` was changed outside Terraform. Changed objects:",
    "",
    "- `heroku_app.app` (staging/App/Resource): update — `config_vars.API_TOKEN`, `config_vars.LOG_LEVEL`, `config_vars.RETIRED`, `stack`",
    "- `heroku_domain.www`: delete",
    "",
    `Last checked ${checkedAt}${pipelineUrl ? ` in ${pipelineUrl}` : ""}.`,
    "",
    "Either deploy the stack again to restore what the code declares (`heroku-flow apply staging`),",
    "or change the code to what the platform now holds. This issue closes itself once no drift is found.",
  ].join("\n");
}

/** Staging and production of the plain app (its pipeline stack would only add Terraform calls). */
const STACKS = THREE_STACKS.filter((stack) => stack.name !== "pipeline").map((stack) => ({
  ...stack,
  dependencies: [],
}));

/** The two stacks; staging's app carries its construct path, as cdktf writes it, and drifted as {@link stagingDrift}. */
function project(options: { drift?: string } = {}): FakeProject {
  const fake = fakeProject({ stacks: STACKS });
  const config = plainConfig("staging") as { resource: { heroku_app: { app: Record<string, unknown> } } };
  config.resource.heroku_app.app["//"] = { metadata: { path: "staging/App/Resource" } };
  fake.writeConfig("staging", config);
  if (options.drift !== undefined) fake.stackFile("staging", "show.json", options.drift);
  return fake;
}

/** GitLab with `open` drift issues; a new issue gets iid 31. */
function gitlab(open: object[]): Handler {
  return (request) => {
    if (request.method === "GET") return { status: 200, body: open };
    if (request.method === "POST" && request.url === "/projects/7/issues") {
      return { status: 201, body: { iid: 31, title: "t", description: "d", state: "opened" } };
    }
    return { status: request.method === "POST" ? 201 : 200, body: { iid: 0, state: "opened" } };
  };
}

/** An open drift issue whose description is `description` (GitLab gives null for an empty one). */
const openIssue = (iid: number, description: string | null) => ({
  iid,
  title: "Drift",
  description,
  state: "opened",
});

/** Runs `heroku-flow drift <args>` over `fake` as the scheduled job would, with `server` as GitLab. */
async function run(fake: FakeProject, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const token = randomBytes(16).toString("hex");
  const env: NodeJS.ProcessEnv = {
    ...fake.env,
    CI_API_V4_URL: server?.url,
    CI_PROJECT_ID: "7",
    CI_PIPELINE_URL: PIPELINE_URL,
    FLOW_GITLAB_TOKEN: token,
    ...extraEnv,
  };
  const before = new Date().toISOString();
  const outcome = drift.run(args, { dir: fake.dir, env, print: (line) => lines.push(line) });
  /** The time the command stamped on what it wrote in `text` (checked to lie within the run). */
  const checkedAt = (text: string) => {
    const stamp = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/.exec(text)?.[0];
    expect(stamp).toBeDefined();
    expect(stamp! >= before && stamp! <= new Date().toISOString()).toBe(true);
    return stamp!;
  };
  return { outcome, lines, token, checkedAt, printed: () => lines.join("\n") };
}

describe("usage errors", () => {
  test.each([
    [["--bogus"], "drift: Unknown option '--bogus' (see heroku-flow drift --help)"],
    [["--issues=yes"], "drift: Option '--issues' does not take an argument (see heroku-flow drift --help)"],
    [["staging"], "drift: Unexpected argument 'staging' (see heroku-flow drift --help)"],
    [["--parallelism"], "drift: Option '--parallelism <value>' argument missing (see heroku-flow drift --help)"],
    [["--parallelism", "0"], 'drift: --parallelism "0" must be a whole number >= 1'],
    [["--parallelism", "two"], 'drift: --parallelism "two" must be a whole number >= 1'],
  ])("%j: %s", async (args, message) => {
    const fake = project();
    const { outcome } = await run(fake, args);
    await expect(outcome).rejects.toThrow(new UsageError(message));
    await expect(outcome).rejects.toBeInstanceOf(UsageError);
    expect(fake.log()).toEqual([]);
  });
});

describe("without --issues", () => {
  test("GitLab is never asked, even with no GitLab settings; drift found is exit 3", async () => {
    server = await startRecordingServer();
    const fake = project({ drift: stagingDrift() });
    const { outcome, lines } = await run(fake, [], { CI_API_V4_URL: undefined, FLOW_GITLAB_TOKEN: undefined });
    expect(await outcome).toBe(3);
    expect(server.requests).toEqual([]);
    expect(lines).toContain("Checking staging, production for changes made outside Terraform");
    expect(lines.some((line) => line.includes("issue"))).toBe(false);
  });

  test("--parallelism 1: one stack at a time, each init, plan and show before the next stack's", async () => {
    const fake = project();
    const { outcome } = await run(fake, ["--parallelism", "1"]);
    expect(await outcome).toBe(0);
    const stacks = fake
      .log()
      .filter((line) => !line.startsWith("synth"))
      .map((line) => line.split(" ")[0]);
    expect(stacks.join(" ")).toMatch(/^(staging )+(production ?)+$/);
  });

  test("a secret value a drifting plan holds is redacted from everything printed, a failed stack's error too", async () => {
    const fake = project({ drift: stagingDrift() });
    fake.stackFile("production", "exit.plan", "1");
    const { outcome, printed } = await run(fake, []);
    expect(await outcome).toBe(1);
    expect(printed()).toContain("Error: plan ****");
    expect(printed()).not.toContain(SECRET_VALUE);
  });
});

describe("--issues: missing settings and API errors", () => {
  test("no CI_API_V4_URL: an error naming it; the drift was still printed", async () => {
    const fake = project({ drift: stagingDrift() });
    const { outcome, printed } = await run(fake, ["--issues"], { CI_API_V4_URL: undefined });
    await expect(outcome).rejects.toThrow("CI_API_V4_URL is not set (GitLab's API URL)");
    expect(printed()).toContain("staging  ~ heroku_app.app");
  });

  test("no FLOW_GITLAB_TOKEN: an error naming the token it needs; GitLab not asked", async () => {
    server = await startRecordingServer(gitlab([]));
    const { outcome } = await run(project({ drift: stagingDrift() }), ["--issues"], { FLOW_GITLAB_TOKEN: "" });
    await expect(outcome).rejects.toThrow(
      "FLOW_GITLAB_TOKEN is not set (a project access token (api scope) for notes and issues)",
    );
    expect(server.requests).toEqual([]);
  });

  test("a 404 from GitLab's issues list is an error naming the call and the project's message", async () => {
    server = await startRecordingServer(() => ({ status: 404, body: { message: "404 Project Not Found" } }));
    const { outcome, token } = await run(project({ drift: stagingDrift() }), ["--issues"]);
    await expect(outcome).rejects.toThrow(`GET ${ISSUES_LIST} answered 404: {"message":"404 Project Not Found"}`);
    expect(server.requests[0].headers["private-token"]).toBe(token);
    expect(server.calls()).toEqual([`GET ${ISSUES_LIST}`]);
  });

  test("a 500 on opening an issue is an error, and no issue is reported opened", async () => {
    server = await startRecordingServer((request) =>
      request.method === "GET" ? { status: 200, body: [] } : { status: 500, body: { message: "500 Internal" } },
    );
    const { outcome, lines } = await run(project({ drift: stagingDrift() }), ["--issues"]);
    await expect(outcome).rejects.toThrow('POST /projects/7/issues answered 500: {"message":"500 Internal"}');
    expect(lines.some((line) => line.includes("opened issue"))).toBe(false);
  });

  test("a dropped connection while closing an issue is an error", async () => {
    server = await startRecordingServer((request) =>
      request.method === "GET"
        ? { status: 200, body: [openIssue(8, "<!-- heroku-flow:drift stack=production -->")] }
        : "drop",
    );
    const { outcome, lines } = await run(project(), ["--issues"]);
    await expect(outcome).rejects.toThrow("fetch failed");
    expect(lines.some((line) => line.includes("closed issue"))).toBe(false);
  });
});

describe("--issues: one issue per drifting stack", () => {
  test("new drift: one issue opened with the title, the label and a description of every changed object; exit 3", async () => {
    server = await startRecordingServer(gitlab([]));
    const { outcome, lines, checkedAt } = await run(project({ drift: stagingDrift() }), ["--issues"]);
    expect(await outcome).toBe(3);
    expect(server.calls()).toEqual([`GET ${ISSUES_LIST}`, "POST /projects/7/issues"]);
    const { description } = server.requests[1].json as { description: string };
    expect(server.requests[1].json).toEqual({
      title: "Drift: stack staging was changed outside Terraform",
      description: stagingDescription(checkedAt(description), PIPELINE_URL),
      labels: "heroku-flow-drift",
    });
    expect(description).not.toContain(SECRET_VALUE);
    expect(lines).toContain("  staging: drift, opened issue #31");
  });

  test("no CI_PIPELINE_URL: the description says when it was checked, without a pipeline link", async () => {
    server = await startRecordingServer(gitlab([]));
    const { outcome, checkedAt } = await run(project({ drift: stagingDrift() }), ["--issues"], {
      CI_PIPELINE_URL: undefined,
    });
    expect(await outcome).toBe(3);
    const { description } = server.requests[1].json as { description: string };
    expect(description).toBe(stagingDescription(checkedAt(description)));
  });

  test("the same drift persists (only a secret's value differs): the description is edited in place, no note", async () => {
    const previous = stagingDescription("2026-01-01T00:00:00.000Z");
    server = await startRecordingServer(
      gitlab([openIssue(40, null), openIssue(41, "some other issue"), openIssue(12, previous)]),
    );
    const { outcome, lines, checkedAt } = await run(project({ drift: stagingDrift("debug", "another secret value") }), [
      "--issues",
    ]);
    expect(await outcome).toBe(3);
    expect(server.calls()).toEqual([`GET ${ISSUES_LIST}`, "PUT /projects/7/issues/12"]);
    const { description } = server.requests[1].json as { description: string };
    expect(server.requests[1].json).toEqual({ description: stagingDescription(checkedAt(description), PIPELINE_URL) });
    expect(lines).toContain("  staging: drift persists, updated issue #12");
  });

  test("the drift changed: the description is edited and a note says so (GitLab notifies on notes)", async () => {
    server = await startRecordingServer(gitlab([openIssue(12, stagingDescription("2026-01-01T00:00:00.000Z"))]));
    const { outcome, lines, checkedAt } = await run(project({ drift: stagingDrift("warn") }), ["--issues"]);
    expect(await outcome).toBe(3);
    expect(server.calls()).toEqual([
      `GET ${ISSUES_LIST}`,
      "PUT /projects/7/issues/12",
      "POST /projects/7/issues/12/notes",
    ]);
    const { description } = server.requests[1].json as { description: string };
    expect(description).toBe(stagingDescription(checkedAt(description), PIPELINE_URL, "warn"));
    expect(server.requests[2].json).toEqual({ body: "The drift changed; the description lists it as it is now." });
    expect(lines).toContain("  staging: drift changed, updated issue #12");
  });

  test("the drift is gone: a note saying when it was checked, then the issue closed; exit 0", async () => {
    server = await startRecordingServer(
      gitlab([openIssue(8, "<!-- heroku-flow:drift stack=production -->\nold drift"), openIssue(9, null)]),
    );
    const { outcome, lines, checkedAt } = await run(project(), ["--issues"]);
    expect(await outcome).toBe(0);
    expect(server.calls()).toEqual([
      `GET ${ISSUES_LIST}`,
      "POST /projects/7/issues/8/notes",
      "PUT /projects/7/issues/8",
    ]);
    const { body } = server.requests[1].json as { body: string };
    expect(body).toBe(`No drift found any more (checked ${checkedAt(body)}). Closing.`);
    expect(server.requests[2].json).toEqual({ state_event: "close" });
    expect(lines).toContain("  production: drift gone, closed issue #8");
  });

  test("no drift and no issue: nothing but the list is asked", async () => {
    server = await startRecordingServer(gitlab([openIssue(9, "<!-- heroku-flow:drift stack=staging-eu -->")]));
    const { outcome, lines } = await run(project(), ["--issues"]);
    expect(await outcome).toBe(0);
    expect(server.calls()).toEqual([`GET ${ISSUES_LIST}`]);
    expect(lines.filter((line) => line.includes("issue"))).toEqual([]);
  });

  test("a stack that could not be checked keeps its issue untouched, while drift elsewhere is reported; exit 1", async () => {
    server = await startRecordingServer(gitlab([openIssue(8, "<!-- heroku-flow:drift stack=production -->")]));
    const fake = project({ drift: stagingDrift() });
    fake.stackFile("production", "exit.plan", "1");
    const { outcome, lines } = await run(fake, ["--issues"]);
    expect(await outcome).toBe(1);
    expect(server.calls()).toEqual([`GET ${ISSUES_LIST}`, "POST /projects/7/issues"]);
    expect(lines).toContain("  staging: drift, opened issue #31");
    expect(lines.some((line) => line.startsWith("  production:"))).toBe(false);
  });
});
