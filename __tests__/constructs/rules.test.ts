import { TerraformStack } from "cdktf";
import {
  BuildStack,
  DynoSize,
  FlowProviders,
  GitlabCiVariable,
  GitlabEnvironment,
  GitlabProtectedTag,
  HerokuApp,
  PostgresPlan,
  Secret,
} from "../../constructs";
import { problemsOf, resourcesOf, synthesize, testStack } from "../support/stacks";

/**
 * One case per kind of bad input: a construct built with the rejected value must fail synth with field, value, rule
 * and hint; built with the nearest valid value it must pass. Each case goes through the construct itself.
 */
interface RuleCase {
  readonly rule: string;
  readonly build: (stack: TerraformStack, value: string) => void;
  readonly rejected: string;
  readonly accepted: string;
  /** What the report must say about the rejected value (path, field, value, rule, hint). */
  readonly report: RegExp;
}

const app = (stack: TerraformStack) => new HerokuApp(stack, "App", { name: "acme-api" });
const variable = (stack: TerraformStack, options: Partial<ConstructorParameters<typeof GitlabCiVariable>[2]>) =>
  new GitlabCiVariable(stack, "Var", { project: "acme/api", key: "TOKEN", value: "x", ...options });

const cases: RuleCase[] = [
  {
    rule: "retired Postgres plan written in full",
    build: (stack, plan) => app(stack).addPostgres("Db", { plan: PostgresPlan.custom(plan) }),
    rejected: "heroku-postgresql:hobby-dev",
    accepted: "heroku-postgresql:essential-0",
    report:
      /\[test\/App\/Db\] plan: "heroku-postgresql:hobby-dev" must be a current heroku-postgresql:<plan>.*\n +hint: hobby-dev was retired .*PostgresPlan\.ESSENTIAL_0/,
  },
  {
    rule: "retired Postgres plan mini",
    build: (stack, plan) => app(stack).addPostgres("Db", { plan: PostgresPlan.custom(plan) }),
    rejected: "heroku-postgresql:mini",
    accepted: "heroku-postgresql:essential-1",
    report: /plan: "heroku-postgresql:mini" .*\n +hint: mini was retired in May 2024: use PostgresPlan\.ESSENTIAL_0/,
  },
  {
    rule: "retired build stack",
    build: (stack, name) => new HerokuApp(stack, "App", { name: "acme-api", stack: BuildStack.of(name) }),
    rejected: "heroku-20",
    accepted: "heroku-22",
    report:
      /\[test\/App\] stack: "heroku-20" must be a current Heroku stack.*\n +hint: heroku-20 was retired in 2025: use BuildStack\.HEROKU_24/,
  },
  {
    rule: "process type case",
    build: (stack, type) => app(stack).addFormation(type, DynoSize.BASIC),
    rejected: "Web",
    accepted: "web",
    report: /\[test\/App\/Formation-Web\] type: "Web" must match .*lowercase.*\n +hint: did you mean "web"\?/,
  },
  {
    rule: "retired dyno size points to its successor",
    build: (stack, size) => app(stack).addFormation("web", DynoSize.of(size)),
    rejected: "hobby",
    accepted: "basic",
    report:
      /size: "hobby" must be a Heroku Common Runtime dyno size\n +hint: hobby dynos were retired on 2022-11-28: use basic \(DynoSize\.BASIC\)$/m,
  },
  {
    rule: "Private Space dyno size on a Common Runtime app",
    build: (stack, size) => app(stack).addFormation("web", DynoSize.of(size)),
    rejected: "private-s",
    accepted: "standard-2x",
    report:
      /size: "private-s" must be a Heroku Common Runtime dyno size\n +hint: private-s dynos run only in a Private Space, .*Common Runtime sizes: eco, basic, standard-1x/,
  },
  {
    rule: "app name one character too long",
    build: (stack, name) => new HerokuApp(stack, "App", { name }),
    rejected: "acme-api-0123456789-01234567890",
    accepted: "acme-api-0123456789-0123456789",
    report: /\[test\/App\] name: "acme-api-0123456789-01234567890" must match \^\[a-z\]\[a-z0-9-\]\{1,28\}/,
  },
  {
    rule: "custom domain that is not a hostname",
    build: (stack, hostname) => app(stack).addDomain(hostname),
    rejected: "https://api.acme.dev/",
    accepted: "api.acme.dev",
    report:
      /hostname: "https:\/\/api\.acme\.dev\/" must be a lowercase DNS hostname.*\n +hint: did you mean "api\.acme\.dev"\?/,
  },
  {
    rule: "literal masked value outside the expanded (non-raw) masking alphabet",
    build: (stack, value) => variable(stack, { value, masked: true }),
    rejected: "pa$$word!#",
    accepted: "pa55word+/",
    report: /\[test\/Var\] value: .*cannot be masked: GitLab requires at least 8 characters from the Base64 alphabet/,
  },
  {
    rule: "literal masked value with whitespace, even when raw",
    build: (stack, value) => variable(stack, { value, masked: true, raw: true }),
    rejected: "pa$$ word!#",
    accepted: "pa$$word!#",
    report: /\[test\/Var\] value: .*cannot be masked: GitLab requires at least 8 characters and no whitespace for raw/,
  },
  {
    rule: "GitLab environment name with a leading slash",
    build: (stack, name) => new GitlabEnvironment(stack, "Env", { project: "acme/api", name }),
    rejected: "/review/42",
    accepted: "review/42",
    report:
      /\[test\/Env\] name: "\/review\/42" must be .*not start or end with \/.*\n +hint: did you mean "review\/42"\?/,
  },
  {
    rule: "GitLab environment name with a trailing slash",
    build: (stack, name) => new GitlabEnvironment(stack, "Env", { project: "acme/api", name }),
    rejected: "review/",
    accepted: "review",
    report: /name: "review\/" must be/,
  },
  {
    rule: "GitLab environment name with a character outside GitLab's rule",
    build: (stack, name) => new GitlabEnvironment(stack, "Env", { project: "acme/api", name }),
    rejected: "review:42",
    accepted: "review-42",
    report: /name: "review:42" must be 1-255 letters, digits, spaces and - _ \/ \$ \{ \} \./,
  },
  {
    rule: "GitLab project that is a bare name",
    build: (stack, project) => new GitlabProtectedTag(stack, "Tags", { project }),
    rejected: "api",
    accepted: "acme/api",
    report:
      /\[test\/Tags\] project: "api" must be the project's numeric id .*\n +hint: give the path with its namespace, e.g\. acme\/api/,
  },
  {
    rule: "GitLab project given as a URL",
    build: (stack, project) => new GitlabEnvironment(stack, "Env", { project, name: "staging" }),
    rejected: "https://gitlab.com/acme/api.git",
    accepted: "acme/api",
    report: /project: "https:\/\/gitlab\.com\/acme\/api\.git" must be .*\n +hint: did you mean "acme\/api"\?/,
  },
  {
    rule: "GitLab project that is empty",
    build: (stack, project) => variable(stack, { project }),
    rejected: "",
    accepted: "42",
    report: /\[test\/Var\] project: "" must be the project's numeric id/,
  },
  {
    rule: "two apps with one name in one app (across stacks)",
    build: (stack, name) => {
      new HerokuApp(stack, "First", { name: "acme-api" });
      const other = new TerraformStack(stack.node.scope!, "other");
      new FlowProviders(other, "Providers");
      new HerokuApp(other, "Second", { name });
    },
    rejected: "acme-api",
    accepted: "acme-api-2",
    report:
      /\[other\/Second\] name: "acme-api" is also the name of the app at test\/First; Heroku app names are unique.*\n +hint: give each app its own name/,
  },
  {
    rule: "generated secret too short to be masked",
    build: (stack, length) =>
      variable(stack, { value: Secret.generate(stack, "token", { length: Number(length) }), masked: true }),
    rejected: "6",
    accepted: "8",
    report:
      /\[test\/Var\] value: \(generated, 6 characters\) cannot be masked: GitLab requires at least 8 characters.*\n +hint: generate at least 8/,
  },
  {
    rule: "generated secret with punctuation under the expanded masking rule",
    build: (stack, special) =>
      variable(stack, { value: Secret.generate(stack, "token", { special: special === "true" }), masked: true }),
    rejected: "true",
    accepted: "false",
    report: /value: \(generated, 48 characters with punctuation\) cannot always be masked/,
  },
  {
    rule: "config var an attached add-on sets",
    build: (stack, key) => {
      const api = new HerokuApp(stack, "App", { name: "acme-api", config: { [key]: "postgres://u:p@h/db" } });
      api.addPostgres();
    },
    rejected: "DATABASE_URL",
    accepted: "REPORTING_DATABASE_URL",
    report:
      /\[test\/App\/Postgres\] app config: "DATABASE_URL" is set by this Heroku Postgres add-on \(heroku-postgresql:essential-0, attachment DATABASE\).*\n +hint: remove DATABASE_URL from the app's config/,
  },
  {
    rule: "secret variable name",
    build: (stack, name) =>
      new HerokuApp(stack, "App", { name: "acme-api", secrets: { KEY: Secret.fromVariable(stack, name) } }),
    rejected: "deploy-key",
    accepted: "deploy_key",
    report:
      /\[test\] Secret\.fromVariable name: "deploy-key" must match .*TF_VAR_<name>.*\n +hint: did you mean "deploy_key"\?/,
  },
];

