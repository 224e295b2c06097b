import { countsText, failedStack, summarizeStack } from "../../cli/review";
import { herokuApp, plan, resourceChange, stackConfig } from "./plan-fixtures";

const summarize = (parts: Parameters<typeof plan>[0], config?: object) =>
  summarizeStack({ stack: "staging", plan: plan(parts), ...(config ? { config } : {}) });

describe("counts", () => {
  test("each action counts under its own name", () => {
    const summary = summarize({
      resource_changes: [
        resourceChange("heroku_app.created", ["create"], { after: herokuApp() }),
        resourceChange("heroku_app.updated", ["update"], { before: herokuApp(), after: herokuApp({ region: "eu" }) }),
        resourceChange("heroku_app.deleted", ["delete"], { before: herokuApp() }),
        resourceChange("heroku_app.forgotten", ["forget"], { before: herokuApp() }),
      ],
    });
    expect(summary.counts).toEqual({ create: 1, update: 1, replace: 0, delete: 1, forget: 1, import: 0, move: 0 });
    expect(summary.status).toBe("changed");
  });

  test("a replace counts once, as replace, in either order", () => {
    const summary = summarize({
      resource_changes: [
        resourceChange("heroku_app.destroy_first", ["delete", "create"], { before: herokuApp(), after: herokuApp() }),
        resourceChange("heroku_app.create_first", ["create", "delete"], { before: herokuApp(), after: herokuApp() }),
      ],
    });
    expect(summary.counts).toMatchObject({ create: 0, delete: 0, replace: 2 });
    expect(summary.changes.map((change) => change.symbol)).toEqual(["+/-", "-/+"]);
  });

  test("no-op and read are not changes: the stack has no changes", () => {
    const summary = summarize({
      resource_changes: [
        resourceChange("heroku_app.same", ["no-op"], { before: herokuApp(), after: herokuApp() }),
        resourceChange("data.heroku_app.looked_up", ["read"], { after: herokuApp() }),
      ],
    });
    expect(summary.status).toBe("no-changes");
    expect(summary.changes).toEqual([]);
    expect(Object.values(summary.counts).every((count) => count === 0)).toBe(true);
  });

  test("a no-op that imports counts as an import and makes the stack changed", () => {
    const summary = summarize({
      resource_changes: [
        resourceChange("heroku_app.adopted", ["no-op"], {
          before: herokuApp(),
          after: herokuApp(),
          importing: { id: "songlist-staging" },
        }),
      ],
    });
    expect(summary.counts).toMatchObject({ import: 1, update: 0, create: 0 });
    expect(summary.changes[0].importId).toBe("songlist-staging");
    expect(summary.status).toBe("changed");
  });

  test("a no-op with another previous address counts as a move; the same address is no move", () => {
    const summary = summarize({
      resource_changes: [
        resourceChange("heroku_app.renamed", ["no-op"], { previous_address: "heroku_app.old" }),
        resourceChange("heroku_app.stays", ["no-op"], { previous_address: "heroku_app.stays" }),
      ],
    });
    expect(summary.counts).toMatchObject({ move: 1 });
    expect(summary.changes.map((change) => change.address)).toEqual(["heroku_app.renamed"]);
    expect(summary.changes[0].previousAddress).toBe("heroku_app.old");
  });

  test("a move with an update counts in both", () => {
    const summary = summarize({
      resource_changes: [
        resourceChange("heroku_app.renamed", ["update"], {
          previous_address: "heroku_app.old",
          before: herokuApp(),
          after: herokuApp({ region: "eu" }),
        }),
      ],
    });
    expect(summary.counts).toMatchObject({ update: 1, move: 1 });
  });
});

