/**
 * The request log (`sandbox start --request-log FILE`): one JSON line per request with method, path, status and
 * milliseconds, credentials masked, never a header value or a body; and nothing at all unless asked for.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as requestLog from "../../sandbox/request-log";
import { maskPath, MASK, requestLogFile } from "../../sandbox/request-log";
import { writeRunFile } from "../../sandbox/run-file";
import { startSandbox, type TestSandbox } from "./client";

const ROOT = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "sandbox-request-log-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Waits until `read` returns `count` lines: a line is written once the response has gone out (Fastify's onResponse),
 * which can be a moment after the client has read it.
 */
async function linesOf(read: () => string[], count: number): Promise<string[]> {
  const deadline = Date.now() + 2_000;
  while (read().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return read();
}

describe("maskPath", () => {
  it("masks the values of credential-like query parameters and keeps the rest as sent", () => {
    expect(maskPath("/api/v4/projects?private_token=abc&per_page=20&job_token=def&author_id=7")).toBe(
      `/api/v4/projects?private_token=${MASK}&per_page=20&job_token=${MASK}&author_id=7`,
    );
    expect(maskPath("/slug-blobs/1?signature=s3cr3t")).toBe(`/slug-blobs/1?signature=${MASK}`);
    expect(maskPath("/x?api_key=1&access_token=2&password=3&key=4&sig=5&auth=6")).toBe(
      `/x?api_key=${MASK}&access_token=${MASK}&password=${MASK}&key=${MASK}&sig=${MASK}&auth=${MASK}`,
    );
  });

  it("masks a known token wherever it appears, raw or URL-encoded", () => {
    expect(maskPath("/apps/tok+en/x?q=tok%2Ben", ["tok+en"])).toBe(`/apps/${MASK}/x?q=${MASK}`);
  });

  it("leaves a path without a query or a secret alone", () => {
    expect(maskPath("/apps/my-app/config-vars", ["unrelated"])).toBe("/apps/my-app/config-vars");
    expect(maskPath("/apps?flag")).toBe("/apps?flag");
  });
});

describe("a sandbox with a request log", () => {
  let t: TestSandbox | undefined;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await startSandbox({ requestLog: (line) => lines.push(line), projects: ["team/app"] });
  });
  afterAll(() => t?.sandbox.close());

  it("writes one JSON line per request: method, path with its query, status and milliseconds", async () => {
    lines.length = 0;
    await t!.heroku("GET", "/account");
    await t!.heroku("GET", "/apps/no-such-app");
    await t!.heroku("POST", "/apps", { name: "logged-app", config_vars: { SECRET_VALUE: "body-text" } });
    await t!.gitlab("GET", "/projects/team%2Fapp/variables?per_page=5");
    const entries = (await linesOf(() => lines, 4)).map((line) => JSON.parse(line));
    expect(entries.map(({ method, path, status }) => [method, path, status])).toEqual([
      ["GET", "/account", 200],
      ["GET", "/apps/no-such-app", 404],
      ["POST", "/apps", 201],
      ["GET", "/api/v4/projects/team%2Fapp/variables?per_page=5", 200],
    ]);
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(["method", "path", "status", "ms"]);
      expect(entry.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it("masks tokens in the query and the path, and writes no header value or body", async () => {
    lines.length = 0;
    await t!.gitlab(`GET`, `/projects/team%2Fapp?private_token=${t!.gitlabToken}`);
    await t!.heroku("GET", `/apps/${t!.herokuApiKey}`);
    await t!.heroku("PATCH", "/apps/logged-app/config-vars", { ANOTHER: "body-secret" });
    const text = (await linesOf(() => lines, 3)).join("\n");
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0]).path).toBe(`/api/v4/projects/team%2Fapp?private_token=${MASK}`);
    expect(JSON.parse(lines[1]).path).toBe(`/apps/${MASK}`);
    for (const secret of [t!.gitlabToken, t!.herokuApiKey, "body-secret", "ANOTHER", "tester@example.com", "Basic"]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("without a request log", () => {
  it("registers nothing per request (off by default)", async () => {
    const spy = jest.spyOn(requestLog, "logRequests");
    const t = await startSandbox();
    try {
      expect((await t.heroku("GET", "/account")).status).toBe(200);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      await t.sandbox.close();
    }
  });
});

describe("requestLogFile", () => {
  it("appends each line to the file, keeping what was there", () => {
    const file = join(dir, "append.log");
    for (const line of ["first", "second"]) {
      const log = requestLogFile(file);
      log.write(line);
      log.close();
    }
    expect(readFileSync(file, "utf8")).toBe("first\nsecond\n");
  });
});

describe("sandbox serve --request-log FILE", () => {
  it("logs the requests of a sandbox run from the command line", async () => {
    const keys = { herokuApiKey: randomBytes(16).toString("hex"), gitlabToken: randomBytes(16).toString("hex") };
    const runFile = join(dir, "run.json");
    const logFile = join(dir, "requests.log");
    writeRunFile(runFile, { ...keys, stateFile: join(dir, "state.json") });
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "sandbox/cli.ts", "serve", "--run-file", runFile, "--request-log", logFile],
      { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding("utf8").once("data", (chunk: string) => resolve(chunk.trim()));
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const response = await fetch(`${url}/account?api_key=${keys.herokuApiKey}`, {
        headers: { authorization: `Basic ${Buffer.from(`u:${keys.herokuApiKey}`).toString("base64")}` },
      });
      expect(response.status).toBe(200);
      const read = () => readFileSync(logFile, "utf8").split("\n").filter(Boolean);
      const entries = (await linesOf(read, 1)).map((line) => JSON.parse(line));
      expect(entries).toEqual([
        { method: "GET", path: `/account?api_key=${MASK}`, status: 200, ms: expect.any(Number) },
      ]);
    } finally {
      // Stopped and gone before the folder it writes its state to is removed.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
    }
  }, 30_000);
});
