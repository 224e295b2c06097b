/**
 * `HEROKU_FLOW_CODE_PUSH=container`: `HerokuApi.pushCode` releases the job's Docker image as `heroku container:push`
 * and `heroku container:release` do, against a sandbox started in-process and a fake `docker` on PATH that logs its
 * calls (argv, and stdin apart) and answers `inspect` with an image id derived from the image it is asked about.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { HerokuApi } from "../../cli/platform/heroku-api";
import { startSandbox, type TestSandbox } from "../sandbox/client";

const FAKE_DOCKER = `#!/bin/sh
# Logs each call's argv to $FAKE_DOCKER_LOG/argv and its stdin, when any, to $FAKE_DOCKER_LOG/stdin; fails the step
# named by $FAKE_DOCKER_FAIL, echoing its stdin to stderr (as a careless tool might echo a password); with
# $FAKE_DOCKER_NO_ID, inspect prints nothing.
input=$(cat)
printf '%s\\n' "$*" >> "$FAKE_DOCKER_LOG/argv"
[ -n "$input" ] && printf '%s\\n' "$input" >> "$FAKE_DOCKER_LOG/stdin"
if [ "$1" = "$FAKE_DOCKER_FAIL" ]; then
  echo "Error response from daemon: refused $input" >&2
  exit 1
fi
if [ "$1" = inspect ] && [ -z "$FAKE_DOCKER_NO_ID" ]; then
  printf 'sha256:%s\\n' "$(printf '%s' "$3" | sha256sum | cut -c1-64)"
fi
exit 0
`;

const REGISTRY = "registry.sandbox.test";
const IMAGE = "registry.gitlab.example/acme/shop:0123abc";
const PROCESS_TYPES = { web: "npm start", worker: "node worker.js" };

/** The id the fake docker answers for `target`. */
const imageId = (target: string) => `sha256:${createHash("sha256").update(target).digest("hex")}`;

