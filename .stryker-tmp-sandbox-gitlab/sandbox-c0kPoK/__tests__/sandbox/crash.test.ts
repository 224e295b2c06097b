/**
 * Persistence under a crash: a sandbox process is killed (SIGKILL, no shutdown hook) while clients write to it, then
 * restarted from its state file. Every change it acknowledged is there, and the file is never half-written.
 */
// @ts-nocheck

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeRunFile } from "../../sandbox/run-file";
import { startSandbox } from "./client";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "sandbox-crash-"));
const stateFile = join(dir, "state.json");
const runFile = join(dir, "run.json");
const keys = { herokuApiKey: randomBytes(16).toString("hex"), gitlabToken: randomBytes(16).toString("hex") };
const auth = { authorization: `Basic ${Buffer.from(`t:${keys.herokuApiKey}`).toString("base64")}` };

const children: ChildProcess[] = [];
/** Rounds of kill and restart at the most, until one kill has landed mid-write. */
const MAX_ROUNDS = 10;
/** How long each write of the killed sandboxes holds between its temp file and the rename. */
const WRITE_PAUSE_MS = 300;

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts `sandbox/cli.ts serve` in a child process and resolves with its URL. Node itself runs the server (tsx as a
 * loader, not the tsx wrapper binary), so that SIGKILL reaches the process that writes the state.
 */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  writeRunFile(runFile, { ...keys, stateFile });
  const child = spawn(process.execPath, ["--import", "tsx", "sandbox/cli.ts", "serve", "--run-file", runFile], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    // Every write holds between its temp file and the rename, so the kill below lands mid-write on a busy machine too.
    env: { ...process.env, HEROKU_FLOW_SANDBOX_WRITE_PAUSE_MS: String(WRITE_PAUSE_MS) },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/\S+/.exec(out)?.[0];
      if (url) resolve({ child, url });
    });
    child.on("exit", (code) => reject(new Error(`sandbox exited ${code} before listening`)));
  });
}

async function patch(url: string, vars: Record<string, string>): Promise<number> {
  const response = await fetch(`${url}/apps/crash-app/config-vars`, {
    method: "PATCH",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify(vars),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Resolves when the sandbox opens a temp file for its next write (or after `fallbackMs`). */
function nextWriteStarts(fallbackMs: number): Promise<void> {
  return new Promise((resolve) => {
    const watcher = watch(dir, (_event, name) => {
      if (name?.endsWith(".tmp")) done();
    });
    const timer = setTimeout(() => done(), fallbackMs);
    function done(): void {
      clearTimeout(timer);
      watcher.close();
      resolve();
    }
  });
}

const tempFiles = (): string[] => readdirSync(dir).filter((name) => name.endsWith(".tmp"));

test("SIGKILL during writes loses no acknowledged change and leaves no half-written state", async () => {
  const acknowledged: string[] = [];
  let killedMidWrite = 0;
  // Three rounds at least; more (up to ten) until one kill has landed mid-write: on a busy machine a write can finish
  // between the moment its temp file appears and the moment the kill arrives.
  for (let round = 1; round <= 3 || (killedMidWrite === 0 && round <= MAX_ROUNDS); round++) {
    const { child, url } = await serve();
    if (acknowledged.length === 0) {
      await fetch(`${url}/apps`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ name: "crash-app" }),
      });
      // A large document makes every write take long enough for the kill to land in the middle of one.
      expect(await patch(url, { BALLAST: "x".repeat(8 * 1024 * 1024) })).toBe(200);
    }
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let n = 0; !stop; n++) {
        const key = `K${round}_${writer}_${n}`;
        try {
          if ((await patch(url, { [key]: "v" })) === 200) acknowledged.push(key);
        } catch {
          return; // the connection died with the process
        }
      }
    });
    // Let a write of this round complete (it must survive the kill), then kill the process the moment it starts the
    // next one: the write pause holds it there.
    const before = acknowledged.length;
    for (let waited = 0; acknowledged.length === before && waited < 10_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await nextWriteStarts(2000);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    stop = true;
    await Promise.all(writers);
    await expect(fetch(`${url}/sandbox/health`)).rejects.toThrow();
    if (tempFiles().length > 0) killedMidWrite++;

    // The file on disk is a whole document, whichever write the kill interrupted.
    const onDisk = JSON.parse(readFileSync(stateFile, "utf8"));
    const vars = onDisk.apps[0].configVars;
    for (const key of acknowledged) expect(vars).toHaveProperty(key, "v");
  }
  expect(acknowledged.length).toBeGreaterThan(0);
  // At least one kill landed while a write was under way (its temp file is still there).
  expect(killedMidWrite).toBeGreaterThan(0);

  const restarted = await startSandbox({ ...keys, stateFile });
  try {
    const vars = (await restarted.heroku("GET", "/apps/crash-app/config-vars")).body;
    for (const key of acknowledged) expect(vars[key]).toBe("v");
    // Versions still count 1..n: no release was half-recorded.
    const releases = (await restarted.heroku("GET", "/apps/crash-app/releases")).body as { version: number }[];
    expect(releases.map((r) => r.version)).toEqual(releases.map((_, i) => i + 1));
    // Temp files of interrupted writes are cleared on start.
    expect(tempFiles()).toEqual([]);
    expect(existsSync(stateFile)).toBe(true);
  } finally {
    await restarted.sandbox.close();
  }
}, 180_000);
