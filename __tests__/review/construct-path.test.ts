import { constructPathOf } from "../../cli/review/construct-path";
import { resourceChange } from "./plan-fixtures";

/** A stack's cdk.tf.json with one resource and one data source of the same type and name, on different paths. */
const config = {
  resource: { heroku_app: { App: { "//": { metadata: { path: "staging/App/Resource" } } } } },
  data: { heroku_app: { App: { "//": { metadata: { path: "staging/Existing/Data" } } } } },
};

test("a resource's path from its block under `resource`, a data source's from its block under `data`", () => {
  expect(constructPathOf(config, resourceChange("heroku_app.App", ["update"]))).toBe("staging/App/Resource");
  expect(constructPathOf(config, resourceChange("data.heroku_app.App", ["read"]))).toBe("staging/Existing/Data");
});

test("instances of a counted block share its path; a child module's resource has none", () => {
  expect(constructPathOf(config, resourceChange('heroku_app.App["a"]', ["create"]))).toBe("staging/App/Resource");
  expect(constructPathOf(config, resourceChange("module.m.heroku_app.App", ["create"]))).toBeUndefined();
});

test("no path without a configuration, for a block no longer in it, or where the metadata is not what cdktf writes", () => {
  expect(constructPathOf(undefined, resourceChange("heroku_app.App", ["update"]))).toBeUndefined();
  expect(constructPathOf(config, resourceChange("heroku_app.Gone", ["delete"]))).toBeUndefined();
  const odd = (block: unknown) => ({ resource: { heroku_app: { App: block } } });
  for (const block of [null, ["//"], { "//": null }, { "//": { metadata: { path: 7 } } }]) {
    expect(constructPathOf(odd(block), resourceChange("heroku_app.App", ["update"]))).toBeUndefined();
  }
  expect(constructPathOf({ resource: null }, resourceChange("heroku_app.App", ["update"]))).toBeUndefined();
  // Inherited properties are not blocks of the configuration.
  expect(constructPathOf({ resource: {} }, resourceChange("toString.App", ["update"]))).toBeUndefined();
});
