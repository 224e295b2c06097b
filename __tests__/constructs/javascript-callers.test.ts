/**
 * Callers in plain JavaScript (or with props read from JSON or YAML) pass what TypeScript would refuse: numbers where
 * strings belong, `null`, unknown enum strings, strings where the library's classes belong. Every such value must end
 * as one entry of the validation report (path, field, value, rule), never as a TypeError and never dropped on its way
 * to Terraform. Each case calls a construct or method through `any`, as JavaScript would.
 */
import { App, TerraformStack } from "cdktf";
import {
  ConfigValue,
  DynoSize,
  FlowProblem,
  FlowProviders,
  FlowValidation,
  GitlabCiVariable,
  GitlabEnvironment,
  GitlabProtectedTag,
  HerokuApp,
  HerokuFormation,
  HerokuPipeline,
  Secret,
  StateBackend,
  describeApp,
} from "../../constructs";
import {
  CONSTRUCTION_RULES,
  EXPECTED_TYPES,
  GENERATED_SECRET_LENGTH_RULE,
  TERRAFORM_VARIABLE_NAME,
  TYPE_RULES,
} from "../../constructs/private/rules";
import { testStack } from "../support/stacks";

/** Anything, as JavaScript passes it. */
type Loose = any;

interface CallerCase {
  readonly call: string;
  readonly build: (stack: TerraformStack, app: App) => void;
  /** The report entry expected: path (relative to the stack), field, value as shown, and rule. */
  readonly path: string;
  readonly field: string;
  readonly value: string;
  readonly rule: string;
  readonly hint?: string;
}

const web = (stack: TerraformStack): Loose => new HerokuApp(stack, "App", { name: "acme-api" });
const newApp = (stack: TerraformStack, props: Loose) => new HerokuApp(stack, "App", props);
const withName = (props: Loose) => ({ name: "acme-api", ...props });

const instance = TYPE_RULES.instance;

