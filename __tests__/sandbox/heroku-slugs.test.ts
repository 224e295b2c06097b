/**
 * Slugs and releases from a slug: the model on a hand-built state (what a slug release does to an app's process
 * types and formation, which slugs outlive their app), then the routes over HTTP as the Heroku provider calls them
 * (`heroku_slug` creates a slug and uploads its archive to the presigned URL without the API key; `heroku_app_release`
 * releases it; `heroku_formation` then scales a type the slug declared).
 */
import { request } from "node:http";
import { createApp, deleteApp } from "../../sandbox/heroku/models/apps";
import { InvalidParamsError, NotFoundError } from "../../sandbox/heroku/models/errors";
import { createSlug, findAppSlug, findSlug, recordUpload, releaseSlug } from "../../sandbox/heroku/models/slugs";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";
import { startSandbox, type TestSandbox } from "./client";

describe("the slug model", () => {
  let data: StoreData;
  beforeEach(() => {
    data = consistentState();
  });
  const staging = () => data.apps[0];
  const production = () => data.apps[1];
  const formationOf = (appId: string) =>
    data.formations.filter((f) => f.appId === appId).map((f) => [f.type, f.quantity, f.size, f.command]);

  test("a slug is created on the app's build stack unless it names one, with no size until its upload", () => {
    const slug = createSlug(data, production(), { processTypes: { web: "bin/web" }, commit: "abc" });
    expect(slug).toMatchObject({ appId: "app-2", stack: "heroku-24", size: null, commit: "abc", checksum: null });
    expect(slug.uploadToken).toMatch(/^[\w-]{32}$/);
    expect(createSlug(data, production(), { processTypes: {}, stack: "heroku-22" }).stack).toBe("heroku-22");
    expect(() => createSlug(data, production(), { processTypes: {}, stack: "heroku-18" })).toThrow(InvalidParamsError);
    expect(() => createSlug(data, production(), { processTypes: {}, stack: "container" })).toThrow(
      new InvalidParamsError("Slugs cannot be created on the container stack."),
    );
    expect(recordUpload(slug, 2048).size).toBe(2048);
  });

  test("found by id anywhere, and within an app only among its own", () => {
    const slug = createSlug(data, production(), { processTypes: {} });
    expect(findSlug(data, slug.id)).toBe(slug);
    expect(findAppSlug(data, production(), slug.id)).toBe(slug);
    expect(() => findAppSlug(data, staging(), slug.id)).toThrow(new NotFoundError("Couldn't find that slug."));
    expect(() => findSlug(data, "")).toThrow(NotFoundError);
  });

  test("a release runs the slug's process types: new ones at Heroku's default scale, missing ones gone", () => {
    const slug = createSlug(data, production(), {
      processTypes: { web: "bin/web", worker: "bin/work" },
      commit: "0123456789",
    });
    const release = releaseSlug(data, production(), slug.id);
    expect(release).toMatchObject({ version: 2, slugId: slug.id, description: "Deploy 01234567", status: "succeeded" });
    expect(production().processTypes).toEqual({ web: "bin/web", worker: "bin/work" });
    expect(formationOf("app-2")).toEqual([
      ["web", 1, "Basic", "bin/web"],
      ["worker", 0, "Basic", "bin/work"],
    ]);

    // staging already runs web at 2 × Standard-1X: the scale stays, the command changes.
    const other = createSlug(data, staging(), { processTypes: { web: "bin/new" } });
    expect(releaseSlug(data, staging(), other.id, "Promote").description).toBe("Promote");
    expect(formationOf("app-1")).toEqual([["web", 2, "Standard-1X", "bin/new"]]);
    expect(releaseSlug(data, production(), other.id).slugId).toBe(other.id);
    expect(formationOf("app-2")).toEqual([["web", 1, "Basic", "bin/new"]]);
  });

  test("a release needs an existing slug, and an app that runs slugs rather than images", () => {
    expect(() => releaseSlug(data, production(), "nope")).toThrow(new NotFoundError("Couldn't find that slug."));
    const slug = createSlug(data, production(), { processTypes: { web: "x" } });
    production().buildStack = "container";
    expect(() => releaseSlug(data, production(), slug.id)).toThrow(InvalidParamsError);
    expect(data.releases.filter((r) => r.appId === "app-2").map((r) => r.version)).toEqual([1]);
  });

  test("deleting an app drops its slugs, except one another app's release runs", () => {
    const kept = createSlug(data, production(), { processTypes: { web: "x" } });
    const dropped = createSlug(data, production(), { processTypes: { web: "y" } });
    const app = createApp(data, { name: "copy" });
    releaseSlug(data, app, kept.id);
    deleteApp(data, production());
    expect(data.slugs.map((s) => s.id)).toEqual([kept.id]);
    expect(data.slugs).not.toContainEqual(dropped);
  });
});

