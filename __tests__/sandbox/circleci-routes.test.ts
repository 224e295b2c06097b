/**
 * CircleCI's API v2 as the sandbox serves it, over HTTP with the `Circle-Token` header the CircleCI provider sends:
 * the calls of its contexts, context variables, restrictions and project variables, every refusal with CircleCI's
 * `{"message"}` shape, pagination by `page-token`, and values that never come back.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PAGE_SIZE } from "../../sandbox/circleci/models/catalog";
import { startSandbox, type TestSandbox } from "./client";

const ORG = "3ddcf1d1-7f5f-4139-8cef-71ad0921a968";
const UNKNOWN = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
const PROJECT_ID = "7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6";
const OTHER_ORG = "0e7c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

let t: TestSandbox;
let contextCount = 0;

beforeAll(async () => {
  t = await startSandbox();
  // The organizations the sandbox's user is a member of: those of its projects (named, or the slug's).
  for (const [slug, organizationId] of [
    ["gh/acme/routes", ORG],
    ["gh/other/routes", OTHER_ORG],
    ["gh/pages-org/routes", undefined],
  ]) {
    const response = await t.heroku("POST", "/sandbox/circleci/projects", { slug, organizationId });
    expect(response.status).toBe(201);
  }
});
afterAll(async () => {
  await t?.sandbox.close();
});

/** Creates a CircleCI project through the control route (the operator's, with the Heroku key). */
async function project(slug: string, id?: string): Promise<{ id: string; slug: string; name: string }> {
  const response = await t.heroku("POST", "/sandbox/circleci/projects", { slug, ...(id ? { id } : {}) });
  expect(response.status).toBeLessThan(300);
  return response.body;
}

/** A new context of ORG with a fresh name. */
async function newContext(): Promise<{ id: string; name: string; created_at: string }> {
  const response = await t.circleci("POST", "/context", {
    name: `ctx-${++contextCount}`,
    owner: { id: ORG, type: "organization" },
  });
  expect(response.status).toBe(200);
  return response.body;
}

/** Every item of a paginated list, following `next_page_token` as the provider does. */
async function everyItem(path: string): Promise<{ pages: number; items: Record<string, unknown>[] }> {
  const items: Record<string, unknown>[] = [];
  let token = "";
  let pages = 0;
  for (;;) {
    const separator = path.includes("?") ? "&" : "?";
    const response = await t.circleci("GET", `${path}${separator}page-token=${encodeURIComponent(token)}`);
    expect(response.status).toBe(200);
    pages++;
    items.push(...response.body.items);
    if (response.body.next_page_token === null) return { pages, items };
    token = response.body.next_page_token;
  }
}

