/**
 * Pipeline promotions and the simulated push with a commit: the model on a hand-built state (what a promotion copies
 * and what it leaves alone, each refusal, a target that fails beside one that succeeds, pending then completed), then
 * the routes over HTTP as a client polls them, each answer held against Heroku's published schema.
 */
import { randomUUID } from "node:crypto";
import { createApp, deleteApp } from "../../sandbox/heroku/models/apps";
import { InvalidParamsError, NotFoundError } from "../../sandbox/heroku/models/errors";
import { pushCode } from "../../sandbox/heroku/models/formation";
import { couple } from "../../sandbox/heroku/models/pipelines";
import { createPromotion, findPromotion, readPromotion } from "../../sandbox/heroku/models/promotions";
import { findAppSlug, findSlug } from "../../sandbox/heroku/models/slugs";
import { type StoreData, withDefaults } from "../../sandbox/store";
import { expectConforms } from "../support/heroku-schema";
import { consistentState } from "../support/sandbox-state";
import { startSandbox, type TestSandbox } from "./client";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const OTHER_COMMIT = "fedcba9876543210fedcba9876543210fedcba98";

describe("the promotion model", () => {
  let data: StoreData;
  beforeEach(() => {
    data = consistentState();
  });
  const staging = () => data.apps[0];
  const production = () => data.apps[1];
  const versionsOf = (appId: string) => data.releases.filter((r) => r.appId === appId).map((r) => r.version);
  const formationOf = (appId: string) =>
    data.formations.filter((f) => f.appId === appId).map((f) => [f.type, f.quantity, f.size, f.command]);
  /** staging (app-1) runs a pushed commit; production (app-2) is coupled to the same pipeline. */
  const pushStaging = (commit = COMMIT) => pushCode(data, staging(), { web: "npm start", worker: "node w.js" }, commit);
  const promoteToProduction = () =>
    createPromotion(data, { pipeline: "pipe-1", sourceApp: "app-1", targetApps: ["app-2"] });
  /** A third app of the pipeline, in the production stage. */
  const coupledApp = (name: string, stack?: string) => {
    const app = createApp(data, { name, stack });
    couple(data, app, "pipe-1", "production");
    return app;
  };

  test("a push with a commit records the build's slug with it, and releases it", () => {
    const release = pushStaging();
    const slug = findSlug(data, release.slugId!);
    expect(slug).toMatchObject({ appId: "app-1", commit: COMMIT, stack: "heroku-24" });
    expect(slug.processTypes).toEqual({ web: "npm start", worker: "node w.js" });
    expect(release).toMatchObject({ version: 3, description: "Deploy 01234567", status: "succeeded" });
    expect(formationOf("app-1")).toEqual([
      ["web", 2, "Standard-1X", "npm start"],
      ["worker", 0, "Basic", "node w.js"],
    ]);
  });

  test("a push without a commit keeps no slug, as before; a commit pushed to a container app is refused", () => {
    const release = pushCode(data, staging(), { web: "npm start" });
    expect(release.slugId).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.slugs).toEqual([]);
    production().buildStack = "container";
    expect(() => pushCode(data, production(), { web: "npm start" }, COMMIT)).toThrow(
      new InvalidParamsError("Slugs cannot be created on the container stack."),
    );
    expect([versionsOf("app-2"), data.slugs]).toEqual([[1], []]);
  });

  test("a new promotion is pending, from the source's current release, and changes nothing yet", () => {
    const release = pushStaging();
    const promotion = promoteToProduction();
    expect(promotion).toMatchObject({
      pipelineId: "pipe-1",
      sourceAppId: "app-1",
      sourceReleaseId: release.id,
      status: "pending",
    });
    expect(promotion.targets).toEqual([
      { id: expect.any(String), appId: "app-2", status: "pending", releaseId: null, errorMessage: null },
    ]);
    expect(data.promotions).toEqual([promotion]);
    expect(versionsOf("app-2")).toEqual([1]);
  });

  test("pending on the first read, carried out and completed on the next; later reads change nothing", () => {
    pushStaging();
    const { id } = promoteToProduction();
    expect(readPromotion(data, id).status).toBe("pending");
    expect(versionsOf("app-2")).toEqual([1]);
    expect(readPromotion(data, id).status).toBe("completed");
    expect(versionsOf("app-2")).toEqual([1, 2]);
    expect(readPromotion(data, id).status).toBe("completed");
    expect(versionsOf("app-2")).toEqual([1, 2]);
    expect(findPromotion(data, id).targets[0].status).toBe("succeeded");
  });

  test("each target runs the source release's slug (same slug, same commit); config vars stay per app", () => {
    const sourceRelease = pushStaging();
    const stagingConfig = { ...staging().configVars };
    production().configVars = { LOG_LEVEL: "warn" };
    const { id } = promoteToProduction();
    readPromotion(data, id);
    expect(() => findAppSlug(data, production(), sourceRelease.slugId!)).toThrow(NotFoundError);
    const [target] = readPromotion(data, id).targets;
    // Heroku serves a promoted slug through the app that runs it too.
    expect(findAppSlug(data, production(), sourceRelease.slugId!).commit).toBe(COMMIT);

    const promoted = data.releases.find((r) => r.id === target.releaseId)!;
    expect(promoted).toMatchObject({
      appId: "app-2",
      version: 2,
      slugId: sourceRelease.slugId,
      description: "Promote songlist-staging v3 01234567",
    });
    expect(findSlug(data, promoted.slugId!).commit).toBe(COMMIT);
    expect(target).toMatchObject({ status: "succeeded", errorMessage: null });
    expect(production().configVars).toEqual({ LOG_LEVEL: "warn" });
    expect(staging().configVars).toEqual(stagingConfig);
    expect(production().processTypes).toEqual({ web: "npm start", worker: "node w.js" });
    expect(formationOf("app-2")).toEqual([
      ["web", 1, "Basic", "npm start"],
      ["worker", 0, "Basic", "node w.js"],
    ]);
  });

  test("a named source release is promoted rather than the current one", () => {
    const first = pushStaging();
    pushStaging(OTHER_COMMIT);
    const { id } = createPromotion(data, {
      pipeline: "pipe-1",
      sourceApp: "app-1",
      sourceRelease: first.id,
      targetApps: ["app-2"],
    });
    readPromotion(data, id);
    const [target] = readPromotion(data, id).targets;
    const promoted = data.releases.find((r) => r.id === target.releaseId)!;
    expect([promoted.slugId, promoted.description]).toEqual([first.slugId, "Promote songlist-staging v3 01234567"]);
  });

  test("a target that cannot take the slug fails alone, with the reason; the others succeed", () => {
    pushStaging();
    const canary = coupledApp("songlist-canary", "container");
    const promotion = createPromotion(data, {
      pipeline: "pipe-1",
      sourceApp: "app-1",
      targetApps: [canary.id, "app-2"],
    });
    readPromotion(data, promotion.id);
    expect(readPromotion(data, promotion.id).status).toBe("completed");
    expect(promotion.targets.map((t) => [t.appId, t.status, t.errorMessage])).toEqual([
      [canary.id, "failed", "Slugs cannot be released to apps on the container stack; songlist-canary is."],
      ["app-2", "succeeded", null],
    ]);
    expect(promotion.targets[0].releaseId).toBeNull();
    expect(versionsOf(canary.id)).toEqual([1]);
    expect(versionsOf("app-2")).toEqual([1, 2]);
  });

  test("a target deleted before the promotion is carried out fails as an app Heroku cannot find", () => {
    pushStaging();
    const canary = coupledApp("songlist-canary");
    const promotion = createPromotion(data, {
      pipeline: "pipe-1",
      sourceApp: "app-1",
      targetApps: [canary.id, "app-2"],
    });
    readPromotion(data, promotion.id);
    deleteApp(data, canary);
    readPromotion(data, promotion.id);
    expect(promotion.targets.map((t) => [t.status, t.errorMessage])).toEqual([
      ["failed", "Couldn't find that app."],
      ["succeeded", null],
    ]);
  });

  describe("refusals, each before anything is recorded", () => {
    const refused = (input: Parameters<typeof createPromotion>[1], error: Error) => {
      expect(() => createPromotion(data, input)).toThrow(error);
      expect([data.promotions, versionsOf("app-2")]).toEqual([[], [1]]);
    };
    beforeEach(() => {
      pushStaging();
    });

    test("a pipeline, source app or source release Heroku cannot find", () => {
      refused(
        { pipeline: "no-pipe", sourceApp: "app-1", targetApps: ["app-2"] },
        new NotFoundError("Couldn't find that pipeline."),
      );
      refused(
        { pipeline: "pipe-1", sourceApp: "no-app", targetApps: ["app-2"] },
        new NotFoundError("Couldn't find that app."),
      );
      refused(
        { pipeline: "pipe-1", sourceApp: "app-1", sourceRelease: "no-release", targetApps: ["app-2"] },
        new NotFoundError("Couldn't find that release."),
      );
      refused(
        { pipeline: "pipe-1", sourceApp: "app-1", targetApps: ["no-app"] },
        new NotFoundError("Couldn't find that app."),
      );
    });

    test("a source or a target not coupled to the pipeline", () => {
      const outsider = createApp(data, { name: "outsider" });
      pushCode(data, outsider, { web: "x" }, COMMIT);
      refused(
        { pipeline: "pipe-1", sourceApp: outsider.id, targetApps: ["app-2"] },
        new InvalidParamsError(
          "Source app outsider is not in pipeline songlist: only apps coupled to a pipeline are promoted in it.",
        ),
      );
      refused(
        { pipeline: "pipe-1", sourceApp: "app-1", targetApps: ["app-2", outsider.id] },
        new InvalidParamsError(
          "Target app outsider is not in pipeline songlist: only apps coupled to a pipeline are promoted in it.",
        ),
      );
    });

    test("a source release without a slug the sandbox keeps: nothing to promote", () => {
      refused(
        { pipeline: "pipe-1", sourceApp: "app-2", targetApps: ["app-1"] },
        new InvalidParamsError(
          "songlist-production v1 has no slug to promote: release code to it (a build or a slug) first.",
        ),
      );
      refused(
        { pipeline: "pipe-1", sourceApp: "app-1", sourceRelease: "rel-1", targetApps: ["app-2"] },
        new InvalidParamsError(
          "songlist-staging v1 has no slug to promote: release code to it (a build or a slug) first.",
        ),
      );
      pushCode(data, staging(), { web: "npm start" });
      refused(
        { pipeline: "pipe-1", sourceApp: "app-1", targetApps: ["app-2"] },
        new InvalidParamsError(
          "songlist-staging v4 has no slug to promote: release code to it (a build or a slug) first.",
        ),
      );
    });

    test("no target, the source as a target, a target named twice", () => {
      refused(
        { pipeline: "pipe-1", sourceApp: "app-1", targetApps: [] },
        new InvalidParamsError("Targets must name at least one app to promote to."),
      );
      refused(
        { pipeline: "pipe-1", sourceApp: "app-1", targetApps: ["app-2", "app-1"] },
        new InvalidParamsError("Target app songlist-staging is the promotion's source: it cannot be promoted to."),
      );
      refused(
        { pipeline: "pipe-1", sourceApp: "app-1", targetApps: ["app-2", "songlist-production"] },
        new InvalidParamsError("Target app songlist-production is named twice."),
      );
    });
  });

  test("an unknown promotion is not found", () => {
    expect(() => readPromotion(data, "nope")).toThrow(new NotFoundError("Couldn't find that pipeline promotion."));
  });

  test("a state written before promotions existed loads with none", () => {
    const { promotions, ...older } = consistentState();
    expect(promotions).toEqual([]);
    expect(withDefaults(older).promotions).toEqual([]);
  });
});

