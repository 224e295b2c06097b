import { failedStack, renderConsole, summarizeStack } from "../../cli/review";
import { herokuApp, plan, resourceChange, stackConfig } from "./plan-fixtures";

/**
 * The three stacks every test reads, rendered inside each test rather than when the file loads: a mutation run
 * attributes code to the tests that run it, so text built at load time would leave these tests covering nothing.
 */
function threeStacks(): string {
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
  return renderConsole([
    staging,
    summarizeStack({ stack: "pipeline", plan: plan() }),
    failedStack("production", "Error: 401\nUnauthorized"),
  ]);
}

test("the whole text, block by block: summary line, table, risks, drift, failures", () => {
  expect(threeStacks().split("\n\n")).toEqual([
    "Terraform plan: 3 stacks: 1 changed, 1 no changes, 1 failed",
    expect.stringMatching(/^stack {7}status/),
    expect.stringMatching(/^Deletions and replacements:\n {2}staging {2}-\/\+ heroku_app\.App {2}\(/),
    "Changed outside Terraform (not caused by this plan):\n  staging  ~ heroku_formation.Web: size",
    "Failed:\n  production:\n    Error: 401\n    Unauthorized\n",
  ]);
});

test("a plain table: one row per stack with status and counts, columns aligned", () => {
  const lines = threeStacks().split("\n");
  const header = lines.findIndex((line) => line.startsWith("stack"));
  expect(lines.slice(header, header + 4)).toEqual([
    "stack       status      create  update  replace  delete  forget  import  move  outputs  drift",
    "staging     changed          0       1        1       0       0       0     0        0      1",
    "pipeline    no changes       0       0        0       0       0       0     0        0      0",
    "production  failed           -       -        -       -       -       -     -        -      -",
  ]);
});

test("every risky change with its order, reason, forcing attributes, construct path and call-out", () => {
  expect(threeStacks()).toContain(
    "  staging  -/+ heroku_app.App  (replace, destroying first; reason replace_because_cannot_update; forced by name; " +
      "construct staging/App/Resource) — destroys the app and its releases",
  );
});

test("drift apart, by attribute name; failures with their message indented", () => {
  const text = threeStacks();
  expect(text).toContain(
    "Changed outside Terraform (not caused by this plan):\n  staging  ~ heroku_formation.Web: size",
  );
  expect(text).toContain("Failed:\n  production:\n    Error: 401\n    Unauthorized");
});

test("no Markdown", () => {
  expect(threeStacks()).not.toMatch(/[`*|]|<details>/);
});

test("says so when nothing is deleted or replaced, and adds no block for cost, drift or failures it does not have", () => {
  expect(renderConsole([summarizeStack({ stack: "pipeline", plan: plan() })]).split("\n\n")).toEqual([
    "Terraform plan: 1 stack: 0 changed, 1 no changes, 0 failed",
    expect.stringMatching(/^stack +status/),
    "No deletions or replacements.\n",
  ]);
});

test("a deposed object by its key; a risk or a drift with nothing more to say has no empty parts", () => {
  const qa = summarizeStack({
    stack: "qa",
    plan: plan({
      resource_changes: [
        resourceChange("heroku_formation.Worker", ["delete"], { before: { quantity: 1 }, deposed: "00a1b2c3" }),
      ],
      resource_drift: [
        resourceChange("heroku_app.App", ["delete"], { before: herokuApp() }),
        resourceChange("heroku_formation.Web", ["update"], {
          before: { quantity: 1, size: "basic" },
          after: { quantity: 2, size: "standard-1x" },
        }),
      ],
    }),
  });
  const blocks = renderConsole([qa]).split("\n\n");
  expect(blocks[2]).toBe("Deletions and replacements:\n  qa  - heroku_formation.Worker (deposed 00a1b2c3)  (delete)");
  expect(blocks[3]).toBe(
    "Changed outside Terraform (not caused by this plan):\n  qa  - heroku_app.App\n  qa  ~ heroku_formation.Web: quantity, size\n",
  );
});

test("every attribute that forces a replacement is named", () => {
  const qa = summarizeStack({
    stack: "qa",
    plan: plan({
      resource_changes: [
        resourceChange("heroku_app.App", ["delete", "create"], {
          before: herokuApp(),
          after: herokuApp({ name: "songlist-qa", region: "eu" }),
          replace_paths: [["name"], ["region"]],
        }),
      ],
    }),
  });
  expect(renderConsole([qa])).toContain("(replace, destroying first; forced by name, region)");
});

test("a failed stack without a message is still listed, with nothing under it", () => {
  const failed = { ...failedStack("production", "unused"), message: undefined };
  const text = renderConsole([failed]);
  expect(text.slice(text.indexOf("Failed:"))).toBe("Failed:\n  production:\n\n");
});