describe("outputs and drift", () => {
  test("changed outputs make the stack changed; unchanged ones are left out", () => {
    const summary = summarize({
      output_changes: {
        web_url: { actions: ["update"], before: "https://a", after: "https://b" },
        app_name: { actions: ["no-op"], before: "a", after: "a" },
      },
    });
    expect(summary.outputChanges).toEqual([{ name: "web_url", action: "update" }]);
    expect(summary.status).toBe("changed");
  });

  test("drift alone leaves the stack unchanged, but is reported apart from the counts", () => {
    const summary = summarize({
      resource_drift: [
        resourceChange("heroku_app.App", ["update"], {
          before: herokuApp(),
          after: herokuApp({ config_vars: { APP_SETTINGS: "hand-edited" } }),
        }),
      ],
    });
    expect(summary.status).toBe("no-changes");
    expect(summary.counts.update).toBe(0);
    expect(summary.drift.map((drift) => drift.address)).toEqual(["heroku_app.App"]);
    expect(summary.drift[0].attributes.map((attribute) => attribute.path)).toEqual(["config_vars.APP_SETTINGS"]);
  });

  test("with relevant_attributes, only drift of the resources it names is kept", () => {
    const summary = summarize({
      resource_drift: [
        resourceChange("heroku_app.relevant", ["update"], { before: herokuApp(), after: herokuApp({ region: "eu" }) }),
        resourceChange("heroku_app.irrelevant", ["update"], {
          before: herokuApp(),
          after: herokuApp({ region: "eu" }),
        }),
      ],
      relevant_attributes: [{ resource: "heroku_app.relevant", attribute: ["region"] }],
    });
    expect(summary.drift.map((drift) => drift.address)).toEqual(["heroku_app.relevant"]);
    expect(summary.ignoredDrift).toBe(1);
  });

  test("without relevant_attributes every drift entry is kept", () => {
    const summary = summarize({
      resource_drift: [
        resourceChange("heroku_app.a", ["update"], { before: herokuApp(), after: herokuApp({ region: "eu" }) }),
        resourceChange("heroku_app.b", ["delete"], { before: herokuApp() }),
      ],
    });
    expect(summary.drift).toHaveLength(2);
    expect(summary.ignoredDrift).toBe(0);
  });
});

describe("construct paths and order", () => {
  const config = stackConfig({
    "heroku_app.App_F1B96344": "staging/App/Resource",
    "heroku_formation.Formation": "staging/App/Formation-web/Resource",
  });

  test("a resource's construct path comes from the metadata of its block in cdk.tf.json", () => {
    const summary = summarize(
      { resource_changes: [resourceChange("heroku_app.App_F1B96344", ["create"], { after: herokuApp() })] },
      config,
    );
    expect(summary.changes[0].constructPath).toBe("staging/App/Resource");
  });

  test("an instance of a counted block has its block's construct path", () => {
    const summary = summarize(
      { resource_changes: [resourceChange("heroku_formation.Formation[0]", ["create"], { after: { quantity: 1 } })] },
      config,
    );
    expect(summary.changes[0].constructPath).toBe("staging/App/Formation-web/Resource");
  });

  test("module resources, resources gone from the configuration, and stacks without config have no construct path", () => {
    const changes = [
      resourceChange("module.child.heroku_app.App_F1B96344", ["create"], { after: herokuApp() }),
      resourceChange("heroku_app.removed", ["delete"], { before: herokuApp() }),
    ];
    for (const summary of [
      summarize({ resource_changes: changes }, config),
      summarize({ resource_changes: changes }),
    ]) {
      expect(summary.changes.map((change) => change.constructPath)).toEqual([undefined, undefined]);
    }
  });

  test("changes are sorted by address whatever order Terraform lists them in", () => {
    const summary = summarize({
      resource_changes: ["heroku_app.b", "gitlab_project_variable.z", "heroku_app.a"].map((address) =>
        resourceChange(address, ["create"], { after: {} }),
      ),
    });
    expect(summary.changes.map((change) => change.address)).toEqual([
      "gitlab_project_variable.z",
      "heroku_app.a",
      "heroku_app.b",
    ]);
  });
});

describe("risks", () => {
  test("deletes, replaces and forgets are risky; creates and updates are not", () => {
    const summary = summarize({
      resource_changes: [
        resourceChange("heroku_app.created", ["create"], { after: herokuApp() }),
        resourceChange("heroku_app.updated", ["update"], { before: herokuApp(), after: herokuApp({ region: "eu" }) }),
        resourceChange("heroku_app.deleted", ["delete"], { before: herokuApp() }),
        resourceChange("heroku_app.forgotten", ["forget"], { before: herokuApp() }),
        resourceChange("heroku_app.replaced", ["create", "delete"], { before: herokuApp(), after: herokuApp() }),
      ],
    });
    expect(summary.risks.map((change) => change.address)).toEqual([
      "heroku_app.deleted",
      "heroku_app.forgotten",
      "heroku_app.replaced",
    ]);
  });

  test("a replace keeps Terraform's reason and the attributes that force it, as paths", () => {
    const summary = summarize({
      resource_changes: [
        resourceChange("heroku_app.App", ["delete", "create"], {
          before: herokuApp(),
          after: herokuApp({ name: "songlist-stage" }),
          replace_paths: [["name"], ["config_vars", "FOO"], ["buildpacks", 0]],
          action_reason: "replace_because_cannot_update",
        }),
      ],
    });
    expect(summary.risks[0]).toMatchObject({
      symbol: "-/+",
      reason: "replace_because_cannot_update",
      replacePaths: ["name", "config_vars.FOO", "buildpacks[0]"],
    });
  });
});

