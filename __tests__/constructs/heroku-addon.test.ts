/**
 * HerokuAddon: any add-on by `service:plan`, what it synthesizes, when it keeps its data (prevent_destroy), and the
 * rules it is held to (plan shape, attachment name, the config vars Heroku sets for it).
 */
import { FlowValidation, HerokuAddon, HerokuApp, PostgresPlan, Secret } from "../../constructs";
import {
  configVarsSetBy,
  DATA_STORE_SERVICES,
  isDataStore,
  isHobbyGradeDataStore,
} from "../../constructs/private/addon-services";
import { problemsOf, resourcesOf, synthesize, testStack } from "../support/stacks";

function problemsAt(app: ReturnType<typeof testStack>["app"]) {
  return FlowValidation.of(app)
    .problems()
    .map(({ path, field, value, rule }) => ({ path, field, value, rule }));
}

describe("what an add-on synthesizes", () => {
  test("a Scheduler on a staging app: its plan, no attachment, destroyable", () => {
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", { name: "acme-staging" }).addAddon("Scheduler", { plan: "scheduler:standard" });
    const [addon] = resourcesOf(synthesize(stack), "heroku_addon");
    expect(addon).toMatchObject({ plan: "scheduler:standard", app_id: expect.stringContaining("heroku_app.") });
    expect(addon).not.toHaveProperty("lifecycle");
    expect(resourcesOf(synthesize(stack), "heroku_addon_attachment")).toEqual([]);
    expect(problemsOf(app)).toBe("");
  });

  test("a production app's Key-Value Store gets prevent_destroy; its Papertrail (no data) does not", () => {
    const { stack } = testStack();
    const web = new HerokuApp(stack, "App", { name: "acme", environment: "production" });
    web.addAddon("Redis", { plan: "heroku-redis:premium-0" });
    web.addAddon("Logs", { plan: "papertrail:choklad" });
    const addons = resourcesOf(synthesize(stack), "heroku_addon");
    expect(Object.fromEntries(addons.map((addon) => [addon.plan, addon.lifecycle]))).toEqual({
      "heroku-redis:premium-0": { prevent_destroy: true },
      "papertrail:choklad": undefined,
    });
  });

  test("preventDestroy can be turned on for a staging store and off for a production one", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "Staging", { name: "acme-staging" }).addAddon("Redis", {
      plan: "heroku-redis:mini",
      preventDestroy: true,
    });
    new HerokuApp(stack, "Production", { name: "acme", environment: "production" }).addAddon("Redis", {
      plan: "heroku-redis:premium-0",
      preventDestroy: false,
    });
    const addons = resourcesOf(synthesize(stack), "heroku_addon");
    expect(Object.fromEntries(addons.map((addon) => [addon.plan, addon.lifecycle]))).toEqual({
      "heroku-redis:mini": { prevent_destroy: true },
      "heroku-redis:premium-0": undefined,
    });
  });

  test("another attachment name adds an attachment under that name, and names the config vars after it", () => {
    const { app, stack } = testStack();
    const cache = new HerokuApp(stack, "App", { name: "acme-staging" }).addAddon("Cache", {
      plan: "heroku-redis:mini",
      attachmentName: "CACHE",
    });
    const [attachment] = resourcesOf(synthesize(stack), "heroku_addon_attachment");
    expect(attachment).toMatchObject({ name: "CACHE", addon_id: expect.stringContaining("heroku_addon.") });
    expect(cache.configVarNames).toEqual(["CACHE_URL", "CACHE_TLS_URL"]);
    expect(problemsOf(app)).toBe("");
  });

  test("the service's own attachment name adds no second attachment", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "acme-staging" }).addAddon("Logs", {
      plan: "papertrail:choklad",
      attachmentName: "PAPERTRAIL",
    });
    expect(resourcesOf(synthesize(stack), "heroku_addon_attachment")).toEqual([]);
  });

  test("an add-on of an app Terraform does not manage is attached by the data source's id", () => {
    const { app, stack } = testStack();
    HerokuApp.fromName(stack, "Legacy", "acme-legacy", { environment: "production" }).addAddon("Redis", {
      plan: "heroku-redis:premium-0",
    });
    const [addon] = resourcesOf(synthesize(stack), "heroku_addon");
    expect(addon).toMatchObject({
      app_id: expect.stringContaining("data.heroku_app."),
      lifecycle: { prevent_destroy: true },
    });
    expect(problemsOf(app)).toBe("");
  });
});

