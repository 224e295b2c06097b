// HerokuFlow called from plain JavaScript (or with a topology read from JSON): every field of the wrong type, unknown
// enum string or missing field is one entry of the report, with its field path, never a TypeError, never dropped.
import { BuildStack, DynoSize, FlowValidation, HerokuFlow, HerokuRegion, PostgresPlan } from "../../constructs";
import { EXPECTED_TYPES, TYPE_RULES } from "../../constructs/private/rules";
import { resourcesOf, synthesize, testApp } from "../support/stacks";

/** A valid topology as a plain object, every optional field set, for the cases to break one field of. */
function topology(): any {
  return {
    pipelineName: "acme",
    region: HerokuRegion.EU,
    gitlabProject: "acme/api",
    releaseTag: "v*",
    sharedConfig: { LOG_LEVEL: "info" },
    generatedSecrets: ["SECRET_KEY"],
    processTypes: { web: "npm start", worker: "node worker.js" },
    environments: [
      {
        name: "staging",
        appName: "acme-staging",
        stage: "staging",
        postgres: PostgresPlan.ESSENTIAL_0,
        formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
      },
      {
        name: "production",
        appName: "acme",
        stage: "production",
        region: HerokuRegion.US,
        stack: BuildStack.HEROKU_24,
        postgres: PostgresPlan.STANDARD_0,
        formation: {
          web: { size: DynoSize.STANDARD_1X, quantity: 2 },
          worker: { size: DynoSize.STANDARD_1X, quantity: 1 },
        },
        config: { MODE: "production" },
        productionLike: true,
        gitlab: { protectedVariables: true, protectedFor: "maintainer" },
      },
    ],
    review: {
      appNamePrefix: "acme-review",
      postgres: PostgresPlan.ESSENTIAL_0,
      formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
      autoStopIn: "3 days",
    },
  };
}

/** The report of a flow built from `config` with `options`; the construction itself must not throw. */
function problemsOf(config: unknown, options?: unknown, env: NodeJS.ProcessEnv = {}) {
  const app = testApp();
  let flow: HerokuFlow | undefined;
  expect(() => {
    flow = new HerokuFlow(app, config as any, (options ?? { env }) as any);
  }).not.toThrow();
  return { problems: FlowValidation.of(app).problems(), flow: flow!, app };
}

/** The topology with one change made by `change`. */
function with_(change: (t: any) => void): any {
  const t = topology();
  change(t);
  return t;
}

const instance = TYPE_RULES.instance;

describe("accepted", () => {
  test("the topology with every optional field set is valid, and every field reaches the stacks", () => {
    const { problems, flow, app } = problemsOf(topology(), { env: { HEROKU_FLOW_REVIEW_ID: "7" } });
    expect(problems).toEqual([]);
    const production = synthesize(flow.environments[1]);
    expect(resourcesOf(production, "heroku_app")[0]).toMatchObject({
      name: "acme",
      region: "us",
      stack: "heroku-24",
      config_vars: { LOG_LEVEL: "info", MODE: "production" },
    });
    expect(resourcesOf(production, "heroku_formation").map((f) => [f.type, f.size, f.quantity])).toEqual([
      ["web", "standard-1x", 2],
      ["worker", "standard-1x", 1],
    ]);
    expect(resourcesOf(synthesize(flow.reviewApps[0]), "heroku_addon")[0].plan).toBe("heroku-postgresql:essential-0");
    expect(app.node.tryFindChild("review-7")).toBeDefined();
  });

  test("optional fields may be left out", () => {
    const minimal = with_((t) => {
      delete t.processTypes;
      delete t.review.autoStopIn;
      t.environments = [t.environments[0]];
    });
    expect(problemsOf(minimal, { procfile: "/nonexistent/Procfile" }).problems).toEqual([]);
  });
});

