// @ts-nocheck
import { Testing } from "cdktf";
import { Addon } from "../../.gen/providers/heroku/addon";
import { AddonAttachment } from "../../.gen/providers/heroku/addon-attachment";
import { HerokuApp, PostgresPlan } from "../../constructs";
import { resourcesOf, synthesize, testStack } from "../support/stacks";

describe("HerokuPostgres", () => {
  test("defaults to essential-0 attached as DATABASE (DATABASE_URL), destroyable outside production", () => {
    const { stack } = testStack();
    const db = new HerokuApp(stack, "App", { name: "songlist-staging" }).addPostgres();
    expect(db.configVarName).toBe("DATABASE_URL");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Addon, { plan: "heroku-postgresql:essential-0" });
    const [addon] = resourcesOf(synthesize(stack), "heroku_addon");
    expect(addon).not.toHaveProperty("lifecycle");
    expect(resourcesOf(synthesize(stack), "heroku_addon_attachment")).toHaveLength(0);
  });

  test("production-like apps get a database with prevent_destroy", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist", environment: "production" }).addPostgres("Db", {
      plan: PostgresPlan.STANDARD_0,
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Addon, {
      plan: "heroku-postgresql:standard-0",
      lifecycle: { prevent_destroy: true },
    });
  });

  test("a custom attachment name adds an attachment and names the config var after it", () => {
    const { stack } = testStack();
    const db = new HerokuApp(stack, "App", { name: "songlist-staging" }).addPostgres("Analytics", {
      attachmentName: "ANALYTICS",
    });
    expect(db.configVarName).toBe("ANALYTICS_URL");
    expect(Testing.synth(stack)).toHaveResourceWithProperties(AddonAttachment, { name: "ANALYTICS" });
  });

  test("plans are enum-like with an escape hatch", () => {
    expect(PostgresPlan.PREMIUM_0.name).toBe("heroku-postgresql:premium-0");
    expect(PostgresPlan.ESSENTIAL_2.isEssential).toBe(true);
    expect(PostgresPlan.STANDARD_0.isEssential).toBe(false);
    expect(PostgresPlan.custom("heroku-postgresql:private-0").size).toBe("private-0");
  });
});
