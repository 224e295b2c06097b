import { Testing } from "cdktf";
import { App as AppResource } from "../../.gen/providers/heroku/app";
import { DataHerokuApp } from "../../.gen/providers/heroku/data-heroku-app";
import {
  BuildStack,
  ConfigValue,
  DynoSize,
  HerokuApp,
  HerokuRegion,
  PostgresPlan,
  resolveConfigFor,
  Secret,
} from "../../constructs";
import { problemsOf, referenceOf, resourcesOf, synthesize, testStack } from "../support/stacks";

describe("HerokuApp", () => {
  test("declares the app with region, stack, buildpacks, ACM and team", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", {
      name: "songlist-staging",
      region: HerokuRegion.EU,
      stack: BuildStack.CONTAINER,
      buildpacks: ["heroku/python"],
      acm: true,
      team: "acme",
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AppResource, {
      name: "songlist-staging",
      region: "eu",
      stack: "container",
      buildpacks: ["heroku/python"],
      acm: true,
      organization: { name: "acme" },
    });
  });

  test("defaults: region us, no stack, no config, destroyable", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist-dev" });
    const [app] = resourcesOf(synthesize(stack), "heroku_app");
    expect(app.region).toBe("us");
    expect(app).not.toHaveProperty("stack");
    expect(app).not.toHaveProperty("config_vars");
    expect(app).not.toHaveProperty("sensitive_config_vars");
    expect(app).not.toHaveProperty("lifecycle");
  });

  test("resolves the four config var flavours: fixed, per-environment, derived and secret", () => {
    const { stack } = testStack();
    const other = new HerokuApp(stack, "Other", { name: "songlist-api" });
    const { config, missing } = resolveConfigFor(
      {
        LOG_LEVEL: "info",
        FLASK_ENV: ConfigValue.fixed("production"),
        APP_SETTINGS: ConfigValue.perEnvironment({ staging: "config.StagingConfig", production: "config.Prod" }),
        API_URL: ConfigValue.fromAttribute(other.webUrl),
        SESSION_KEY: ConfigValue.secret(Secret.generate(stack, "session_key")),
      },
      "staging",
    );
    expect(missing).toEqual([]);
    new HerokuApp(stack, "App", {
      name: "songlist-staging",
      config,
      secrets: { SECRET_KEY: Secret.fromVariable(stack, "secret_key") },
    });
    const app = resourcesOf(synthesize(stack), "heroku_app").find((a) => a.name === "songlist-staging");
    expect(app.config_vars).toEqual({
      LOG_LEVEL: "info",
      FLASK_ENV: "production",
      APP_SETTINGS: "config.StagingConfig",
      API_URL: expect.stringMatching(/^\$\{heroku_app\.Other_\w+\.web_url\}$/),
    });
    expect(app.sensitive_config_vars).toEqual({
      SESSION_KEY: "${random_password.session_key.result}",
      SECRET_KEY: "${var.secret_key}",
    });
  });

  test("a per-environment value falls back when the environment has no entry, and is missing without a fallback", () => {
    const settings = ConfigValue.perEnvironment({ staging: "config.StagingConfig" }, "config.Dev");
    const resolved = resolveConfigFor({ APP_SETTINGS: settings }, "review");
    expect(resolved.missing).toEqual([]);
    expect((resolved.config.APP_SETTINGS as ConfigValue).resolve("anything").value).toBe("config.Dev");
    const strict = resolveConfigFor({ MODE: ConfigValue.perEnvironment({ production: "p" }) }, "staging");
    expect(strict.missing).toEqual([
      { key: "MODE", reason: 'has no value for environment "staging" (it has: production) and no fallback' },
    ]);
  });

  test("a per-environment value is never sensitive, and says what it lacks with and without an environment", () => {
    const mode = ConfigValue.perEnvironment({ staging: "s", production: "p" });
    expect(mode.resolve("staging")).toEqual({ value: "s", sensitive: false });
    expect(mode.resolve(undefined)).toEqual({ value: undefined, sensitive: false });
    expect(mode.describeMissing(undefined)).toBe(
      "is per-environment (staging, production) but the app sets no environment",
    );
    expect(mode.describeMissing("review")).toBe(
      'has no value for environment "review" (it has: staging, production) and no fallback',
    );
    expect(ConfigValue.fixed("x").describeMissing("review")).toBe("");
  });

  test("the app takes concrete values: a per-environment value not chosen first is a synth problem", () => {
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", {
      name: "songlist-review-1",
      environment: "review",
      config: { APP_SETTINGS: ConfigValue.perEnvironment({ staging: "config.StagingConfig" }, "config.Dev") },
    });
    expect(problemsOf(app)).toContain(
      `config.APP_SETTINGS: "(per environment)" must be chosen for the app's environment before it reaches the app`,
    );
  });

  test("secrets come from sensitive variables named exactly as given", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist-dev", secrets: { TOKEN: Secret.fromVariable(stack, "api_token") } });
    const variable = synthesize(stack).variable.api_token;
    expect(variable).toEqual({ nullable: false, sensitive: true, type: "string" });
  });

  test("production-like apps get prevent_destroy by default", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist", environment: "production" });
    expect(resourcesOf(synthesize(stack), "heroku_app")[0].lifecycle).toEqual({ prevent_destroy: true });
  });

  test("exposes the app id, name and web URL as references to the resource", () => {
    const { stack } = testStack();
    const app = new HerokuApp(stack, "App", { name: "songlist-dev" });
    expect(referenceOf(stack, app.appId)).toMatch(/^\$\{heroku_app\.App_\w+\.id\}$/);
    expect(referenceOf(stack, app.appName)).toMatch(/^\$\{heroku_app\.App_\w+\.name\}$/);
    expect(referenceOf(stack, app.webUrl)).toMatch(/^\$\{heroku_app\.App_\w+\.web_url\}$/);
  });

  test("fromName adopts an existing app through the data source, without managing it", () => {
    const { stack } = testStack();
    const app = HerokuApp.fromName(stack, "Legacy", "songlist-legacy");
    const config = synthesize(stack);
    expect(Testing.synth(stack)).toHaveDataSourceWithProperties(DataHerokuApp, { name: "songlist-legacy" });
    expect(config.resource?.heroku_app).toBeUndefined();
    expect(referenceOf(stack, app.appId)).toMatch(/^\$\{data\.heroku_app\.Legacy_\w+\.uuid\}$/);
  });

  test("token values are not validated at synth time", () => {
    const { app, stack } = testStack();
    const name = Secret.fromVariable(stack, "app_name").value;
    new HerokuApp(stack, "App", { name });
    expect(problemsOf(app)).toBe("");
  });
});