describe("slug routes", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox();
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });

  /** A PUT as the provider's `uploadSlug` sends it: no API key, no content type, only a length. */
  function upload(url: string, body: Buffer): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const put = request(url, { method: "PUT", headers: { "content-length": String(body.length) } }, (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      });
      put.on("error", reject);
      put.end(body);
    });
  }

  test("create answers 201 with a presigned upload URL; the upload needs no key but the right signature", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "slug-app" })).body;
    const created = await t.heroku("POST", `/apps/${app.id}/slugs`, {
      process_types: { web: "ruby server.rb" },
      buildpack_provided_description: "Ruby",
      checksum: "SHA256:abc",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      process_types: { web: "ruby server.rb" },
      buildpack_provided_description: "Ruby",
      checksum: "SHA256:abc",
      size: null,
      stack: { name: "heroku-24" },
      blob: { method: "put" },
    });
    const url: string = created.body.blob.url;
    expect(url.startsWith(`${t.sandbox.url}/slug-blobs/${created.body.id}?signature=`)).toBe(true);

    const forged = await upload(url.replace(/signature=.*/, "signature=forged"), Buffer.from("x"));
    expect([forged.status, JSON.parse(forged.body).id]).toEqual([403, "forbidden"]);
    expect((await upload(url, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff]))).status).toBe(200);

    const read = await t.heroku("GET", `/apps/${app.name}/slugs/${created.body.id}`);
    expect(read.body).toMatchObject({ id: created.body.id, size: 5, blob: { method: "get" } });
    expect(read.body.blob.url).not.toContain("signature");
    expect((await t.heroku("GET", `/apps/${app.name}/slugs/00000000-0000-0000-0000-000000000000`)).body).toEqual({
      id: "not_found",
      message: "Couldn't find that slug.",
    });
  });

  test("a slug body is checked: process types are required, and named as Heroku names them", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "slug-body-app" })).body;
    for (const bad of [
      {},
      { process_types: null },
      { process_types: { "bad type": "x" } },
      { process_types: { web: 1 } },
    ]) {
      const answer = await t.heroku("POST", `/apps/${app.id}/slugs`, bad);
      expect([answer.status, answer.body.id]).toEqual([422, "invalid_params"]);
    }
    expect((await t.heroku("POST", "/apps/no-such-app/slugs", { process_types: {} })).status).toBe(404);
  });

  test("a release from a slug (even another app's) lets the formation of its types be scaled", async () => {
    const source = (await t.heroku("POST", "/apps", { name: "slug-source" })).body;
    const target = (await t.heroku("POST", "/apps", { name: "slug-target" })).body;
    expect((await t.heroku("PATCH", `/apps/${target.id}/formation/web`, { quantity: 1 })).status).toBe(404);

    const slug = (await t.heroku("POST", `/apps/${source.id}/slugs`, { process_types: { web: "serve" } })).body;
    const released = await t.heroku("POST", `/apps/${target.id}/releases`, { slug: slug.id, description: "copy" });
    expect(released.status).toBe(201);
    expect(released.body).toMatchObject({ version: 2, description: "copy", slug: { id: slug.id }, current: true });
    expect(released.body.artifacts).toEqual([{ type: "slug", id: slug.id }]);

    const scaled = await t.heroku("PATCH", `/apps/${target.id}/formation/web`, {
      quantity: 2,
      dyno_size: { name: "standard-2x" },
    });
    expect(scaled.body).toMatchObject({ type: "web", quantity: 2, size: "Standard-2X", command: "serve" });
    const newest = await t.heroku("GET", `/apps/${target.id}/releases`, undefined, {
      range: "version ..; max=1, order=desc",
    });
    expect(newest.body[0]).toMatchObject({ id: released.body.id, status: "succeeded", slug: { id: slug.id } });
  });

  test("a release names a slug that exists, or a release to roll back to", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "slug-missing" })).body;
    expect((await t.heroku("POST", `/apps/${app.id}/releases`, { slug: "" })).body).toEqual({
      id: "not_found",
      message: "Couldn't find that slug.",
    });
    const neither = await t.heroku("POST", `/apps/${app.id}/releases`, { description: "x" });
    expect([neither.status, neither.body.id]).toEqual([422, "invalid_params"]);
    const image = await t.heroku("POST", `/apps/${app.id}/releases`, { slug: "", oci_image: "abc" });
    expect(image.body.message).toBe("OCI images can only be released to Fir apps.");
  });
});