describe("credentials", () => {
  test("no token is 'You must log in first.', a wrong one 'Invalid token provided.', both 401", async () => {
    const none = await t.circleci("GET", `/context?owner-id=${ORG}`, undefined, { "circle-token": "" });
    const wrong = await t.circleci("GET", `/context?owner-id=${ORG}`, undefined, { "circle-token": "not-it" });
    expect(wrong).toMatchObject({ status: 401, body: { message: "Invalid token provided." } });
    // An empty header is a header: CircleCI's "log in first" is for a request with no credential at all.
    expect(none.status).toBe(401);
    const sandboxUrl = t.sandbox.circleciUrl;
    const bare = await fetch(`${sandboxUrl}/context?owner-id=${ORG}`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toEqual({ message: "You must log in first." });
  });

  test("the token is also taken as the username of HTTP Basic with an empty password", async () => {
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    const ok = await fetch(`${t.sandbox.circleciUrl}/context?owner-id=${ORG}`, {
      headers: { authorization: basic(t.circleciToken, "") },
    });
    expect(ok.status).toBe(200);
    const withPassword = await fetch(`${t.sandbox.circleciUrl}/context?owner-id=${ORG}`, {
      headers: { authorization: basic(t.circleciToken, "x") },
    });
    expect(withPassword.status).toBe(401);
  });

  test("a sandbox started without a CircleCI token refuses every CircleCI request", async () => {
    const { createSandbox } = await import("../../sandbox");
    const bare = await createSandbox({ herokuApiKey: "h".repeat(16), gitlabToken: "g".repeat(16) });
    try {
      const response = await fetch(`${bare.circleciUrl}/context?owner-id=${ORG}`, { headers: { "circle-token": "" } });
      expect(response.status).toBe(401);
    } finally {
      await bare.close();
    }
  });

  test("circleciUrl is the sandbox's URL under /circleci/api/v2, and unknown paths answer 404 in CircleCI's shape", async () => {
    expect(t.sandbox.circleciUrl).toBe(`${t.sandbox.url}/circleci/api/v2`);
    expect(await t.circleci("GET", "/pipeline")).toMatchObject({ status: 404, body: { message: "Not found" } });
  });
});

describe("contexts", () => {
  test("create answers 200 with id, name and created_at; get reads it back", async () => {
    const created = await newContext();
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Date(created.created_at).toISOString()).toBe(created.created_at);
    expect(await t.circleci("GET", `/context/${created.id}`)).toMatchObject({ status: 200, body: created });
  });

  test("a name taken in the owner is 409; the same name in another owner is fine", async () => {
    const created = await newContext();
    const again = await t.circleci("POST", "/context", { name: created.name, owner: { id: ORG } });
    expect(again).toMatchObject({ status: 409, body: { message: "A context already exists with this name" } });
    const elsewhere = await t.circleci("POST", "/context", {
      name: created.name,
      owner: { id: OTHER_ORG },
    });
    expect(elsewhere.status).toBe(200);
  });

  test("an organization none of the user's projects belongs to is 404, by id or by slug, and nothing is created", async () => {
    const before = (await t.heroku("GET", "/sandbox/state")).body.circleci.contexts.length;
    for (const owner of [{ id: UNKNOWN }, { slug: "gh/strangers" }]) {
      const create = await t.circleci("POST", "/context", { name: "deploy", owner });
      expect(create).toMatchObject({ status: 404, body: { message: "Organization not found" } });
    }
    const list = await t.circleci("GET", `/context?owner-id=${UNKNOWN}`);
    expect(list).toMatchObject({ status: 404, body: { message: "Organization not found" } });
    expect((await t.heroku("GET", "/sandbox/state")).body.circleci.contexts).toHaveLength(before);
    // An account (CircleCI server's owner) is not modelled, so not refused.
    expect((await t.circleci("GET", `/context?owner-id=${UNKNOWN}&owner-type=account`)).status).toBe(200);
  });

  test("bad bodies are 400 naming the field", async () => {
    const missing = await t.circleci("POST", "/context", { name: "x" });
    expect(missing).toMatchObject({
      status: 400,
      body: { message: "Invalid request body: owner must have required property 'owner'" },
    });
    const wrongType = await t.circleci("POST", "/context", { name: 3, owner: { id: ORG } });
    expect(wrongType).toMatchObject({ status: 400, body: { message: "Invalid request body: name must be string" } });
    const badOwner = await t.circleci("POST", "/context", { name: "x", owner: { id: "acme" } });
    expect(badOwner).toMatchObject({ status: 400, body: { message: 'owner id "acme" is not a UUID' } });
    const malformed = await t.circleci("POST", "/context", "{not json");
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/^Invalid JSON body/);
  });

  test("unknown and malformed ids are 404 Context not found", async () => {
    for (const id of [UNKNOWN, "not-a-uuid"]) {
      expect(await t.circleci("GET", `/context/${id}`)).toMatchObject({
        status: 404,
        body: { message: "Context not found" },
      });
      expect((await t.circleci("DELETE", `/context/${id}`)).status).toBe(404);
    }
  });

  test("delete answers 200 with a message, and the context is gone", async () => {
    const created = await newContext();
    expect(await t.circleci("DELETE", `/context/${created.id}`)).toMatchObject({
      status: 200,
      body: { message: "Context deleted." },
    });
    expect((await t.circleci("GET", `/context/${created.id}`)).status).toBe(404);
  });

  test("the owner's contexts are listed by owner-id or by owner-slug, in pages", async () => {
    const slugOwner = "gh/pages-org";
    for (let i = 0; i < PAGE_SIZE + 1; i++) {
      const response = await t.circleci("POST", "/context", { name: `paged-${i}`, owner: { slug: slugOwner } });
      expect(response.status).toBe(200);
    }
    const bySlug = await everyItem(`/context?owner-slug=${encodeURIComponent(slugOwner)}`);
    expect(bySlug.pages).toBe(2);
    expect(bySlug.items.map((c) => c.name)).toEqual(Array.from({ length: PAGE_SIZE + 1 }, (_, i) => `paged-${i}`));
    const byId = await everyItem(`/context?owner-id=${ORG}&owner-type=organization`);
    expect(byId.items.length).toBe(contextCount - 1);
    const asAccount = await t.circleci("GET", `/context?owner-id=${ORG}&owner-type=account`);
    expect(asAccount.body).toEqual({ items: [], next_page_token: null });
  });

  test("listing without an owner, with a bad owner or a forged page token is 400", async () => {
    expect(await t.circleci("GET", "/context")).toMatchObject({
      status: 400,
      body: { message: "Either owner-id or owner-slug is required" },
    });
    expect((await t.circleci("GET", "/context?owner-id=acme")).status).toBe(400);
    expect((await t.circleci("GET", `/context?owner-id=${ORG}&owner-type=team`)).status).toBe(400);
    const forged = await t.circleci("GET", `/context?owner-id=${ORG}&page-token=bm9wZQ`);
    expect(forged).toMatchObject({ status: 400, body: { message: 'Invalid page-token: "bm9wZQ"' } });
  });
});