const CASES: CallerCase[] = [
  // HerokuApp
  {
    call: "HerokuApp name as a number",
    build: (s) => newApp(s, { name: 42 }),
    path: "App",
    field: "name",
    value: "42",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuApp without a name",
    build: (s) => newApp(s, {}),
    path: "App",
    field: "name",
    value: "undefined",
    rule: TYPE_RULES.required,
  },
  {
    call: "HerokuApp props null",
    build: (s) => newApp(s, null),
    path: "App",
    field: "props",
    value: "null",
    rule: TYPE_RULES.object,
  },
  {
    call: "HerokuApp region as an unknown string",
    build: (s) => newApp(s, withName({ region: "mars" })),
    path: "App",
    field: "region",
    value: '"mars"',
    rule: instance(EXPECTED_TYPES.region),
    hint: 'write HerokuRegion.of("mars")',
  },
  {
    call: "HerokuApp region as a known string",
    build: (s) => newApp(s, withName({ region: "eu" })),
    path: "App",
    field: "region",
    value: '"eu"',
    rule: instance(EXPECTED_TYPES.region),
  },
  {
    call: "HerokuApp build stack as a string",
    build: (s) => newApp(s, withName({ stack: "heroku-24" })),
    path: "App",
    field: "stack",
    value: '"heroku-24"',
    rule: instance(EXPECTED_TYPES.buildStack),
    hint: 'write BuildStack.of("heroku-24")',
  },
  {
    call: "HerokuApp buildpacks as a string",
    build: (s) => newApp(s, withName({ buildpacks: "heroku/python" })),
    path: "App",
    field: "buildpacks",
    value: '"heroku/python"',
    rule: TYPE_RULES.array,
  },
  {
    call: "HerokuApp buildpack as a number",
    build: (s) => newApp(s, withName({ buildpacks: [42] })),
    path: "App",
    field: "buildpacks[0]",
    value: "42",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuApp config null",
    build: (s) => newApp(s, withName({ config: null })),
    path: "App",
    field: "config",
    value: "null",
    rule: TYPE_RULES.object,
  },
  {
    call: "config value a number",
    build: (s) => newApp(s, withName({ config: { WORKERS: 4 } })),
    path: "App",
    field: "config.WORKERS",
    value: "4",
    rule: TYPE_RULES.configValue,
  },
  {
    call: "config value a boolean",
    build: (s) => newApp(s, withName({ config: { DEBUG: true } })),
    path: "App",
    field: "config.DEBUG",
    value: "true",
    rule: TYPE_RULES.configValue,
  },
  {
    call: "config value null",
    build: (s) => newApp(s, withName({ config: { DEBUG: null } })),
    path: "App",
    field: "config.DEBUG",
    value: "null",
    rule: TYPE_RULES.configValue,
  },
  {
    call: "config value undefined",
    build: (s) => newApp(s, withName({ config: { DEBUG: undefined } })),
    path: "App",
    field: "config.DEBUG",
    value: "undefined",
    rule: TYPE_RULES.configValue,
  },
  {
    call: "ConfigValue.fixed of a number",
    build: (s) => newApp(s, withName({ config: { WORKERS: ConfigValue.fixed(4 as Loose) } })),
    path: "App",
    field: "config.WORKERS",
    value: "4",
    rule: TYPE_RULES.string,
  },
  {
    call: "ConfigValue.fromAttribute of null",
    build: (s) => newApp(s, withName({ config: { URL: ConfigValue.fromAttribute(null as Loose) } })),
    path: "App",
    field: "config.URL",
    value: "null",
    rule: TYPE_RULES.string,
  },
  {
    call: "ConfigValue.perEnvironment of a string",
    build: (s) => newApp(s, withName({ config: { MODE: ConfigValue.perEnvironment("staging" as Loose) } })),
    path: "App",
    field: "config.MODE",
    value: '"staging"',
    rule: `${TYPE_RULES.object} (ConfigValue.perEnvironment's values)`,
  },
  {
    call: "ConfigValue.secret of a literal string (hidden)",
    build: (s) => newApp(s, withName({ config: { TOKEN: ConfigValue.secret("hunter2-literal" as Loose) } })),
    path: "App",
    field: "config.TOKEN",
    value: "a string (hidden)",
    rule: instance(EXPECTED_TYPES.secret),
  },
  {
    call: "secrets entry a literal string (hidden)",
    build: (s) => newApp(s, withName({ secrets: { TOKEN: "hunter2-literal" } })),
    path: "App",
    field: "secrets.TOKEN",
    value: "a string (hidden)",
    rule: instance(EXPECTED_TYPES.secret),
  },
  {
    call: "HerokuApp acm as a string",
    build: (s) => newApp(s, withName({ acm: "true" })),
    path: "App",
    field: "acm",
    value: '"true"',
    rule: TYPE_RULES.boolean,
    hint: "write true without quotes",
  },
  {
    call: "HerokuApp team as a number",
    build: (s) => newApp(s, withName({ team: 7 })),
    path: "App",
    field: "team",
    value: "7",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuApp environment as a number",
    build: (s) => newApp(s, withName({ environment: 1 })),
    path: "App",
    field: "environment",
    value: "1",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuApp productionLike as a string",
    build: (s) => newApp(s, withName({ productionLike: "yes" })),
    path: "App",
    field: "productionLike",
    value: '"yes"',
    rule: TYPE_RULES.boolean,
  },
  {
    call: "HerokuApp preventDestroy as a number",
    build: (s) => newApp(s, withName({ preventDestroy: 1 })),
    path: "App",
    field: "preventDestroy",
    value: "1",
    rule: TYPE_RULES.boolean,
  },
  {
    call: "HerokuApp.adopt importId as a number",
    build: (s) => HerokuApp.adopt(s, "App", withName({ importId: 5 })),
    path: "App",
    field: "importId",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuApp.fromName name as a number",
    build: (s) => HerokuApp.fromName(s, "Legacy", 5 as Loose),
    path: "Legacy",
    field: "name",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuApp.fromName environment as a number",
    build: (s) => HerokuApp.fromName(s, "Legacy", "acme", { environment: 5 as Loose }),
    path: "Legacy",
    field: "environment",
    value: "5",
    rule: TYPE_RULES.string,
  },
  // Formation
  {
    call: "addFormation size as a string",
    build: (s) => web(s).addFormation("web", "performance-l"),
    path: "App/Formation-web",
    field: "size",
    value: '"performance-l"',
    rule: instance(EXPECTED_TYPES.dynoSize),
    hint: 'write DynoSize.of("performance-l")',
  },
  {
    call: "addFormation size missing",
    build: (s) => web(s).addFormation("web"),
    path: "App/Formation-web",
    field: "size",
    value: "undefined",
    rule: TYPE_RULES.required,
  },
  {
    call: "DynoSize.of a number",
    build: (s) => web(s).addFormation("web", DynoSize.of(2 as Loose)),
    path: "App/Formation-web",
    field: "size",
    value: "2",
    rule: TYPE_RULES.string,
  },
  {
    call: "addFormation type as a number",
    build: (s) => web(s).addFormation(1, DynoSize.BASIC),
    path: "App/Formation-1",
    field: "type",
    value: "1",
    rule: TYPE_RULES.string,
  },
  {
    call: "addFormation quantity as a string",
    build: (s) => web(s).addFormation("web", DynoSize.STANDARD_1X, "2"),
    path: "App/Formation-web",
    field: "quantity",
    value: '"2"',
    rule: TYPE_RULES.number,
  },
  {
    call: "addFormation quantity not whole",
    build: (s) => web(s).addFormation("web", DynoSize.STANDARD_1X, 1.5),
    path: "App/Formation-web",
    field: "quantity",
    value: "1.5",
    rule: "must be a whole number >= 0",
  },
  {
    call: "HerokuFormation app as a name",
    build: (s) => new HerokuFormation(s, "Web", { app: "acme-api" as Loose, size: DynoSize.BASIC }),
    path: "Web",
    field: "app",
    value: '"acme-api"',
    rule: instance(EXPECTED_TYPES.herokuApp),
  },
  // Postgres, domains, drains
  {
    call: "addPostgres plan as a string",
    build: (s) => web(s).addPostgres("Db", { plan: "heroku-postgresql:essential-0" }),
    path: "App/Db",
    field: "plan",
    value: '"heroku-postgresql:essential-0"',
    rule: instance(EXPECTED_TYPES.postgresPlan),
    hint: 'write PostgresPlan.custom("heroku-postgresql:essential-0")',
  },
  {
    call: "addPostgres attachmentName as a number",
    build: (s) => web(s).addPostgres("Db", { attachmentName: 5 }),
    path: "App/Db",
    field: "attachmentName",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "addPostgres preventDestroy as a string",
    build: (s) => web(s).addPostgres("Db", { preventDestroy: "no" }),
    path: "App/Db",
    field: "preventDestroy",
    value: '"no"',
    rule: TYPE_RULES.boolean,
  },
  {
    call: "addPostgres options as a number",
    build: (s) => web(s).addPostgres("Db", 5),
    path: "App",
    field: "addPostgres() options",
    value: "5",
    rule: TYPE_RULES.object,
  },
  {
    call: "addPostgres id as a number",
    build: (s) => web(s).addPostgres(5),
    path: "App",
    field: "addPostgres() id",
    value: "5",
    rule: TYPE_RULES.id,
  },
  {
    call: "addDomain of a number",
    build: (s) => web(s).addDomain(5),
    path: "App/Domain-5",
    field: "hostname",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "addLogDrain URL as a literal string (hidden)",
    build: (s) => web(s).addLogDrain("Drain", "https://hunter2-literal@logs.example.com"),
    path: "App/Drain",
    field: "url",
    value: "a string (hidden)",
    rule: instance(EXPECTED_TYPES.secret),
  },
  {
    call: "addLogDrain allowUnencrypted as a string",
    build: (s) => web(s).addLogDrain("Drain", Secret.fromVariable(s, "drain_url"), { allowUnencrypted: "yes" }),
    path: "App/Drain",
    field: "allowUnencrypted",
    value: '"yes"',
    rule: TYPE_RULES.boolean,
  },
  // Pipelines
  {
    call: "HerokuPipeline name as a number",
    build: (s) => new HerokuPipeline(s, "Pipeline", { name: 5 as Loose }),
    path: "Pipeline",
    field: "name",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuPipeline teamId as a number",
    build: (s) => new HerokuPipeline(s, "Pipeline", { name: "acme", teamId: 5 as Loose }),
    path: "Pipeline",
    field: "teamId",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuPipeline.fromId of a number",
    build: (s) => HerokuPipeline.fromId(s, "Pipeline", 5 as Loose),
    path: "Pipeline",
    field: "pipelineId",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "HerokuPipeline.fromName of null",
    build: (s) => HerokuPipeline.fromName(s, "Pipeline", null as Loose),
    path: "Pipeline",
    field: "name",
    value: "null",
    rule: TYPE_RULES.string,
  },
  {
    call: "addApp stage as a number",
    build: (s) => new HerokuPipeline(s, "Pipeline", { name: "acme" }).addApp(web(s), 2 as Loose),
    path: "Pipeline/Coupling-App",
    field: "stage",
    value: "2",
    rule: TYPE_RULES.oneOf(["review", "development", "staging", "production"]),
  },
  {
    call: "addApp of an app name",
    build: (s) => new HerokuPipeline(s, "Pipeline", { name: "acme" }).addApp("acme-api" as Loose, "staging"),
    path: "Pipeline/Coupling-App",
    field: "app",
    value: '"acme-api"',
    rule: instance(EXPECTED_TYPES.herokuApp),
  },
  // GitLab
  {
    call: "GitlabEnvironment project as a number",
    build: (s) => new GitlabEnvironment(s, "Env", { project: 42 as Loose, name: "staging" }),
    path: "Env",
    field: "project",
    value: "42",
    rule: TYPE_RULES.string,
  },
  {
    call: "GitlabEnvironment name missing",
    build: (s) => new GitlabEnvironment(s, "Env", { project: "acme/api" } as Loose),
    path: "Env",
    field: "name",
    value: "undefined",
    rule: TYPE_RULES.required,
  },
  {
    call: "GitlabEnvironment tier as a number",
    build: (s) => new GitlabEnvironment(s, "Env", { project: "acme/api", name: "qa", tier: 1 as Loose }),
    path: "Env",
    field: "tier",
    value: "1",
    rule: TYPE_RULES.string,
  },
  {
    call: "GitlabEnvironment externalUrl as a number",
    build: (s) => new GitlabEnvironment(s, "Env", { project: "acme/api", name: "qa", externalUrl: 1 as Loose }),
    path: "Env",
    field: "externalUrl",
    value: "1",
    rule: TYPE_RULES.string,
  },
  {
    call: "GitlabEnvironment stopBeforeDestroy as a string",
    build: (s) =>
      new GitlabEnvironment(s, "Env", { project: "acme/api", name: "qa", stopBeforeDestroy: "false" as Loose }),
    path: "Env",
    field: "stopBeforeDestroy",
    value: '"false"',
    rule: TYPE_RULES.boolean,
  },
  {
    call: "GitlabEnvironment protectedFor unknown",
    build: (s) => new GitlabEnvironment(s, "Env", { project: "acme/api", name: "qa", protectedFor: "owner" as Loose }),
    path: "Env",
    field: "protectedFor",
    value: '"owner"',
    rule: TYPE_RULES.oneOf(["developer", "maintainer"]),
  },
  {
    call: "GitlabProtectedTag project missing",
    build: (s) => new GitlabProtectedTag(s, "Tags", {} as Loose),
    path: "Tags",
    field: "project",
    value: "undefined",
    rule: TYPE_RULES.required,
  },
  {
    call: "GitlabProtectedTag tag as a number",
    build: (s) => new GitlabProtectedTag(s, "Tags", { project: "acme/api", tag: 1 as Loose }),
    path: "Tags",
    field: "tag",
    value: "1",
    rule: TYPE_RULES.string,
  },
  {
    call: "GitlabProtectedTag createAccessLevel unknown",
    build: (s) => new GitlabProtectedTag(s, "Tags", { project: "acme/api", createAccessLevel: "Maintainer" as Loose }),
    path: "Tags",
    field: "createAccessLevel",
    value: '"Maintainer"',
    rule: TYPE_RULES.oneOf(["developer", "maintainer"]),
    hint: 'did you mean "maintainer"?',
  },
  // Secrets and state
  {
    call: "Secret.fromVariable name as a number",
    build: (s) => Secret.fromVariable(s, 5 as Loose),
    path: "",
    field: "Secret.fromVariable name",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "Secret.generate length as a string",
    build: (s) => Secret.generate(s, "key", { length: "48" as Loose }),
    path: "",
    field: "Secret.generate options.length",
    value: '"48"',
    rule: TYPE_RULES.number,
  },
  {
    call: "Secret.generate length 0",
    build: (s) => Secret.generate(s, "key", { length: 0 }),
    path: "",
    field: "Secret.generate options.length",
    value: "0",
    rule: GENERATED_SECRET_LENGTH_RULE,
  },
  {
    call: "Secret.generate length negative",
    build: (s) => Secret.generate(s, "key", { length: -8 }),
    path: "",
    field: "Secret.generate options.length",
    value: "-8",
    rule: GENERATED_SECRET_LENGTH_RULE,
  },
  {
    call: "Secret.generate length not whole",
    build: (s) => Secret.generate(s, "key", { length: 12.5 }),
    path: "",
    field: "Secret.generate options.length",
    value: "12.5",
    rule: TYPE_RULES.integer,
  },
  {
    call: "Secret.generate special as a string",
    build: (s) => Secret.generate(s, "key", { special: "no" as Loose }),
    path: "",
    field: "Secret.generate options.special",
    value: '"no"',
    rule: TYPE_RULES.boolean,
  },
  {
    call: "StateBackend.local directory as a number",
    build: (s) => StateBackend.local(s, { directory: 5 as Loose }),
    path: "",
    field: "StateBackend.local directory",
    value: "5",
    rule: TYPE_RULES.string,
  },
  {
    call: "StateBackend.gitlab apiUrl missing",
    build: (s) => StateBackend.gitlab(s, { project: "acme/api" } as Loose),
    path: "",
    field: "StateBackend.gitlab apiUrl",
    value: "undefined",
    rule: TYPE_RULES.required,
  },
  {
    call: "StateBackend.local on the app",
    build: (_s, app) => StateBackend.local(app as Loose),
    path: "app",
    field: "StateBackend.local() stack",
    value: '"the app"',
    rule: CONSTRUCTION_RULES.notAStack,
  },
  {
    call: "FlowProviders gitlab as a string",
    build: (s) => new FlowProviders(s, "More", { gitlab: "yes" as Loose }),
    path: "More",
    field: "gitlab",
    value: '"yes"',
    rule: TYPE_RULES.boolean,
  },
  // GitlabCiVariable
  {
    call: "GitlabCiVariable key as null",
    build: (s) => new GitlabCiVariable(s, "Var", { project: "acme/api", key: null as Loose, value: "x" }),
    path: "Var",
    field: "key",
    value: "null",
    rule: TYPE_RULES.string,
  },
  {
    call: "GitlabCiVariable value as a number (shown by its type: it may be a credential)",
    build: (s) => new GitlabCiVariable(s, "Var", { project: "acme/api", key: "TOKEN", value: 1234567890 as Loose }),
    path: "Var",
    field: "value",
    value: "a number (hidden)",
    rule: instance("a string or a Secret (Secret.fromVariable, Secret.generate)"),
  },
  {
    call: "GitlabCiVariable protected as a string",
    build: (s) =>
      new GitlabCiVariable(s, "Var", { project: "acme/api", key: "TOKEN", value: "x", protected: "yes" as Loose }),
    path: "Var",
    field: "protected",
    value: '"yes"',
    rule: TYPE_RULES.boolean,
  },
  // describeApp (reported on the first stack it names)
  {
    call: "describeApp processTypes as a string",
    build: (s) => describeApp({ processTypes: "web: npm start" as Loose, stacks: [{ stack: s, apps: [] }] }),
    path: "",
    field: "describeApp processTypes",
    value: '"web: npm start"',
    rule: TYPE_RULES.object,
  },
  {
    call: "describeApp an app without its formation",
    build: (s) => describeApp({ processTypes: {}, stacks: [{ stack: s, apps: [{ name: "acme" } as Loose] }] }),
    path: "",
    field: "describeApp stacks[0].apps[0].formation",
    value: "undefined",
    rule: TYPE_RULES.required,
  },
  {
    call: "describeApp a deploy-key variable that makes no TF_VAR_ name",
    build: (s) =>
      describeApp({ processTypes: {}, stacks: [{ stack: s, apps: [], deployKeyVariables: ["deploy-key"] }] }),
    path: "",
    field: "describeApp stacks[0].deployKeyVariables[0]",
    value: '"deploy-key"',
    rule: TERRAFORM_VARIABLE_NAME.description,
    hint: 'did you mean "deploy_key"?',
  },
];