// [case, change, field, value as shown, rule, hint (when the case is about it)]
const refused: Array<[string, (t: any) => void, string, string, string, string?]> = [
  // Strings where an enum-like class belongs: a hint names the constant, or says why the name is unknown.
  [
    'region "usa"',
    (t) => (t.region = "usa"),
    "region",
    '"usa"',
    instance(EXPECTED_TYPES.region),
    "did you mean HerokuRegion.US?",
  ],
  [
    'region "eu" as a string',
    (t) => (t.environments[1].region = "eu"),
    "environments[1].region",
    '"eu"',
    instance(EXPECTED_TYPES.region),
    "write HerokuRegion.EU",
  ],
  [
    'postgres plan "hobby-dev"',
    (t) => (t.environments[0].postgres = "hobby-dev"),
    "environments[0].postgres",
    '"hobby-dev"',
    instance(EXPECTED_TYPES.postgresPlan),
    "hobby-dev was retired in 2022-11-28 (end of free plans): use PostgresPlan.ESSENTIAL_0 (heroku-postgresql:essential-0)",
  ],
  [
    'postgres plan "postgres-big"',
    (t) => (t.environments[1].postgres = "postgres-big"),
    "environments[1].postgres",
    '"postgres-big"',
    instance(EXPECTED_TYPES.postgresPlan),
  ],
  [
    'postgres plan "standard-0" as a string',
    (t) => (t.environments[1].postgres = "standard-0"),
    "environments[1].postgres",
    '"standard-0"',
    instance(EXPECTED_TYPES.postgresPlan),
    "write PostgresPlan.STANDARD_0",
  ],
  [
    'dyno size "huge"',
    (t) => (t.environments[1].formation.web.size = "huge"),
    "environments[1].formation.web.size",
    '"huge"',
    instance(EXPECTED_TYPES.dynoSize),
  ],
  [
    'dyno size "Standard-1X" as a string',
    (t) => (t.environments[1].formation.web.size = "Standard-1X"),
    "environments[1].formation.web.size",
    '"Standard-1X"',
    instance(EXPECTED_TYPES.dynoSize),
    "write DynoSize.STANDARD_1X",
  ],
  [
    'stack "heroku-99"',
    (t) => (t.environments[1].stack = "heroku-99"),
    "environments[1].stack",
    '"heroku-99"',
    instance(EXPECTED_TYPES.buildStack),
  ],
  // Unknown strings of the string-typed enums: the rule, with what was meant.
  [
    'stage "prod"',
    (t) => (t.environments[1].stage = "prod"),
    "environments[1].stage",
    '"prod"',
    "must be one of review, development, staging, production",
    'did you mean "production"?',
  ],
  [
    'stage "stg"',
    (t) => (t.environments[0].stage = "stg"),
    "environments[0].stage",
    '"stg"',
    "must be one of review, development, staging, production",
    'did you mean "staging"?',
  ],
  [
    'stage "stage"',
    (t) => (t.environments[0].stage = "stage"),
    "environments[0].stage",
    '"stage"',
    "must be one of review, development, staging, production",
    'did you mean "staging"?',
  ],
  [
    'stage "Production"',
    (t) => (t.environments[1].stage = "Production"),
    "environments[1].stage",
    '"Production"',
    "must be one of review, development, staging, production",
    'did you mean "production"?',
  ],
  [
    'protectedFor "owner"',
    (t) => (t.environments[1].gitlab.protectedFor = "owner"),
    "environments[1].gitlab.protectedFor",
    '"owner"',
    "must be one of developer, maintainer",
  ],
  // Missing fields: a TypeError (formation) or a silent default (postgres) before.
  [
    "a missing formation",
    (t) => delete t.environments[0].formation,
    "environments[0].formation",
    "undefined",
    TYPE_RULES.required,
  ],
  [
    "a missing postgres",
    (t) => delete t.environments[0].postgres,
    "environments[0].postgres",
    "undefined",
    TYPE_RULES.required,
  ],
  ["a missing stage", (t) => delete t.environments[1].stage, "environments[1].stage", "undefined", TYPE_RULES.required],
  ["a null review (no review apps is no review)", (t) => (t.review = null), "review", "null", TYPE_RULES.object],
  // Wrong types.
  [
    "null postgres",
    (t) => (t.environments[1].postgres = null),
    "environments[1].postgres",
    "null",
    instance(EXPECTED_TYPES.postgresPlan),
  ],
  ["a number for the name", (t) => (t.environments[0].name = 42), "environments[0].name", "42", TYPE_RULES.string],
  [
    "null for the app name",
    (t) => (t.environments[0].appName = null),
    "environments[0].appName",
    "null",
    TYPE_RULES.string,
  ],
  ["a boolean release tag", (t) => (t.releaseTag = true), "releaseTag", "true", TYPE_RULES.string],
  ["a number for the GitLab project", (t) => (t.gitlabProject = 42), "gitlabProject", "42", TYPE_RULES.string],
  [
    "a quantity of NaN",
    (t) => (t.environments[1].formation.web.quantity = NaN),
    "environments[1].formation.web.quantity",
    "NaN",
    TYPE_RULES.number,
  ],
  [
    'a quantity of "2"',
    (t) => (t.environments[1].formation.web.quantity = "2"),
    "environments[1].formation.web.quantity",
    '"2"',
    TYPE_RULES.number,
  ],
  [
    "a formation entry that is a number",
    (t) => (t.environments[0].formation.web = 1),
    "environments[0].formation.web",
    "1",
    TYPE_RULES.object,
  ],
  [
    "a formation that is an array",
    (t) => (t.environments[0].formation = []),
    "environments[0].formation",
    "[]",
    TYPE_RULES.object,
  ],
  [
    'productionLike "no"',
    (t) => (t.environments[1].productionLike = "no"),
    "environments[1].productionLike",
    '"no"',
    TYPE_RULES.boolean,
  ],
  [
    'protectedVariables "true"',
    (t) => (t.environments[1].gitlab.protectedVariables = "true"),
    "environments[1].gitlab.protectedVariables",
    '"true"',
    TYPE_RULES.boolean,
    "write true without quotes",
  ],
  [
    "a gitlab side that is a string",
    (t) => (t.environments[1].gitlab = "protected"),
    "environments[1].gitlab",
    '"protected"',
    TYPE_RULES.object,
  ],
  [
    "a config that is an array",
    (t) => (t.environments[1].config = ["MODE"]),
    "environments[1].config",
    '["MODE"]',
    TYPE_RULES.object,
  ],
  [
    "a config value that is a number",
    (t) => (t.environments[1].config.PORT_HINT = 8080),
    "environments[1].config.PORT_HINT",
    "8080",
    TYPE_RULES.configValue,
  ],
  [
    "a shared config value that is null",
    (t) => (t.sharedConfig.LOG_LEVEL = null),
    "sharedConfig.LOG_LEVEL",
    "null",
    TYPE_RULES.configValue,
  ],
  [
    "shared config that is a string",
    (t) => (t.sharedConfig = "LOG_LEVEL=info"),
    "sharedConfig",
    '"LOG_LEVEL=info"',
    TYPE_RULES.object,
  ],
  [
    "generated secrets as a string",
    (t) => (t.generatedSecrets = "SECRET_KEY"),
    "generatedSecrets",
    '"SECRET_KEY"',
    TYPE_RULES.array,
  ],
  [
    "a generated secret that is a number",
    (t) => (t.generatedSecrets = [1]),
    "generatedSecrets[0]",
    "1",
    TYPE_RULES.string,
  ],
  [
    "environments as an object",
    (t) => (t.environments = { staging: {} }),
    "environments",
    '{"staging":{}}',
    TYPE_RULES.array,
  ],
  ["an environment that is null", (t) => (t.environments[0] = null), "environments[0]", "null", TYPE_RULES.object],
  [
    "a process type's command that is a number",
    (t) => (t.processTypes.web = 1),
    "processTypes.web",
    "1",
    TYPE_RULES.string,
  ],
  [
    "a review prefix that is a number",
    (t) => (t.review.appNamePrefix = 7),
    "review.appNamePrefix",
    "7",
    TYPE_RULES.string,
  ],
  [
    "a review formation that is missing",
    (t) => delete t.review.formation,
    "review.formation",
    "undefined",
    TYPE_RULES.required,
  ],
  [
    'a review plan "hobby-dev" as a string',
    (t) => (t.review.postgres = "hobby-dev"),
    "review.postgres",
    '"hobby-dev"',
    instance(EXPECTED_TYPES.postgresPlan),
  ],
  [
    "a review autoStopIn that is a number",
    (t) => (t.review.autoStopIn = 7),
    "review.autoStopIn",
    "7",
    TYPE_RULES.string,
  ],
];