describe("context variables", () => {
  test("put adds, then updates; answers never carry the value", async () => {
    const context = await newContext();
    const path = `/context/${context.id}/environment-variable/DEPLOY_KEY`;
    const added = await t.circleci("PUT", path, { value: "first-secret" });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({
      variable: "DEPLOY_KEY",
      context_id: context.id,
      created_at: expect.any(String),
      updated_at: added.body.created_at,
    });
    const updated = await t.circleci("PUT", path, { value: "second-secret" });
    expect(updated.body.created_at).toBe(added.body.created_at);
    const listed = await t.circleci("GET", `/context/${context.id}/environment-variable?page-token=`);
    expect(listed.body).toEqual({ items: [updated.body], next_page_token: null });
    for (const text of [added, updated, listed].map((r) => JSON.stringify(r.body))) {
      expect(text).not.toContain("secret");
    }
  });

  test("the list pages by page-token, and the provider's loop reads every name", async () => {
    const context = await newContext();
    const names = Array.from({ length: PAGE_SIZE * 2 + 1 }, (_, i) => `VAR_${i}`);
    for (const name of names) {
      expect(
        (await t.circleci("PUT", `/context/${context.id}/environment-variable/${name}`, { value: "v" })).status,
      ).toBe(200);
    }
    const first = await t.circleci("GET", `/context/${context.id}/environment-variable`);
    expect(first.body.items).toHaveLength(PAGE_SIZE);
    expect(typeof first.body.next_page_token).toBe("string");
    const all = await everyItem(`/context/${context.id}/environment-variable`);
    expect(all.pages).toBe(3);
    expect(all.items.map((v) => v.variable)).toEqual(names);
  });

  test("refusals: a bad name or body is 400, an unknown context or variable 404", async () => {
    const context = await newContext();
    const badName = await t.circleci("PUT", `/context/${context.id}/environment-variable/1BAD`, { value: "v" });
    expect(badName).toMatchObject({ status: 400, body: { message: expect.stringContaining('name "1BAD"') } });
    const noValue = await t.circleci("PUT", `/context/${context.id}/environment-variable/OK`, {});
    expect(noValue).toMatchObject({
      status: 400,
      body: { message: "Invalid request body: value must have required property 'value'" },
    });
    const numeric = await t.circleci("PUT", `/context/${context.id}/environment-variable/OK`, { value: 1 });
    expect(numeric.status).toBe(400);
    expect((await t.circleci("PUT", `/context/${UNKNOWN}/environment-variable/OK`, { value: "v" })).status).toBe(404);
    expect((await t.circleci("GET", `/context/${UNKNOWN}/environment-variable`)).status).toBe(404);
    expect(await t.circleci("DELETE", `/context/${context.id}/environment-variable/MISSING`)).toMatchObject({
      status: 404,
      body: { message: "Environment variable not found" },
    });
  });

  test("delete answers 200 with a message and removes the variable", async () => {
    const context = await newContext();
    await t.circleci("PUT", `/context/${context.id}/environment-variable/GONE`, { value: "v" });
    expect(await t.circleci("DELETE", `/context/${context.id}/environment-variable/GONE`)).toMatchObject({
      status: 200,
      body: { message: "Environment variable deleted." },
    });
    const listed = await t.circleci("GET", `/context/${context.id}/environment-variable`);
    expect(listed.body.items).toEqual([]);
  });
});

