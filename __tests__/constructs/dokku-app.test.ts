/**
 * The Dokku constructs: an app with config vars (plain and secret in Dokku's one map), domains, ports and buildpacks,
 * and a Postgres service linked to it; every value Dokku would refuse is reported at synth, with Dokku's own rule.
 */
import { Aspects, TerraformStack } from "cdktf";
import { ConfigValue, DokkuApp, HerokuFlowChecks, Secret } from "../../constructs";
import { problemsOf, resourcesOf, synthesize, testApp, warningsOf } from "../support/stacks";

/** A test app with one stack and nothing else: the Dokku constructs declare their provider. */
function testStack() {
  const app = testApp();
  return { app, stack: new TerraformStack(app, "test") };
}

describe("DokkuApp", () => {
  test("declares the app with its config vars in one map, domains, ports and buildpacks; keeps the plain keys apart", () => {
    const { stack } = testStack();
    const app = new DokkuApp(stack, "App", {
      name: "songlist-staging",
      config: { APP_SETTINGS: "config.StagingConfig", WEB_CONCURRENCY: ConfigValue.fixed("2") },
      secrets: { SECRET_KEY: Secret.fromVariable(stack, "secret_key") },
      domains: ["staging.songlist.example"],
      ports: ["http:80:5000"],
      buildpacks: ["https://github.com/heroku/heroku-buildpack-python.git"],
      environment: "staging",
    });
    const [resource] = resourcesOf(synthesize(stack), "dokku_app");
    expect(resource).toEqual({
      name: "songlist-staging",
      config_vars: {
        APP_SETTINGS: "config.StagingConfig",
        WEB_CONCURRENCY: "2",
        SECRET_KEY: "${var.secret_key}",
      },
      domains: ["staging.songlist.example"],
      ports: ["http:80:5000"],
      buildpacks: ["https://github.com/heroku/heroku-buildpack-python.git"],
    });
    expect(app.plainConfigKeys).toEqual(["APP_SETTINGS", "WEB_CONCURRENCY"]);
    expect(app.configKeys).toEqual(["APP_SETTINGS", "WEB_CONCURRENCY", "SECRET_KEY"]);
    expect(app.productionLike).toBe(false);
    expect(problemsOf(stack.node.root as never)).toBe("");
  });

  test("a production app gets prevent_destroy; an app without config has no config_vars at all", () => {
    const { stack } = testStack();
    const app = new DokkuApp(stack, "App", { name: "songlist", environment: "production" });
    expect(app.productionLike).toBe(true);
    expect(resourcesOf(synthesize(stack), "dokku_app")[0]).toEqual({
      name: "songlist",
      lifecycle: { prevent_destroy: true },
    });
  });

  test("every value Dokku refuses is reported at synth with the field, the value and Dokku's rule", () => {
    const { app, stack } = testStack();
    new DokkuApp(stack, "App", {
      name: "Songlist_Staging",
      domains: ["staging.example.", "ok.example", "_"],
      ports: ["http:80:5000", "http:80:8000", "https:443:0", "80"],
      config: { "bad-key": "x", BOTH: "x" },
      secrets: { BOTH: Secret.fromVariable(stack, "both") },
    });
    const report = problemsOf(app);
    expect(report).toContain(
      'name: "Songlist_Staging" must start with a lowercase letter or digit and hold no uppercase letter, /, :, _ or ' +
        'whitespace (Dokku\'s app names)\n      hint: did you mean "songlist-staging"?',
    );
    expect(report).toContain('domains: "staging.example." must be a hostname');
    expect(report).toContain('hint: did you mean "staging.example"?');
    expect(report).not.toContain('"ok.example"');
    expect(report).not.toContain('domains: "_"');
    expect(report).toContain(
      'ports: "http:80:8000" uses the same scheme and host port as http:80:5000; Dokku refuses two mappings',
    );
    expect(report).toContain('ports: "https:443:0" must be scheme:host-port:container-port');
    expect(report).toContain('ports: "80" must be scheme:host-port:container-port');
    expect(report).toContain('config key: "bad-key" must match');
    expect(report).toContain('config key: "BOTH" is in both config and secrets');
  });

  test("two apps of one name anywhere in the app are reported on the second", () => {
    const { app, stack } = testStack();
    new DokkuApp(stack, "First", { name: "songlist" });
    const other = new TerraformStack(app, "other");
    new DokkuApp(other, "Second", { name: "songlist" });
    expect(problemsOf(app)).toMatch(
      /\[other\/Second\] name: "songlist" is also the name of the app at test\/First; a Dokku server has one app of a name/,
    );
  });

  test("props of the wrong type (from JavaScript or JSON) are reported, not thrown", () => {
    const { app, stack } = testStack();
    new DokkuApp(stack, "App", { name: 7, domains: "songlist.example", ports: [80] } as never);
    const report = problemsOf(app);
    expect(report).toContain("name: 7 must be a string");
    expect(report).toContain('domains: "songlist.example" must be an array');
    expect(report).toContain("ports[0]: 80 must be a string");
  });

  test("token values are left to Terraform", () => {
    const { app, stack } = testStack();
    new DokkuApp(stack, "App", { name: Secret.fromVariable(stack, "name").value, ports: ["http:80:5000"] });
    expect(problemsOf(app)).toBe("");
  });
});

