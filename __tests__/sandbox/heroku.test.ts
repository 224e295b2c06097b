import type { StoreData } from "../../sandbox/store";
import { appNamed, childrenOf } from "../support/sandbox-data";
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;

beforeAll(async () => {
  t = await startSandbox();
  // The sandbox's user belongs only to the teams its operator adds.
  expect((await t.heroku("POST", "/sandbox/teams", { name: "songteam" })).status).toBe(201);
});
afterAll(async () => {
  await t?.sandbox.close();
});

async function sandboxState(): Promise<StoreData> {
  return (await t.heroku("GET", "/sandbox/state")).body;
}

async function createApp(name: string): Promise<{ id: string; name: string }> {
  const response = await t.heroku("POST", "/apps", { name, region: "eu", stack: "heroku-24" });
  expect(response.status).toBe(201);
  return response.body;
}

describe("apps and releases", () => {
  test("a new app has release v1, newest first with Range order=desc max=1", async () => {
    const app = await createApp("rel-app");
    const list = await t.heroku("GET", `/apps/${app.id}/releases`, undefined, {
      range: "version ..; max=1,order=desc",
    });
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ version: 1, status: "succeeded", current: true });
    const one = await t.heroku("GET", `/apps/${app.id}/releases/${list.body[0].id}`);
    expect(one.body.status).toBe("succeeded");
  });

  test("app responses carry the shapes the provider reads, by id and by name", async () => {
    const app = await createApp("shape-app");
    const byName = await t.heroku("GET", "/apps/shape-app");
    expect(byName.body).toMatchObject({
      id: app.id,
      region: { name: "eu" },
      build_stack: { name: "heroku-24" },
      generation: { name: "cedar" },
      team: null,
      organization: null,
      space: null,
      git_url: "https://git.heroku.com/shape-app.git",
    });
    expect(byName.body.web_url).toMatch(/^https:\/\/shape-app-[0-9a-f]{12}\.herokuapp\.com\/$/);
    expect(byName.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test("config vars: PATCH sets, null deletes, each change is a release", async () => {
    const app = await createApp("cfg-app");
    const set = await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { A: "1", B: "2" });
    expect(set.body).toEqual({ A: "1", B: "2" });
    const removed = await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { A: null });
    expect(removed.body).toEqual({ B: "2" });
    const releases = await t.heroku("GET", `/apps/${app.id}/releases`, undefined, {
      range: "version ..; max=10,order=desc",
    });
    expect(releases.body.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);
    expect(releases.body.map((r: { description: string }) => r.description)).toEqual([
      "Remove A config var",
      "Set A, B config vars",
      "Initial release",
    ]);
    await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { C: "3", B: null });
    expect((await t.heroku("GET", `/apps/${app.id}/releases/4`)).body.description).toBe(
      "Set C config var; Remove B config var",
    );
  });

  test("config vars: an invalid name is a 422 naming it, and nothing changes", async () => {
    const app = await createApp("cfg-invalid");
    await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { KEEP: "1" });
    const refused = await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { "BAD-NAME": "x", GOOD: "y" });
    expect(refused).toMatchObject({ status: 422, body: { id: "invalid_params" } });
    expect(refused.body.message).toContain("BAD-NAME");
    expect((await t.heroku("GET", `/apps/${app.id}/config-vars`)).body).toEqual({ KEEP: "1" });
    expect(appNamed(await sandboxState(), "cfg-invalid").releases.map((r) => r.version)).toEqual([1, 2]);
  });

  test("config vars: a PATCH that changes nothing makes no release", async () => {
    const app = await createApp("cfg-noop");
    await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { A: "1" });
    const same = await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { A: "1", GONE: null });
    expect(same).toMatchObject({ status: 200, body: { A: "1" } });
    expect(appNamed(await sandboxState(), "cfg-noop").releases.map((r) => r.version)).toEqual([1, 2]);
  });

  test.each([
    ["Bad_Name", "Name must start with a letter"],
    ["ab-", "Name must start with a letter"],
    ["a".repeat(31), "Name must start with a letter"],
  ])("invalid app name %s is a 422 invalid_params", async (name, message) => {
    const response = await t.heroku("POST", "/apps", { name });
    expect(response.status).toBe(422);
    expect(response.body.id).toBe("invalid_params");
    expect(response.body.message).toContain(message);
  });

  test("taken names, unknown regions and stacks are rejected", async () => {
    await createApp("taken-app");
    expect((await t.heroku("POST", "/apps", { name: "taken-app" })).body).toEqual({
      id: "invalid_params",
      message: "Name is already taken",
    });
    expect((await t.heroku("POST", "/apps", { name: "region-app", region: "mars" })).status).toBe(422);
    expect((await t.heroku("POST", "/apps", { name: "stack-app", stack: "cedar-14" })).status).toBe(422);
  });

  test("team apps are created through /teams/apps and read back with team and organization", async () => {
    const created = await t.heroku("POST", "/teams/apps", {
      team: "songteam",
      personal: false,
      locked: true,
      name: "team-app",
    });
    expect(created.status).toBe(201);
    const app = await t.heroku("GET", `/apps/${created.body.id}`);
    expect(app.body.team).toMatchObject({ name: "songteam" });
    expect(app.body.organization).toMatchObject({ name: "songteam" });
    expect((await t.heroku("GET", `/teams/apps/${created.body.id}`)).body).toMatchObject({
      locked: true,
      team: { name: "songteam" },
    });
  });

  test("ACM: POST and PATCH turn it on, DELETE turns it off, each answering the app", async () => {
    const app = await createApp("acm-app");
    expect((await t.heroku("POST", `/apps/${app.id}/acm`)).body).toMatchObject({ id: app.id, acm: true });
    expect((await t.heroku("DELETE", `/apps/${app.id}/acm`)).body).toMatchObject({ id: app.id, acm: false });
    expect((await t.heroku("PATCH", `/apps/${app.id}/acm`)).body).toMatchObject({ id: app.id, acm: true });
    expect((await t.heroku("GET", `/apps/${app.id}`)).body.acm).toBe(true);
  });

  test("DELETE takes the app's coupling, formation, domains, drains, releases and add-ons with it", async () => {
    const app = await createApp("cascade-app");
    const pipeline = (await t.heroku("POST", "/pipelines", { name: "cascade-pipe" })).body;
    await t.heroku("POST", "/pipeline-couplings", { app: app.id, pipeline: pipeline.id, stage: "staging" });
    await t.heroku("POST", `/sandbox/apps/${app.id}/push`, { process_types: { web: "serve" } });
    await t.heroku("POST", `/apps/${app.id}/domains`, { hostname: "cascade.acme.dev", sni_endpoint: null });
    await t.heroku("POST", `/apps/${app.id}/log-drains`, { url: "syslog+tls://logs.acme.dev:6514" });
    await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-postgresql:essential-0" });
    const before = appNamed(await sandboxState(), "cascade-app");
    for (const children of [before.couplings, before.formations, before.domains, before.drains, before.addons]) {
      expect(children).toHaveLength(1);
    }

    expect((await t.heroku("DELETE", `/apps/${app.id}`)).status).toBe(200);
    const after = await sandboxState();
    expect(childrenOf(after, app.id)).toEqual({
      addons: [],
      attachments: [],
      couplings: [],
      formations: [],
      domains: [],
      drains: [],
      releases: [],
    });
    expect(after.pipelines.map((p) => p.name)).toContain("cascade-pipe");
  });

  test("DELETE answers 200 with the deleted object, then 404 not_found", async () => {
    const app = await createApp("gone-app");
    const deleted = await t.heroku("DELETE", `/apps/${app.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(app.id);
    expect(await t.heroku("GET", `/apps/${app.id}`)).toMatchObject({
      status: 404,
      body: { id: "not_found", message: "Couldn't find that app." },
    });
  });
});

describe("add-ons", () => {
  test("postgres provisions, then sets DATABASE_URL; deleting removes it", async () => {
    const app = await createApp("pg-app");
    const created = await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-postgresql", confirm: "pg-app" });
    expect(created.status).toBeGreaterThanOrEqual(200);
    expect(created.status).toBeLessThan(300);
    expect(created.body).toMatchObject({ state: "provisioning", config_vars: ["DATABASE_URL"], app: { id: app.id } });
    expect(created.body.plan.name).toBe("heroku-postgresql:essential-0");
    const states: string[] = [];
    for (let i = 0; i < 3; i++)
      states.push((await t.heroku("GET", `/apps/${app.id}/addons/${created.body.id}`)).body.state);
    expect(states[states.length - 1]).toBe("provisioned");
    const vars = await t.heroku("GET", `/apps/${app.id}/config-vars`);
    expect(vars.body.DATABASE_URL).toMatch(/^postgres:\/\/[^:]+:[^@]+@[^:]+:5432\/\w+$/);
    expect((await t.heroku("DELETE", `/apps/${app.id}/addons/${created.body.id}`)).status).toBe(200);
    expect((await t.heroku("GET", `/apps/${app.id}/config-vars`)).body.DATABASE_URL).toBeUndefined();
  });

  test("an attachment named REPORTING sets REPORTING_URL on the other app", async () => {
    const owner = await createApp("pg-owner");
    const other = await createApp("pg-reader");
    const addon = await t.heroku("POST", `/apps/${owner.id}/addons`, { plan: "heroku-postgresql:standard-0" });
    const attachment = await t.heroku("POST", "/addon-attachments", {
      addon: addon.body.id,
      app: other.id,
      name: "reporting",
    });
    expect(attachment.status).toBe(201);
    expect(attachment.body).toMatchObject({ name: "REPORTING", app: { id: other.id }, addon: { id: addon.body.id } });
    const vars = (await t.heroku("GET", `/apps/${other.id}/config-vars`)).body;
    expect(vars.REPORTING_URL).toBe((await t.heroku("GET", `/apps/${owner.id}/config-vars`)).body.DATABASE_URL);
  });

  test("attachments listed by app and by add-on: each list holds its own only", async () => {
    const owner = await createApp("list-owner");
    const reader = await createApp("list-reader");
    const bystander = await createApp("list-bystander");
    const addon = (await t.heroku("POST", `/apps/${owner.id}/addons`, { plan: "heroku-postgresql:essential-0" })).body;
    await t.heroku("POST", `/apps/${bystander.id}/addons`, { plan: "heroku-postgresql:essential-0" });
    await t.heroku("POST", "/addon-attachments", { addon: addon.id, app: reader.id, name: "reporting" });
    const ofReader = await t.heroku("GET", `/apps/${reader.id}/addon-attachments`);
    expect(ofReader.body.map((a: any) => [a.app.id, a.addon.id, a.name])).toEqual([[reader.id, addon.id, "REPORTING"]]);
    const ofAddon = await t.heroku("GET", `/addons/${addon.id}/addon-attachments`);
    expect(ofAddon.body.map((a: any) => [a.app.id, a.name])).toEqual([
      [owner.id, "DATABASE"],
      [reader.id, "REPORTING"],
    ]);
  });

  test("unknown and retired plans fail like the real API", async () => {
    const app = await createApp("plan-app");
    const unknown = await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-postgresql:gigantic" });
    expect(unknown).toMatchObject({ status: 422, body: { id: "not_found" } });
    expect((await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-postgresql:hobby-dev" })).status).toBe(
      422,
    );
  });
});

describe("pipelines", () => {
  test("found by name only while it has a coupling; always by id", async () => {
    const pipeline = await t.heroku("POST", "/pipelines", { name: "songlist" });
    expect(pipeline.status).toBe(201);
    expect(pipeline.body.owner).toMatchObject({ type: "user" });
    expect((await t.heroku("GET", "/pipelines/songlist")).status).toBe(404);
    expect((await t.heroku("GET", `/pipelines/${pipeline.body.id}`)).status).toBe(200);
    const app = await createApp("pipe-staging");
    const coupling = await t.heroku("POST", "/pipeline-couplings", {
      app: app.id,
      pipeline: pipeline.body.id,
      stage: "staging",
    });
    expect(coupling.status).toBe(201);
    expect((await t.heroku("GET", "/pipelines/songlist")).body.id).toBe(pipeline.body.id);
    expect((await t.heroku("GET", `/pipeline-couplings/${coupling.body.id}`)).body).toMatchObject({
      app: { id: app.id },
      pipeline: { id: pipeline.body.id },
      stage: "staging",
    });
    expect((await t.heroku("GET", `/apps/${app.id}/pipeline-couplings`)).body.id).toBe(coupling.body.id);
    await t.heroku("DELETE", `/pipeline-couplings/${coupling.body.id}`);
    expect((await t.heroku("GET", "/pipelines/songlist")).status).toBe(404);
  });

  test("an app is in at most one pipeline: a second coupling is a 422 and the first stays", async () => {
    const first = (await t.heroku("POST", "/pipelines", { name: "first-pipe" })).body;
    const second = (await t.heroku("POST", "/pipelines", { name: "second-pipe" })).body;
    const app = await createApp("one-pipe-app");
    const coupled = await t.heroku("POST", "/pipeline-couplings", {
      app: app.id,
      pipeline: first.id,
      stage: "staging",
    });
    expect(coupled.status).toBe(201);
    const again = await t.heroku("POST", "/pipeline-couplings", { app: app.id, pipeline: second.id, stage: "staging" });
    expect(again).toMatchObject({
      status: 422,
      body: { id: "invalid_params", message: "one-pipe-app is already a member of a pipeline." },
    });
    expect(appNamed(await sandboxState(), "one-pipe-app").couplings.map((c) => c.pipelineId)).toEqual([first.id]);
  });

  test("a pipeline's couplings are its own", async () => {
    const couplingIds: string[] = [];
    const pipelineIds: string[] = [];
    for (const name of ["own-couplings-a", "own-couplings-b"]) {
      const pipeline = (await t.heroku("POST", "/pipelines", { name })).body;
      const app = await createApp(`${name}-app`);
      const coupling = await t.heroku("POST", "/pipeline-couplings", {
        app: app.id,
        pipeline: pipeline.id,
        stage: "staging",
      });
      pipelineIds.push(pipeline.id);
      couplingIds.push(coupling.body.id);
    }
    for (const [index, pipelineId] of pipelineIds.entries()) {
      const listed = await t.heroku("GET", `/pipelines/${pipelineId}/pipeline-couplings`);
      expect(listed.body.map((c: any) => c.id)).toEqual([couplingIds[index]]);
    }
  });

  test("pipeline names are validated and unique", async () => {
    expect((await t.heroku("POST", "/pipelines", { name: "X" })).status).toBe(422);
    await t.heroku("POST", "/pipelines", { name: "unique-pipe" });
    expect((await t.heroku("POST", "/pipelines", { name: "unique-pipe" })).status).toBe(422);
  });
});

describe("formation", () => {
  test("rejected before a code push, accepted after; addressable by id and by type", async () => {
    const app = await createApp("form-app");
    const before = await t.heroku("PATCH", `/apps/${app.id}/formation/web`, {
      quantity: 1,
      dyno_size: { name: "basic" },
    });
    expect(before.status).toBe(404);
    expect(before.body).toEqual({ id: "not_found", message: "Couldn't find that process type (web)." });

    const push = await t.heroku("POST", `/sandbox/apps/${app.name}/push`, {
      process_types: { web: "gunicorn app:app", worker: "rq worker" },
    });
    expect(push.status).toBe(201);
    expect(push.body.release.version).toBe(2);

    const web = await t.heroku("PATCH", `/apps/${app.id}/formation/web`, {
      quantity: 2,
      dyno_size: { name: "standard-1x" },
    });
    expect(web.status).toBe(200);
    expect(web.body).toMatchObject({
      type: "web",
      quantity: 2,
      size: "Standard-1X",
      dyno_size: { name: "Standard-1X" },
    });
    const byId = await t.heroku("GET", `/apps/${app.id}/formation/${web.body.id}`);
    expect(byId.body).toMatchObject({ type: "web", quantity: 2, app: { id: app.id, name: "form-app" } });
    expect((await t.heroku("GET", `/apps/${app.id}/formation/worker`)).body.quantity).toBe(0);
  });

  test("basic dynos are limited to one per process type, and sizes must exist", async () => {
    const app = await createApp("form-limit");
    await t.heroku("POST", `/sandbox/apps/${app.id}/push`, { process_types: { web: "node server.js" } });
    expect(
      (await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { quantity: 2, dyno_size: { name: "Basic" } })).status,
    ).toBe(422);
    expect(
      (await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { quantity: 1, dyno_size: { name: "huge" } })).status,
    ).toBe(422);
    expect((await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { quantity: -1 })).status).toBe(422);
  });

  test("a push keeps the scale of kept types, adds new ones at Heroku's defaults, drops the rest, per app", async () => {
    const app = await createApp("push-app");
    const other = await createApp("push-other");
    const push = (id: string, types: Record<string, string>) =>
      t.heroku("POST", `/sandbox/apps/${id}/push`, { process_types: types });
    await push(other.id, { web: "other-web" });
    await push(app.id, { web: "web-1", worker: "worker-1" });
    await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { quantity: 2, dyno_size: { name: "standard-1x" } });

    const second = await push(app.id, { web: "web-2", clock: "clock-2" });
    expect(second.body.release.description).toMatch(/^Deploy [0-9a-f]{8}$/);
    const formation = async (id: string) =>
      (await t.heroku("GET", `/apps/${id}/formation`)).body
        .map((f: any) => `${f.type} ${f.quantity} ${f.size} ${f.command}`)
        .sort();
    expect(await formation(app.id)).toEqual(["clock 0 Basic clock-2", "web 2 Standard-1X web-2"]);
    expect(await formation(other.id)).toEqual(["web 1 Basic other-web"]);
    expect(appNamed(await sandboxState(), "push-app").app.processTypes).toEqual({ web: "web-2", clock: "clock-2" });
  });

  test("a refused PATCH changes neither size nor quantity", async () => {
    const app = await createApp("form-atomic");
    await t.heroku("POST", `/sandbox/apps/${app.id}/push`, { process_types: { web: "node server.js" } });
    const scaled = await t.heroku("PATCH", `/apps/${app.id}/formation/web`, {
      quantity: 2,
      dyno_size: { name: "standard-1x" },
    });
    expect(scaled.status).toBe(200);
    const refused = await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { dyno_size: { name: "basic" } });
    expect(refused).toMatchObject({ status: 422, body: { id: "invalid_params" } });
    expect(refused.body.message).toBe("Cannot run more than 1 Basic dyno per process type.");
    expect((await t.heroku("GET", `/apps/${app.id}/formation/web`)).body).toMatchObject({
      quantity: 2,
      size: "Standard-1X",
    });
  });
});

describe("domains and drains", () => {
  test("hostnames and drain URLs are validated", async () => {
    const app = await createApp("dom-app");
    const domain = await t.heroku("POST", `/apps/${app.id}/domains`, {
      hostname: "www.example.com",
      sni_endpoint: null,
    });
    expect(domain.status).toBe(201);
    expect(domain.body.cname).toMatch(/\.herokudns\.com$/);
    expect(
      (await t.heroku("POST", `/apps/${app.id}/domains`, { hostname: "not a host", sni_endpoint: null })).status,
    ).toBe(422);
    expect((await t.heroku("POST", `/apps/${app.id}/log-drains`, { url: "ftp://logs.example.com" })).status).toBe(422);
    const drain = await t.heroku("POST", `/apps/${app.id}/log-drains`, { url: "syslog+tls://logs.example.com:6514" });
    expect(drain.status).toBe(201);
    expect((await t.heroku("GET", `/apps/${app.id}/log-drains/${drain.body.id}`)).body.token).toBe(drain.body.token);
  });
});

describe("protocol", () => {
  test("wrong or missing credentials are a 401 unauthorized", async () => {
    const wrong = `Basic ${Buffer.from("x:wrong").toString("base64")}`;
    expect(await t.heroku("GET", "/account", undefined, { authorization: wrong })).toMatchObject({
      status: 401,
      body: { id: "unauthorized", message: "Invalid credentials provided." },
    });
    expect((await t.heroku("GET", "/sandbox/state", undefined, { authorization: wrong })).status).toBe(401);
    const health = await fetch(`${t.sandbox.url}/sandbox/health`);
    expect(await health.json()).toEqual({ ok: true });
  });

  test("malformed JSON is a 400 bad_request", async () => {
    const response = await t.heroku("POST", "/apps", "{not json");
    expect(response.status).toBe(400);
    expect(response.body.id).toBe("bad_request");
  });
});

describe("request bodies", () => {
  const PIPELINE_NAME_RULE =
    "Name must start with a letter, be 3 to 30 characters long and can only contain lowercase letters, digits, and dashes.";

  test("each write route checks its body: a wrong type or missing field is a 422 naming it; nothing changes", async () => {
    const app = await createApp("body-app");
    const other = await createApp("body-other");
    expect(
      (await t.heroku("POST", "/teams/apps", { team: "songteam", personal: false, name: "body-team" })).status,
    ).toBe(201);
    const pipeline = (await t.heroku("POST", "/pipelines", { name: "body-pipeline" })).body;
    const coupling = await t.heroku("POST", "/pipeline-couplings", {
      app: app.id,
      pipeline: pipeline.id,
      stage: "staging",
    });
    const addon = await t.heroku("POST", "/apps/body-app/addons", { plan: "heroku-postgresql:essential-0" });
    const domain = await t.heroku("POST", "/apps/body-app/domains", { hostname: "www.body.example" });
    // Postgres provisions in the background: 202.
    expect([coupling.status, addon.status, domain.status]).toEqual([201, 202, 201]);

    const refused: [string, string, unknown, string][] = [
      ["POST", "/teams/apps", { team: 42, name: "body-team-2" }, "Team name is invalid."],
      ["PATCH", "/apps/body-app", { maintenance: "yes" }, "maintenance must be boolean."],
      ["PATCH", "/teams/apps/body-team", { locked: "yes" }, "locked must be boolean."],
      [
        "PUT",
        "/apps/body-app/buildpack-installations",
        { updates: "heroku/nodejs" },
        "updates must be a list of buildpacks.",
      ],
      [
        "PUT",
        "/apps/body-app/buildpack-installations",
        { updates: [{}] },
        "updates.0.buildpack must have required property 'buildpack'.",
      ],
      ["PUT", "/apps/body-app/buildpack-installations", {}, "updates must have required property 'updates'."],
      ["POST", "/apps/body-app/addons", {}, "plan must have required property 'plan'."],
      ["PATCH", `/apps/body-app/addons/${addon.body.id}`, { plan: 42 }, "plan must be string."],
      ["POST", "/addon-attachments", { addon: 42, app: other.id }, "addon must be string."],
      ["POST", "/addon-attachments", { app: other.id }, "addon must have required property 'addon'."],
      ["POST", "/pipelines", {}, "name must have required property 'name'."],
      ["PATCH", `/pipelines/${pipeline.id}`, { name: 42 }, PIPELINE_NAME_RULE],
      [
        "POST",
        "/pipeline-couplings",
        { app: other.id, pipeline: pipeline.id },
        "stage must have required property 'stage'.",
      ],
      ["PATCH", `/pipeline-couplings/${coupling.body.id}`, {}, "stage must have required property 'stage'."],
      ["POST", "/apps/body-app/domains", {}, "hostname must have required property 'hostname'."],
      ["PATCH", `/apps/body-app/domains/${domain.body.id}`, { sni_endpoint: 42 }, "sni_endpoint must be string,null."],
      ["POST", "/apps/body-app/log-drains", {}, "url must have required property 'url'."],
      ["POST", "/apps/body-app/log-drains", { url: 42 }, "Url is invalid: use an http(s), syslog or syslog+tls URL."],
    ];
    const before = await sandboxState();
    for (const [method, path, body, message] of refused) {
      const answer = await t.heroku(method, path, body);
      expect([method, path, answer.status, answer.body]).toEqual([
        method,
        path,
        422,
        { id: "invalid_params", message },
      ]);
    }
    expect(await sandboxState()).toEqual(before);
  });

  test("the same routes apply what they are given", async () => {
    const app = await createApp("apply-app");
    await t.heroku("POST", "/teams/apps", { team: "songteam", personal: false, locked: true, name: "apply-team" });
    const maintenance = await t.heroku("PATCH", "/apps/apply-app", { maintenance: true });
    expect(maintenance.body.maintenance).toBe(true);
    expect((await t.heroku("PATCH", "/teams/apps/apply-team", { locked: false })).body.locked).toBe(false);
    expect((await t.heroku("GET", "/teams/apps/apply-team")).body.locked).toBe(false);

    const personal = await t.heroku("POST", "/teams/apps", {
      team: "songteam",
      personal: true,
      name: "apply-personal",
    });
    expect([personal.status, personal.body.team]).toEqual([201, null]);

    const pipeline = (await t.heroku("POST", "/pipelines", { name: "apply-pipeline" })).body;
    const coupling = (
      await t.heroku("POST", "/pipeline-couplings", { app: app.id, pipeline: pipeline.id, stage: "staging" })
    ).body;
    const moved = await t.heroku("PATCH", `/pipeline-couplings/${coupling.id}`, { stage: "production" });
    expect([moved.status, moved.body.stage]).toEqual([200, "production"]);
    expect((await t.heroku("GET", `/apps/${app.id}/pipeline-couplings`)).body.stage).toBe("production");

    const addon = await t.heroku("POST", "/apps/apply-app/addons", {
      plan: "heroku-postgresql:essential-0",
      config: { "db-version": 16 },
    });
    expect((await sandboxState()).addons.find((a) => a.id === addon.body.id)?.config).toEqual({ "db-version": "16" });
    const upgraded = await t.heroku("PATCH", `/apps/apply-app/addons/${addon.body.id}`, {
      plan: "heroku-postgresql:essential-1",
    });
    expect(upgraded.body.plan.name).toBe("heroku-postgresql:essential-1");

    const domain = (await t.heroku("POST", "/apps/apply-app/domains", { hostname: "www.apply.example" })).body;
    const unlinked = await t.heroku("PATCH", `/apps/apply-app/domains/${domain.id}`, { sni_endpoint: null });
    expect([unlinked.status, unlinked.body.hostname]).toEqual([200, "www.apply.example"]);
  });

  test("lists of every pipeline, add-on and attachment, and an app's attachment by id", async () => {
    const app = await createApp("list-app");
    const pipeline = (await t.heroku("POST", "/pipelines", { name: "list-pipeline" })).body;
    const addon = (await t.heroku("POST", "/apps/list-app/addons", { plan: "heroku-postgresql:essential-0" })).body;
    const ids = async (path: string) => (await t.heroku("GET", path)).body.map((item: { id: string }) => item.id);
    expect(await ids("/pipelines")).toContain(pipeline.id);
    expect(await ids("/addons")).toContain(addon.id);
    const [attachment] = (await t.heroku("GET", `/apps/${app.id}/addon-attachments`)).body;
    expect(await ids("/addon-attachments")).toContain(attachment.id);
    const byId = await t.heroku("GET", `/apps/${app.id}/addon-attachments/${attachment.id}`);
    expect([byId.status, byId.body.id, byId.body.name]).toEqual([200, attachment.id, "DATABASE"]);
  });
});

describe("catalogue and ranges", () => {
  test("catalogue entries are found by name in any case and by id; others are a 404 naming the kind", async () => {
    for (const [list, name, kind] of [
      ["regions", "eu", "region"],
      ["stacks", "heroku-22", "stack"],
      ["dyno-sizes", "Performance-M", "dyno size"],
    ]) {
      const byName = await t.heroku("GET", `/${list}/${name.toUpperCase()}`);
      expect([byName.status, byName.body.name]).toEqual([200, name]);
      const byId = await t.heroku("GET", `/${list}/${byName.body.id}`);
      expect([byId.status, byId.body.name]).toEqual([200, name]);
      expect((await t.heroku("GET", `/${list}/nowhere`)).body).toEqual({
        id: "not_found",
        message: `Couldn't find that ${kind}.`,
      });
    }
  });

  test("a dyno size given by id resizes like its name", async () => {
    const app = await createApp("size-by-id");
    await t.heroku("POST", `/sandbox/apps/${app.name}/push`, { process_types: { web: "web" } });
    const size = (await t.heroku("GET", "/dyno-sizes/standard-2x")).body;
    const web = await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { dyno_size: { id: size.id } });
    expect([web.status, web.body.size]).toEqual([200, "Standard-2X"]);
  });

  test("apps and releases are ordered by the Range field: name or version by default, or id", async () => {
    for (const name of ["range-c", "range-a", "range-d", "range-b"]) await createApp(name);
    const apps = (await t.heroku("GET", "/apps", undefined, { range: "name ..; max=1000" })).body;
    const names = apps.map((app: { name: string }) => app.name);
    expect(names).toEqual([...names].sort());
    const byId = (await t.heroku("GET", "/apps", undefined, { range: "id ..; max=1000" })).body;
    const appIds = byId.map((app: { id: string }) => app.id);
    expect(appIds).toEqual([...appIds].sort());
    expect(appIds).not.toEqual(apps.map((app: { id: string }) => app.id));

    const app = await createApp("range-releases");
    for (const value of ["1", "2", "3", "4", "5"]) {
      await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { RANGE_VALUE: value });
    }
    const releases = (await t.heroku("GET", `/apps/${app.id}/releases`, undefined, { range: "id ..; max=10" })).body;
    const releaseIds = releases.map((release: { id: string }) => release.id);
    expect(releaseIds).toEqual([...releaseIds].sort());
    expect(releases.map((release: { version: number }) => release.version)).not.toEqual([1, 2, 3, 4, 5, 6]);
  });
});
