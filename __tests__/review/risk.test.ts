import { renderNote, summarizeStack } from "../../cli/review";
import { herokuApp, plan, resourceChange, stackConfig } from "./plan-fixtures";

const context = { headSha: "0123456789abcdef", onMerge: "deploys", onTag: "releases" };

const risksOf = (...changes: ReturnType<typeof resourceChange>[]) =>
  summarizeStack({ stack: "staging", plan: plan({ resource_changes: changes }) }).risks;

describe("call-outs by kind", () => {
  test("a Heroku app: the app and its releases go", () => {
    const [deleted, replaced] = risksOf(
      resourceChange("heroku_app.a", ["delete"], { before: herokuApp() }),
      resourceChange("heroku_app.b", ["delete", "create"], { before: herokuApp(), after: herokuApp() }),
    );
    expect(deleted.callOut).toBe("destroys the app and its releases");
    expect(replaced.callOut).toMatch(/^destroys the app and its releases; a new, empty app/);
  });

  test("a Postgres add-on, recognised by its plan before the change: the database and its data go", () => {
    const [risk] = risksOf(
      resourceChange("heroku_addon.Postgres", ["delete"], { before: { plan: "heroku-postgresql:essential-0" } }),
    );
    expect(risk.callOut).toBe("destroys the database and its data");
  });

  test("a Postgres add-on, recognised by its plan after the change", () => {
    const [risk] = risksOf(
      resourceChange("heroku_addon.Postgres", ["delete", "create"], {
        before: { plan: "mystery" },
        after: { plan: "heroku-postgresql:standard-0" },
      }),
    );
    expect(risk.callOut).toMatch(/^destroys the database and its data/);
  });

  test("another add-on is not called a database", () => {
    const [risk] = risksOf(
      resourceChange("heroku_addon.Papertrail", ["delete"], { before: { plan: "papertrail:choklad" } }),
    );
    expect(risk.callOut).toBe("destroys the add-on and what it holds");
  });

  test("a GitLab CI/CD variable disappears until re-created", () => {
    const [deleted, replaced] = risksOf(
      resourceChange("gitlab_project_variable.a", ["delete"], { before: { key: "A" } }),
      resourceChange("gitlab_project_variable.b", ["delete", "create"], { before: { key: "B" }, after: { key: "B" } }),
    );
    expect(deleted.callOut).toMatch(/^the CI\/CD variable disappears/);
    expect(replaced.callOut).toMatch(/^the CI\/CD variable disappears until re-created/);
  });

  test("a group's or the instance's CI/CD variable is called out like a project's", () => {
    const [group, instance] = risksOf(
      resourceChange("gitlab_group_variable.a", ["delete"], { before: { key: "A" } }),
      resourceChange("gitlab_instance_variable.b", ["delete"], { before: { key: "B" } }),
    );
    expect(group.callOut).toBe("the CI/CD variable disappears; pipelines that read it fail");
    expect(instance.callOut).toBe("the CI/CD variable disappears; pipelines that read it fail");
  });

  test("a replace that only forgets the old object says the old one stays", () => {
    const [risk] = risksOf(
      resourceChange("heroku_app.App", ["create", "forget"], { before: herokuApp(), after: herokuApp() }),
    );
    expect(risk.callOut).toBe("a new object is created; the old one stays, no longer managed by Terraform");
  });

  test("an add-on whose plan is missing or not text is not called a database", () => {
    const deleted = resourceChange("heroku_addon.Unknown", ["delete"], { before: { plan: 7 } });
    const withoutBefore = { ...deleted, change: { ...deleted.change, before: undefined } };
    expect(risksOf(deleted, withoutBefore).map((risk) => risk.callOut)).toEqual([
      "destroys the add-on and what it holds",
      "destroys the add-on and what it holds",
    ]);
  });

  test("a forget says the object stays; other kinds get no call-out", () => {
    const [forgotten, formation] = risksOf(
      resourceChange("heroku_formation.Web", ["delete"], { before: { quantity: 1 } }),
      resourceChange("heroku_app.kept", ["forget"], { before: herokuApp() }),
    );
    expect(forgotten.callOut).toBe("Terraform stops managing it; the object itself stays");
    expect(formation.callOut).toBeUndefined();
  });
});

describe("the banner", () => {
  test("lists each risky change with stack, address, order, reason, forcing attributes, construct path, call-out", () => {
    const summary = summarizeStack({
      stack: "staging",
      plan: plan({
        resource_changes: [
          resourceChange("heroku_app.App_F1B96344", ["delete", "create"], {
            before: herokuApp(),
            after: herokuApp({ name: "songlist-stage" }),
            replace_paths: [["name"]],
            action_reason: "replace_because_cannot_update",
          }),
          resourceChange("heroku_addon.Postgres", ["create", "delete"], {
            before: { plan: "heroku-postgresql:essential-0" },
            after: { plan: "heroku-postgresql:essential-1" },
            replace_paths: [["config_vars", "FOO"]],
          }),
        ],
      }),
      config: stackConfig({ "heroku_app.App_F1B96344": "staging/App/Resource" }),
    });
    const note = renderNote([summary], context);
    expect(note).toContain("> [!warning]");
    expect(note).toContain(
      "> - `staging` `heroku_app.App_F1B96344` `-/+` replace, destroying first; reason `replace_because_cannot_update`; " +
        "forced by `name`; construct `staging/App/Resource` — **destroys the app and its releases; ",
    );
    expect(note).toContain(
      "> - `staging` `heroku_addon.Postgres` `+/-` replace, creating first; forced by `config_vars.FOO` — " +
        "**destroys the database and its data; ",
    );
  });

  test("a deposed object's delete names the deposed key", () => {
    const summary = summarizeStack({
      stack: "staging",
      plan: plan({
        resource_changes: [resourceChange("heroku_app.App", ["delete"], { before: herokuApp(), deposed: "00abcdef" })],
      }),
    });
    expect(renderNote([summary], context)).toContain("`heroku_app.App` (deposed object `00abcdef`) `-` delete");
  });

  test("says so in one line when nothing is deleted or replaced", () => {
    const summary = summarizeStack({
      stack: "staging",
      plan: plan({ resource_changes: [resourceChange("heroku_app.App", ["create"], { after: herokuApp() })] }),
    });
    const note = renderNote([summary], context);
    expect(note).toContain("\n\nNo deletions or replacements.\n\n");
    expect(note).not.toContain("[!warning]");
  });
});