test("the Dokku provider is declared once per stack, empty: host and key come from the environment", () => {
  const { stack } = testStack();
  new DokkuApp(stack, "App", { name: "songlist" }).addPostgres();
  new DokkuApp(stack, "Other", { name: "songlist-other" });
  expect(synthesize(stack).provider).toEqual({ dokku: [{}] });
});

describe("DokkuPostgres", () => {
  test("a service named after the app, linked as DATABASE (DATABASE_URL), destroyable outside production", () => {
    const { stack } = testStack();
    const db = new DokkuApp(stack, "App", { name: "songlist-staging" }).addPostgres();
    const config = synthesize(stack);
    expect(db.serviceName).toBe("songlist-staging-db");
    expect(db.configVarName).toBe("DATABASE_URL");
    expect(resourcesOf(config, "dokku_postgres_service")).toEqual([{ name: "songlist-staging-db" }]);
    const [link] = resourcesOf(config, "dokku_postgres_service_link");
    expect(link).toEqual({
      app: expect.stringMatching(/^\$\{dokku_app\.App_\w+\.name\}$/),
      service: expect.stringMatching(/^\$\{dokku_postgres_service\.App_Postgres_Service_\w+\.name\}$/),
    });
  });

  test("production's database gets prevent_destroy; an alias names the config var; a version is passed on", () => {
    const { stack } = testStack();
    const db = new DokkuApp(stack, "App", { name: "songlist", environment: "production" }).addPostgres("Analytics", {
      serviceName: "songlist-analytics",
      alias: "ANALYTICS",
      imageVersion: "16.4",
    });
    const config = synthesize(stack);
    expect(db.configVarName).toBe("ANALYTICS_URL");
    expect(resourcesOf(config, "dokku_postgres_service")).toEqual([
      { name: "songlist-analytics", image_version: "16.4", lifecycle: { prevent_destroy: true } },
    ]);
    expect(resourcesOf(config, "dokku_postgres_service_link")[0].alias).toBe("ANALYTICS");
  });

  test("the config var the link sets may not be declared on the app; names and aliases follow Dokku's rules", () => {
    const { app, stack } = testStack();
    const web = new DokkuApp(stack, "App", {
      name: "songlist-staging",
      secrets: { DATABASE_URL: Secret.fromVariable(stack, "database_url") },
    });
    web.addPostgres();
    web.addPostgres("Other", { serviceName: "songlist staging", alias: "other_url" });
    web.addPostgres("Copy", { serviceName: "songlist-staging-db", alias: "COPY" });
    const report = problemsOf(app);
    expect(report).toContain(
      'app config: "DATABASE_URL" is set by the link to the Postgres service songlist-staging-db; declared on the app ' +
        "too, every apply would set it back",
    );
    expect(report).toContain(
      'serviceName: "songlist staging" must be letters, digits, _ and - only (Dokku\'s service names)\n' +
        '      hint: did you mean "songlist-staging"?',
    );
    expect(report).toContain('alias: "other_url" must be uppercase letters');
    expect(report).toContain('hint: did you mean "OTHER"?');
    expect(report).toMatch(
      /\[test\/App\/Copy\] serviceName: "songlist-staging-db" is also the name of the Postgres service at test\/App\/Postgres/,
    );
  });

  test("an app whose name only Terraform knows needs a service name", () => {
    const { app, stack } = testStack();
    new DokkuApp(stack, "App", { name: Secret.fromVariable(stack, "name").value }).addPostgres();
    expect(problemsOf(app)).toContain('serviceName: "" must be given when the app\'s name is only known to Terraform');
  });

  test("addPostgres twice with one id is reported, not thrown", () => {
    const { app, stack } = testStack();
    const web = new DokkuApp(stack, "App", { name: "songlist-staging" });
    web.addPostgres();
    web.addPostgres();
    expect(problemsOf(app)).toMatch(/addPostgres\(\): "Postgres" was called twice/);
  });
});

