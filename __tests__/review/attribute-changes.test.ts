import { summarizeStack } from "../../cli/review";
import { herokuApp, plan, resourceChange } from "./plan-fixtures";

const attributesOf = (change: ReturnType<typeof resourceChange>) =>
  summarizeStack({ stack: "s", plan: plan({ resource_changes: [change] }) }).changes[0].attributes;

test("a create lists what it sets, leaving out nulls and values known only after apply", () => {
  const attributes = attributesOf(
    resourceChange("heroku_app.App", ["create"], {
      after: { name: "songlist-staging", space: null, config_vars: { A: "1" }, web_url: null },
      after_unknown: { web_url: true, id: true },
    }),
  );
  expect(attributes).toEqual([
    { path: "config_vars.A", sensitive: false, after: '"1"' },
    { path: "name", sensitive: false, after: '"songlist-staging"' },
  ]);
});

test("an update lists only what differs, at the finest path, and values known after apply", () => {
  const attributes = attributesOf(
    resourceChange("heroku_app.App", ["update"], {
      before: herokuApp({ config_vars: { A: "1", B: "2" }, buildpacks: ["python"], web_url: "https://old" }),
      after: herokuApp({ config_vars: { A: "1" }, buildpacks: ["python", "nginx"], web_url: null }),
      after_unknown: { web_url: true },
    }),
  );
  expect(attributes).toEqual([
    { path: "buildpacks[1]", sensitive: false, after: '"nginx"' },
    { path: "config_vars.B", sensitive: false, before: '"2"' },
    { path: "web_url", sensitive: false, before: '"https://old"', after: "(known after apply)" },
  ]);
});

test("map keys that are not plain names are quoted", () => {
  const attributes = attributesOf(
    resourceChange("heroku_app.App", ["update"], {
      before: herokuApp({ config_vars: { "a.b": "1" } }),
      after: herokuApp({ config_vars: { "a.b": "2" } }),
    }),
  );
  expect(attributes.map((attribute) => attribute.path)).toEqual(['config_vars["a.b"]']);
});

test("long values are cut to 60 characters", () => {
  const [attribute] = attributesOf(
    resourceChange("heroku_app.App", ["update"], {
      before: herokuApp({ region: "x".repeat(100) }),
      after: herokuApp({ region: "eu" }),
    }),
  );
  expect(attribute.before).toHaveLength(60);
  expect(attribute.before).toMatch(/^"x+…$/);
});

test("a delete lists no attributes: the whole object goes", () => {
  expect(attributesOf(resourceChange("heroku_app.App", ["delete"], { before: herokuApp() }))).toEqual([]);
});
