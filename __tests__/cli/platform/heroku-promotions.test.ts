/**
 * `HerokuPromotions`: against a sandbox started in-process, the release an app runs with its commit (the push with a
 * commit records it: `HerokuApi.pushCode` sends it), the pipeline two apps share or the error naming where each is,
 * and a promotion polled to completion with each target's result; against the recording server, the exact requests
 * and the failure paths: a 5xx on create (nothing created), on a read of the release or coupling, while polling, a
 * promotion that never completes or answers a status Heroku does not have (each saying the promotion was created).
 */
import { HerokuApi } from "../../../cli/platform/heroku-api";
import { HerokuPromotions } from "../../../cli/platform/heroku-promotions";
import { useRecordingServer } from "../../support/recording-server";
import { startSandbox, type TestSandbox } from "../../sandbox/client";

const COMMIT = "0123456789abcdef0123456789abcdef01234567";
const FAST = { intervalMs: 1, timeoutMs: 5_000 };

describe("against the sandbox", () => {
  let t: TestSandbox;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    t = await startSandbox();
    env = { HEROKU_API_URL: t.sandbox.herokuUrl, HEROKU_API_KEY: t.herokuApiKey };
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });

  const promotions = () => HerokuPromotions.fromEnv(env, FAST);
  const createApp = async (name: string, stack?: string) => (await t.heroku("POST", "/apps", { name, stack })).body;
  const couple = async (app: { id: string }, pipeline: { id: string }, stage: string) =>
    expect((await t.heroku("POST", "/pipeline-couplings", { app: app.id, pipeline: pipeline.id, stage })).status).toBe(
      201,
    );
  /** A pipeline `<prefix>-pipe` with `<prefix>-staging` running COMMIT (pushed as `release` does) and `<prefix>-prod`. */
  async function pipelineOf(prefix: string) {
    const pipeline = (await t.heroku("POST", "/pipelines", { name: `${prefix}-pipe` })).body;
    const staging = await createApp(`${prefix}-staging`);
    const production = await createApp(`${prefix}-prod`);
    await couple(staging, pipeline, "staging");
    await couple(production, pipeline, "production");
    await HerokuApi.fromEnv({ ...env, HEROKU_FLOW_CODE_PUSH: "sandbox" }).pushCode(
      staging.name,
      { web: "npm start" },
      COMMIT,
    );
    return { pipeline, staging, production };
  }

  test("the running release and its slug's commit; no slug, or a slug without a known commit, leaves it undefined", async () => {
    const { staging, production } = await pipelineOf("running");
    const running = await promotions().runningRelease(staging.name);
    expect(running).toEqual({
      app: { id: staging.id, name: staging.name },
      releaseId: expect.any(String),
      version: 2,
      slugId: expect.any(String),
      commit: COMMIT,
    });
    expect(await promotions().runningRelease(production.name)).toEqual({
      app: { id: production.id, name: production.name },
      releaseId: expect.any(String),
      version: 1,
    });
    // The sandbox's push without a commit names a slug it does not keep: Heroku answers 404 for it.
    await HerokuApi.fromEnv({ ...env, HEROKU_FLOW_CODE_PUSH: "sandbox" }).pushCode(production.name, { web: "x" });
    const unknown = await promotions().runningRelease(production.name);
    expect([unknown.version, typeof unknown.slugId, unknown.commit]).toEqual([2, "string", undefined]);
  });

  test("the pipeline two apps share, with their ids; otherwise an error saying where each app is", async () => {
    const { pipeline, staging, production } = await pipelineOf("shared");
    expect(await promotions().couplingOf(staging.name)).toEqual({
      appId: staging.id,
      pipelineId: pipeline.id,
      stage: "staging",
    });
    expect(await promotions().sharedPipeline(staging.name, production.name)).toEqual({
      pipelineId: pipeline.id,
      from: { id: staging.id, name: staging.name },
      to: { id: production.id, name: production.name },
    });

    const outsider = await createApp("shared-outsider");
    expect(await promotions().couplingOf(outsider.name)).toBeUndefined();
    await expect(promotions().sharedPipeline(staging.name, outsider.name)).rejects.toThrow(
      new Error(
        "shared-staging and shared-outsider are not in the same pipeline (shared-staging is in pipeline shared-pipe " +
          "(staging), shared-outsider is in no pipeline): Heroku promotes only between apps of one pipeline; " +
          "couple both apps to it",
      ),
    );
    const other = (await t.heroku("POST", "/pipelines", { name: "shared-other" })).body;
    await couple(outsider, other, "production");
    await expect(promotions().sharedPipeline(staging.name, outsider.name)).rejects.toThrow(
      "shared-outsider is in pipeline shared-other (production))",
    );
  });

  test("a promotion polled to completion: the target runs the source's slug; a container target fails alone", async () => {
    const { pipeline, staging, production } = await pipelineOf("promote");
    const container = await createApp("promote-container", "container");
    await couple(container, pipeline, "production");
    const source = { id: staging.id, name: staging.name };
    const targets = [
      { id: container.id, name: container.name },
      { id: production.id, name: production.name },
    ];

    const result = await promotions().promote(pipeline.id, source, targets);
    expect(result).toEqual({
      id: expect.any(String),
      targets: [
        {
          app: targets[0],
          status: "failed",
          errorMessage: "Slugs cannot be released to apps on the container stack; promote-container is.",
        },
        { app: targets[1], status: "succeeded", releaseVersion: 2 },
      ],
    });
    const [promoted, sourceRelease] = [
      await promotions().runningRelease(production.name),
      await promotions().runningRelease(staging.name),
    ];
    expect([promoted.slugId, promoted.commit]).toEqual([sourceRelease.slugId, COMMIT]);
    expect((await t.heroku("GET", `/pipeline-promotions/${result.id}`)).body.status).toBe("completed");
  });

  test("a promotion the API refuses is an error naming the call and Heroku's message", async () => {
    const { pipeline, staging, production } = await pipelineOf("refused");
    const promotion = promotions().promote(pipeline.id, { id: production.id, name: production.name }, [
      { id: staging.id, name: staging.name },
    ]);
    await expect(promotion).rejects.toThrow(
      'POST /pipeline-promotions answered 422: {"id":"invalid_params","message":"refused-prod v1 has no slug to promote',
    );
  });
});

