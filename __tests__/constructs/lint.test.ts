import * as fs from "fs";
import * as path from "path";
import { Addon } from "../../.gen/providers/heroku/addon";
import { App as AppResource } from "../../.gen/providers/heroku/app";
import { Domain } from "../../.gen/providers/heroku/domain";
import { Pipeline } from "../../.gen/providers/heroku/pipeline";
import { PipelineCoupling } from "../../.gen/providers/heroku/pipeline-coupling";
import { Aspects } from "cdktf";
import { DynoSize, HerokuApp, HerokuFlowChecks, PostgresPlan, Secret } from "../../constructs";
import { problemsOf, testStack, warningsOf } from "../support/stacks";

function lintedStack() {
  const { stack } = testStack();
  Aspects.of(stack).add(new HerokuFlowChecks());
  return stack;
}

describe("HerokuFlowChecks", () => {
  test("HF1: production Postgres on an essential plan", () => {
    const stack = lintedStack();
    new HerokuApp(stack, "App", { name: "songlist", environment: "production" }).addPostgres();
    const warnings = warningsOf(stack);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^\[HF1\] production data store on heroku-postgresql:essential-0: .*point-in-time recovery/,
      ),
    ]);
  });

  test("HF2: production app or data store without prevent_destroy", () => {
    const stack = lintedStack();
    const app = new HerokuApp(stack, "App", { name: "songlist", environment: "production", preventDestroy: false });
    app.addPostgres("Db", { plan: PostgresPlan.STANDARD_0, preventDestroy: false });
    expect(warningsOf(stack).sort()).toEqual([
      expect.stringMatching(/^\[HF2\] production app without prevent_destroy: /),
      expect.stringMatching(/^\[HF2\] production data store without prevent_destroy: /),
    ]);
  });

  test("HF3: a secret-looking key in plain config vars", () => {
    const stack = lintedStack();
    new HerokuApp(stack, "App", {
      name: "songlist-staging",
      config: { STRIPE_API_KEY: "sk_test_123", LOG_LEVEL: "info" },
      secrets: { SECRET_KEY: Secret.generate(stack, "secret_key") },
    });
    expect(warningsOf(stack)).toEqual([
      expect.stringMatching(/^\[HF3\] secret-looking config var STRIPE_API_KEY set as plain config: .*secrets/),
    ]);
  });

  test("HF2 and HF3 say exactly what and why; HF3 names every key of an app in one finding", () => {
    const stack = lintedStack();
    new HerokuApp(stack, "App", {
      name: "songlist",
      environment: "production",
      preventDestroy: false,
      config: { STRIPE_API_KEY: "sk", GITHUB_TOKEN: "t" },
    });
    expect(warningsOf(stack).sort()).toEqual([
      "[HF2] production app without prevent_destroy: a rename, a region change or a mistaken destroy would delete it " +
        "and its data; prevent_destroy makes Terraform refuse such a plan.",
      "[HF3] secret-looking config vars STRIPE_API_KEY, GITHUB_TOKEN set as plain config: plain values are written to " +
        "cdktf.out, the repository and plan output; pass secrets through `secrets` (a sensitive variable or a " +
        "generated password).",
    ]);
  });

  test("HF2 is about production data stores: not other add-ons, not a staging app's database", () => {
    const stack = lintedStack();
    const production = new HerokuApp(stack, "App", { name: "songlist", environment: "production" });
    new Addon(stack, "Papertrail", { appId: production.appId, plan: "papertrail:choklad" });
    const staging = new HerokuApp(stack, "Staging", { name: "songlist-staging", environment: "staging" });
    staging.addPostgres("Db", { plan: PostgresPlan.STANDARD_0, preventDestroy: false });
    expect(warningsOf(stack).filter((warning) => warning.startsWith("[HF2]"))).toEqual([]);
  });

  test("HF4: a custom domain without ACM", () => {
    const stack = lintedStack();
    new HerokuApp(stack, "App", { name: "songlist-staging" }).addDomain("staging.songlist.dev");
    new HerokuApp(stack, "Secure", { name: "songlist", acm: true }).addDomain("songlist.dev");
    expect(warningsOf(stack)).toEqual([
      expect.stringMatching(/^\[HF4\] custom domain staging\.songlist\.dev on an app without ACM: /),
    ]);
  });

  test("a well-made production environment has no findings", () => {
    const stack = lintedStack();
    const app = new HerokuApp(stack, "App", { name: "songlist", environment: "production", acm: true });
    app.addPostgres("Db", { plan: PostgresPlan.STANDARD_0 });
    app.addFormation("web", DynoSize.STANDARD_1X, 2);
    app.addDomain("songlist.dev");
    expect(warningsOf(stack)).toEqual([]);
  });

  test("a suppression silences one rule under its scope, and needs a reason", () => {
    const { app, stack } = testStack();
    Aspects.of(stack).add(new HerokuFlowChecks());
    const stagingApp = new HerokuApp(stack, "App", { name: "songlist-staging" });
    stagingApp.addDomain("staging.songlist.dev");
    HerokuFlowChecks.suppress(stagingApp, "HF4", "staging is served through the CDN's certificate");
    expect(warningsOf(stack)).toEqual([]);
    // Another rule on the same scope still reports.
    new HerokuApp(stagingApp, "Worker", { name: "songlist-worker", config: { STRIPE_API_KEY: "sk_test_123" } });
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[HF3\] secret-looking config var STRIPE_API_KEY/)]);
    HerokuFlowChecks.suppress(stagingApp, "HF1", "");
    expect(problemsOf(app)).toMatch(/\[test\/App\] HerokuFlowChecks.suppress\(HF1\) reason: "" must say why/);
  });
});