describe.each(cases)("rule: $rule", ({ build, rejected, accepted, report }) => {
  test(`rejects ${JSON.stringify(rejected)} with field, value, rule and hint`, () => {
    const { app: root, stack } = testStack();
    build(stack, rejected);
    expect(problemsOf(root)).toMatch(report);
  });

  test(`accepts ${JSON.stringify(accepted)}`, () => {
    const { app: root, stack } = testStack();
    build(stack, accepted);
    expect(problemsOf(root)).toBe("");
  });
});

describe("production-likeness", () => {
  test("an environment named Production (any case) is production-like: the app and its database get prevent_destroy", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "acme-api", environment: "Production" }).addPostgres();
    new GitlabEnvironment(stack, "Env", { project: "acme/api", name: "Production" });
    const config = synthesize(stack);
    expect(resourcesOf(config, "heroku_app")[0].lifecycle).toEqual({ prevent_destroy: true });
    expect(resourcesOf(config, "heroku_addon")[0].lifecycle).toEqual({ prevent_destroy: true });
    expect(resourcesOf(config, "gitlab_project_environment")[0].tier).toBe("production");
  });

  test("an environment named production-eu is not production-like by its name alone", () => {
    const { stack } = testStack();
    new HerokuApp(stack, "App", { name: "acme-api", environment: "production-eu" }).addPostgres();
    const config = synthesize(stack);
    expect(resourcesOf(config, "heroku_app")[0]).not.toHaveProperty("lifecycle");
    expect(resourcesOf(config, "heroku_addon")[0]).not.toHaveProperty("lifecycle");
  });
});

