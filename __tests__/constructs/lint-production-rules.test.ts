/**
 * The lint pack's production rules (HF1 on every data store, HF5–HF8): for each, a topology it reports and one it
 * accepts, read from the synthesized resources (warnings after a synth; HF7, an error, from the app's report).
 */
import { Addon } from "../../.gen/providers/heroku/addon";
import { App as AppResource } from "../../.gen/providers/heroku/app";
import { Pipeline } from "../../.gen/providers/heroku/pipeline";
import { PipelineCoupling } from "../../.gen/providers/heroku/pipeline-coupling";
import { Aspects, TerraformStack } from "cdktf";
import {
  DokkuApp,
  DynoSize,
  FlowValidation,
  GitlabCiVariable,
  GitlabEnvironment,
  HerokuApp,
  HerokuAppProps,
  HerokuFlowChecks,
  HerokuPipeline,
  Secret,
} from "../../constructs";
import { testStack, warningsOf } from "../support/stacks";

function lintedStack() {
  const { app, stack } = testStack();
  Aspects.of(stack).add(new HerokuFlowChecks());
  return { app, stack };
}

/** The warnings of one rule. */
function findings(stack: TerraformStack, ruleId: string): string[] {
  return warningsOf(stack).filter((warning) => warning.startsWith(`[${ruleId}]`));
}

/** A production app (prevent_destroy on, ACM on: nothing for HF2 or HF4 to say), whose id is its name. */
function productionApp(stack: TerraformStack, props: Partial<HerokuAppProps> = {}) {
  const name = props.name ?? "acme";
  return new HerokuApp(stack, name, { name, environment: "production", acm: true, ...props });
}

describe("HF1: a production data store on a hobby-grade plan", () => {
  function storeOn(plan: string, props: Partial<HerokuAppProps> = {}) {
    const { stack } = lintedStack();
    const app = productionApp(stack, props);
    new Addon(stack, "Store", { appId: app.appId, plan, lifecycle: { preventDestroy: true } });
    return findings(stack, "HF1");
  }

  test("a Key-Value Store on mini, like Postgres on essential, is reported", () => {
    expect(storeOn("heroku-redis:mini")).toEqual([
      expect.stringMatching(/^\[HF1\] production data store on heroku-redis:mini: hobby-grade plans share hardware/),
    ]);
    expect(storeOn("heroku-postgresql:essential-2")).toEqual([
      expect.stringMatching(/^\[HF1\] production data store on heroku-postgresql:essential-2: /),
    ]);
  });

  test("a dedicated plan, a staging app's mini store and an add-on that holds no data are not", () => {
    expect(storeOn("heroku-redis:premium-0")).toEqual([]);
    expect(storeOn("heroku-redis:mini", { environment: "staging" })).toEqual([]);
    expect(storeOn("papertrail:choklad")).toEqual([]);
  });

  test("a suppression written for the Postgres rule still silences it", () => {
    const { stack } = lintedStack();
    const app = productionApp(stack);
    new Addon(app, "Store", {
      appId: app.appId,
      plan: "heroku-postgresql:essential-0",
      lifecycle: { preventDestroy: true },
    });
    HerokuFlowChecks.suppress(app, "HF1", "a small app, its data copied nightly");
    expect(findings(stack, "HF1")).toEqual([]);
  });
});

describe("HF2 covers every data store, not Postgres alone", () => {
  test("a production Key-Value Store without prevent_destroy; not a production Papertrail", () => {
    const { stack } = lintedStack();
    const app = productionApp(stack);
    new Addon(stack, "Cache", { appId: app.appId, plan: "heroku-redis:premium-0" });
    new Addon(stack, "Logs", { appId: app.appId, plan: "papertrail:choklad" });
    expect(findings(stack, "HF2")).toEqual([
      expect.stringMatching(/^\[HF2\] production data store without prevent_destroy: /),
    ]);
  });
});

