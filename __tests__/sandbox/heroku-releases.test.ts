/**
 * Releases as a rollback client reads and makes them: the newest first through `Range`, then
 * `POST /apps/{app}/releases {"release": …}`, which releases an earlier slug again under a new version.
 */
import { expectConforms } from "../support/heroku-schema";
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;

beforeAll(async () => {
  t = await startSandbox();
});
afterAll(async () => {
  await t?.sandbox.close();
});

const newestFirst = { range: "version ..; order=desc" };

/** An app with v1 (created, no slug), v2 and v3 (two code pushes, two slugs) and v4 (a config change, v3's slug). */
async function appWithHistory(name: string): Promise<{ id: string; releases: any[] }> {
  const app = (await t.heroku("POST", "/apps", { name })).body;
  await t.heroku("POST", `/sandbox/apps/${app.id}/push`, { process_types: { web: "gunicorn app:app" } });
  await t.heroku("POST", `/sandbox/apps/${app.id}/push`, { process_types: { web: "gunicorn app:app -w 2" } });
  await t.heroku("PATCH", `/apps/${app.id}/config-vars`, { LOG_LEVEL: "info" });
  const releases = (await t.heroku("GET", `/apps/${app.id}/releases`, undefined, newestFirst)).body;
  return { id: app.id, releases };
}

test("Range `version ..; order=desc` lists the newest release first; max and bounds narrow it", async () => {
  const app = await appWithHistory("rb-range");
  expect(app.releases.map((r: any) => r.version)).toEqual([4, 3, 2, 1]);
  expect(app.releases[0]).toMatchObject({ current: true, description: "Set LOG_LEVEL config var" });
  expect(app.releases.slice(1).every((r: any) => r.current === false)).toBe(true);
  const newest = await t.heroku("GET", `/apps/${app.id}/releases`, undefined, {
    range: "version ..; max=2,order=desc",
  });
  expect(newest.body.map((r: any) => r.version)).toEqual([4, 3]);
  const below = await t.heroku("GET", `/apps/${app.id}/releases`, undefined, { range: "version 2..; order=desc" });
  expect(below.body.map((r: any) => r.version)).toEqual([2, 1]);
  const oldestFirst = await t.heroku("GET", `/apps/${app.id}/releases`);
  expect(oldestFirst.body.map((r: any) => r.version)).toEqual([1, 2, 3, 4]);
});

test("rollback by id: 201, a new release `Rollback to vN` running that release's slug", async () => {
  const app = await appWithHistory("rb-by-id");
  const [v4, v3, v2] = app.releases;
  expect(v2.slug.id).not.toBe(v3.slug.id);
  expect(v4.slug.id).toBe(v3.slug.id);

  const rolled = await t.heroku("POST", `/apps/${app.id}/releases`, { release: v2.id });
  expect(rolled.status).toBe(201);
  expect(rolled.body).toMatchObject({
    version: 5,
    description: "Rollback to v2",
    slug: { id: v2.slug.id },
    status: "succeeded",
    current: true,
    app: { id: app.id, name: "rb-by-id" },
  });
  expect(rolled.body.id).not.toBe(v2.id);
  expectConforms("release", "POST", "/apps/{}/releases", rolled.body);
  // Rendered exactly as GET /apps/{app}/releases/{id} renders it.
  expect((await t.heroku("GET", `/apps/${app.id}/releases/${rolled.body.id}`)).body).toEqual(rolled.body);

  const listed = (await t.heroku("GET", `/apps/${app.id}/releases`, undefined, newestFirst)).body;
  expect(listed.map((r: any) => r.version)).toEqual([5, 4, 3, 2, 1]);
  expect(listed[1].current).toBe(false);
  // History is kept: v2 itself is unchanged.
  expect(listed.find((r: any) => r.version === 2)).toMatchObject({ id: v2.id, description: v2.description });
  // Config vars stay: the sandbox keeps no config per release.
  expect((await t.heroku("GET", `/apps/${app.id}/config-vars`)).body).toEqual({ LOG_LEVEL: "info" });
});

test("rollback by version number; rolling back to the current release releases it again", async () => {
  const app = await appWithHistory("rb-by-version");
  const byVersion = await t.heroku("POST", `/apps/rb-by-version/releases`, { release: "3" });
  expect(byVersion.body).toMatchObject({ version: 5, description: "Rollback to v3", slug: app.releases[1].slug });

  const again = await t.heroku("POST", `/apps/${app.id}/releases`, { release: byVersion.body.id });
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ version: 6, description: "Rollback to v5", slug: byVersion.body.slug });

  // v1 has no slug: a rollback to it runs none, not the current one.
  const toFirst = await t.heroku("POST", `/apps/${app.id}/releases`, { release: app.releases[3].id });
  expect(toFirst.body).toMatchObject({ version: 7, description: "Rollback to v1", slug: null, artifacts: [] });
});

test("unknown releases, apps and other apps' releases are 404 in Heroku's shape", async () => {
  const app = await appWithHistory("rb-missing");
  const other = await appWithHistory("rb-other");
  const notFound = { status: 404, body: { id: "not_found", message: "Couldn't find that release." } };
  expect(await t.heroku("POST", `/apps/${app.id}/releases`, { release: "99" })).toMatchObject(notFound);
  expect(
    await t.heroku("POST", `/apps/${app.id}/releases`, { release: "00000000-0000-4000-8000-000000000000" }),
  ).toMatchObject(notFound);
  expect(await t.heroku("POST", `/apps/${app.id}/releases`, { release: other.releases[0].id })).toMatchObject(notFound);
  expect(await t.heroku("POST", "/apps/no-such-app/releases", { release: "1" })).toMatchObject({
    status: 404,
    body: { id: "not_found", message: "Couldn't find that app." },
  });
  // Nothing was released by the failures.
  expect((await t.heroku("GET", `/apps/${app.id}/releases`, undefined, newestFirst)).body[0].version).toBe(4);
});

test("the body must name a release", async () => {
  const app = await appWithHistory("rb-invalid");
  const missing = await t.heroku("POST", `/apps/${app.id}/releases`, {});
  expect(missing.status).toBe(422);
  expect(missing.body.id).toBe("invalid_params");
  expect(missing.body.message).toContain("release");
  expect(await t.heroku("POST", `/apps/${app.id}/releases`, { release: 2 })).toMatchObject({
    status: 422,
    body: { id: "invalid_params", message: "Release must be a release id or version." },
  });
  expect((await t.heroku("POST", `/apps/${app.id}/releases`, "[]")).status).toBe(400);
});