describe.each(refused)("refused: %s", (_name, change, field, value, rule, hint) => {
  test("is one entry naming the field, the value and the rule; nothing else is reported", () => {
    const { problems } = problemsOf(with_(change), undefined, { HEROKU_FLOW_REVIEW_ID: "7" });
    expect(problems).toEqual([expect.objectContaining({ path: "", field, value, rule })]);
    if (hint !== undefined) expect(problems[0].hint).toBe(hint);
  });
});

describe("the topology and the options themselves", () => {
  test("a missing pipeline name is reported on the topology, and by the pipeline that has none to take", () => {
    expect(problemsOf(with_((t) => delete t.pipelineName)).problems).toEqual([
      { path: "", field: "pipelineName", value: "undefined", rule: TYPE_RULES.required, hint: undefined },
      expect.objectContaining({ path: "pipeline/Pipeline", field: "name", rule: TYPE_RULES.required }),
    ]);
  });

  test("a topology that is not an object is one entry, and no stack but the pipeline's is built from it", () => {
    const { problems, flow } = problemsOf(null);
    // The pipeline stack is always built (HerokuFlow.pipeline), and its pipeline has no name to take.
    expect(problems).toEqual([
      { path: "", field: "topology", value: "null", rule: TYPE_RULES.object, hint: undefined },
      expect.objectContaining({ path: "pipeline/Pipeline", field: "name", rule: TYPE_RULES.required }),
    ]);
    expect(flow.environments).toEqual([]);
    expect(flow.reviewApps).toEqual([]);
  });

  test.each([
    ["options", "fast", '"fast"', TYPE_RULES.object],
    ["options.procfile", { procfile: 5 }, "5", TYPE_RULES.string],
    ["options.env", { env: "HEROKU_FLOW_REVIEW_ID=7" }, '"HEROKU_FLOW_REVIEW_ID=7"', TYPE_RULES.object],
  ])("%s of the wrong type is one entry", (field, options, value, rule) => {
    expect(problemsOf(topology(), options).problems).toEqual([{ path: "", field, value, rule, hint: undefined }]);
  });

  test("a bad value is left out, and the rest is still built and checked: two problems of two stacks, both reported", () => {
    const { problems, flow } = problemsOf(
      with_((t) => {
        t.environments[0].formation.web.size = "basic";
        t.environments[1].appName = "Acme";
      }),
    );
    expect(problems.map((p) => [p.path, p.field])).toEqual([
      ["", "environments[0].formation.web.size"],
      ["production/App", "name"],
    ]);
    expect(flow.environments.map((stack) => stack.node.id)).toEqual(["staging", "production"]);
    expect(resourcesOf(synthesize(flow.environments[0]), "heroku_formation")).toEqual([]);
  });
});

