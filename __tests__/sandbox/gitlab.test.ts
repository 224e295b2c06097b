import { lockInfo } from "../support/sandbox-data";
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;

beforeAll(async () => {
  t = await startSandbox({ projects: ["songlist/songlist", "acme/web"] });
});
afterAll(async () => {
  await t?.sandbox.close();
});

const variables = "/projects/songlist%2Fsonglist/variables";

describe("projects", () => {
  test("seeded projects resolve by id and by URL-encoded path, with a namespace", async () => {
    const byPath = await t.gitlab("GET", "/projects/songlist%2Fsonglist");
    expect(byPath.body).toMatchObject({ id: 1, path_with_namespace: "songlist/songlist", namespace: { id: 1 } });
    expect((await t.gitlab("GET", "/projects/1")).body.path).toBe("songlist");
    expect((await t.gitlab("GET", "/projects/acme%2Fweb")).status).toBe(200);
    expect((await t.gitlab("GET", "/projects/nobody%2Fnothing")).status).toBe(404);
    // No push rule yet: GitLab (Enterprise Edition, as the sandbox answers) presents it as null.
    expect(await t.gitlab("GET", "/projects/1/push_rule")).toMatchObject({ status: 200, body: null });
    expect((await t.gitlab("GET", "/projects/99/push_rule")).body).toEqual({ message: "404 Project Not Found" });
    expect((await t.gitlab("GET", "/user")).body.username).toBe("root");
  });

  test("wrong tokens are a 401; PRIVATE-TOKEN works too", async () => {
    expect(await t.gitlab("GET", "/user", undefined, { authorization: "Bearer nope" })).toMatchObject({
      status: 401,
      body: { message: "401 Unauthorized" },
    });
    expect(
      (await t.gitlab("GET", "/user", undefined, { authorization: "", "private-token": t.gitlabToken })).status,
    ).toBe(200);
  });
});

describe("variables", () => {
  test("masked values must follow GitLab's masking rules (raw relaxes the alphabet)", async () => {
    const base = { environment_scope: "*", masked: true, raw: false, description: "" };
    const short = await t.gitlab("POST", variables, { ...base, key: "SHORT", value: "abc" });
    expect(short).toMatchObject({ status: 400, body: { message: { value: ["is invalid"] } } });
    const spaced = await t.gitlab("POST", variables, { ...base, key: "SPACED", value: "has spaces in it" });
    expect(spaced.status).toBe(400);
    const dollar = await t.gitlab("POST", variables, { ...base, key: "DOLLAR", value: "abc$defgh" });
    expect(dollar.status).toBe(400);
    const rawDollar = await t.gitlab("POST", variables, { ...base, raw: true, key: "RAW_DOLLAR", value: "abc$defgh" });
    expect(rawDollar.status).toBe(201);
    const key = await t.gitlab("POST", variables, {
      ...base,
      key: "HEROKU_API_KEY",
      value: "0b7e4a52-9c1d-4f3e-8a5b-2c6d7e8f9a0b",
    });
    expect(key.status).toBe(201);
    expect(key.body).toMatchObject({ masked: true, hidden: false, value: "0b7e4a52-9c1d-4f3e-8a5b-2c6d7e8f9a0b" });
  });

  test("hidden variables (masked_and_hidden) never return their value", async () => {
    const created = await t.gitlab("POST", variables, {
      key: "HIDDEN_SECRET",
      value: "supersecretvalue",
      masked: false,
      masked_and_hidden: true,
      raw: false,
      environment_scope: "*",
      description: "",
    });
    expect(created.body).toMatchObject({ masked: true, hidden: true, value: null });
    expect((await t.gitlab("GET", `${variables}/HIDDEN_SECRET`)).body.value).toBeNull();
  });

  test("scope filter selects one of several; without it GitLab answers 409; duplicates are 400", async () => {
    const make = (scope: string, value: string) =>
      t.gitlab("POST", variables, {
        key: "APP_NAME",
        value,
        environment_scope: scope,
        masked: false,
        raw: false,
        description: "",
      });
    expect((await make("staging", "songlist-staging")).status).toBe(201);
    expect((await make("production", "songlist-prod")).status).toBe(201);
    const duplicate = await make("production", "again");
    expect(duplicate).toMatchObject({ status: 400, body: { message: { key: ["(APP_NAME) has already been taken"] } } });

    const ambiguous = await t.gitlab("GET", `${variables}/APP_NAME`);
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.message).toContain("filter[environment_scope]");
    const filter = "?filter%5Benvironment_scope%5D=production";
    expect((await t.gitlab("GET", `${variables}/APP_NAME${filter}`)).body.value).toBe("songlist-prod");
    const updated = await t.gitlab("PUT", `${variables}/APP_NAME${filter}`, {
      value: "songlist-production",
      environment_scope: "production",
    });
    expect(updated.body.value).toBe("songlist-production");
    expect((await t.gitlab("DELETE", `${variables}/APP_NAME${filter}`)).status).toBe(204);
    expect((await t.gitlab("GET", `${variables}/APP_NAME`)).body.environment_scope).toBe("staging");
  });

  test("fields are checked, flags read as Grape reads them, and an update keeps what it does not name", async () => {
    const other = "/projects/acme%2Fweb/variables";
    expect(await t.gitlab("POST", other, { key: "NO_VALUE" })).toMatchObject({
      status: 400,
      body: { error: "value is missing" },
    });
    expect(await t.gitlab("POST", other, { key: "BAD_TYPE", value: "x", variable_type: "secret" })).toMatchObject({
      status: 400,
      body: { error: "variable_type does not have a valid value" },
    });
    const created = await t.gitlab("POST", other, {
      key: "FLAGGED",
      value: "first-value",
      protected: "true",
      masked: "false",
      description: "kept",
    });
    expect(created).toMatchObject({ status: 201, body: { protected: true, masked: false } });
    const updated = await t.gitlab("PUT", `${other}/FLAGGED`, { description: "changed" });
    expect(updated.body).toMatchObject({
      value: "first-value",
      protected: true,
      masked: false,
      description: "changed",
    });
    expect((await t.gitlab("PUT", `${other}/FLAGGED`, { protected: "maybe" })).status).toBe(400);
    expect((await t.gitlab("GET", `${other}/FLAGGED`)).body).toMatchObject({ value: "first-value", protected: true });
    const listed = (await t.gitlab("GET", other)).body;
    expect(listed.map((variable: { key: string }) => variable.key)).toEqual(["FLAGGED"]);
  });
});