test("a failed stack carries its message as given and counts nothing", () => {
  const summary = failedStack("production", "Error: Unauthorized");
  expect(summary).toMatchObject({ stack: "production", status: "failed", message: "Error: Unauthorized" });
  expect(Object.values(summary.counts).every((count) => count === 0)).toBe(true);
});

test("a failed stack reads as failed; one with drift alone as no changes, then the drift", () => {
  expect(countsText(failedStack("production", "Error: Unauthorized"))).toBe("failed");
  const driftOnly = summarize({
    resource_drift: [resourceChange("heroku_app.App", ["update"], { before: { acm: false }, after: { acm: true } })],
  });
  expect(countsText(driftOnly)).toBe("no changes; 1 changed outside Terraform");
});

test("the current object comes before its deposed ones, and those in the order of their keys", () => {
  const summary = summarize({
    resource_changes: [
      resourceChange("heroku_app.App", ["delete"], { before: { name: "b" }, deposed: "0000000b" }),
      resourceChange("heroku_app.App", ["update"], { before: { name: "x" }, after: { name: "y" } }),
      resourceChange("heroku_app.App", ["delete"], { before: { name: "a" }, deposed: "0000000a" }),
    ],
  });
  expect(summary.changes.map((change) => change.deposed)).toEqual([undefined, "0000000a", "0000000b"]);
});

test("an import without an id keeps an empty one", () => {
  const summary = summarize({ resource_changes: [resourceChange("heroku_app.App", ["no-op"], { importing: {} })] });
  expect(summary.changes[0].importId).toBe("");
});

describe("summary.secrets", () => {
  test("variables declared sensitive in the plan or in cdk.tf.json, or named like secrets; outputs named like secrets; longest first", () => {
    const output = { actions: ["update"] as const, after_unknown: {}, before_sensitive: false, after_sensitive: false };
    const summary = summarize(
      {
        variables: {
          from_plan: { value: "plan-declared-value" },
          from_config: { value: "config-declared" },
          api_token: { value: "named-token" },
          region: { value: "eu-central" },
        },
        configuration: { root_module: { variables: { from_plan: { sensitive: true }, region: {} } } },
        output_changes: {
          database_password: { ...output, before: "old-pass", after: "new-pass-x" },
          web_url: { ...output, before: "https://a.example", after: "https://b.example" },
        },
      },
      { variable: { from_config: { sensitive: true }, region: { sensitive: false } } },
    );
    expect(summary.secrets).toEqual([
      "plan-declared-value",
      "config-declared",
      "named-token",
      "new-pass-x",
      "old-pass",
    ]);
  });

  test("secrets of one length are in code-unit order", () => {
    const summary = summarize({
      variables: {
        token_b: { value: "bbbb-secret" },
        token_a: { value: "aaaa-secret" },
        token_c: { value: "Cccc-secret" },
      },
    });
    expect(summary.secrets).toEqual(["Cccc-secret", "aaaa-secret", "bbbb-secret"]);
  });
});

test("countsText: most harmful first, outputs counted, no empty kinds", () => {
  const summary = summarize({
    resource_changes: [
      resourceChange("heroku_app.created", ["create"], { after: herokuApp() }),
      resourceChange("heroku_app.updated_a", ["update"], { before: herokuApp(), after: herokuApp({ region: "eu" }) }),
      resourceChange("heroku_app.updated_b", ["update"], { before: herokuApp(), after: herokuApp({ region: "eu" }) }),
      resourceChange("heroku_app.deleted", ["delete"], { before: herokuApp() }),
    ],
    output_changes: {
      a: { actions: ["update"], before: 1, after: 2, after_unknown: {}, before_sensitive: {}, after_sensitive: {} },
      b: { actions: ["create"], before: null, after: 2, after_unknown: {}, before_sensitive: {}, after_sensitive: {} },
    },
  });
  expect(countsText(summary)).toBe("1 to delete, 2 to update, 1 to create, 2 outputs");
  expect(countsText(summarize({}))).toBe("no changes");
});

test("a change has keys only for the facts it has", () => {
  const summary = summarize({
    resource_changes: [
      resourceChange("heroku_formation.Web", ["update"], { before: { quantity: 1 }, after: { quantity: 2 } }),
    ],
  });
  expect(Object.keys(summary.changes[0]).sort()).toEqual([
    "action",
    "actions",
    "address",
    "attributes",
    "replacePaths",
    "symbol",
    "type",
  ]);
});
