/**
 * `heroku-flow release STACK` / `--review ID`, run in process over a fake project (no Terraform) against a recording
 * stand-in for Heroku's API, with the sandbox code source (`HEROKU_FLOW_CODE_PUSH=sandbox`: one POST, no git). A deploy
 * job runs release right after apply: a release to the wrong app, or a failed push reported as done, would ship or
 * hide the wrong code. So the tests pin how the stack is chosen (named, or the merge request's review stack), each
 * usage error, each refusal before any call, the exact push request, and that an API error is an error.
 */
import { randomBytes } from "node:crypto";
import { UsageError } from "../../../cli/command";
import { release } from "../../../cli/commands/release";
import { fakeProject, removeFakeProjects, THREE_STACKS, type FakeProject } from "../engine/support/fake-project";
import { startRecordingServer, type RecordingServer } from "../../support/recording-server";

afterAll(removeFakeProjects);

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The plain app and the review stack of merge request 42. */
const STACKS = [
  ...THREE_STACKS,
  {
    name: "review-42",
    kind: "review" as const,
    reviewId: "42",
    deployOn: "review" as const,
    apps: [{ name: "songlist-review-42", formation: ["web"] }],
  },
];

const PROCESS_TYPES = { web: "npm start", worker: "node worker.js" };

const project = () => fakeProject({ stacks: STACKS, processTypes: PROCESS_TYPES });

/** Runs `heroku-flow release <args>` over `project`, the sandbox code source, `server` as Heroku's API. */
async function run(fake: FakeProject, args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const apiKey = randomBytes(16).toString("hex");
  const env = {
    ...fake.env,
    HEROKU_API_URL: server?.url,
    HEROKU_API_KEY: apiKey,
    HEROKU_FLOW_CODE_PUSH: "sandbox",
    ...extraEnv,
  };
  const outcome = release.run(args, { dir: fake.dir, env, print: (line) => lines.push(line) });
  // Progress lines ("  app   synth (+0.1 s)") are the engine's; the command's own lines are the others.
  const said = () => lines.filter((line) => !line.startsWith("  "));
  return { outcome, said, apiKey };
}

describe("usage errors", () => {
  test.each([
    [[], "release: name the stacks (e.g. release staging) or give --review ID"],
    [["staging", "production"], "release: name one stack"],
    [["--review", "42", "staging"], "release: give stack names or --review ID, not both"],
    [["--review", " "], "release: --review needs a review id"],
    [["--review"], "release: Option '--review <value>' argument missing (see heroku-flow release --help)"],
    [["staging", "--force"], "release: Unknown option '--force' (see heroku-flow release --help)"],
  ])("%j: %s", async (args, message) => {
    server = await startRecordingServer();
    const fake = project();
    const { outcome } = await run(fake, args);
    await expect(outcome).rejects.toThrow(new UsageError(message));
    await expect(outcome).rejects.toBeInstanceOf(UsageError);
    expect(fake.log()).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe("the push", () => {
  test("a named stack: synthesizes, then one push of the code's process types to its app; exit 0", async () => {
    server = await startRecordingServer(() => ({ status: 201, body: {} }));
    const fake = project();
    const { outcome, said, apiKey } = await run(fake, ["staging"]);
    expect(await outcome).toBe(0);
    expect(fake.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
    expect(server.calls()).toEqual(["POST /sandbox/apps/songlist-staging/push"]);
    const [push] = server.requests;
    expect(push.json).toEqual({ process_types: PROCESS_TYPES });
    expect(push.headers.authorization).toBe(`Basic ${Buffer.from(`:${apiKey}`).toString("base64")}`);
    expect(said()).toEqual(["Released the code to songlist-staging (stack staging)."]);
  });

  test("--review ID: releases to the review stack made for that merge request", async () => {
    server = await startRecordingServer(() => ({ status: 201, body: {} }));
    const { outcome, said } = await run(project(), ["--review", "42"]);
    expect(await outcome).toBe(0);
    expect(server.calls()).toEqual(["POST /sandbox/apps/songlist-review-42/push"]);
    expect(said()).toEqual(["Released the code to songlist-review-42 (stack review-42)."]);
  });

  test("--review ID with no review stack for it: an error naming the id; nothing pushed", async () => {
    server = await startRecordingServer();
    const { outcome } = await run(project(), ["--review", "43"]);
    await expect(outcome).rejects.toThrow('the app has no review stack for review id "43"');
    expect(server.requests).toEqual([]);
  });

  test("a stack the app does not have: an error naming the stacks it has; nothing pushed", async () => {
    server = await startRecordingServer();
    const { outcome } = await run(project(), ["stagin"]);
    await expect(outcome).rejects.toThrow(
      "no stack named stagin; the app has pipeline, staging, production, review-42",
    );
    expect(server.requests).toEqual([]);
  });

  test("--promote-from: both names checked at once, before git or Heroku is asked; nothing pushed", async () => {
    server = await startRecordingServer();
    const { outcome } = await run(project(), ["stagin", "--promote-from", "prod"]);
    await expect(outcome).rejects.toThrow(
      new Error("no stack named stagin, prod; the app has pipeline, staging, production, review-42"),
    );
    expect(server.requests).toEqual([]);
  });

  test("a stack without an app (the pipeline): an error saying a stack with exactly one app is needed", async () => {
    server = await startRecordingServer();
    const { outcome } = await run(project(), ["pipeline"]);
    await expect(outcome).rejects.toThrow(
      "stack pipeline declares 0 apps; this command needs a stack with exactly one",
    );
    expect(server.requests).toEqual([]);
  });

  test("no HEROKU_API_KEY: an error naming the setting; nothing pushed", async () => {
    server = await startRecordingServer();
    const { outcome, said } = await run(project(), ["staging"], { HEROKU_API_KEY: undefined });
    await expect(outcome).rejects.toThrow("HEROKU_API_KEY is not set");
    expect(server.requests).toEqual([]);
    expect(said()).toEqual([]);
  });

  test("a 422 from the push is an error with Heroku's message, and nothing says released", async () => {
    server = await startRecordingServer(() => ({
      status: 422,
      body: { id: "invalid_params", message: "process_types is invalid" },
    }));
    const { outcome, said } = await run(project(), ["production"]);
    await expect(outcome).rejects.toThrow(
      'POST /sandbox/apps/songlist-production/push answered 422: {"id":"invalid_params","message":"process_types is invalid"}',
    );
    expect(said()).toEqual([]);
  });

  test("a dropped connection is an error, and nothing says released", async () => {
    server = await startRecordingServer(() => "drop");
    const { outcome, said } = await run(project(), ["staging"]);
    await expect(outcome).rejects.toThrow("fetch failed");
    expect(server.calls()).toEqual(["POST /sandbox/apps/songlist-staging/push"]);
    expect(said()).toEqual([]);
  });
});