describe("requests and failure paths", () => {
  const server = useRecordingServer();
  const KEY = `hrku-${Math.random().toString(36).slice(2)}`;
  const promotions = (polling = FAST) =>
    HerokuPromotions.fromEnv({ HEROKU_API_URL: server().url, HEROKU_API_KEY: KEY }, polling);
  const SOURCE = { id: "app-s", name: "shop-staging" };
  const TARGET = { id: "app-p", name: "shop-production" };
  const CREATED = { status: 201, body: { id: "promo-1", status: "pending" } };

  test("the running release: newest first with the Range header, the first succeeded one, its slug read", async () => {
    server().reply(
      {
        status: 200,
        body: [
          { id: "r3", version: 3, status: "failed", app: SOURCE, slug: { id: "s3" } },
          { id: "r2", version: 2, status: "succeeded", app: SOURCE, slug: { id: "s2" } },
        ],
      },
      { status: 200, body: { commit: null } },
    );
    expect(await promotions().runningRelease("shop staging")).toEqual({
      app: SOURCE,
      releaseId: "r2",
      version: 2,
      slugId: "s2",
    });
    expect(server().calls()).toEqual(["GET /apps/shop%20staging/releases", "GET /apps/shop%20staging/slugs/s2"]);
    expect(server().requests[0].headers).toMatchObject({
      range: "version ..; order=desc, max=200",
      authorization: `Bearer ${KEY}`,
      accept: "application/vnd.heroku+json; version=3",
    });
  });

  test("no succeeded release, or a slug read that fails: errors naming the app or the call", async () => {
    server().reply({ status: 200, body: [{ id: "r1", version: 1, status: "failed", app: SOURCE, slug: null }] });
    await expect(promotions().runningRelease("shop")).rejects.toThrow(
      new Error("shop has no succeeded release among its newest 200: there is nothing it runs"),
    );
    server().reply(
      { status: 200, body: [{ id: "r1", version: 1, status: "succeeded", app: SOURCE, slug: { id: "s1" } }] },
      { status: 500, body: { id: "internal_server_error" } },
    );
    await expect(promotions().runningRelease("shop")).rejects.toThrow(
      'GET /apps/shop/slugs/s1 answered 500: {"id":"internal_server_error"}',
    );
  });

  test("a slug read refused other than 404 (a 4xx the client returns rather than throws) is an error", async () => {
    server().reply(
      { status: 200, body: [{ id: "r1", version: 1, status: "succeeded", app: SOURCE, slug: { id: "s1" } }] },
      { status: 403, body: { id: "forbidden" } },
    );
    await expect(promotions().runningRelease("shop")).rejects.toThrow(
      'GET /apps/shop/slugs/s1 answered 403: {"id":"forbidden"}',
    );
  });

  test("a coupling read that fails other than 404 is an error, not 'in no pipeline'", async () => {
    server().reply({ status: 503, body: { id: "service_unavailable" } });
    await expect(promotions().couplingOf("shop")).rejects.toThrow("GET /apps/shop/pipeline-couplings answered 503");
    for (const status of [403, 300]) {
      server().reply({ status, body: { id: "not_a_coupling" } });
      await expect(promotions().couplingOf("shop")).rejects.toThrow(
        `GET /apps/shop/pipeline-couplings answered ${status}`,
      );
    }
  });

  test("create sends the pipeline, source (and release) and targets by id, then polls and reads the targets", async () => {
    server().reply(
      CREATED,
      { status: 200, body: { id: "promo-1", status: "pending" } },
      { status: 200, body: { id: "promo-1", status: "completed" } },
      {
        status: 200,
        body: [{ app: { id: "app-p" }, status: "succeeded", release: { id: "rel-9" }, error_message: null }],
      },
      { status: 200, body: { id: "rel-9", version: 9 } },
    );
    const result = await promotions().promote("pipe-1", SOURCE, [TARGET], "rel-2");
    expect(result).toEqual({ id: "promo-1", targets: [{ app: TARGET, status: "succeeded", releaseVersion: 9 }] });
    expect(server().calls()).toEqual([
      "POST /pipeline-promotions",
      "GET /pipeline-promotions/promo-1",
      "GET /pipeline-promotions/promo-1",
      "GET /pipeline-promotions/promo-1/promotion-targets",
      "GET /apps/app-p/releases/rel-9",
    ]);
    expect(server().requests[0].json).toEqual({
      pipeline: { id: "pipe-1" },
      source: { app: { id: "app-s" }, release: { id: "rel-2" } },
      targets: [{ app: { id: "app-p" } }],
    });
  });

  test("a 5xx on create: an error naming the call, and no polling", async () => {
    server().reply({ status: 503, body: { id: "service_unavailable", message: "down" } });
    await expect(promotions().promote("pipe-1", SOURCE, [TARGET])).rejects.toThrow(
      new Error('POST /pipeline-promotions answered 503: {"id":"service_unavailable","message":"down"}'),
    );
    expect(server().calls()).toEqual(["POST /pipeline-promotions"]);
  });

  test("a promotion that never completes: bounded by the timeout, and the error says it was created", async () => {
    server().answerWith((request) =>
      request.method === "POST" ? CREATED : { status: 200, body: { id: "promo-1", status: "pending" } },
    );
    const started = Date.now();
    await expect(promotions({ intervalMs: 10, timeoutMs: 50 }).promote("pipe-1", SOURCE, [TARGET])).rejects.toThrow(
      new Error(
        "the promotion promo-1 of shop-staging to shop-production was created, but it was still pending after 50 ms; " +
          "check the releases of shop-production before promoting again",
      ),
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    const polls = server()
      .calls()
      .filter((call) => call === "GET /pipeline-promotions/promo-1").length;
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(6);
  });

  test("a 5xx while polling, or a status Heroku does not have: the error says the promotion was created", async () => {
    server().reply(CREATED, { status: 500, body: { id: "internal_server_error" } });
    await expect(promotions().promote("pipe-1", SOURCE, [TARGET])).rejects.toThrow(
      "the promotion promo-1 of shop-staging to shop-production was created, but GET /pipeline-promotions/promo-1 " +
        'answered 500: {"id":"internal_server_error"}; check the releases of shop-production before promoting again',
    );
    server().reply(CREATED, { status: 200, body: { id: "promo-1", status: "exploded" } });
    await expect(promotions().promote("pipe-1", SOURCE, [TARGET])).rejects.toThrow(
      'was created, but it has the status "exploded", neither pending nor completed;',
    );
  });

  test("a failed target carries Heroku's reason; a target missing from the list is an error", async () => {
    const completed = { status: 200, body: { id: "promo-1", status: "completed" } };
    server().reply(CREATED, completed, {
      status: 200,
      body: [{ app: { id: "app-p" }, status: "failed", release: null, error_message: "App is locked" }],
    });
    expect((await promotions().promote("pipe-1", SOURCE, [TARGET])).targets).toEqual([
      { app: TARGET, status: "failed", errorMessage: "App is locked" },
    ]);
    server().reply(CREATED, completed, { status: 200, body: [] });
    await expect(promotions().promote("pipe-1", SOURCE, [TARGET])).rejects.toThrow(
      "was created, but its targets do not list shop-production;",
    );
  });

  test("a failed target without a reason says Heroku gave none; a succeeded one without a release is an error", async () => {
    const completed = { status: 200, body: { id: "promo-1", status: "completed" } };
    server().reply(CREATED, completed, {
      status: 200,
      body: [{ app: { id: "app-p" }, status: "failed", release: null }],
    });
    expect((await promotions().promote("pipe-1", SOURCE, [TARGET])).targets).toEqual([
      { app: TARGET, status: "failed", errorMessage: "Heroku gave no reason" },
    ]);
    for (const target of [
      { status: "succeeded", release: null },
      { status: "pending", release: { id: "rel-9" } },
    ]) {
      server().reply(CREATED, completed, { status: 200, body: [{ app: { id: "app-p" }, ...target }] });
      await expect(promotions().promote("pipe-1", SOURCE, [TARGET])).rejects.toThrow(
        `its target shop-production is ${target.status} with release ${JSON.stringify(target.release)}`,
      );
    }
  });

  test("the sandbox push sends the commit only when given", async () => {
    server().reply({ status: 201, body: {} }, { status: 201, body: {} });
    const api = HerokuApi.fromEnv({
      HEROKU_API_URL: server().url,
      HEROKU_API_KEY: KEY,
      HEROKU_FLOW_CODE_PUSH: "sandbox",
    });
    await api.pushCode("shop", { web: "x" }, COMMIT);
    await api.pushCode("shop", { web: "x" });
    expect(server().requests.map((request) => request.json)).toEqual([
      { process_types: { web: "x" }, commit: COMMIT },
      { process_types: { web: "x" } },
    ]);
  });
});