describe("duplicate ids say which method was called twice and what to do", () => {
  test("addPostgres() twice", () => {
    const { app: root, stack } = testStack();
    const api = app(stack);
    api.addPostgres();
    api.addPostgres();
    expect(problemsOf(root)).toMatch(
      /\[test\/App\] addPostgres\(\): "Postgres" was called twice with the same id on test\/App\n +hint: give each database its own id and attachment name, e\.g\. addPostgres\("Analytics", \{ attachmentName: "ANALYTICS" \}\)/,
    );
  });

  test("addFormation() twice for one process type, addDomain() twice, addVariable() twice", () => {
    const { app: root, stack } = testStack();
    const api = app(stack);
    api.addFormation("web", DynoSize.BASIC);
    api.addFormation("web", DynoSize.STANDARD_1X, 2);
    api.addDomain("api.acme.dev");
    api.addDomain("api.acme.dev");
    const env = new GitlabEnvironment(stack, "Env", { project: "acme/api", name: "staging" });
    env.addVariable("HEROKU_APP_NAME", "acme-api");
    env.addVariable("HEROKU_APP_NAME", "acme-api");
    const message = problemsOf(root);
    expect(message).toMatch(
      /addFormation\(\): "Formation-web" was called twice .*\n +hint: call addFormation\("web", …\) once/,
    );
    expect(message).toMatch(/addDomain\(\): "Domain-api\.acme\.dev" was called twice/);
    expect(message).toMatch(/\[test\/Env\] addVariable\(\): "Variable-HEROKU_APP_NAME" was called twice/);
    expect(message).not.toMatch(/There is already a Construct/);
  });
});
