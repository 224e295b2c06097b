import {
  redact,
  renderConsole,
  renderNote,
  summarizeStack,
  terraformReport,
  type StackSummary,
} from "../../cli/review";
import { herokuApp, plan, resourceChange } from "./plan-fixtures";
import { collectSecrets, isSensitive } from "../../cli/review/sensitive-values";

const context = { headSha: "0123456789abcdef", onMerge: "deploys `staging`", onTag: "deploys `production`" };

/** A canary per path a secret can take through a plan; `old` and `new` for the values before and after. */
const canary = (path: string, when: "old" | "new") => `canary-${path}-${when}-Zq8`;
const CANARY_PATHS = [
  "config-var-named-secret",
  "config-var-url-password",
  "sensitive-config-var",
  "sensitive-var",
  "ci-variable-marked",
  "ci-variable-unmarked",
  "nested-mask",
  "password-attribute",
  "drift-sensitive-config-var",
  "drift-ci-variable",
  "output-marked",
] as const;
const everyCanary = CANARY_PATHS.flatMap((path) => [canary(path, "old"), canary(path, "new")]);

function planThroughEveryPath() {
  return plan({
    variables: { heroku_deploy_key: { value: "canary-variable-Zq8" }, region: { value: "us" } },
    configuration: { root_module: { variables: { heroku_deploy_key: { sensitive: true } } } },
    resource_changes: [
      resourceChange("heroku_app.App", ["update"], {
        before: herokuApp({
          config_vars: {
            API_TOKEN: canary("config-var-named-secret", "old"),
            WEB_CONCURRENCY: "2",
            DATABASE_URL: `postgres://user:${canary("config-var-url-password", "old")}@db.example/songs`,
          },
          sensitive_config_vars: { SECRET_KEY: canary("sensitive-config-var", "old") },
        }),
        after: herokuApp({
          config_vars: {
            API_TOKEN: canary("config-var-named-secret", "new"),
            WEB_CONCURRENCY: "3",
            DATABASE_URL: `postgres://user:${canary("config-var-url-password", "new")}@db.example/songs`,
          },
          sensitive_config_vars: { SECRET_KEY: canary("sensitive-config-var", "new") },
        }),
      }),
      resourceChange("heroku_app_config_association.Secrets", ["update"], {
        before: { app_id: "app-1", sensitive_vars: { SENTRY_DSN: canary("sensitive-var", "old") } },
        after: { app_id: "app-1", sensitive_vars: { SENTRY_DSN: canary("sensitive-var", "new") } },
      }),
      resourceChange("gitlab_project_variable.Marked", ["update"], {
        before: { key: "HEROKU_API_KEY", value: canary("ci-variable-marked", "old"), masked: true },
        after: { key: "HEROKU_API_KEY", value: canary("ci-variable-marked", "new"), masked: true },
        before_sensitive: { value: true },
        after_sensitive: { value: true },
      }),
      resourceChange("gitlab_project_variable.Unmarked", ["delete", "create"], {
        before: { key: "HEROKU_APP_NAME", value: canary("ci-variable-unmarked", "old"), masked: false },
        after: { key: "HEROKU_APP_NAME", value: canary("ci-variable-unmarked", "new"), masked: false },
        replace_paths: [["value"]],
      }),
      resourceChange("heroku_build.Build", ["create", "delete"], {
        before: { source: { settings: [{ checksum: "abc", body: canary("nested-mask", "old") }] } },
        after: { source: { settings: [{ checksum: "abc", body: canary("nested-mask", "new") }] } },
        before_sensitive: { source: { settings: [{ body: true }] } },
        after_sensitive: { source: { settings: [{ body: true }] } },
      }),
      resourceChange("heroku_addon.Broker", ["update"], {
        before: { plan: "cloudamqp:lemur", admin_password: canary("password-attribute", "old") },
        after: { plan: "cloudamqp:tiger", admin_password: canary("password-attribute", "new") },
      }),
    ],
    resource_drift: [
      resourceChange("heroku_app.App", ["update"], {
        before: herokuApp({ sensitive_config_vars: { SECRET_KEY: canary("drift-sensitive-config-var", "old") } }),
        after: herokuApp({ sensitive_config_vars: { SECRET_KEY: canary("drift-sensitive-config-var", "new") } }),
      }),
      resourceChange("gitlab_project_variable.Unmarked", ["update"], {
        before: { key: "HEROKU_APP_NAME", value: canary("drift-ci-variable", "old") },
        after: { key: "HEROKU_APP_NAME", value: canary("drift-ci-variable", "new") },
      }),
    ],
    output_changes: {
      deploy_key: {
        actions: ["update"],
        before: canary("output-marked", "old"),
        after: canary("output-marked", "new"),
        before_sensitive: true,
        after_sensitive: true,
      },
    },
  });
}