describe("HF5: a production app with no web dynos", () => {
  test("web scaled to 0 is reported on the formation", () => {
    const { stack } = lintedStack();
    productionApp(stack).addFormation("web", DynoSize.STANDARD_1X, 0);
    expect(findings(stack, "HF5")).toEqual([
      expect.stringMatching(/^\[HF5\] production app with web scaled to 0: .*H14, no web dynos running/),
    ]);
  });

  test("a managed formation without web is reported on the app, naming its process types", () => {
    const { stack } = lintedStack();
    const app = productionApp(stack);
    app.addFormation("worker", DynoSize.STANDARD_1X, 2);
    app.addFormation("clock", DynoSize.STANDARD_1X, 1);
    expect(findings(stack, "HF5")).toEqual([
      expect.stringMatching(/^\[HF5\] production app whose formation \(worker, clock\) has no web dynos: /),
    ]);
  });

  test("not web at 1, nor an app whose formation Terraform leaves to Heroku, nor a staging app without web", () => {
    const { stack } = lintedStack();
    const running = productionApp(stack);
    running.addFormation("web", DynoSize.STANDARD_1X, 1);
    running.addFormation("worker", DynoSize.STANDARD_1X, 0);
    productionApp(stack, { name: "acme-bootstrap" }); // a first deploy: no heroku_formation at all
    new HerokuApp(stack, "Staging", { name: "acme-staging", environment: "staging" }).addFormation(
      "worker",
      DynoSize.BASIC,
    );
    expect(findings(stack, "HF5")).toEqual([]);
  });
});

describe("HF6: production on eco or basic dynos", () => {
  test.each([
    ["basic", DynoSize.BASIC],
    ["eco", DynoSize.ECO],
  ])("%s web dynos are reported", (name, size) => {
    const { stack } = lintedStack();
    productionApp(stack).addFormation("web", size, 1);
    expect(findings(stack, "HF6")).toEqual([
      expect.stringMatching(new RegExp(`^\\[HF6\\] production web dynos on ${name}: eco dynos sleep`)),
    ]);
  });

  test("standard-1x in production, basic in staging, and a basic process type at 0 are not", () => {
    const { stack } = lintedStack();
    const production = productionApp(stack);
    production.addFormation("web", DynoSize.STANDARD_1X, 2);
    new HerokuApp(stack, "Staging", { name: "acme-staging" }).addFormation("web", DynoSize.BASIC, 1);
    const other = productionApp(stack, { name: "acme-other" });
    other.addFormation("web", DynoSize.STANDARD_1X, 1);
    expect(findings(stack, "HF6")).toEqual([]);
    other.addFormation("worker", DynoSize.BASIC, 0);
    expect(findings(stack, "HF6")).toEqual([]);
  });
});

describe("HF7 (an error): a production deploy key that is not protected", () => {
  /** The HF7 problems of the app's one report. */
  function hf7(app: ReturnType<typeof testStack>["app"]) {
    return FlowValidation.of(app)
      .problems()
      .filter((problem) => problem.rule.startsWith("[HF7]"));
  }

  function deployKey(environment: GitlabEnvironment, protect: boolean) {
    const stack = TerraformStack.of(environment);
    const key = Secret.fromVariable(stack, `deploy_key_${environment.node.id.toLowerCase()}`);
    return environment.addVariable("HEROKU_API_KEY", key, { masked: true, protected: protect });
  }

  test("the production environment's unprotected key is a problem: path, field, value, rule and hint", () => {
    const { app, stack } = lintedStack();
    deployKey(new GitlabEnvironment(stack, "Production", { project: "acme/api", name: "production" }), false);
    expect(hf7(app)).toEqual([
      {
        path: "test/Production/Variable-HEROKU_API_KEY/Resource",
        field: "protected",
        value: "false",
        rule: "[HF7] production deploy key HEROKU_API_KEY (environment scope production) is not protected",
        hint: expect.stringContaining("`gitlab: { protectedVariables: true }`"),
      },
    ]);
  });

  test("not when protected, not staging's key, not the app's name beside the key", () => {
    const { app, stack } = lintedStack();
    const production = new GitlabEnvironment(stack, "Production", { project: "acme/api", name: "production" });
    deployKey(production, true);
    production.addVariable("HEROKU_APP_NAME", "acme");
    deployKey(new GitlabEnvironment(stack, "Staging", { project: "acme/api", name: "staging" }), false);
    expect(hf7(app)).toEqual([]);
  });

  test("an environment named otherwise is production by its tier, or by the production app it links to", () => {
    const { app, stack } = lintedStack();
    const live = productionApp(stack, { environment: "live", productionLike: true });
    const qa = new HerokuApp(stack, "QaApp", { name: "acme-qa", environment: "qa" });
    const environment = (id: string, props: { tier?: "production"; externalUrl?: string }) =>
      deployKey(new GitlabEnvironment(stack, id, { project: "acme/api", name: id.toLowerCase(), ...props }), false);
    environment("Live", { externalUrl: live.webUrl });
    environment("Prod", { tier: "production" });
    environment("Qa", { externalUrl: qa.webUrl });
    expect(hf7(app).map((problem) => problem.path)).toEqual([
      "test/Live/Variable-HEROKU_API_KEY/Resource",
      "test/Prod/Variable-HEROKU_API_KEY/Resource",
    ]);
  });

  test("a key for every environment (*) is production's key in a stack with a production app, and not otherwise", () => {
    const keyForAll = (stack: TerraformStack) =>
      new GitlabCiVariable(stack, "Key", { project: "acme/api", key: "HEROKU_API_KEY", value: "x".repeat(20) });
    const withProduction = lintedStack();
    productionApp(withProduction.stack);
    keyForAll(withProduction.stack);
    expect(hf7(withProduction.app).map((problem) => problem.rule)).toEqual([
      "[HF7] production deploy key HEROKU_API_KEY (environment scope *) is not protected",
    ]);
    const stagingOnly = lintedStack();
    new HerokuApp(stagingOnly.stack, "App", { name: "acme-staging" });
    keyForAll(stagingOnly.stack);
    expect(hf7(stagingOnly.app)).toEqual([]);
  });

  test("a raw production app coupled at production makes its environment's key production's", () => {
    const { app, stack } = lintedStack();
    const raw = new AppResource(stack, "Raw", { name: "acme-raw", region: "us" });
    const pipeline = new Pipeline(stack, "Pipeline", { name: "acme" });
    new PipelineCoupling(stack, "Coupling", { pipeline: pipeline.id, appId: raw.id, stage: "production" });
    deployKey(
      new GitlabEnvironment(stack, "Web", { project: "acme/api", name: "web", externalUrl: raw.webUrl }),
      false,
    );
    expect(hf7(app).map((problem) => problem.path)).toEqual(["test/Web/Variable-HEROKU_API_KEY/Resource"]);
  });
});

