/**
 * Twice the same thing: every public method or factory that creates a child with an id, called a second time with the
 * same id (or name, or hostname), is one report entry naming the method, never the constructs library's "There is
 * already a Construct with name …" thrown with a stack trace. So are secrets declared on the app, which has no stack.
 */
import { App, TerraformStack } from "cdktf";
import {
  ConfigValue,
  DynoSize,
  FlowProblem,
  FlowValidation,
  GitlabEnvironment,
  HerokuApp,
  HerokuFormation,
  HerokuPipeline,
  Secret,
  StateBackend,
} from "../../constructs";
import { CONSTRUCTION_RULES } from "../../constructs/private/rules";
import { synthesize, testStack } from "../support/stacks";

interface TwiceCase {
  readonly method: string;
  readonly build: (stack: TerraformStack, app: App) => void;
  /** The rule of the entry, when it is not childIdFor's "was called twice …". */
  readonly rule?: string | RegExp;
}

const api = (stack: TerraformStack) => new HerokuApp(stack, "App", { name: "acme-api" });
const PIPELINE_ID = "01234567-89ab-cdef-0123-456789abcdef";
const twice = (call: () => unknown) => [call(), call()];

const CASES: TwiceCase[] = [
  {
    method: "addPostgres()",
    build: (s) =>
      twice(
        (
          (app) => () =>
            app.addPostgres()
        )(api(s)),
      ),
  },
  {
    method: "addFormation()",
    build: (s) =>
      twice(
        (
          (app) => () =>
            app.addFormation("web", DynoSize.BASIC)
        )(api(s)),
      ),
  },
  {
    method: "addDomain()",
    build: (s) =>
      twice(
        (
          (app) => () =>
            app.addDomain("api.acme.dev")
        )(api(s)),
      ),
  },
  {
    method: "addLogDrain()",
    build: (s) => {
      const app = api(s);
      const url = Secret.fromVariable(s, "drain_url");
      twice(() => app.addLogDrain("Drain", url));
    },
  },
  {
    method: "addApp()",
    build: (s) => {
      const pipeline = new HerokuPipeline(s, "Pipeline", { name: "acme" });
      const app = api(s);
      twice(() => pipeline.addApp(app, "staging"));
    },
  },
  {
    method: "addVariable()",
    build: (s) => {
      const environment = new GitlabEnvironment(s, "Env", { project: "acme/api", name: "staging" });
      twice(() => environment.addVariable("HEROKU_APP_NAME", "acme-api"));
    },
  },
  { method: "Secret.fromVariable()", build: (s) => twice(() => Secret.fromVariable(s, "api_token")) },
  {
    method: "Secret.fromVariable()",
    build: (s) => [Secret.fromVariable(s, "api_token"), Secret.fromVariable(api(s), "api_token")],
    rule: CONSTRUCTION_RULES.variableDeclaredTwice("test/api_token"),
  },
  { method: "Secret.generate()", build: (s) => twice(() => Secret.generate(s, "secret_key")) },
  {
    // A list of generated secrets whose keys differ in case only: their ids are one id once lowercased.
    method: "Secret.generate()",
    build: (s) => ["SECRET_KEY", "secret_key"].map((key) => Secret.generate(s, key.toLowerCase())),
  },
  { method: "HerokuApp.fromName()", build: (s) => twice(() => HerokuApp.fromName(s, "Legacy", "acme-legacy")) },
  { method: "HerokuApp.adopt()", build: (s) => twice(() => HerokuApp.adopt(s, "Legacy", { name: "acme-legacy" })) },
  { method: "HerokuPipeline.fromId()", build: (s) => twice(() => HerokuPipeline.fromId(s, "Pipeline", PIPELINE_ID)) },
  { method: "HerokuPipeline.fromName()", build: (s) => twice(() => HerokuPipeline.fromName(s, "Pipeline", "acme")) },
  {
    method: "StateBackend.local()",
    build: (s) => twice(() => StateBackend.local(s)),
    rule: /already has a local backend/,
  },
  {
    method: "StateBackend.local()",
    build: (s) => {
      StateBackend.gitlab(s, { apiUrl: "https://gitlab.example.com/api/v4", project: "acme/api" });
      StateBackend.local(s);
    },
    rule: CONSTRUCTION_RULES.backendTwice("http"),
  },
  {
    method: "StateBackend.gitlab()",
    build: (s) => {
      StateBackend.local(s);
      StateBackend.gitlab(s, { apiUrl: "https://gitlab.example.com/api/v4", project: "acme/api" });
    },
    rule: CONSTRUCTION_RULES.backendTwice("local"),
  },
  {
    method: "Secret.fromVariable()",
    build: (_s, app) =>
      new HerokuApp(_s, "App", {
        name: "acme-api",
        config: { TOKEN: ConfigValue.secret(Secret.fromVariable(app, "api_token")) },
      }),
    rule: CONSTRUCTION_RULES.noStack,
  },
  {
    method: "Secret.generate()",
    build: (_s, app) => Secret.generate(app, "secret_key"),
    rule: CONSTRUCTION_RULES.noStack,
  },
];

