// The review apps' part of the topology is checked on every synth: a review stack exists only in a merge request's
// pipeline, so a bad prefix or a retired plan must not pass every main-branch synth and fail the first merge request.
// Also: per-environment config chosen for a misspelt environment is reported, never dropped.
import { TerraformStack } from "cdktf";
import {
  ConfigValue,
  DynoSize,
  FlowValidation,
  HerokuApp,
  HerokuFlow,
  PostgresPlan,
  resolveConfigFor,
  type TopologyConfig,
} from "../../constructs";
import { AUTO_STOP_IN, POSTGRES_PLAN } from "../../constructs/private/rules";
import { songlistWith } from "../support/songlist";
import { resourcesOf, synthesize, testApp, testStack } from "../support/stacks";
import { songlist } from "../../stacks/songlist";

function flowOf(topology: TopologyConfig, env: NodeJS.ProcessEnv = {}) {
  const app = testApp();
  const flow = new HerokuFlow(app, topology, { env });
  return { flow, problems: FlowValidation.of(app).problems() };
}

/** songlist with a change to its review part, and a worker process type to give formations to. */
function withReview(change: (review: any) => void): TopologyConfig {
  return songlistWith((t) => {
    t.processTypes = { web: "gunicorn app:app", worker: "python worker.py" };
    change(t.review);
  });
}

const MAIN_BRANCH = {};
const MERGE_REQUEST = { HEROKU_FLOW_REVIEW_ID: "42" };

describe("refused on every synth, with or without a review id, and reported once", () => {
  const cases: Array<[string, (review: any) => void, string, string, RegExp, RegExp?]> = [
    [
      "an uppercase prefix",
      (r) => (r.appNamePrefix = "Songlist"),
      "review.appNamePrefix",
      '"Songlist"',
      /^must start every review app's name/,
      /did you mean "songlist"\?/,
    ],
    [
      "a prefix that leaves no room",
      (r) => (r.appNamePrefix = "songlist-review-apps-x"),
      "review.appNamePrefix",
      '"songlist-review-apps-x"',
      /at most 21 characters/,
      /did you mean "songlist-review-apps"\?/,
    ],
    [
      "a prefix starting with a digit",
      (r) => (r.appNamePrefix = "1songlist"),
      "review.appNamePrefix",
      '"1songlist"',
      /starting with a letter/,
    ],
    [
      "a retired Postgres plan",
      (r) => (r.postgres = PostgresPlan.custom("heroku-postgresql:hobby-dev")),
      "review.postgres",
      '"heroku-postgresql:hobby-dev"',
      /^must be a current heroku-postgresql:<plan>/,
      /use PostgresPlan\.ESSENTIAL_0/,
    ],
    [
      "a retired dyno size",
      (r) => (r.formation = { web: { size: DynoSize.of("hobby"), quantity: 1 } }),
      "review.formation.web.size",
      '"hobby"',
      /^must be a Heroku Common Runtime dyno size/,
      /retired on 2022-11-28: use basic/,
    ],
    [
      "two basic dynos",
      (r) => (r.formation = { web: { size: DynoSize.BASIC, quantity: 2 } }),
      "review.formation.web.quantity",
      "2",
      /^must be at most 1 for basic dynos/,
    ],
    [
      "a negative quantity",
      (r) => (r.formation = { web: { size: DynoSize.STANDARD_1X, quantity: -1 } }),
      "review.formation.web.quantity",
      "-1",
      /^must be a whole number >= 0/,
    ],
    [
      "an uppercase process type",
      (r) => (r.formation = { Web: { size: DynoSize.BASIC, quantity: 1 } }),
      "review.formation.Web",
      '"Web"',
      /^must match \^\[-a-z0-9_\]/,
      /did you mean "web"\?/,
    ],
    [
      "basic and standard dynos in one app",
      (r) =>
        (r.formation = {
          web: { size: DynoSize.BASIC, quantity: 1 },
          worker: { size: DynoSize.STANDARD_1X, quantity: 1 },
        }),
      "review.formation.worker.size",
      '"standard-1x"',
      /^cannot run in the same app as basic dynos/,
    ],
    [
      "an auto-stop duration GitLab cannot read",
      (r) => (r.autoStopIn = "1 wek"),
      "review.autoStopIn",
      '"1 wek"',
      /^must be a duration in GitLab's auto_stop_in syntax/,
    ],
  ];

  describe.each(cases)("%s", (_name, change, field, value, rule, hint) => {
    test.each([
      ["main-branch synth (no review id)", MAIN_BRANCH],
      ["merge request synth", MERGE_REQUEST],
    ])("%s", (_when, env) => {
      const { problems } = flowOf(withReview(change), env);
      expect(problems).toEqual([
        {
          path: "",
          field,
          value,
          rule: expect.stringMatching(rule),
          hint: hint ? expect.stringMatching(hint) : undefined,
        },
      ]);
    });
  });

  test("the review stack is built without the bad part: no database for a retired plan", () => {
    const { flow } = flowOf(
      withReview((r) => (r.postgres = PostgresPlan.custom("heroku-postgresql:mini"))),
      MERGE_REQUEST,
    );
    expect(flow.reviewApps.map((stack) => stack.node.id)).toEqual(["review-42"]);
    expect(resourcesOf(synthesize(flow.reviewApps[0]), "heroku_addon")).toEqual([]);
  });

  test("without a valid prefix no review stack is built (it has no name), and the id is not reported again", () => {
    const { flow, problems } = flowOf(
      withReview((r) => (r.appNamePrefix = "Songlist")),
      MERGE_REQUEST,
    );
    expect(flow.reviewApps).toEqual([]);
    expect(problems.map((problem) => problem.field)).toEqual(["review.appNamePrefix"]);
  });
});