describe("restrictions", () => {
  beforeAll(async () => {
    await project("gh/acme/restricted", PROJECT_ID);
  });

  test("a project restriction: 201 with project_id and the project's name; listed with context_id", async () => {
    const context = await newContext();
    const created = await t.circleci("POST", `/context/${context.id}/restrictions`, {
      restriction_type: "project",
      restriction_value: PROJECT_ID,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      project_id: PROJECT_ID,
      name: "restricted",
      restriction_type: "project",
      restriction_value: PROJECT_ID,
    });
    const listed = await t.circleci("GET", `/context/${context.id}/restrictions?page-token=`);
    expect(listed.body).toEqual({ items: [{ context_id: context.id, ...created.body }], next_page_token: null });
  });

  test("the deprecated project_id alone is a project restriction; an expression has no project", async () => {
    const context = await newContext();
    const legacy = await t.circleci("POST", `/context/${context.id}/restrictions`, { project_id: PROJECT_ID });
    expect(legacy).toMatchObject({ status: 201, body: { restriction_type: "project", restriction_value: PROJECT_ID } });
    const expression = await t.circleci("POST", `/context/${context.id}/restrictions`, {
      restriction_type: "expression",
      restriction_value: 'pipeline.git.branch == "main"',
    });
    expect(expression.status).toBe(201);
    expect(expression.body).not.toHaveProperty("project_id");
    expect(expression.body).not.toHaveProperty("name");
  });

  test("refusals: 400 for bad ids and bodies, 404 for unknown things, 409 for a repeat", async () => {
    const context = await newContext();
    const path = `/context/${context.id}/restrictions`;
    const project = { restriction_type: "project", restriction_value: PROJECT_ID };
    expect(await t.circleci("GET", "/context/not-a-uuid/restrictions")).toMatchObject({
      status: 400,
      body: { message: "context_id is invalid." },
    });
    expect(await t.circleci("DELETE", `${path}/not-a-uuid`)).toMatchObject({
      status: 400,
      body: { message: "restriction_id is invalid." },
    });
    expect((await t.circleci("POST", `/context/${UNKNOWN}/restrictions`, project)).status).toBe(404);
    expect((await t.circleci("GET", `/context/${UNKNOWN}/restrictions`)).status).toBe(404);
    expect(await t.circleci("POST", path, { restriction_type: "project", restriction_value: UNKNOWN })).toMatchObject({
      status: 404,
      body: { message: "Project not found" },
    });
    expect((await t.circleci("POST", path, { restriction_type: "project", restriction_value: "acme" })).status).toBe(
      400,
    );
    expect((await t.circleci("POST", path, { restriction_type: "group", restriction_value: "x" })).status).toBe(400);
    expect(await t.circleci("POST", path, { restriction_type: "project" })).toMatchObject({
      status: 400,
      body: { message: "restriction_type and restriction_value are required" },
    });
    expect((await t.circleci("POST", path, { ...project, project_id: PROJECT_ID })).status).toBe(400);
    expect((await t.circleci("POST", path, { ...project, extra: true })).status).toBe(400);
    expect((await t.circleci("POST", path, project)).status).toBe(201);
    expect((await t.circleci("POST", path, project)).status).toBe(409);
    expect(await t.circleci("DELETE", `${path}/${UNKNOWN}`)).toMatchObject({
      status: 404,
      body: { message: "Context restriction not found" },
    });
  });

  test("delete answers 200 with a message; deleting the context takes its restrictions along", async () => {
    const context = await newContext();
    const path = `/context/${context.id}/restrictions`;
    const first = await t.circleci("POST", path, { restriction_type: "expression", restriction_value: "a" });
    await t.circleci("POST", path, { restriction_type: "expression", restriction_value: "b" });
    expect(await t.circleci("DELETE", `${path}/${first.body.id}`)).toMatchObject({
      status: 200,
      body: { message: "Context restriction deleted." },
    });
    expect(
      (await t.circleci("GET", path)).body.items.map((r: { restriction_value: string }) => r.restriction_value),
    ).toEqual(["b"]);
    await t.circleci("DELETE", `/context/${context.id}`);
    expect((await t.circleci("GET", path)).status).toBe(404);
  });
});

