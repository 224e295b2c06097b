/**
 * `heroku-flow rollback STACK`, run in process over a fake project (no Terraform) against a recording stand-in for
 * Heroku's Platform API. Rollback is what an operator runs when production is broken, so its refusals matter as much
 * as its success: a wrong stack, a stack without an app, a missing key, an app with nothing to go back to or an API
 * error must each stop with one line and exit non-zero, and never create a release; and when it does roll back it
 * must ask Heroku for exactly the newest successful release before the current one.
 */
import { randomBytes } from "node:crypto";
import { UsageError } from "../../../cli/command";
import { rollback } from "../../../cli/commands/rollback";
import { fakeProject, removeFakeProjects, THREE_STACKS, type FakeProject } from "../engine/support/fake-project";
import { startRecordingServer, type Handler, type RecordingServer } from "../../support/recording-server";

afterAll(removeFakeProjects);

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A release as Heroku lists it. */
function herokuRelease(version: number, status = "succeeded", description = `Deploy v${version}`) {
  return { id: `release-${version}`, version, description, status };
}

/** The newest releases Heroku answers for the app (newest first), and what a rollback POST creates. */
function herokuAnswering(releases: object[], created = herokuRelease(9, "succeeded", "Rollback")): Handler {
  return (request) => (request.method === "GET" ? { status: 206, body: releases } : { status: 201, body: created });
}

/** Runs `heroku-flow rollback <args>` over `project` with a Heroku key and `server` as Heroku's API. */
async function run(project: FakeProject, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const apiKey = randomBytes(16).toString("hex");
  const env = { ...project.env, HEROKU_API_URL: server?.url, HEROKU_API_KEY: apiKey, ...extraEnv };
  const outcome = rollback.run(args, { dir: project.dir, env, print: (line) => lines.push(line) });
  return { outcome, lines, apiKey };
}

const project = () => fakeProject({ stacks: THREE_STACKS });

describe("usage errors", () => {
  test.each([[[]], [["staging", "production"]]])("%j: exactly one stack must be named", async (args) => {
    const { outcome } = await run(project(), args);
    await expect(outcome).rejects.toThrow(new UsageError("rollback: name exactly one stack, e.g. rollback production"));
    await expect(outcome).rejects.toBeInstanceOf(UsageError);
  });

  test("an unknown option is a usage error naming it and the help", async () => {
    const { outcome } = await run(project(), ["production", "--to", "v3"]);
    await expect(outcome).rejects.toBeInstanceOf(UsageError);
    await expect(outcome).rejects.toThrow("rollback: Unknown option '--to' (see heroku-flow rollback --help)");
  });
});

describe("refusals before any API call", () => {
  test("a stack the app does not have is an error naming the stacks it has; Heroku is not asked", async () => {
    server = await startRecordingServer();
    const fake = project();
    const { outcome } = await run(fake, ["prod"]);
    await expect(outcome).rejects.toThrow("no stack named prod; the app has pipeline, staging, production");
    expect(fake.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
    expect(server.requests).toEqual([]);
  });

  test("a stack without exactly one Heroku app (the pipeline) is an error saying so", async () => {
    server = await startRecordingServer();
    const { outcome } = await run(project(), ["pipeline"]);
    await expect(outcome).rejects.toThrow(
      "stack pipeline declares 0 apps; this command needs a stack with exactly one",
    );
    expect(server.requests).toEqual([]);
  });

  test("no HEROKU_API_KEY: an error naming the setting", async () => {
    server = await startRecordingServer();
    const { outcome } = await run(project(), ["production"], { HEROKU_API_KEY: "" });
    await expect(outcome).rejects.toThrow(
      "HEROKU_API_KEY is not set (the Heroku API key flow and the Heroku provider use)",
    );
    expect(server.requests).toEqual([]);
  });
});

describe("what Heroku is asked", () => {
  test("rolls back to the newest successful release before the current one, skipping failed ones; exit 0", async () => {
    server = await startRecordingServer(
      herokuAnswering(
        [
          herokuRelease(7, "failed"),
          herokuRelease(6),
          herokuRelease(5, "pending"),
          herokuRelease(4, "failed"),
          herokuRelease(3, "succeeded", "Deploy abc1234"),
        ],
        herokuRelease(8, "succeeded", "Rollback to v3"),
      ),
    );
    const { outcome, lines, apiKey } = await run(project(), ["production"]);
    expect(await outcome).toBe(0);
    expect(server.calls()).toEqual([
      "GET /apps/songlist-production/releases",
      "POST /apps/songlist-production/releases",
    ]);
    const [list, create] = server.requests;
    expect(list.headers.range).toBe("version ..; order=desc, max=20");
    expect(list.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(list.headers.accept).toBe("application/vnd.heroku+json; version=3");
    expect(create.json).toEqual({ release: "release-3" });
    expect(lines).toContain(
      'Rolled songlist-production (stack production) back from v6 to v3 ("Deploy abc1234"): ' +
        'new release v8 "Rollback to v3".',
    );
  });

  test("an app with no successful release: refused in one line, exit 1, no release created", async () => {
    server = await startRecordingServer(herokuAnswering([herokuRelease(2, "failed"), herokuRelease(1, "pending")]));
    const { outcome, lines } = await run(project(), ["staging"]);
    expect(await outcome).toBe(1);
    expect(lines).toContain("Refused: songlist-staging has no successful release; there is nothing to roll back.");
    expect(server.calls()).toEqual(["GET /apps/songlist-staging/releases"]);
  });

  test("an app with only one successful release: refused, exit 1, no release created", async () => {
    server = await startRecordingServer(herokuAnswering([herokuRelease(3), herokuRelease(2, "failed")]));
    const { outcome, lines } = await run(project(), ["production"]);
    expect(await outcome).toBe(1);
    expect(lines).toContain("Refused: songlist-production has only v3; there is no earlier release to go back to.");
    expect(lines.some((line) => line.startsWith("Rolled"))).toBe(false);
    expect(server.calls()).toEqual(["GET /apps/songlist-production/releases"]);
  });

  test("a 404 from the releases list is an error naming the call and Heroku's message; nothing rolled back", async () => {
    server = await startRecordingServer(() => ({
      status: 404,
      body: { id: "not_found", message: "Couldn't find that app." },
    }));
    const { outcome, lines } = await run(project(), ["production"]);
    await expect(outcome).rejects.toThrow(
      'GET /apps/songlist-production/releases answered 404: {"id":"not_found","message":"Couldn\'t find that app."}',
    );
    expect(server.calls()).toEqual(["GET /apps/songlist-production/releases"]);
    expect(lines.some((line) => line.startsWith("Rolled"))).toBe(false);
  });

  test("a 5xx on the rollback itself is an error, and no success line is printed", async () => {
    server = await startRecordingServer((request) =>
      request.method === "GET"
        ? { status: 200, body: [herokuRelease(5), herokuRelease(4)] }
        : { status: 503, body: { id: "unavailable", message: "try again" } },
    );
    const { outcome, lines, apiKey } = await run(project(), ["production"]);
    await expect(outcome).rejects.toThrow(
      'POST /apps/songlist-production/releases answered 503: {"id":"unavailable","message":"try again"}',
    );
    await expect(outcome).rejects.not.toThrow(apiKey);
    expect(server.requests[1].json).toEqual({ release: "release-4" });
    expect(lines.some((line) => line.startsWith("Rolled"))).toBe(false);
  });
});