function reportOf(build: (stack: TerraformStack, app: App) => void): FlowProblem[] {
  const { app, stack } = testStack();
  build(stack, app);
  return FlowValidation.of(app).problems();
}

test.each(CASES)("$method twice: one entry naming the method, nothing thrown", ({ method, build, rule }) => {
  let problems: FlowProblem[] = [];
  expect(() => (problems = reportOf(build))).not.toThrow();
  const entries = problems.filter((problem) => problem.field === method);
  expect(entries).toHaveLength(1);
  expect(entries[0].rule).toMatch(rule ?? /^was called twice with the same id on /);
  expect(JSON.stringify(problems)).not.toMatch(/There is already a Construct|No stack could be identified/);
});

test("once each, the same calls report nothing and synthesize one of each", () => {
  const { app, stack } = testStack();
  const web = api(stack);
  web.addPostgres();
  web.addFormation("web", DynoSize.BASIC);
  web.addDomain("api.acme.dev");
  web.addLogDrain("Drain", Secret.fromVariable(stack, "drain_url"));
  Secret.generate(stack, "secret_key");
  StateBackend.local(stack);
  expect(FlowValidation.of(app).problems()).toEqual([]);
  const config = synthesize(stack);
  for (const type of ["heroku_addon", "heroku_formation", "heroku_domain", "heroku_drain", "random_password"]) {
    expect(Object.keys(config.resource[type])).toHaveLength(1);
  }
  expect(Object.keys(config.terraform.backend)).toEqual(["local"]);
});

describe("two formations of one process type", () => {
  test("made apart (not by addFormation twice) are reported once, on the later one", () => {
    const { app, stack } = testStack();
    const web = api(stack);
    new HerokuFormation(stack, "Web", { app: web, size: DynoSize.STANDARD_1X });
    new HerokuFormation(stack, "MoreWeb", { app: web, type: "web", size: DynoSize.STANDARD_1X, quantity: 3 });
    const entries = FlowValidation.of(app)
      .problems()
      .filter((problem) => problem.field === "type");
    expect(entries).toEqual([
      expect.objectContaining({
        path: "test/MoreWeb",
        value: '"web"',
        rule: expect.stringMatching(/^is also scaled by the formation at test\/Web;/),
      }),
    ]);
  });

  test("of two apps, or of two process types, are fine", () => {
    const { app, stack } = testStack();
    const web = api(stack);
    const other = new HerokuApp(stack, "Other", { name: "acme-other" });
    web.addFormation("web", DynoSize.STANDARD_1X);
    web.addFormation("worker", DynoSize.STANDARD_1X);
    other.addFormation("web", DynoSize.STANDARD_1X);
    expect(FlowValidation.of(app).problems()).toEqual([]);
  });
});
