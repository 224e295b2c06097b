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

test("a value of exactly 60 characters is shown whole", () => {
  const exact = "y".repeat(58);
  const [attribute] = attributesOf(
    resourceChange("heroku_app.App", ["update"], { before: herokuApp({ region: exact }), after: herokuApp() }),
  );
  expect(attribute.before).toBe(`"${exact}"`);
});

test("a replace lists what differs, as an update does", () => {
  const attributes = attributesOf(
    resourceChange("heroku_app.App", ["delete", "create"], {
      before: herokuApp({ name: "songlist-stage" }),
      after: herokuApp({ name: "songlist-staging" }),
    }),
  );
  expect(attributes).toEqual([
    { path: "name", sensitive: false, before: '"songlist-stage"', after: '"songlist-staging"' },
  ]);
});

test("a create lists what it sets even when the plan carries a before", () => {
  const attributes = attributesOf(
    resourceChange("heroku_app.App", ["create"], { before: { name: "same" }, after: { name: "same" } }),
  );
  expect(attributes).toEqual([{ path: "name", sensitive: false, after: '"same"' }]);
});

test("a value that is secret on one side only is hidden on both", () => {
  const url = "postgres://user:hunter2@db.example/app";
  for (const [before, after] of [
    [url, "none"],
    ["none", url],
  ]) {
    const attributes = attributesOf(
      resourceChange("heroku_app.App", ["update"], {
        before: herokuApp({ config_vars: { LINK: before } }),
        after: herokuApp({ config_vars: { LINK: after } }),
      }),
    );
    expect(attributes).toEqual([{ path: "config_vars.LINK", sensitive: true }]);
  }
});

test("an attribute whose kind changes (text to map, list to map) is shown whole, not entry by entry", () => {
  const attributes = attributesOf(
    resourceChange("heroku_app.App", ["update"], {
      before: { acm: "off", buildpacks: ["python"] },
      after: { acm: { enabled: true }, buildpacks: { first: "python" } },
    }),
  );
  expect(attributes).toEqual([
    { path: "acm", sensitive: false, before: '"off"', after: '{"enabled":true}' },
    { path: "buildpacks", sensitive: false, before: '["python"]', after: '{"first":"python"}' },
  ]);
});

test("list entries in index order, past nine", () => {
  const before = Array.from({ length: 12 }, (_, index) => `b${index}`);
  const after = before.map((item, index) => (index === 2 || index === 10 ? `${item}!` : item));
  const attributes = attributesOf(
    resourceChange("heroku_app.App", ["update"], { before: { buildpacks: before }, after: { buildpacks: after } }),
  );
  expect(attributes.map((attribute) => attribute.path)).toEqual(["buildpacks[2]", "buildpacks[10]"]);
});