/** The report entries of an app built by `build`, with paths relative to the test stack (`app` for the app's own). */
function reportOf(build: (stack: TerraformStack, app: App) => void): FlowProblem[] {
  const { app, stack } = testStack();
  build(stack, app);
  return FlowValidation.of(app)
    .problems()
    .map((problem) => ({ ...problem, path: problem.path === "" ? "app" : problem.path.replace(/^test\/?/, "") }));
}

test.each(CASES)("$call: reported, not thrown nor dropped", ({ build, path, field, value, rule, hint }) => {
  let problems: FlowProblem[] = [];
  expect(() => (problems = reportOf(build))).not.toThrow();
  const entry = problems.find((problem) => problem.path === path && problem.field === field);
  expect(entry).toEqual({ path, field, value, rule, hint: hint ?? entry?.hint });
  if (hint !== undefined) expect(entry?.hint).toBe(hint);
});

test("secrets passed as literal strings never appear in the report", () => {
  const hidden = CASES.filter((testCase) => testCase.value.endsWith("(hidden)"));
  expect(hidden.length).toBeGreaterThanOrEqual(3);
  for (const { build } of hidden) expect(JSON.stringify(reportOf(build))).not.toContain("hunter2-literal");
});

test("the same props with the right types report nothing", () => {
  const problems = reportOf((stack) => {
    const api = new HerokuApp(stack, "App", {
      name: "acme-api",
      config: { WORKERS: "4", MODE: ConfigValue.fixed("fast") },
      secrets: { TOKEN: Secret.generate(stack, "token") },
      acm: true,
    });
    api.addFormation("web", DynoSize.of("standard-1x"), 2);
    api.addPostgres("Db", { attachmentName: "DATABASE" });
    api.addLogDrain("Drain", Secret.fromVariable(stack, "drain_url"));
    new HerokuPipeline(stack, "Pipeline", { name: "acme" }).addApp(api, "staging");
    new GitlabEnvironment(stack, "Env", { project: "acme/api", name: "qa", protectedFor: "maintainer" });
    new GitlabProtectedTag(stack, "Tags", { project: "acme/api", createAccessLevel: "maintainer" });
    StateBackend.local(stack, { directory: "state" });
  });
  expect(problems).toEqual([]);
});

test("describeApp naming no stack says so in one line on stderr and sets exit code 1, without a stack trace", () => {
  const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
  const exitCode = process.exitCode;
  try {
    expect(() => describeApp(undefined as Loose)).not.toThrow();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(errors.mock.calls[0][0]).toMatch(/^describeApp: stacks undefined must be an array of \{ stack, apps \}/);
    expect(process.exitCode).toBe(1);
  } finally {
    process.exitCode = exitCode;
    errors.mockRestore();
  }
});