describe("enum-like values of the right type are checked by the constructs that use them", () => {
  test('an unknown stack, BuildStack.of("heroku-99"), is refused on the app (Heroku\'s stacks come in even years)', () => {
    const { problems } = problemsOf(with_((t) => (t.environments[1].stack = BuildStack.of("heroku-99"))));
    expect(problems).toEqual([
      {
        path: "production/App",
        field: "stack",
        value: '"heroku-99"',
        rule: "must be a current Heroku stack (heroku-22, heroku-24, …) or container",
        hint: "Heroku's stacks follow Ubuntu's LTS releases (even years): BuildStack.HEROKU_22, BuildStack.HEROKU_24",
      },
    ]);
  });

  test.each(["heroku-22", "heroku-24", "heroku-26", "container"])("stack %s is accepted", (name) => {
    expect(problemsOf(with_((t) => (t.environments[1].stack = BuildStack.of(name)))).problems).toEqual([]);
  });
});

describe("a generated secret listed twice", () => {
  test.each([
    ["twice", ["SECRET_KEY", "SECRET_KEY"], '"SECRET_KEY"'],
    ["in two cases", ["SECRET_KEY", "secret_key"], '"secret_key"'],
  ])("%s is one report entry on the repeat, and one secret is generated", (_, keys, shown) => {
    const { problems, flow } = problemsOf(with_((t) => (t.generatedSecrets = keys)));
    expect(problems).toEqual([
      expect.objectContaining({
        path: "",
        field: "generatedSecrets[1]",
        value: shown,
        rule: expect.stringMatching(/^repeats generatedSecrets\[0\]/),
      }),
    ]);
    expect(resourcesOf(synthesize(flow.environments[0]), "random_password")).toHaveLength(1);
  });

  test("two different keys are two secrets", () => {
    const { problems, flow } = problemsOf(with_((t) => (t.generatedSecrets = ["SECRET_KEY", "SESSION_KEY"])));
    expect(problems).toEqual([]);
    expect(resourcesOf(synthesize(flow.environments[0]), "random_password")).toHaveLength(2);
  });
});
