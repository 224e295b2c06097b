/**
 * What the lint rules read (constructs/lint/synthesized.ts): which app an `app_id` refers to, and when an app holds
 * production data without saying so, on the provider's raw resources.
 */
import { Addon } from "../../.gen/providers/heroku/addon";
import { App as AppResource } from "../../.gen/providers/heroku/app";
import { Pipeline } from "../../.gen/providers/heroku/pipeline";
import { PipelineCoupling } from "../../.gen/providers/heroku/pipeline-coupling";
import { appOf, isProductionLike, synthesizedAs } from "../../constructs/lint/synthesized";
import { testStack } from "../support/stacks";

function addonFor(appId: string) {
  const { stack } = testStack();
  const app = new AppResource(stack, "Web", { name: "acme-web", region: "us" });
  const addon = new Addon(stack, "Db", { appId: appId.replace("APP", app.id), plan: "heroku-postgresql:essential-0" });
  return { stack, app, subject: synthesizedAs(addon, "heroku_addon")! };
}

describe("appOf", () => {
  test("the app of this stack whose id the attribute references", () => {
    const { subject } = addonFor("APP");
    expect(appOf(subject)?.attributes).toMatchObject({ name: "acme-web" });
  });

  test.each([
    ["a literal id", "01234567-89ab-cdef-0123-456789abcdef"],
    ["a reference with text before it", "x-APP"],
    ["a reference with text after it", "APP-x"],
  ])("none for %s", (_case, appId) => {
    expect(appOf(addonFor(appId).subject)).toBeUndefined();
  });

  test("none for another attribute of the app, or an app that is not in this stack", () => {
    const { stack, subject } = addonFor("APP");
    const byName = new Addon(stack, "ByName", { appId: "${heroku_app.Web.name}", plan: "papertrail:choklad" });
    const elsewhere = new Addon(stack, "Elsewhere", { appId: "${heroku_app.gone.id}", plan: "papertrail:choklad" });
    expect(appOf(subject)).toBeDefined();
    expect(appOf(synthesizedAs(byName, "heroku_addon")!)).toBeUndefined();
    expect(appOf(synthesizedAs(elsewhere, "heroku_addon")!)).toBeUndefined();
  });
});

describe("synthesizedAs", () => {
  test("a resource of that type, with its attributes as synthesized, escape-hatch edits included", () => {
    const { app } = addonFor("APP");
    app.addOverride("lifecycle.prevent_destroy", true);
    expect(synthesizedAs(app, "heroku_app")?.attributes).toEqual({
      "//": { metadata: { path: "test/Web", uniqueId: "Web" } },
      name: "acme-web",
      region: "us",
      lifecycle: { prevent_destroy: true },
    });
  });

  test("nothing for a resource of another type or a construct that is not a resource", () => {
    const { stack, app } = addonFor("APP");
    expect(synthesizedAs(app, "heroku_addon")).toBeUndefined();
    expect(synthesizedAs(stack, "heroku_app")).toBeUndefined();
  });
});

describe("isProductionLike without a declaration: coupled at a production stage in this stack", () => {
  function appsCoupled(stages: Record<string, string>) {
    const { stack } = testStack();
    const pipeline = new Pipeline(stack, "Pipeline", { name: "acme" });
    const apps = Object.fromEntries(
      Object.keys(stages).map((name) => [name, new AppResource(stack, name, { name: `acme-${name}`, region: "us" })]),
    );
    for (const [name, stage] of Object.entries(stages)) {
      new PipelineCoupling(stack, `Coupling-${name}`, { pipeline: pipeline.id, appId: apps[name].id, stage });
    }
    const productionLike = (name: string) => isProductionLike(synthesizedAs(apps[name], "heroku_app")!);
    return { stack, productionLike };
  }

  test("the app coupled at production is; the one coupled at staging beside it is not", () => {
    const { productionLike } = appsCoupled({ live: "production", trial: "staging" });
    expect([productionLike("live"), productionLike("trial")]).toEqual([true, false]);
  });

  test("an app that is not coupled is not", () => {
    const { stack, productionLike } = appsCoupled({ live: "production" });
    const loose = new AppResource(stack, "Loose", { name: "acme-loose", region: "us" });
    expect(productionLike("live")).toBe(true);
    expect(isProductionLike(synthesizedAs(loose, "heroku_app")!)).toBe(false);
  });
});