describe("promotion routes", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox();
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });

  /** A pipeline with a staging app that runs a pushed commit, and a production app; names made unique by `prefix`. */
  async function pipelineOf(prefix: string) {
    const pipeline = (await t.heroku("POST", "/pipelines", { name: `${prefix}-pipe` })).body;
    const app = async (name: string, stage: string, stack?: string) => {
      const created = (await t.heroku("POST", "/apps", { name: `${prefix}-${name}`, stack })).body;
      await t.heroku("POST", "/pipeline-couplings", { app: created.id, pipeline: pipeline.id, stage });
      return created;
    };
    const staging = await app("staging", "staging");
    const production = await app("production", "production");
    const push = await t.heroku("POST", `/sandbox/apps/${staging.name}/push`, {
      process_types: { web: "npm start" },
      commit: COMMIT,
    });
    return { pipeline, staging, production, app, pushed: push.body.release };
  }

  const promote = (pipeline: { id: string }, source: { id: string }, ...targets: { id: string }[]) =>
    t.heroku("POST", "/pipeline-promotions", {
      pipeline: { id: pipeline.id },
      source: { app: { id: source.id } },
      targets: targets.map((target) => ({ app: { id: target.id } })),
    });

  test("the push takes the commit: the release's slug records it", async () => {
    const { staging, pushed } = await pipelineOf("push");
    expect(pushed).toMatchObject({ description: "Deploy 01234567", version: 2 });
    const slug = await t.heroku("GET", `/apps/${staging.id}/slugs/${pushed.slug.id}`);
    expect([slug.status, slug.body.commit]).toEqual([200, COMMIT]);
    const bad = await t.heroku("POST", `/sandbox/apps/${staging.id}/push`, {
      process_types: { web: "npm start" },
      commit: "0123abc",
    });
    expect([bad.status, bad.body]).toEqual([
      422,
      { id: "invalid_params", message: "Commit must be a full commit SHA: 40 lowercase hex digits." },
    ]);
  });

  test("create answers 201 pending; a poll sees pending, then completed; the targets show the release", async () => {
    const { pipeline, staging, production, pushed } = await pipelineOf("poll");
    await t.heroku("PATCH", `/apps/${production.id}/config-vars`, { LOG_LEVEL: "warn" });

    const created = await promote(pipeline, staging, production);
    expect(created.status).toBe(201);
    expectConforms("pipeline-promotion", "POST", "/pipeline-promotions", created.body);
    expect(created.body).toMatchObject({
      pipeline: { id: pipeline.id },
      source: { app: { id: staging.id }, release: { id: pushed.id } },
      status: "pending",
    });

    const first = await t.heroku("GET", `/pipeline-promotions/${created.body.id}`);
    expectConforms("pipeline-promotion", "GET", "/pipeline-promotions/{}", first.body);
    expect(first.body.status).toBe("pending");
    expect((await t.heroku("GET", `/apps/${production.id}/releases`)).body).toHaveLength(2);

    const second = await t.heroku("GET", `/pipeline-promotions/${created.body.id}`);
    expect(second.body.status).toBe("completed");

    const targets = await t.heroku("GET", `/pipeline-promotions/${created.body.id}/promotion-targets`);
    expectConforms("pipeline-promotion-target", "GET", "/pipeline-promotions/{}/promotion-targets", targets.body);
    expect(targets.body).toEqual([
      {
        app: { id: production.id },
        error_message: null,
        id: expect.any(String),
        pipeline_promotion: { id: created.body.id },
        release: { id: expect.any(String) },
        status: "succeeded",
      },
    ]);
    const release = await t.heroku("GET", `/apps/${production.id}/releases/${targets.body[0].release.id}`);
    expect(release.body).toMatchObject({
      version: 3,
      slug: { id: pushed.slug.id },
      description: `Promote ${staging.name} v2 01234567`,
      current: true,
    });
    // The promoted slug is read through the app that now runs it, as the Heroku CLI's `pipelines:diff` reads it.
    const slug = await t.heroku("GET", `/apps/${production.id}/slugs/${pushed.slug.id}`);
    expect([slug.status, slug.body.commit]).toEqual([200, COMMIT]);
    expect((await t.heroku("GET", `/apps/${production.id}/config-vars`)).body).toEqual({ LOG_LEVEL: "warn" });
    expect((await t.heroku("GET", `/apps/${production.id}/formation/web`)).body.command).toBe("npm start");
  });

  test("targets read while pending have no release; a container target fails beside one that succeeds", async () => {
    const { pipeline, staging, production, app } = await pipelineOf("mixed");
    const container = await app("container", "production", "container");
    const created = (await promote(pipeline, staging, container, production)).body;

    const pending = await t.heroku("GET", `/pipeline-promotions/${created.id}/promotion-targets`);
    expectConforms("pipeline-promotion-target", "GET", "/pipeline-promotions/{}/promotion-targets", pending.body);
    expect(pending.body.map((target: { status: string; release: unknown }) => [target.status, target.release])).toEqual(
      [
        ["pending", null],
        ["pending", null],
      ],
    );

    const done = await t.heroku("GET", `/pipeline-promotions/${created.id}/promotion-targets`);
    expectConforms("pipeline-promotion-target", "GET", "/pipeline-promotions/{}/promotion-targets", done.body);
    expect(done.body[0]).toMatchObject({
      app: { id: container.id },
      status: "failed",
      release: null,
      error_message: `Slugs cannot be released to apps on the container stack; ${container.name} is.`,
    });
    expect(done.body[1]).toMatchObject({ app: { id: production.id }, status: "succeeded", error_message: null });
    expect((await t.heroku("GET", `/pipeline-promotions/${created.id}`)).body.status).toBe("completed");
  });

  test("refused like Heroku: not found, not in the pipeline, nothing to promote, no or wrong targets", async () => {
    const { pipeline, staging, production } = await pipelineOf("refuse");
    const outsider = (await t.heroku("POST", "/apps", { name: "refuse-outsider" })).body;
    const answer = async (response: Promise<{ status: number; body: { id: string; message: string } }>) => {
      const { status, body } = await response;
      return [status, body.id, body.message];
    };

    expect(await answer(promote({ id: randomUUID() }, staging, production))).toEqual([
      404,
      "not_found",
      "Couldn't find that pipeline.",
    ]);
    expect(await answer(promote(pipeline, staging, outsider))).toEqual([
      422,
      "invalid_params",
      `Target app refuse-outsider is not in pipeline refuse-pipe: only apps coupled to a pipeline are promoted in it.`,
    ]);
    expect(await answer(promote(pipeline, production, staging))).toEqual([
      422,
      "invalid_params",
      "refuse-production v1 has no slug to promote: release code to it (a build or a slug) first.",
    ]);
    expect(await answer(promote(pipeline, staging))).toEqual([
      422,
      "invalid_params",
      "Targets must name at least one app to promote to.",
    ]);
    expect(await answer(promote(pipeline, staging, staging))).toEqual([
      422,
      "invalid_params",
      "Target app refuse-staging is the promotion's source: it cannot be promoted to.",
    ]);
    expect(await answer(promote({ id: pipeline.name }, staging, production))).toEqual([
      422,
      "invalid_params",
      "Pipeline must be given by its id (a UUID).",
    ]);
    expect(await answer(promote(pipeline, staging, { id: production.name }))).toEqual([
      422,
      "invalid_params",
      "Each target app must be given by its id (a UUID).",
    ]);
    const noTargets = t.heroku("POST", "/pipeline-promotions", {
      pipeline: { id: pipeline.id },
      source: { app: { id: staging.id } },
    });
    expect((await answer(noTargets)).slice(0, 2)).toEqual([422, "invalid_params"]);
    expect(await answer(t.heroku("GET", `/pipeline-promotions/${randomUUID()}`))).toEqual([
      404,
      "not_found",
      "Couldn't find that pipeline promotion.",
    ]);
    expect((await t.heroku("GET", `/apps/${production.id}/releases`)).body).toHaveLength(1);
  });
});
