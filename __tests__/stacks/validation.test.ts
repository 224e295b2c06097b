import { ConfigValue, DynoSize, GitlabCiVariable, HerokuRegion, PostgresPlan } from "../../constructs";
import { problemsOf, testStack } from "../support/stacks";
import { songlistStacks, songlistWith } from "../support/songlist";

/** The synth-time error for songlist with one change, or "" when it is valid. */
function problemsWith(change: Parameters<typeof songlistWith>[0], env: NodeJS.ProcessEnv = {}): string {
  return problemsOf(songlistStacks(env, songlistWith(change)).app);
}

describe("invalid configuration fails synth with the construct path, the field, the value and the rule", () => {
  test("songlist as shipped is valid", () => {
    expect(problemsOf(songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42" }).app)).toBe("");
  });

  test("app name", () => {
    expect(problemsWith((t) => (t.environments[0].appName = "votre_nom_app_staging"))).toContain(
      '[staging/App] name: "votre_nom_app_staging" must match ^[a-z][a-z0-9-]{1,28}[a-z0-9]$',
    );
  });

  test("app name longer than 30 characters", () => {
    expect(problemsWith((t) => (t.environments[0].appName = "songlist-staging-with-a-long-name"))).toMatch(
      /\[staging\/App\] name: "songlist-staging-with-a-long-name" must match .*3-30 characters/,
    );
  });

  test("pipeline name", () => {
    expect(problemsWith((t) => (t.pipelineName = "Songlist Pipeline"))).toContain(
      '[pipeline/Pipeline] name: "Songlist Pipeline" must match ^[a-z][a-z0-9-]{2,29}$',
    );
  });

  test("region", () => {
    expect(problemsWith((t) => (t.environments[1].region = HerokuRegion.of("mars")))).toContain(
      '[production/App] region: "mars" must be one of us, eu',
    );
  });

  test("Postgres plan", () => {
    expect(problemsWith((t) => (t.environments[0].postgres = PostgresPlan.custom("hobby-dev")))).toContain(
      '[staging/App/Postgres] plan: "hobby-dev" must be a current heroku-postgresql:<plan>',
    );
  });

  test("dyno size", () => {
    expect(
      problemsWith((t) => (t.environments[0].formation = { web: { size: DynoSize.of("hobby"), quantity: 1 } })),
    ).toMatch(
      /\[staging\/App\/Formation-web\] size: "hobby" must be a Heroku Common Runtime dyno size\n +hint: hobby dynos were retired on 2022-11-28: use basic/,
    );
  });

  test("quantity", () => {
    expect(
      problemsWith((t) => (t.environments[1].formation = { web: { size: DynoSize.STANDARD_1X, quantity: 1.5 } })),
    ).toContain("[production/App/Formation-web] quantity: 1.5 must be a whole number >= 0");
  });

  test("quantity above what the dyno size allows", () => {
    expect(
      problemsWith((t) => (t.environments[0].formation = { web: { size: DynoSize.BASIC, quantity: 2 } })),
    ).toContain("[staging/App/Formation-web] quantity: 2 must be at most 1 for basic dynos");
  });

  test("config var key", () => {
    expect(problemsWith((t) => (t.environments[0].config = { "APP-SETTINGS": "x" }))).toContain(
      '[staging/App] config key: "APP-SETTINGS" must match ^[A-Za-z_][A-Za-z0-9_]*$',
    );
  });

  test("a key in both plain and secret config vars", () => {
    expect(problemsWith((t) => (t.environments[0].config = { SECRET_KEY: "plain" }))).toContain(
      '[staging/App] config key: "SECRET_KEY" is in both config and secrets',
    );
  });

  test("per-environment value without an entry for the environment", () => {
    expect(
      problemsWith((t) => (t.environments[0].config = { MODE: ConfigValue.perEnvironment({ production: "p" }) })),
    ).toContain('[staging/App] config.MODE: "(per environment)" has no value for environment "staging"');
  });

  test("masked value (GitLab's rule)", () => {
    const { app, stack } = testStack();
    new GitlabCiVariable(stack, "AppName", { project: "p/q", key: "HEROKU_APP_NAME", value: "song", masked: true });
    new GitlabCiVariable(stack, "Spaced", { project: "p/q", key: "TOKEN", value: "has spaces in it", masked: true });
    const message = problemsOf(app);
    expect(message).toContain("[test/AppName] value: (4 characters) cannot be masked: GitLab requires at least 8");
    expect(message).toContain("[test/Spaced] value: (16 characters) cannot be masked");
    expect(message).not.toContain("has spaces in it");
  });

  test("GitLab variable key", () => {
    const { app, stack } = testStack();
    new GitlabCiVariable(stack, "Typo", { project: "p/q", key: "HEROKU-API-KEY", value: "x" });
    expect(problemsOf(app)).toContain('[test/Typo] key: "HEROKU-API-KEY" must match ^[A-Za-z0-9_]{1,255}$');
  });

  test("duplicate environment names", () => {
    expect(problemsWith((t) => t.environments.push({ ...t.environments[0], appName: "songlist-staging-2" }))).toContain(
      'environments[2].name: "staging" is also the name of environments[0]; environment names must be unique',
    );
  });

  test("a review id that cannot make a valid name", () => {
    expect(problemsOf(songlistStacks({ HEROKU_FLOW_REVIEW_ID: "!!!" }).app)).toContain(
      '[app] HEROKU_FLOW_REVIEW_ID: "!!!" must contain at least one letter or digit: it names the review app',
    );
  });

  test("every problem is listed at once, in one error", () => {
    const message = problemsWith(
      (t) => {
        t.pipelineName = "X";
        t.environments[0].appName = "votre_nom_app_staging";
        t.environments[1].formation = { web: { size: DynoSize.of("huge"), quantity: -1 } };
      },
      { HEROKU_FLOW_REVIEW_ID: "!!!" },
    );
    expect(message).toMatch(/^Invalid configuration: 5 problems, nothing was synthesized\n/);
    expect(message.split("\n").filter((line) => line.startsWith("  ["))).toEqual([
      expect.stringContaining("[app] HEROKU_FLOW_REVIEW_ID:"),
      expect.stringContaining("[pipeline/Pipeline] name:"),
      expect.stringContaining("[staging/App] name:"),
      expect.stringContaining("[production/App/Formation-web] size:"),
      expect.stringContaining("[production/App/Formation-web] quantity:"),
    ]);
  });
});

describe("environment names name stacks: the topology's rules, at their edges", () => {
  const nameProblems = (name: string) =>
    problemsWith((t) => (t.environments[0] = { ...t.environments[0], name }))
      .split("\n")
      .filter((line) => line.includes("environments[0].name"));

  test.each(["qa", "a", `a${"b".repeat(62)}`, "eu-2"])("%j is a valid name", (name) => {
    expect(nameProblems(name)).toEqual([]);
  });

  test.each(["Staging", "2qa", `a${"b".repeat(63)}`, "qa_1", " qa", "qa "])("%j does not match the pattern", (name) => {
    expect(nameProblems(name)).toEqual([
      `  [app] environments[0].name: ${JSON.stringify(name)} must match ^[a-z][a-z0-9-]{0,62}$ and not be "pipeline" (it names the stack)`,
    ]);
  });

  test('"pipeline" is the pipeline\'s stack', () => {
    expect(nameProblems("pipeline")).toEqual([
      '  [app] environments[0].name: "pipeline" must match ^[a-z][a-z0-9-]{0,62}$ and not be "pipeline" (it names the stack)',
    ]);
  });

  test.each(["review", "review-1"])("%j is kept for review apps", (name) => {
    expect(nameProblems(name)).toEqual([
      `  [app] environments[0].name: ${JSON.stringify(name)} must not be review or start with review- (kept for review apps)`,
    ]);
  });

  test.each(["reviews", "pre-review"])("%j only looks like a review name, and is valid", (name) => {
    expect(nameProblems(name)).toEqual([]);
  });

  test("a review id given twice is reported once, naming the setting", () => {
    expect(problemsOf(songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42,42" }).app)).toContain(
      '[app] HEROKU_FLOW_REVIEW_ID: "42" is listed twice; each review id makes one review app',
    );
  });
});