describe("adopting an app made by hand", () => {
  test("adopt manages it through a Terraform import block, protected from replacement by default", () => {
    const { stack } = testStack();
    const app = HerokuApp.adopt(stack, "Legacy", { name: "acme-legacy", region: HerokuRegion.EU, acm: true });
    const config = synthesize(stack);
    const [address] = Object.keys(config.resource.heroku_app);
    expect(config.import).toEqual([{ id: "acme-legacy", to: `heroku_app.${address}` }]);
    expect(config.resource.heroku_app[address]).toMatchObject({
      name: "acme-legacy",
      region: "eu",
      acm: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(app.addPostgres()).toBeDefined();
  });

  test("adopt can import by UUID and leave prevent_destroy off", () => {
    const { stack } = testStack();
    const id = "01234567-89ab-cdef-0123-456789abcdef";
    HerokuApp.adopt(stack, "Legacy", { name: "acme-legacy", importId: id, preventDestroy: false });
    const config = synthesize(stack);
    expect(config.import[0].id).toBe(id);
    expect(Object.values<any>(config.resource.heroku_app)[0]).not.toHaveProperty("lifecycle");
  });

  test("fromName has the add* surface of a created app; ACM is unknown, not false", () => {
    const { app: root, stack } = testStack();
    const legacy = HerokuApp.fromName(stack, "Legacy", "acme-legacy", { environment: "Production" });
    legacy.addPostgres("Db", { plan: PostgresPlan.STANDARD_0 });
    legacy.addFormation("web", DynoSize.STANDARD_1X, 2);
    legacy.addDomain("legacy.acme.dev");
    legacy.addLogDrain("Drain", Secret.fromVariable(stack, "drain_url"));
    expect(legacy.acm).toBeUndefined();
    expect(legacy.productionLike).toBe(true);
    const config = synthesize(stack);
    for (const type of ["heroku_addon", "heroku_formation", "heroku_domain", "heroku_drain"]) {
      expect(resourcesOf(config, type)[0].app_id).toMatch(/^\$\{data\.heroku_app\.Legacy_\w+\.uuid\}$/);
    }
    expect(resourcesOf(config, "heroku_addon")[0].lifecycle).toEqual({ prevent_destroy: true });
    expect(problemsOf(root)).toBe("");
  });
});
