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
      expect.stringMatching(/^\[HF1\] production database on heroku-postgresql:essential-0: .*point-in-time recovery/),
    ]);
  });

  test("HF2: production app or database without prevent_destroy", () => {
    const stack = lintedStack();
    const app = new HerokuApp(stack, "App", { name: "songlist", environment: "production", preventDestroy: false });
    app.addPostgres("Db", { plan: PostgresPlan.STANDARD_0, preventDestroy: false });
    expect(warningsOf(stack).sort()).toEqual([
      expect.stringMatching(/^\[HF2\] production app without prevent_destroy: /),
      expect.stringMatching(/^\[HF2\] production database without prevent_destroy: /),
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
    HerokuFlowChecks.suppress(stagingApp, "HF1", "");
    expect(problemsOf(app)).toMatch(/\[test\/App\] HerokuFlowChecks.suppress\(HF1\) reason: "" must say why/);
  });
});