describe("secrets", () => {
  // Rendered inside each test, not when the file loads: a mutation run credits code only to the tests that run it.
  const summarize = () => summarizeStack({ stack: "staging", plan: planThroughEveryPath() });
  const withoutSecrets = (stack: StackSummary) => ({ ...stack, secrets: undefined });
  const outputs = {
    note: (summary: StackSummary) => renderNote([summary], context),
    console: (summary: StackSummary) => renderConsole([summary]),
    report: (summary: StackSummary) => JSON.stringify(terraformReport(summary)),
    summary: (summary: StackSummary) => JSON.stringify(withoutSecrets(summary)),
  };
  const note = () => outputs.note(summarize());

  test.each(Object.keys(outputs))("no canary reaches the %s", (output) => {
    const text = outputs[output as keyof typeof outputs](summarize());
    expect(everyCanary.filter((secret) => text.includes(secret))).toEqual([]);
    expect(text).not.toContain("Zq8");
  });

  test("the note still names every changed secret attribute, as (sensitive)", () => {
    const noteText = note();
    for (const path of [
      "config_vars.API_TOKEN",
      "config_vars.DATABASE_URL",
      "sensitive_config_vars.SECRET_KEY",
      "sensitive_vars.SENTRY_DSN",
      "value",
      "source.settings[0].body",
      "admin_password",
    ]) {
      expect(noteText).toContain(`\`${path}\`: (sensitive)`);
    }
  });

  test("summary.secrets holds every canary, before and after, and the sensitive variable", () => {
    const summary = summarize();
    expect(summary.secrets).toEqual(expect.arrayContaining([...everyCanary, "canary-variable-Zq8"]));
    expect(summary.secrets).not.toContain("us");
  });

  test("non-secret values are shown short, before → after", () => {
    const noteText = note();
    expect(noteText).toContain('`plan`: `"cloudamqp:lemur"` → `"cloudamqp:tiger"`');
    expect(noteText).toContain('`config_vars.WEB_CONCURRENCY`: `"2"` → `"3"`');
  });
});

