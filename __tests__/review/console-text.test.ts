import { failedStack, renderConsole, summarizeStack } from "../../cli/review";
import { herokuApp, plan, resourceChange, stackConfig } from "./plan-fixtures";

const staging = summarizeStack({
  stack: "staging",
  plan: plan({
    resource_changes: [
      resourceChange("heroku_app.App", ["delete", "create"], {
        before: herokuApp(),
        after: herokuApp({ name: "songlist-stage" }),
        replace_paths: [["name"]],
        action_reason: "replace_because_cannot_update",
      }),
      resourceChange("heroku_formation.Web", ["update"], { before: { quantity: 1 }, after: { quantity: 2 } }),
    ],
    resource_drift: [
      resourceChange("heroku_formation.Web", ["update"], {
        before: { quantity: 1, size: "basic" },
        after: { quantity: 1, size: "standard-1x" },
      }),
    ],
  }),
  config: stackConfig({ "heroku_app.App": "staging/App/Resource" }),
});
const text = renderConsole([
  staging,
  summarizeStack({ stack: "pipeline", plan: plan() }),
  failedStack("production", "Error: 401\nUnauthorized"),
]);

test("a plain table: one row per stack with status and counts, columns aligned", () => {
  const lines = text.split("\n");
  const header = lines.findIndex((line) => line.startsWith("stack"));
  expect(lines.slice(header, header + 4)).toEqual([
    "stack       status      create  update  replace  delete  forget  import  move  outputs  drift",
    "staging     changed          0       1        1       0       0       0     0        0      1",
    "pipeline    no changes       0       0        0       0       0       0     0        0      0",
    "production  failed           -       -        -       -       -       -     -        -      -",
  ]);
});

test("every risky change with its order, reason, forcing attributes, construct path and call-out", () => {
  expect(text).toContain(
    "  staging  -/+ heroku_app.App  (replace, destroying first; reason replace_because_cannot_update; forced by name; " +
      "construct staging/App/Resource) — destroys the app and its releases",
  );
});

test("drift apart, by attribute name; failures with their message indented", () => {
  expect(text).toContain(
    "Changed outside Terraform (not caused by this plan):\n  staging  ~ heroku_formation.Web: size",
  );
  expect(text).toContain("Failed:\n  production:\n    Error: 401\n    Unauthorized");
});

test("no Markdown", () => {
  expect(text).not.toMatch(/[`*|]|<details>/);
});

test("says so when nothing is deleted or replaced", () => {
  expect(renderConsole([summarizeStack({ stack: "pipeline", plan: plan() })])).toContain(
    "No deletions or replacements.",
  );
});
