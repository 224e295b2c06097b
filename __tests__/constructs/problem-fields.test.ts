// Each construct's problem report names the field it checked: one bad value per field, and the report's exact first
// line (construct path, field, value, rule). A mutation run found these names untested: a report that says
// `: "x" must …` without the field would have passed (docs/mutation-testing.md).
import { TerraformStack, TerraformVariable } from "cdktf";
import {
  GitlabEnvironment,
  GitlabEnvironmentTier,
  HerokuApp,
  HerokuPipeline,
  Secret,
  StateBackend,
} from "../../constructs";
import * as rules from "../../constructs/private/rules";
import { problemsOf, testStack } from "../support/stacks";

interface FieldCase {
  readonly field: string;
  readonly build: (stack: TerraformStack) => void;
  /** The report's line for the problem: `[path] field: value rule`. */
  readonly line: string;
}

const app = (stack: TerraformStack) => new HerokuApp(stack, "App", { name: "acme-api" });

const CASES: FieldCase[] = [
  {
    field: "HerokuPostgres attachmentName",
    build: (stack) => app(stack).addPostgres("Db", { attachmentName: "analytics-db" }),
    line: `[test/App/Db] attachmentName: "analytics-db" ${rules.ATTACHMENT_NAME.description}`,
  },
  {
    field: "HerokuApp team",
    build: (stack) => new HerokuApp(stack, "App", { name: "acme-api", team: "Acme Team" }),
    line: `[test/App] team: "Acme Team" ${rules.TEAM_NAME.description}`,
  },
  {
    field: "HerokuApp buildpacks",
    build: (stack) => new HerokuApp(stack, "App", { name: "acme-api", buildpacks: ["nodejs"] }),
    line: `[test/App] buildpacks: "nodejs" ${rules.BUILDPACK.description}`,
  },
  {
    field: "HerokuApp.fromName name",
    build: (stack) => HerokuApp.fromName(stack, "Existing", "Acme_API"),
    line: `[test/Existing] name: "Acme_API" ${rules.APP_NAME.description}`,
  },
  {
    field: "HerokuPipeline teamId",
    build: (stack) => new HerokuPipeline(stack, "Pipeline", { name: "acme", teamId: "acme-team" }),
    line: `[test/Pipeline] teamId: "acme-team" ${rules.UUID.description}`,
  },
  {
    field: "HerokuPipeline.fromName name",
    build: (stack) => HerokuPipeline.fromName(stack, "Existing", "Acme Pipeline"),
    line: `[test/Existing] name: "Acme Pipeline" ${rules.PIPELINE_NAME.description}`,
  },
  {
    field: "GitlabEnvironment tier",
    build: (stack) =>
      new GitlabEnvironment(stack, "Env", {
        project: "acme/api",
        name: "staging",
        tier: "prod" as GitlabEnvironmentTier,
      }),
    line: `[test/Env] tier: "prod" ${rules.GITLAB_TIER.description}`,
  },
  {
    field: "GitlabEnvironment externalUrl",
    build: (stack) =>
      new GitlabEnvironment(stack, "Env", { project: "acme/api", name: "staging", externalUrl: "acme.dev" }),
    line: `[test/Env] externalUrl: "acme.dev" ${rules.HTTP_URL.description}`,
  },
  {
    field: "StateBackend.gitlab stateName",
    build: (stack) =>
      StateBackend.gitlab(stack, { apiUrl: "https://gitlab.example/api/v4", project: "acme/api", stateName: "a/b" }),
    line: `[test] StateBackend.gitlab stateName: "a/b" ${rules.STATE_NAME.description}`,
  },
  {
    field: "StateBackend.gitlab project",
    build: (stack) => StateBackend.gitlab(stack, { apiUrl: "https://gitlab.example/api/v4", project: "api" }),
    line: `[test] StateBackend.gitlab project: "api" ${rules.GITLAB_PROJECT.description}`,
  },
];

test.each(CASES)("$field", ({ build, line }) => {
  const { app: cdktfApp, stack } = testStack();
  build(stack);
  const lines = problemsOf(cdktfApp)
    .split("\n")
    .map((text) => text.trim());
  expect(lines).toContain(line);
});

describe("one app name, several apps", () => {
  const duplicateReports = (names: string[]) => {
    const { app: cdktfApp, stack } = testStack();
    names.forEach((name, index) => new HerokuApp(stack, `App${index + 1}`, { name }));
    return problemsOf(cdktfApp)
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.includes("is also the name"));
  };

  test("each later app is reported once, naming the first; the first is not reported", () => {
    const rule = "is also the name of the app at test/App1; Heroku app names are unique across Heroku";
    expect(duplicateReports(["acme-api", "acme-api", "acme-web", "acme-api"])).toEqual([
      `[test/App2] name: "acme-api" ${rule}`,
      `[test/App4] name: "acme-api" ${rule}`,
    ]);
  });

  test("names only Terraform knows (tokens) are not compared", () => {
    const { app: cdktfApp, stack } = testStack();
    const name = new TerraformVariable(stack, "app_name", { type: "string" }).stringValue;
    new HerokuApp(stack, "App1", { name });
    new HerokuApp(stack, "App2", { name });
    expect(problemsOf(cdktfApp)).toBe("");
  });
});

describe("a config var an attached database sets", () => {
  const report = [
    '[test/App/Postgres] app config: "DATABASE_URL" is set by this Heroku Postgres add-on (heroku-postgresql:essential-0, ' +
      "attachment DATABASE); declared on the app too, every plan would set it back and print the database URL",
    "hint: remove DATABASE_URL from the app's config and secrets: Heroku sets it, the app reads it from the environment",
  ];

  test("is a problem when the app declares it as a secret", () => {
    const { app: cdktfApp, stack } = testStack();
    const secret = Secret.fromVariable(stack, "database_url");
    new HerokuApp(stack, "App", { name: "acme-api", secrets: { DATABASE_URL: secret } }).addPostgres();
    const lines = problemsOf(cdktfApp)
      .split("\n")
      .map((line) => line.trim());
    expect(lines).toEqual(expect.arrayContaining(report));
  });

  test("is not checked on an app Terraform does not manage", () => {
    const { app: cdktfApp, stack } = testStack();
    HerokuApp.fromName(stack, "Existing", "acme-api").addPostgres();
    expect(problemsOf(cdktfApp)).toBe("");
  });
});