describe("HerokuFlowChecks: suppression reasons and repeated runs", () => {
  const suppressed = (reason: string) => {
    const { app, stack } = testStack();
    Aspects.of(stack).add(new HerokuFlowChecks());
    const stagingApp = new HerokuApp(stack, "App", { name: "songlist-staging" });
    stagingApp.addDomain("staging.songlist.dev");
    HerokuFlowChecks.suppress(stagingApp, "HF4", reason);
    return { problems: problemsOf(app), warnings: warningsOf(stack) };
  };

  test("a reason of 10 characters is enough, and silences the rule", () => {
    expect(suppressed("behind CDN")).toEqual({ problems: "", warnings: [] });
  });

  test("a reason of 9 characters, or 10 only with the spaces around it, is a problem and silences nothing", () => {
    for (const reason of ["under CDN", "  no acm   "]) {
      const { problems, warnings } = suppressed(reason);
      expect(problems).toContain(
        `[test/App] HerokuFlowChecks.suppress(HF4) reason: ${JSON.stringify(reason)} must say why, in at least 10 characters`,
      );
      expect(problems).toContain("hint: the reason is what reviewers read instead of the finding");
      expect(warnings).toEqual([expect.stringMatching(/^\[HF4\] custom domain staging\.songlist\.dev/)]);
    }
  });

  test("a stack synthesized twice carries each warning once, and different findings each", () => {
    const stack = lintedStack();
    const app = new HerokuApp(stack, "App", { name: "songlist", environment: "production", acm: true });
    app.addPostgres("Db", { plan: PostgresPlan.ESSENTIAL_0 });
    new HerokuApp(stack, "Api", { name: "songlist-api", config: { STRIPE_API_KEY: "sk_test_123" } });
    new HerokuApp(stack, "Worker", { name: "songlist-worker", config: { GITHUB_TOKEN: "t" } });
    const first = warningsOf(stack);
    expect(warningsOf(stack)).toEqual(first);
    expect(first.filter((warning) => warning.startsWith("[HF3]"))).toHaveLength(2);
    expect(first.filter((warning) => warning.startsWith("[HF1]"))).toHaveLength(1);
  });
});

describe("HerokuFlowChecks reads the synthesized resources", () => {
  test("HF2 on a raw heroku_app coupled at production, and not on one coupled at staging", () => {
    const stack = lintedStack();
    const pipeline = new Pipeline(stack, "Pipeline", { name: "acme" });
    const production = new AppResource(stack, "Production", { name: "acme", region: "us" });
    const staging = new AppResource(stack, "Staging", { name: "acme-staging", region: "us" });
    new PipelineCoupling(stack, "P", { pipeline: pipeline.id, appId: production.id, stage: "production" });
    new PipelineCoupling(stack, "S", { pipeline: pipeline.id, appId: staging.id, stage: "staging" });
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[HF2\] production app without prevent_destroy/)]);
  });

  test("HF2 after an escape-hatch edit removes prevent_destroy; none while it is there", () => {
    const stack = lintedStack();
    const app = new HerokuApp(stack, "App", { name: "songlist", environment: "production", acm: true });
    expect(warningsOf(stack)).toEqual([]);
    app.resource.lifecycle = {};
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[HF2\] production app without prevent_destroy/)]);
  });

  test("HF1 on a raw heroku_addon of a production app; not on a standard plan", () => {
    const stack = lintedStack();
    const app = new HerokuApp(stack, "App", { name: "songlist", environment: "production" });
    new Addon(stack, "Essential", {
      appId: app.appId,
      plan: "heroku-postgresql:essential-1",
      lifecycle: { preventDestroy: true },
    });
    new Addon(stack, "Standard", {
      appId: app.appId,
      plan: "heroku-postgresql:standard-0",
      lifecycle: { preventDestroy: true },
    });
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[HF1\] production data store on .*essential-1/)]);
  });

  test("HF3 on a key added through addOverride; not on sensitive_config_vars", () => {
    const stack = lintedStack();
    const app = new HerokuApp(stack, "App", {
      name: "songlist-staging",
      secrets: { API_TOKEN: Secret.fromVariable(stack, "api_token") },
    });
    expect(warningsOf(stack)).toEqual([]);
    app.resource.addOverride("config_vars.GITHUB_TOKEN", "ghp_x");
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[HF3\] .*GITHUB_TOKEN/)]);
  });

  test("HF4 on a raw heroku_domain; not for an app referenced by name, whose ACM is not known here", () => {
    const stack = lintedStack();
    const raw = new AppResource(stack, "Raw", { name: "acme-raw", region: "us" });
    new Domain(stack, "RawDomain", { appId: raw.id, hostname: "raw.acme.dev" });
    HerokuApp.fromName(stack, "Legacy", "acme-legacy").addDomain("legacy.acme.dev");
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[HF4\] custom domain raw\.acme\.dev/)]);
  });

  test("registered on the app, the pack runs with a plain app.synth() on stacks holding library constructs", () => {
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist-staging" }).addDomain("staging.songlist.dev");
    Aspects.of(app).add(new HerokuFlowChecks());
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, "manifest.json"), "utf8"));
    expect(manifest.stacks.test.annotations.map((a: any) => a.message)).toEqual([
      expect.stringMatching(/^\[HF4\] custom domain staging\.songlist\.dev/),
    ]);
  });
});