describe("project variables", () => {
  beforeAll(async () => {
    await project("github/acme/songlist");
  });

  test("create answers 201 with the value masked, get and list mask it too, under any VCS spelling", async () => {
    const created = await t.circleci("POST", "/project/gh/acme/songlist/envvar", {
      name: "DATABASE_URL",
      value: "postgres://user:hunter2@db/app",
    });
    expect(created).toMatchObject({
      status: 201,
      body: { name: "DATABASE_URL", value: "xxxx/app", "created-at": expect.any(String) },
    });
    const read = await t.circleci("GET", "/project/github/acme/songlist/envvar/DATABASE_URL");
    expect(read).toMatchObject({ status: 200, body: created.body });
    const listed = await t.circleci("GET", "/project/gh/acme/songlist/envvar?page-token=");
    expect(listed.body.items).toContainEqual(created.body);
    for (const text of [created, read, listed].map((r) => JSON.stringify(r.body)))
      expect(text).not.toContain("hunter2");
  });

  test("creating a name again replaces the value", async () => {
    await t.circleci("POST", "/project/gh/acme/songlist/envvar", { name: "REPLACED", value: "value-one" });
    await t.circleci("POST", "/project/gh/acme/songlist/envvar", { name: "REPLACED", value: "value-two" });
    const read = await t.circleci("GET", "/project/gh/acme/songlist/envvar/REPLACED");
    expect(read.body.value).toBe("xxxx-two");
  });

  test("refusals: 404 for an unknown project or variable, 400 for a bad name or body", async () => {
    expect(await t.circleci("POST", "/project/gh/acme/unknown/envvar", { name: "A", value: "v" })).toMatchObject({
      status: 404,
      body: { message: "Project not found" },
    });
    expect((await t.circleci("GET", "/project/gh/acme/unknown/envvar")).status).toBe(404);
    expect((await t.circleci("GET", "/project/svn/acme/songlist/envvar/A")).status).toBe(404);
    expect(await t.circleci("GET", "/project/gh/acme/songlist/envvar/MISSING")).toMatchObject({
      status: 404,
      body: { message: "Environment variable not found" },
    });
    expect((await t.circleci("DELETE", "/project/gh/acme/songlist/envvar/MISSING")).status).toBe(404);
    const badName = await t.circleci("POST", "/project/gh/acme/songlist/envvar", { name: "A-B", value: "v" });
    expect(badName).toMatchObject({ status: 400, body: { message: expect.stringContaining('name "A-B"') } });
    const noValue = await t.circleci("POST", "/project/gh/acme/songlist/envvar", { name: "A" });
    expect(noValue).toMatchObject({
      status: 400,
      body: { message: "Invalid request body: value must have required property 'value'" },
    });
  });

  test("delete answers 200 with a message, then the variable is 404", async () => {
    await t.circleci("POST", "/project/gh/acme/songlist/envvar", { name: "GONE", value: "v" });
    expect(await t.circleci("DELETE", "/project/gh/acme/songlist/envvar/GONE")).toMatchObject({
      status: 200,
      body: { message: "Environment variable deleted." },
    });
    expect((await t.circleci("GET", "/project/gh/acme/songlist/envvar/GONE")).status).toBe(404);
  });
});

describe("the control route for projects", () => {
  test("creates once (201, then 200) and refuses what is not a slug with 422", async () => {
    const first = await t.heroku("POST", "/sandbox/circleci/projects", { slug: "circleci/AbC123/dEf456" });
    expect(first).toMatchObject({ status: 201, body: { slug: "circleci/AbC123/dEf456", name: "dEf456" } });
    const again = await t.heroku("POST", "/sandbox/circleci/projects", { slug: "circleci/AbC123/dEf456" });
    expect(again).toMatchObject({ status: 200, body: first.body });
    const bad = await t.heroku("POST", "/sandbox/circleci/projects", { slug: "acme/songlist" });
    expect(bad).toMatchObject({
      status: 422,
      body: { id: "invalid_params", message: expect.stringContaining("acme/songlist") },
    });
    const noKey = await fetch(`${t.sandbox.url}/sandbox/circleci/projects`, { method: "POST" });
    expect(noKey.status).toBe(401);
  });
});

test("CircleCI records survive a restart from the state file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "circleci-state-"));
  const stateFile = join(dir, "state.json");
  try {
    const first = await startSandbox({ stateFile });
    const credentials = {
      stateFile,
      herokuApiKey: first.herokuApiKey,
      gitlabToken: first.gitlabToken,
      circleciToken: first.circleciToken,
    };
    await first.heroku("POST", "/sandbox/circleci/projects", { slug: "gh/acme/kept", organizationId: ORG });
    const context = await first.circleci("POST", "/context", { name: "kept", owner: { id: ORG } });
    await first.circleci("PUT", `/context/${context.body.id}/environment-variable/KEPT`, { value: "v" });
    await first.sandbox.close();
    const second = await startSandbox(credentials);
    try {
      expect((await second.circleci("GET", `/context/${context.body.id}`)).body.name).toBe("kept");
      const listed = await second.circleci("GET", `/context/${context.body.id}/environment-variable`);
      expect(listed.body.items.map((v: { variable: string }) => v.variable)).toEqual(["KEPT"]);
    } finally {
      await second.sandbox.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