describe("HF2 on Dokku: a production app or database that a plan could destroy", () => {
  function lintedStack() {
    const { stack } = testStack();
    Aspects.of(stack).add(new HerokuFlowChecks());
    return stack;
  }
  const hf2 = (stack: TerraformStack) => warningsOf(stack).filter((warning) => warning.startsWith("[HF2]"));

  test("reported when prevent_destroy is turned off on production's app or its linked service", () => {
    const stack = lintedStack();
    const app = new DokkuApp(stack, "App", { name: "songlist", environment: "production", preventDestroy: false });
    app.addPostgres("Db", { preventDestroy: false });
    expect(hf2(stack)).toEqual([
      expect.stringMatching(/^\[HF2\] production app without prevent_destroy: /),
      expect.stringMatching(/^\[HF2\] production data store without prevent_destroy: /),
    ]);
  });

  test("not for the defaults, nor for a staging app's database", () => {
    const stack = lintedStack();
    new DokkuApp(stack, "App", { name: "songlist", environment: "production" }).addPostgres();
    new DokkuApp(stack, "Staging", { name: "songlist-staging", environment: "staging" }).addPostgres("Db", {
      preventDestroy: false,
    });
    expect(hf2(stack)).toEqual([]);
  });
});

describe("Dokku's rules at their edges, each through the construct", () => {
  const problemsFor = (props: Partial<ConstructorParameters<typeof DokkuApp>[2]>, postgres = {}) => {
    const { app, stack } = testStack();
    new DokkuApp(stack, "App", { name: "songlist", ...props }).addPostgres("Db", postgres);
    return problemsOf(app);
  };

  test.each([
    ["an app name starting with a digit, holding dots", { name: "2-songlist.v2" }],
    ["ports 1 and 65535, any scheme", { ports: ["tcp:1:65535", "https:443:5000", "http:443:5000"] }],
    [
      "a wildcard and an uppercase domain, and Dokku's catch-all",
      { domains: ["*.songlist.example", "Songlist.Example", "_"] },
    ],
  ])("accepted: %s", (_, props) => {
    expect(problemsFor(props)).toBe("");
  });

  test.each([
    ["an app name starting with a dash", { name: "-songlist" }, /name: "-songlist" must start with/],
    ["an app name with a space", { name: "song list" }, /name: "song list" must start with/],
    ["a port above 65535", { ports: ["http:65536:5000"] }, /ports: "http:65536:5000" must be scheme:host-port/],
    ["a container port of 0", { ports: ["http:80:0"] }, /ports: "http:80:0" must be scheme:host-port/],
    ["a port map without a scheme", { ports: [":80:5000"] }, /ports: ":80:5000" must be scheme:host-port/],
    [
      "a domain with a path",
      { domains: ["songlist.example/app"] },
      /domains: "songlist.example\/app" must be a hostname/,
    ],
  ])("refused: %s", (_, props, report) => {
    expect(problemsFor(props)).toMatch(report);
  });

  test("the default service name of an app whose name holds a dot", () => {
    const { stack } = testStack();
    expect(new DokkuApp(stack, "App", { name: "songlist.v2" }).addPostgres().serviceName).toBe("songlist-v2-db");
  });

  test("a service name with a dot; an alias ending in _URL, or lowercase", () => {
    expect(problemsFor({}, { serviceName: "songlist.db" })).toMatch(/serviceName: "songlist.db" must be letters/);
    expect(problemsFor({}, { alias: "CACHE_URL" })).toMatch(
      /alias: "CACHE_URL" must be uppercase[^\n]*\n +hint: did you mean "CACHE"\?/,
    );
    expect(problemsFor({}, { alias: "Cache" })).toMatch(/alias: "Cache" must be uppercase/);
    expect(problemsFor({}, { serviceName: "songlist_db-2", alias: "CACHE_2" })).toBe("");
  });
});