let t: TestSandbox;
let root: string;
let bin: string;
beforeAll(async () => {
  t = await startSandbox();
  root = fs.mkdtempSync(path.join(os.tmpdir(), "fake-docker-"));
  bin = path.join(root, "bin");
  fs.mkdirSync(bin);
  fs.writeFileSync(path.join(bin, "docker"), FAKE_DOCKER, { mode: 0o755 });
});
afterEach(() => {
  jest.restoreAllMocks();
});
afterAll(async () => {
  await t?.sandbox.close();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh log directory and the environment of a container release with the fake docker first on PATH. */
function containerEnv(overrides: NodeJS.ProcessEnv = {}): { env: NodeJS.ProcessEnv; log: string } {
  const log = fs.mkdtempSync(path.join(root, "log-"));
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    FAKE_DOCKER_LOG: log,
    HEROKU_API_URL: t.sandbox.herokuUrl,
    HEROKU_API_KEY: t.herokuApiKey,
    HEROKU_FLOW_CODE_PUSH: "container",
    HEROKU_FLOW_IMAGE: IMAGE,
    HEROKU_REGISTRY: REGISTRY,
    ...overrides,
  };
  return { env, log };
}

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");

async function createApp(name: string, stack = "container"): Promise<void> {
  expect((await t.heroku("POST", "/apps", { name, stack })).status).toBe(201);
}

test("logs in with the key on stdin, tags, pushes and inspects per type, then releases the ids in one PATCH", async () => {
  await createApp("ctr-shop");
  const { env, log } = containerEnv();
  const fetchSpy = jest.spyOn(globalThis, "fetch");

  await HerokuApi.fromEnv(env).pushCode("ctr-shop", PROCESS_TYPES);

  // One API call: the batch update, in the docker-releases variant Heroku's CLI uses.
  expect(fetchSpy.mock.calls.map(([url, init]) => [String(url), init?.method])).toEqual([
    [`${t.sandbox.herokuUrl}/apps/ctr-shop/formation`, "PATCH"],
  ]);
  expect(fetchSpy.mock.calls[0][1]?.headers).toMatchObject({
    Accept: "application/vnd.heroku+json; version=3.docker-releases",
  });

  const calls = read(path.join(log, "argv")).trim().split("\n");
  expect(calls).toEqual([
    `login --username=_ --password-stdin ${REGISTRY}`,
    `tag ${IMAGE} ${REGISTRY}/ctr-shop/web`,
    `push ${REGISTRY}/ctr-shop/web`,
    `inspect --format={{.Id}} ${REGISTRY}/ctr-shop/web`,
    `tag ${IMAGE} ${REGISTRY}/ctr-shop/worker`,
    `push ${REGISTRY}/ctr-shop/worker`,
    `inspect --format={{.Id}} ${REGISTRY}/ctr-shop/worker`,
  ]);
  // The key went to docker on stdin, once, and nowhere else.
  expect(read(path.join(log, "stdin"))).toBe(`${t.herokuApiKey}\n`);
  expect(read(path.join(log, "argv"))).not.toContain(t.herokuApiKey);

  const formation = (await t.heroku("GET", "/apps/ctr-shop/formation")).body;
  expect(Object.fromEntries(formation.map((f: any) => [f.type, f.command]))).toEqual({
    web: imageId(`${REGISTRY}/ctr-shop/web`),
    worker: imageId(`${REGISTRY}/ctr-shop/worker`),
  });
  const [newest] = (await t.heroku("GET", "/apps/ctr-shop/releases", undefined, { range: "version ..; order=desc" }))
    .body;
  expect(newest).toMatchObject({ version: 2, current: true, description: expect.stringMatching(/^Deployed web \(/) });
});

test("the registry defaults to registry.heroku.com", async () => {
  await createApp("ctr-default");
  const { env, log } = containerEnv({ HEROKU_REGISTRY: undefined });
  await HerokuApi.fromEnv(env).pushCode("ctr-default", { web: "npm start" });
  expect(read(path.join(log, "argv"))).toContain("push registry.heroku.com/ctr-default/web\n");
});

test("HEROKU_FLOW_IMAGE missing: one error naming the setting, and docker is never run", async () => {
  await createApp("ctr-noimage");
  const { env, log } = containerEnv({ HEROKU_FLOW_IMAGE: undefined });
  await expect(HerokuApi.fromEnv(env).pushCode("ctr-noimage", PROCESS_TYPES)).rejects.toThrow(
    /^HEROKU_FLOW_IMAGE is not set: the container release to ctr-noimage needs the Docker image the job built$/,
  );
  expect(read(path.join(log, "argv"))).toBe("");
  expect((await t.heroku("GET", "/apps/ctr-noimage/releases")).body).toHaveLength(1);
});

test("a failing docker step: one error naming the step and the process type, nothing released", async () => {
  await createApp("ctr-push-fails");
  const { env } = containerEnv({ FAKE_DOCKER_FAIL: "push" });
  await expect(HerokuApi.fromEnv(env).pushCode("ctr-push-fails", PROCESS_TYPES)).rejects.toThrow(
    `docker push of process type web (${REGISTRY}/ctr-push-fails/web) failed (exit 1): Error response from daemon: refused`,
  );
  expect((await t.heroku("GET", "/apps/ctr-push-fails/releases")).body).toHaveLength(1);
});

test("an image docker cannot name the id of: one error naming the step, nothing released", async () => {
  await createApp("ctr-no-id");
  const { env } = containerEnv({ FAKE_DOCKER_NO_ID: "1" });
  await expect(HerokuApi.fromEnv(env).pushCode("ctr-no-id", PROCESS_TYPES)).rejects.toThrow(
    `docker inspect of process type web (${REGISTRY}/ctr-no-id/web) printed no image id`,
  );
  expect((await t.heroku("GET", "/apps/ctr-no-id/releases")).body).toHaveLength(1);
});

test("a failing login shows docker's stderr with the API key masked", async () => {
  await createApp("ctr-login-fails");
  const { env } = containerEnv({ FAKE_DOCKER_FAIL: "login" });
  const failure = HerokuApi.fromEnv(env).pushCode("ctr-login-fails", PROCESS_TYPES);
  await expect(failure).rejects.toThrow(
    `docker login to ${REGISTRY} failed (exit 1): Error response from daemon: refused ****`,
  );
  await expect(failure).rejects.not.toThrow(t.herokuApiKey);
});

test("an app on another stack: the sandbox refuses the release as Heroku does", async () => {
  await createApp("ctr-buildpack", "heroku-24");
  const { env } = containerEnv();
  await expect(HerokuApi.fromEnv(env).pushCode("ctr-buildpack", PROCESS_TYPES)).rejects.toThrow(
    /PATCH \/apps\/ctr-buildpack\/formation answered 422: .*invalid_params.*container stack/,
  );
});

test("no process types: refused before any docker step", async () => {
  await createApp("ctr-notypes");
  const { env, log } = containerEnv();
  await expect(HerokuApi.fromEnv(env).pushCode("ctr-notypes", {})).rejects.toThrow(
    "the container release to ctr-notypes needs the code's process types",
  );
  expect(read(path.join(log, "argv"))).toBe("");
});