describe("what counts as sensitive", () => {
  const attributesOf = (change: ReturnType<typeof resourceChange>) =>
    summarizeStack({ stack: "s", plan: plan({ resource_changes: [change] }) }).changes[0].attributes;

  test("a mask marks the value and everything under it; an unmarked sibling shows", () => {
    const attributes = attributesOf(
      resourceChange("heroku_app.App", ["update"], {
        before: herokuApp({ config_vars: { A: "1", B: "2" } }),
        after: herokuApp({ config_vars: { A: "10", B: "20" } }),
        after_sensitive: { config_vars: { B: true } },
      }),
    );
    expect(attributes).toEqual([
      { path: "config_vars.A", sensitive: false, before: '"1"', after: '"10"' },
      { path: "config_vars.B", sensitive: true },
    ]);
  });

  test("a whole value marked true (a sensitive map) hides every entry", () => {
    const attributes = attributesOf(
      resourceChange("heroku_app.App", ["update"], {
        before: herokuApp({ config_vars: { A: "1" } }),
        after: herokuApp({ config_vars: { A: "2" } }),
        before_sensitive: { config_vars: true },
      }),
    );
    expect(attributes).toEqual([{ path: "config_vars.A", sensitive: true }]);
  });

  test.each(["api_key", "DB_PASSWORD", "access_token", "client_secret", "SECRET_KEY", "aws_credentials"])(
    "an attribute or map key named %s is sensitive",
    (name) => {
      const attributes = attributesOf(
        resourceChange("heroku_app.App", ["update"], {
          before: herokuApp({ config_vars: { [name]: "a" }, [name]: "a" }),
          after: herokuApp({ config_vars: { [name]: "b" }, [name]: "b" }),
        }),
      );
      expect(attributes.map((attribute) => attribute.sensitive)).toEqual([true, true]);
    },
  );

  test("a GitLab variable's value is secret, its key (the variable's name) is not", () => {
    const attributes = attributesOf(
      resourceChange("gitlab_project_variable.Var", ["update"], {
        before: { key: "HEROKU_APP_NAME", value: "songlist-staging" },
        after: { key: "HEROKU_APP_NAME_STAGING", value: "songlist-stage" },
      }),
    );
    expect(attributes).toEqual([
      { path: "key", sensitive: false, before: '"HEROKU_APP_NAME"', after: '"HEROKU_APP_NAME_STAGING"' },
      { path: "value", sensitive: true },
    ]);
  });

  test("a `value` attribute of other resources is not taken for a secret", () => {
    const attributes = attributesOf(
      resourceChange("heroku_formation.Web", ["update"], { before: { value: "a" }, after: { value: "b" } }),
    );
    expect(attributes[0].sensitive).toBe(false);
  });
});

describe("isSensitive and collectSecrets, directly", () => {
  const URL = "postgres://user:hunter2@db.example/app";
  const variable = (...path: Array<string | number>) => ({ resourceType: "gitlab_project_variable", path });

  test("a GitLab variable's other attributes are judged like any attribute; only its top-level key is exempt", () => {
    expect(isSensitive(variable("description"), [], URL)).toBe(true);
    expect(isSensitive(variable("description"), [], "plain")).toBe(false);
    expect(isSensitive(variable("key"), [], URL)).toBe(false);
    expect(isSensitive(variable("key", "nested"), [], URL)).toBe(true);
  });

  test("every string of a sensitive list or map is collected, and a URL's password alone too; empty strings are not", () => {
    const secrets = new Set<string>();
    collectSecrets(["one", "", { deep: ["two"] }, 3, null], { path: ["tokens"] }, [], secrets);
    collectSecrets({ LINK: URL, NAME: "songlist" }, { resourceType: "heroku_app", path: ["config_vars"] }, [], secrets);
    expect([...secrets].sort()).toEqual([URL, "hunter2", "one", "two"].sort());
  });
});

describe("redact", () => {
  test("replaces every occurrence, longest secret first", () => {
    expect(redact("key=abcdef and abc and abcdef", ["abc", "abcdef"])).toBe(
      "key=(sensitive) and (sensitive) and (sensitive)",
    );
  });

  test("also replaces the escaped form JSON and Terraform print", () => {
    expect(redact('value = "pa\\"ss\\nword"', ['pa"ss\nword'])).toBe('value = "(sensitive)"');
    expect(redact('raw pa"ss\nword here', ['pa"ss\nword'])).toBe("raw (sensitive) here");
  });

  test("secrets holding regular-expression characters are taken literally", () => {
    expect(redact("a.b a+b (x)", ["a+b", "(x)"])).toBe("a.b (sensitive) (sensitive)");
  });

  test("no secrets, or only empty ones, leave the text alone", () => {
    expect(redact("plain", [])).toBe("plain");
    expect(redact("plain", [""])).toBe("plain");
  });

  test("a summary's secrets redact a log line quoting them", () => {
    const summary = summarizeStack({ stack: "staging", plan: planThroughEveryPath() });
    const log = `Error: ${canary("ci-variable-unmarked", "new")} rejected; ${canary("sensitive-config-var", "old")}`;
    expect(redact(log, summary.secrets)).toBe("Error: (sensitive) rejected; (sensitive)");
  });
});