describe("accepted", () => {
  test("songlist's review part, on a main-branch synth and in a merge request", () => {
    expect(flowOf(songlist, MAIN_BRANCH).problems).toEqual([]);
    const { flow, problems } = flowOf(songlist, MERGE_REQUEST);
    expect(problems).toEqual([]);
    expect(resourcesOf(synthesize(flow.reviewApps[0]), "heroku_addon")[0].plan).toBe("heroku-postgresql:essential-0");
  });

  test.each(["a", "a".repeat(21), "songlist-review", "app-2-review"])("prefix %j", (prefix) => {
    expect(
      flowOf(
        withReview((r) => (r.appNamePrefix = prefix)),
        MERGE_REQUEST,
      ).problems,
    ).toEqual([]);
  });

  test.each([
    "1 week",
    "3 days",
    "2 hours 30 minutes",
    "1 day and 2 hours",
    "30m",
    "one week",
    "1.5 hours",
    "168 hours",
  ])("auto-stop duration %j", (autoStopIn) => {
    expect(AUTO_STOP_IN.test(autoStopIn)).toBe(true);
    expect(
      flowOf(
        withReview((r) => (r.autoStopIn = autoStopIn)),
        MAIN_BRANCH,
      ).problems,
    ).toEqual([]);
  });

  test.each(["week", "1 wek", "in 3 days", "3days later", ""])("not an auto-stop duration: %j", (autoStopIn) => {
    expect(AUTO_STOP_IN.test(autoStopIn)).toBe(false);
  });

  test("a current plan and standard dynos of two process types", () => {
    const topology = withReview((r) => {
      r.postgres = PostgresPlan.ESSENTIAL_1;
      r.formation = {
        web: { size: DynoSize.STANDARD_1X, quantity: 2 },
        worker: { size: DynoSize.STANDARD_2X, quantity: 1 },
      };
    });
    expect(POSTGRES_PLAN.test(PostgresPlan.ESSENTIAL_1.name)).toBe(true);
    expect(flowOf(topology, MERGE_REQUEST).problems).toEqual([]);
  });
});