describe("HF7 on Dokku: the SSH deploy key of a production environment", () => {
  function dokkuKeys(scope: string, protect: boolean, productionLike: boolean) {
    const { app, stack } = lintedStack();
    new DokkuApp(stack, "App", { name: "acme", productionLike });
    new GitlabCiVariable(stack, "Key", {
      project: "acme/api",
      key: "DOKKU_SSH_PRIVATE_KEY_BASE64",
      value: Secret.fromVariable(stack, "dokku_deploy_key"),
      environmentScope: scope,
      protected: protect,
    });
    return FlowValidation.of(app)
      .problems()
      .filter((problem) => problem.rule.startsWith("[HF7]"))
      .map((problem) => problem.rule);
  }

  test("unprotected for production, or for every environment beside a production-like Dokku app, is an error", () => {
    expect(dokkuKeys("production", false, false)).toEqual([
      "[HF7] production deploy key DOKKU_SSH_PRIVATE_KEY_BASE64 (environment scope production) is not protected",
    ]);
    expect(dokkuKeys("*", false, true)).toEqual([
      "[HF7] production deploy key DOKKU_SSH_PRIVATE_KEY_BASE64 (environment scope *) is not protected",
    ]);
  });

  test("not when protected, nor for staging, nor for every environment beside a staging app", () => {
    expect(dokkuKeys("production", true, true)).toEqual([]);
    expect(dokkuKeys("staging", false, false)).toEqual([]);
    expect(dokkuKeys("*", false, false)).toEqual([]);
  });
});

describe("HF8: an environment named after a stage, coupled at another", () => {
  function coupled(environment: string | undefined, stage: "staging" | "production") {
    const { stack } = lintedStack();
    const app = new HerokuApp(stack, "App", { name: "acme-web", environment, preventDestroy: true, acm: true });
    new HerokuPipeline(stack, "Pipeline", { name: "acme" }).addApp(app, stage);
    return findings(stack, "HF8");
  }

  test("production at the staging stage, and staging at production", () => {
    expect(coupled("production", "staging")).toEqual([
      expect.stringMatching(/^\[HF8\] environment production coupled at the staging stage: Heroku promotes/),
    ]);
    expect(coupled("Staging", "production")).toEqual([
      expect.stringMatching(/^\[HF8\] environment Staging coupled at the production stage: /),
    ]);
  });

  test("not an environment at its own stage, one whose name is no stage, nor an app with no environment", () => {
    expect(coupled("Production", "production")).toEqual([]);
    expect(coupled("qa", "staging")).toEqual([]);
    expect(coupled(undefined, "production")).toEqual([]);
  });
});
