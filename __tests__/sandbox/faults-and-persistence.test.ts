import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSandbox, type TestSandbox } from "./client";

describe("faults", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox({ projects: ["songlist/songlist"] });
    await t.heroku("POST", "/apps", { name: "fault-app" });
    await t.heroku("POST", "/sandbox/apps/fault-app/push", { process_types: { web: "web" } });
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });
  afterEach(async () => {
    await t.heroku("DELETE", "/sandbox/faults");
  });

  test("error fires on the nth matching request, for `times` requests, with a Heroku error body", async () => {
    const fault = await t.heroku("POST", "/sandbox/faults", {
      method: "PATCH",
      path: "/apps/:id/formation/:type",
      nth: 2,
      action: "error",
      status: 503,
      times: 1,
    });
    expect(fault.status).toBe(201);
    const scale = () => t.heroku("PATCH", "/apps/fault-app/formation/web", { quantity: 1 });
    expect((await scale()).status).toBe(200);
    const failed = await scale();
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ id: expect.any(String), message: expect.any(String) });
    expect((await scale()).status).toBe(200);
    const listed = await t.heroku("GET", "/sandbox/faults");
    expect(listed.body[0]).toMatchObject({ hits: 3, fired: 1 });
  });

  test("delay waits, then serves normally", async () => {
    await t.heroku("POST", "/sandbox/faults", { path: "^/apps/fault-app$", action: "delay", delayMs: 300 });
    const started = Date.now();
    const response = await t.heroku("GET", "/apps/fault-app");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test("drop closes the connection without a response", async () => {
    await t.heroku("POST", "/sandbox/faults", { method: "GET", path: "/account", action: "drop" });
    await expect(t.heroku("GET", "/account")).rejects.toThrow();
    expect((await t.heroku("GET", "/account")).status).toBe(200);
  });

  test("429 and non-5xx error statuses are refused", async () => {
    const refused = await t.heroku("POST", "/sandbox/faults", { path: "/apps", action: "error", status: 429 });
    expect(refused.status).toBe(400);
    expect((await t.heroku("POST", "/sandbox/faults", { path: "/apps", action: "error", status: 404 })).status).toBe(
      400,
    );
    expect((await t.heroku("GET", "/sandbox/faults")).body).toEqual([]);
  });

  test("no route answers 429, even for bad input: each answers its own error", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "bad-input-app" })).body;
    const statuses = await Promise.all([
      t.heroku("GET", "/nope"),
      t.heroku("POST", "/apps", "{"),
      t.heroku("PATCH", `/apps/${app.id}/config-vars`, { A: 1 }),
      t.gitlab("GET", "/projects/9999"),
      t.gitlab("POST", "/projects/songlist%2Fsonglist/variables", "{"),
    ]);
    expect(statuses.map((response) => response.status)).toEqual([404, 400, 422, 404, 400]);
  });
});

describe("persistence", () => {
  const dir = mkdtempSync(join(tmpdir(), "sandbox-state-"));
  const stateFile = join(dir, "state.json");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a restart on the same state file loses nothing", async () => {
    const first = await startSandbox({ stateFile });
    expect((await first.heroku("POST", "/sandbox/projects", { path: "acme/web" })).status).toBe(201);
    const app = await first.heroku("POST", "/apps", { name: "durable-app" });
    await first.heroku("PATCH", `/apps/${app.body.id}/config-vars`, { KEEP: "me" });
    await first.gitlab("POST", "/projects/1/variables", { key: "KEPT", value: "v", environment_scope: "*" });
    await first.sandbox.close();
    expect(JSON.parse(readFileSync(stateFile, "utf8")).apps[0].name).toBe("durable-app");
    // Atomic writes leave no temp files behind.
    expect(readdirSync(dir)).toEqual(["state.json"]);

    const second = await startSandbox({ stateFile, herokuApiKey: first.herokuApiKey, gitlabToken: first.gitlabToken });
    try {
      expect((await second.heroku("GET", "/apps/durable-app/config-vars")).body).toEqual({ KEEP: "me" });
      const releases = await second.heroku("GET", "/apps/durable-app/releases", undefined, {
        range: "version ..; max=1,order=desc",
      });
      expect(releases.body[0].version).toBe(2);
      expect((await second.gitlab("GET", "/projects/1/variables/KEPT")).body.value).toBe("v");
      expect((await second.gitlab("GET", "/projects/1")).body.id).toBe(1);
    } finally {
      await second.sandbox.close();
    }
  });
});