describe("per-environment config chosen for an environment it does not name", () => {
  const config = {
    APP_SETTINGS: songlist.sharedConfig.APP_SETTINGS,
    MODE: ConfigValue.perEnvironment({ production: "p" }),
  };

  test('a misspelt environment ("prodution") is reported with what was meant, even where a fallback exists', () => {
    const resolved = resolveConfigFor(config, "prodution");
    expect(resolved.missing.map(({ key }) => key)).toEqual(["APP_SETTINGS", "MODE"]);
    expect(resolved.missing[0].reason).toBe(
      'has no value for environment "prodution" (it has: staging, production); did you mean "production"?',
    );
    // Following the hint by hand: the app refuses each key rather than go without it.
    const { app, stack } = testStack();
    new HerokuApp(stack, "App", { name: "songlist", config: resolved.config });
    expect(
      FlowValidation.of(app)
        .problems()
        .map((problem) => [problem.path, problem.field, problem.rule]),
    ).toEqual([
      ["test/App", "config.APP_SETTINGS", resolved.missing[0].reason],
      ["test/App", "config.MODE", resolved.missing[1].reason],
    ]);
  });

  test.each([
    ["staging-eu", ["staging"]],
    ["prod-2", ["prod-1"]],
    ["review", ["staging", "production"]],
  ])("%s is an environment of its own, not a slip: it takes the fallback", (environment, named) => {
    const value = ConfigValue.perEnvironment(Object.fromEntries(named.map((name) => [name, "x"])), "fallback");
    const resolved = resolveConfigFor({ MODE: value }, environment);
    expect(resolved.missing).toEqual([]);
    expect((resolved.config.MODE as ConfigValue).resolve(undefined).value).toBe("fallback");
  });

  test("an environment the values do not name uses the fallback; one they name gets its value", () => {
    expect(resolveConfigFor(config, "review").missing.map(({ key }) => key)).toEqual(["MODE"]);
    const production = resolveConfigFor(config, "production");
    expect(production.missing).toEqual([]);
    expect((production.config.APP_SETTINGS as ConfigValue).resolve(undefined).value).toBe("config.ProductionConfig");
  });

  test("in a topology, an environment named prodution is reported on its app, once", () => {
    const topology = songlistWith((t) => (t.environments[1] = { ...t.environments[1], name: "prodution" }));
    expect(flowOf(topology).problems).toEqual([
      {
        path: "prodution/App",
        field: "config.APP_SETTINGS",
        value: '"(per environment)"',
        rule: 'has no value for environment "prodution" (it has: staging, production); did you mean "production"?',
        hint: undefined,
      },
    ]);
  });
});

test("a review id whose stack the program already made is reported on the setting, not thrown by constructs", () => {
  const app = testApp();
  new TerraformStack(app, "review-42");
  expect(() => new HerokuFlow(app, songlist, { env: MERGE_REQUEST })).not.toThrow();
  expect(FlowValidation.of(app).problems()).toEqual([
    {
      path: "",
      field: "HEROKU_FLOW_REVIEW_ID",
      value: '"42"',
      rule: "makes the stack review-42, and the app already has a construct of that name",
      hint: undefined,
    },
  ]);
});

test("a 300-character review id is reported once, on the setting with the length rule, not on a GitLab environment", () => {
  const { flow, problems } = flowOf(songlist, { HEROKU_FLOW_REVIEW_ID: `42,${"feature-".repeat(37)}x` });
  expect(problems).toEqual([
    expect.objectContaining({
      path: "",
      field: "HEROKU_FLOW_REVIEW_ID",
      rule: expect.stringMatching(/^must make a review name of at most 248 characters/),
    }),
  ]);
  expect(flow.reviewApps.map((stack) => stack.node.id)).toEqual(["review-42"]);
});