describe("environments", () => {
  test("an environment must be stopped before it can be deleted", async () => {
    const env = await t.gitlab("POST", "/projects/1/environments", {
      name: "review/mr-42",
      external_url: "https://songlist-review-42.herokuapp.com",
    });
    expect(env.status).toBe(201);
    expect(env.body).toMatchObject({ state: "available", name: "review/mr-42" });
    expect(env.body.created_at).toMatch(/T/);
    const refused = await t.gitlab("DELETE", `/projects/1/environments/${env.body.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain("must be stopped");
    const stopped = await t.gitlab("POST", `/projects/1/environments/${env.body.id}/stop`, { force: false });
    expect(stopped.body.state).toBe("stopped");
    expect((await t.gitlab("DELETE", `/projects/1/environments/${env.body.id}`)).status).toBe(204);
    expect((await t.gitlab("GET", `/projects/1/environments/${env.body.id}`)).status).toBe(404);
  });

  test("names are unique and tiers validated", async () => {
    await t.gitlab("POST", "/projects/1/environments", { name: "staging", tier: "staging" });
    expect((await t.gitlab("POST", "/projects/1/environments", { name: "staging" })).status).toBe(400);
    expect((await t.gitlab("POST", "/projects/1/environments", { name: "weird", tier: "moon" })).status).toBe(400);
  });

  test("listed by name, read and updated, keeping the settings they were made with", async () => {
    const environments = "/projects/2/environments";
    const settings = { external_url: "https://review-7.example.com", tier: "development", description: "first" };
    const created = await t.gitlab("POST", environments, { name: "review/mr-7", ...settings });
    expect(created).toMatchObject({ status: 201, body: settings });
    const other = await t.gitlab("POST", environments, { name: "review/mr-8" });
    expect(other.status).toBe(201);
    const named = await t.gitlab("GET", `${environments}?name=review%2Fmr-7`);
    expect(named.body.map((environment: any) => environment.id)).toEqual([created.body.id]);
    const all = await t.gitlab("GET", environments);
    expect(all.body.map((environment: any) => environment.id).sort()).toEqual([created.body.id, other.body.id].sort());
    expect(await t.gitlab("GET", `${environments}/${created.body.id}`)).toMatchObject({
      status: 200,
      body: { name: "review/mr-7", ...settings },
    });

    const moved = { external_url: "https://review-7b.example.com" };
    const updated = await t.gitlab("PUT", `${environments}/${created.body.id}`, moved);
    expect(updated).toMatchObject({ status: 200, body: { ...settings, ...moved } });
    expect(await t.gitlab("PUT", `${environments}/${created.body.id}`, { tier: "moon" })).toMatchObject({
      status: 400,
      body: { error: "tier does not have a valid value" },
    });
    expect((await t.gitlab("GET", `${environments}/${created.body.id}`)).body).toMatchObject({ ...settings, ...moved });
    expect(await t.gitlab("POST", environments, { tier: "staging" })).toMatchObject({
      status: 400,
      body: { error: "name is missing" },
    });
  });
});

describe("protected tags and environments", () => {
  test("create_access_level is echoed into create_access_levels; v%2A addresses v*", async () => {
    const tag = await t.gitlab("POST", "/projects/1/protected_tags", {
      name: "v*",
      create_access_level: 40,
      allowed_to_create: [],
    });
    expect(tag.status).toBe(201);
    expect(tag.body.create_access_levels).toEqual([
      expect.objectContaining({
        access_level: 40,
        access_level_description: "Maintainers",
        user_id: null,
        group_id: null,
      }),
    ]);
    expect((await t.gitlab("GET", "/projects/1/protected_tags/v%2A")).body.name).toBe("v*");
    expect((await t.gitlab("DELETE", "/projects/1/protected_tags/v%2A")).status).toBe(204);
    expect((await t.gitlab("GET", "/projects/1/protected_tags/v%2A")).status).toBe(404);
  });

  test("protected environments keep their deploy access levels", async () => {
    const created = await t.gitlab("POST", "/projects/1/protected_environments", {
      name: "production",
      deploy_access_levels: [{ access_level: 40 }],
      approval_rules: [],
    });
    expect(created.status).toBe(201);
    expect(created.body.deploy_access_levels[0]).toMatchObject({ access_level: 40 });
    const id = created.body.deploy_access_levels[0].id;
    const updated = await t.gitlab("PUT", "/projects/1/protected_environments/production", {
      name: "production",
      deploy_access_levels: [{ id, _destroy: true, access_level: 40 }, { access_level: 30 }],
    });
    expect(updated.body.deploy_access_levels).toEqual([expect.objectContaining({ access_level: 30 })]);
  });

  test("protected tags: listed, checked, the level a number, a numeric string or the provider's name", async () => {
    const tags = "/projects/2/protected_tags";
    const levels: [string, number | string | undefined, number][] = [
      ["default-*", undefined, 40],
      ["number-*", 30, 30],
      ["string-*", "30", 30],
      ["name-*", "developer", 30],
      ["nobody-*", "no one", 0],
    ];
    for (const [name, given, level] of levels) {
      const created = await t.gitlab("POST", tags, { name, create_access_level: given });
      expect([created.status, created.body.create_access_levels]).toEqual([
        201,
        [expect.objectContaining({ access_level: level })],
      ]);
    }
    expect((await t.gitlab("GET", tags)).body.map((tag: any) => tag.name)).toEqual(levels.map(([name]) => name));
    expect(await t.gitlab("POST", tags, { create_access_level: 40 })).toMatchObject({
      status: 400,
      body: { error: "name is missing" },
    });
    expect((await t.gitlab("POST", tags, { name: "bad-*", allowed_to_create: "everyone" })).status).toBe(400);
    expect((await t.gitlab("GET", tags)).body).toHaveLength(levels.length);
  });

  test("protected environments: listed, read, checked, updated by entry and deleted", async () => {
    const environments = "/projects/2/protected_environments";
    const created = await t.gitlab("POST", environments, {
      name: "staging",
      deploy_access_levels: [{ access_level: 30 }, { access_level: 40 }],
    });
    expect(created.status).toBe(201);
    const [developers, maintainers] = created.body.deploy_access_levels;
    const levels = (answer: { body: any }) => answer.body.deploy_access_levels.map((entry: any) => entry.access_level);
    expect((await t.gitlab("GET", environments)).body.map((environment: any) => environment.name)).toEqual(["staging"]);
    const read = await t.gitlab("GET", `${environments}/staging`);
    expect([read.status, read.body.name, levels(read)]).toEqual([200, "staging", [30, 40]]);
    expect(await t.gitlab("POST", environments, { deploy_access_levels: [] })).toMatchObject({
      status: 400,
      body: { error: "name is missing" },
    });
    expect((await t.gitlab("PUT", `${environments}/staging`, { deploy_access_levels: "everyone" })).status).toBe(400);

    // `_destroy` as Grape reads it: true, "true" and 1 remove the entry they name; "false" keeps it.
    const one = await t.gitlab("PUT", `${environments}/staging`, {
      deploy_access_levels: [{ id: developers.id, _destroy: 1 }],
    });
    expect(levels(one)).toEqual([40]);
    const text = await t.gitlab("PUT", `${environments}/staging`, {
      deploy_access_levels: [{ id: maintainers.id, _destroy: "true" }, { access_level: 30 }],
    });
    expect(levels(text)).toEqual([30]);
    const kept = await t.gitlab("PUT", `${environments}/staging`, {
      deploy_access_levels: [{ id: text.body.deploy_access_levels[0].id, _destroy: "false" }],
    });
    expect(levels(kept)).toEqual([30]);
    expect(levels(await t.gitlab("GET", `${environments}/staging`))).toEqual([30]);

    expect((await t.gitlab("DELETE", `${environments}/staging`)).status).toBe(204);
    expect((await t.gitlab("GET", `${environments}/staging`)).status).toBe(404);
    expect((await t.gitlab("GET", environments)).body).toEqual([]);
  });
});

describe("terraform state backend", () => {
  const address = "/projects/1/terraform/state/staging";
  const basic = (password: string) => ({
    authorization: `Basic ${Buffer.from(`gitlab-ci-token:${password}`).toString("base64")}`,
  });
  const lock = (id: string) => lockInfo(id, { Who: "ci@runner" });

  test("state round trip with locking, 409 with the holder's info on conflict", async () => {
    const auth = basic(t.gitlabToken);
    expect((await t.gitlab("GET", address, undefined, auth)).status).toBe(204);
    expect((await t.gitlab("POST", `${address}/lock`, lock("lock-a"), auth)).status).toBe(200);
    const conflict = await t.gitlab("POST", `${address}/lock`, lock("lock-b"), auth);
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ ID: "lock-a", Who: "ci@runner" });

    const state = JSON.stringify({ version: 4, serial: 3, lineage: "abc", outputs: {}, resources: [] });
    expect((await t.gitlab("POST", `${address}?ID=lock-b`, state, auth)).status).toBe(409);
    expect((await t.gitlab("POST", `${address}?ID=lock-a`, state, auth)).status).toBe(200);
    expect((await t.gitlab("DELETE", `${address}/lock`, lock("lock-b"), auth)).status).toBe(409);
    expect((await t.gitlab("DELETE", `${address}/lock`, lock("lock-a"), auth)).status).toBe(200);

    const read = await fetch(`${t.sandbox.gitlabUrl}projects/1/terraform/state/staging`, { headers: auth });
    expect(await read.text()).toBe(state);
    expect(read.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await t.gitlab("POST", address, JSON.stringify({ version: 4 }), auth)).status).toBe(422);
  });

  test("a locked state cannot be deleted without its lock's ID, and stays as it was", async () => {
    const auth = basic(t.gitlabToken);
    const locked = "/projects/1/terraform/state/locked";
    const state = JSON.stringify({ version: 4, serial: 1, lineage: "def", outputs: {}, resources: [] });
    expect((await t.gitlab("POST", locked, state, auth)).status).toBe(200);
    expect((await t.gitlab("POST", `${locked}/lock`, lock("lock-c"), auth)).status).toBe(200);

    for (const attempt of [locked, `${locked}?ID=lock-d`]) {
      const refused = await t.gitlab("DELETE", attempt, undefined, auth);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ ID: "lock-c" });
    }
    const read = await fetch(`${t.sandbox.gitlabUrl}projects/1/terraform/state/locked`, { headers: auth });
    expect(await read.text()).toBe(state);

    expect((await t.gitlab("DELETE", `${locked}?ID=lock-c`, undefined, auth)).status).toBe(200);
    expect((await t.gitlab("GET", locked, undefined, auth)).status).toBe(204);
  });

  test("a lock needs an ID and is released by ?ID= too; a state locked before any upload is still none", async () => {
    const auth = basic(t.gitlabToken);
    const fresh = "/projects/1/terraform/state/fresh";
    expect(await t.gitlab("POST", `${fresh}/lock`, {}, auth)).toMatchObject({
      status: 400,
      body: { error: "ID is missing" },
    });
    expect((await t.gitlab("POST", `${fresh}/lock`, lock("lock-e"), auth)).status).toBe(200);
    expect((await t.gitlab("GET", fresh, undefined, auth)).status).toBe(204);
    // An upload without a body (Terraform's "nothing to write") changes nothing.
    expect((await t.gitlab("POST", `${fresh}?ID=lock-e`, undefined, auth)).status).toBe(204);
    expect((await t.gitlab("GET", fresh, undefined, auth)).status).toBe(204);

    expect((await t.gitlab("DELETE", `${fresh}/lock?ID=lock-f`, undefined, auth)).status).toBe(409);
    expect((await t.gitlab("POST", `${fresh}/lock`, lock("lock-f"), auth)).status).toBe(409);
    expect((await t.gitlab("DELETE", `${fresh}/lock?ID=lock-e`, undefined, auth)).status).toBe(200);
    expect((await t.gitlab("POST", `${fresh}/lock`, lock("lock-f"), auth)).status).toBe(200);
  });

  test("the state backend wants the token as Basic password", async () => {
    expect((await t.gitlab("GET", address, undefined, basic("wrong"))).status).toBe(401);
  });
});