describe("rules", () => {
  test.each([
    ["heroku-redis", "name the plan too, e.g. heroku-redis:<plan>"],
    ["Heroku-Redis:Mini", 'did you mean "heroku-redis:mini"?'],
    ["heroku redis:mini", undefined],
  ])("plan %p is refused (hint %p)", (plan, hint) => {
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", { name: "acme-staging" }).addAddon("Redis", { plan });
    const [problem] = FlowValidation.of(app).problems();
    expect(problem).toMatchObject({ path: "test/App/Redis", field: "plan", value: JSON.stringify(plan) });
    expect(problem.rule).toMatch(/must be <service>:<plan>/);
    if (hint) expect(problem.hint).toContain(hint);
  });

  test("a retired Postgres plan through addAddon is refused as addPostgres refuses it, naming its successor", () => {
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", { name: "acme-staging" }).addAddon("Db", { plan: "heroku-postgresql:hobby-dev" });
    const [problem] = FlowValidation.of(app).problems();
    expect(problem).toMatchObject({ field: "plan", value: '"heroku-postgresql:hobby-dev"' });
    expect(problem.hint).toContain("PostgresPlan.ESSENTIAL_0");
  });

  test("a plan of a service this library does not know is accepted, and guards no config var", () => {
    const { app, stack } = testStack();
    const web = new HerokuApp(stack, "App", { name: "acme-staging", config: { SENDGRID_API_KEY: "x" } });
    const mail = web.addAddon("Mail", { plan: "sendgrid:starter" });
    expect(mail.configVarNames).toEqual([]);
    expect(problemsOf(app)).toBe("");
  });

  test("a lowercase attachment name is refused with the uppercase one as hint", () => {
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", { name: "acme-staging" }).addAddon("Cache", {
      plan: "heroku-redis:mini",
      attachmentName: "cache",
    });
    const [problem] = FlowValidation.of(app).problems();
    expect(problem).toMatchObject({ field: "attachmentName", value: '"cache"', hint: 'did you mean "CACHE"?' });
  });

  test("two add-ons of one app under one attachment name: the second is reported, naming the first", () => {
    const { app, stack } = testStack();
    const web = new HerokuApp(stack, "App", { name: "acme-staging" });
    web.addPostgres("Db", { plan: PostgresPlan.ESSENTIAL_0, attachmentName: "STORE" });
    web.addAddon("Redis", { plan: "heroku-redis:mini", attachmentName: "STORE" });
    expect(problemsAt(app)).toEqual([
      {
        path: "test/App/Redis",
        field: "attachmentName",
        value: '"STORE"',
        rule: expect.stringContaining("is also the attachment name of test/App/Db"),
      },
    ]);
  });

  test("a config var the add-on sets, declared on the app too, is refused, in config as in secrets", () => {
    const { app, stack } = testStack();
    const web = new HerokuApp(stack, "App", {
      name: "acme-staging",
      config: { REDIS_URL: "redis://elsewhere.example:6379" },
      secrets: { PAPERTRAIL_API_TOKEN: Secret.fromVariable(stack, "papertrail_token") },
    });
    web.addAddon("Redis", { plan: "heroku-redis:mini" });
    web.addAddon("Logs", { plan: "papertrail:choklad" });
    expect(problemsAt(app)).toEqual([
      {
        path: "test/App/Redis",
        field: "app config",
        value: '"REDIS_URL"',
        rule: expect.stringContaining("heroku-redis:mini"),
      },
      { path: "test/App/Logs", field: "app config", value: '"PAPERTRAIL_API_TOKEN"', rule: expect.any(String) },
    ]);
  });

  test("keys of another attachment name are free: an app attaching its Redis as CACHE may declare REDIS_URL", () => {
    const { app, stack } = testStack();
    const web = new HerokuApp(stack, "App", { name: "acme-staging", config: { REDIS_URL: "redis://other:6379" } });
    web.addAddon("Cache", { plan: "heroku-redis:mini", attachmentName: "CACHE" });
    expect(problemsOf(app)).toBe("");
  });

  test("an add-on id used twice is reported, not thrown", () => {
    const { app, stack } = testStack();
    const web = new HerokuApp(stack, "App", { name: "acme-staging" });
    web.addAddon("Redis", { plan: "heroku-redis:mini" });
    web.addAddon("Redis", { plan: "heroku-redis:mini", attachmentName: "CACHE" });
    expect(problemsOf(app)).toMatch(/addAddon\(\): "Redis" was called twice/);
  });

  test("props of the wrong type (plain JavaScript) are reported, not thrown", () => {
    const { app, stack } = testStack();
    const web = new HerokuApp(stack, "App", { name: "acme-staging" });
    new HerokuAddon(stack, "Bad", { app: web, plan: 42, preventDestroy: "yes" } as never);
    expect(problemsAt(app)).toEqual(
      expect.arrayContaining([
        { path: "test/Bad", field: "plan", value: "42", rule: "must be a string" },
        { path: "test/Bad", field: "preventDestroy", value: '"yes"', rule: "must be true or false" },
      ]),
    );
  });
});

describe("the add-on services list (constructs/private/addon-services.ts)", () => {
  test("data stores are Postgres, Key-Value Store and Kafka; Scheduler, Papertrail and caches are not", () => {
    expect(DATA_STORE_SERVICES).toEqual(["heroku-postgresql", "heroku-redis", "heroku-kafka"]);
    expect(["heroku-redis:mini", "heroku-postgresql:standard-0"].map(isDataStore)).toEqual([true, true]);
    expect(["scheduler:standard", "memcachier:dev", "sendgrid:starter"].map(isDataStore)).toEqual([
      false,
      false,
      false,
    ]);
  });

  test("hobby-grade plans are the shared-hardware ones of data stores only", () => {
    const plans = ["heroku-redis:mini", "heroku-postgresql:essential-0", "heroku-kafka:basic-0"];
    expect(plans.map(isHobbyGradeDataStore)).toEqual([true, true, true]);
    const production = ["heroku-redis:premium-0", "heroku-postgresql:standard-0", "heroku-kafka:standard-0"];
    expect(production.map(isHobbyGradeDataStore)).toEqual([false, false, false]);
    expect(isHobbyGradeDataStore("memcachier:dev")).toBe(false);
  });

  test("config vars follow the attachment name, the service's own by default", () => {
    expect(configVarsSetBy("heroku-postgresql:essential-0")).toEqual(["DATABASE_URL"]);
    expect(configVarsSetBy("papertrail:choklad")).toEqual(["PAPERTRAIL_API_TOKEN"]);
    expect(configVarsSetBy("papertrail:choklad", "LOGS")).toEqual(["LOGS_API_TOKEN"]);
    expect(configVarsSetBy("scheduler:standard")).toEqual([]);
  });
});
