/**
 * The sandbox CLI as two checkouts use it side by side: each has its own run file and state (by default `.sandbox/`
 * in the checkout), `reset` empties one without touching the other, `stop` stops it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultRunFilePath, projectSandboxDir, readRunFile } from "../../sandbox/run-file";

const ROOT = join(__dirname, "..", "..");
const dirs = [mkdtempSync(join(tmpdir(), "clone-a-")), mkdtempSync(join(tmpdir(), "clone-b-"))];
const runFiles = dirs.map((dir) => join(dir, ".sandbox", "run.json"));

function cli(...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(join(ROOT, "node_modules", ".bin", "tsx"), ["sandbox/cli.ts", ...args], { cwd: ROOT });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

async function heroku(runFile: string, method: string, path: string, body?: unknown) {
  const run = readRunFile(runFile);
  const response = await fetch(`${run?.url}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`t:${run?.herokuApiKey}`).toString("base64")}`,
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: (await response.json()) as any };
}

afterAll(async () => {
  for (const runFile of runFiles) await cli("stop", "--run-file", runFile);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

test("by default a checkout's sandbox lives in the checkout, git-ignored", () => {
  expect(defaultRunFilePath({}, ROOT)).toBe(join(ROOT, ".sandbox", "run.json"));
  expect(projectSandboxDir(ROOT)).toBe(join(ROOT, ".sandbox"));
  expect(defaultRunFilePath({ HEROKU_FLOW_SANDBOX_RUN_FILE: "/elsewhere/run.json" })).toBe("/elsewhere/run.json");
});

test("two clones run separate sandboxes; the same app name deploys in both; reset empties one", async () => {
  // Only the first clone's user joins the Heroku team acme (start passes --team on to the `serve` it launches).
  const started = await Promise.all(
    runFiles.map((runFile, i) =>
      cli("start", "--run-file", runFile, "--project", "acme/web", ...(i ? [] : ["--team", "acme"])),
    ),
  );
  for (const result of started) expect(result).toMatchObject({ code: 0 });
  const [a, b] = runFiles.map((runFile) => readRunFile(runFile));
  expect(a?.url).not.toBe(b?.url);
  expect(a?.stateFile).not.toBe(b?.stateFile);
  // Each has a CircleCI token of its own, which its CircleCI API accepts.
  expect(a?.circleciToken).toMatch(/^\S{16,}$/);
  expect(a?.circleciToken).not.toBe(b?.circleciToken);
  const contexts = await fetch(`${a?.url}/circleci/api/v2/context/${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}`, {
    headers: { "circle-token": a?.circleciToken ?? "" },
  });
  expect(contexts.status).toBe(404);
  expect(await contexts.json()).toEqual({ message: "Context not found" });

  for (const runFile of runFiles)
    expect((await heroku(runFile, "POST", "/apps", { name: "same-name" })).status).toBe(201);
  expect((await heroku(runFiles[0], "GET", "/sandbox/state")).body.gitlab.projects).toHaveLength(1);
  const teamApp = (runFile: string, team: string) =>
    heroku(runFile, "POST", "/teams/apps", { team, name: `${team}-web`, personal: false });
  expect((await teamApp(runFiles[0], "acme")).status).toBe(201);
  expect((await teamApp(runFiles[0], "other")).status).toBe(404);
  expect((await teamApp(runFiles[1], "acme")).status).toBe(404);

  expect(await cli("reset", "--run-file", runFiles[0])).toMatchObject({ code: 0 });
  const emptied = (await heroku(runFiles[0], "GET", "/sandbox/state")).body;
  expect(emptied.apps).toEqual([]);
  expect(emptied.gitlab.projects).toEqual([]);
  expect((await heroku(runFiles[1], "GET", "/apps/same-name")).status).toBe(200);

  // Reset of a stopped sandbox removes its state file; it starts empty.
  expect(await cli("stop", "--run-file", runFiles[1])).toMatchObject({ code: 0 });
  expect(await cli("reset", "--run-file", runFiles[1])).toMatchObject({ code: 0 });
  expect(await cli("start", "--run-file", runFiles[1])).toMatchObject({ code: 0 });
  expect((await heroku(runFiles[1], "GET", "/sandbox/state")).body.apps).toEqual([]);
}, 60_000);

test("a team name Heroku refuses: exit 2, the flag, the value and the rule; nothing started", async () => {
  const runFile = join(dirs[0], "refused", "run.json");
  const refused = await cli("start", "--run-file", runFile, "--team", "Acme");
  expect(refused).toEqual({
    code: 2,
    output: 'invalid --team "Acme": a team name is lowercase letters, digits and dashes, starting with a letter\n',
  });
  expect(readRunFile(runFile)).toBeUndefined();
}, 30_000);

test("inspect shows what exists with every secret masked", async () => {
  const runFile = runFiles[1];
  expect(await cli("start", "--run-file", runFile)).toMatchObject({ code: 0 });
  expect((await heroku(runFile, "POST", "/apps", { name: "inspected-app" })).status).toBe(201);
  const secret = "s3cr3t-value-that-must-not-print";
  const patch = await heroku(runFile, "PATCH", "/apps/inspected-app/config-vars", {
    SECRET_KEY: secret,
    DATABASE_URL: `postgres://user:${secret}@db.example.test:5432/app`,
    LOG_LEVEL: "debug",
  });
  expect(patch.status).toBe(200);

  const inspected = await cli("inspect", "--run-file", runFile);
  expect(inspected.code).toBe(0);
  expect(inspected.output).toContain("inspected-app");
  expect(inspected.output).toContain("LOG_LEVEL=debug");
  expect(inspected.output).toContain("SECRET_KEY=****");
  expect(inspected.output).toContain("DATABASE_URL=****");
  expect(inspected.output).not.toContain(secret);
}, 60_000);
