// Per-run settings (constructs/flow/flow-settings.ts) read in process: flow-validation.test.ts checks the same errors
// through the real `cdktf synth`, which a mutation run cannot see into.
import { App } from "cdktf";
import { GitlabProviderCompatibility } from "../../constructs";
import { readSettings } from "../../constructs/flow/flow-settings";

const PIPELINE_ID = "01234567-89ab-cdef-0123-456789abcdef";

function settingsOf(env: NodeJS.ProcessEnv, context: Record<string, unknown> = {}) {
  return readSettings(new App({ context, skipValidation: true }), env);
}

test("defaults: local state, gitlab.com, no review ids, formation kept, GitLab on, the bindings' provider version", () => {
  expect(settingsOf({})).toEqual({
    settings: {
      stateBackend: "local",
      gitlabApiUrl: "https://gitlab.com/api/v4/",
      reviewIds: [],
      bootstrap: false,
      pipelineId: undefined,
      gitlab: true,
      gitlabProviderVersion: GitlabProviderCompatibility.BINDINGS_VERSION,
    },
    problems: [],
  });
});

test("each setting is read from its variable, or else from its context key; an empty variable counts as unset", () => {
  const context = { stateBackend: "gitlab", reviewId: 42, bootstrap: true, pipelineId: PIPELINE_ID, gitlab: "false" };
  const fromContext = settingsOf({ HEROKU_FLOW_STATE_BACKEND: "" }, context).settings;
  expect(fromContext).toMatchObject({
    stateBackend: "gitlab",
    reviewIds: ["42"],
    bootstrap: true,
    pipelineId: PIPELINE_ID,
    gitlab: false,
  });
  const fromEnv = settingsOf(
    {
      HEROKU_FLOW_STATE_BACKEND: "local",
      HEROKU_FLOW_REVIEW_ID: "7",
      HEROKU_FLOW_BOOTSTRAP: "0",
      HEROKU_FLOW_GITLAB: "1",
    },
    context,
  ).settings;
  expect(fromEnv).toMatchObject({ stateBackend: "local", reviewIds: ["7"], bootstrap: false, gitlab: true });
});

test("flags take true/false/1/0 in any case; anything else is a problem naming the variable and the value", () => {
  expect(settingsOf({ HEROKU_FLOW_BOOTSTRAP: "TRUE" }).settings.bootstrap).toBe(true);
  expect(settingsOf({ HEROKU_FLOW_BOOTSTRAP: "1" }).settings.bootstrap).toBe(true);
  expect(settingsOf({ HEROKU_FLOW_GITLAB: "False" }).settings.gitlab).toBe(false);
  expect(settingsOf({ HEROKU_FLOW_GITLAB: "0" }).settings.gitlab).toBe(false);
  const { settings, problems } = settingsOf({ HEROKU_FLOW_BOOTSTRAP: "yes", HEROKU_FLOW_GITLAB: "no" });
  expect(problems).toEqual([
    { field: "HEROKU_FLOW_BOOTSTRAP", value: "yes", rule: "must be true or false (or 1 or 0)", hint: undefined },
    { field: "HEROKU_FLOW_GITLAB", value: "no", rule: "must be true or false (or 1 or 0)", hint: undefined },
  ]);
  // The bad value is left out: each flag keeps its default.
  expect(settings).toMatchObject({ bootstrap: false, gitlab: true });
});

test("review ids: comma-separated, trimmed, empty ones dropped", () => {
  expect(settingsOf({ HEROKU_FLOW_REVIEW_ID: " 12, ,34 ," }).settings.reviewIds).toEqual(["12", "34"]);
});

test("a review id with a space inside is a problem naming the setting: several ids are separated by commas", () => {
  expect(settingsOf({ HEROKU_FLOW_REVIEW_ID: "42 43" })).toEqual({
    settings: expect.objectContaining({ reviewIds: [] }),
    problems: [
      {
        field: "HEROKU_FLOW_REVIEW_ID",
        value: "42 43",
        rule: "must not hold spaces; separate several review ids with commas (e.g. 42,43)",
      },
    ],
  });
  expect(settingsOf({ HEROKU_FLOW_REVIEW_ID: "42, 43" }).problems).toEqual([]);
});

test("GITLAB_BASE_URL without its scheme is a problem at synth, not at terraform init", () => {
  expect(settingsOf({ GITLAB_BASE_URL: "gitlab.com" }).problems).toEqual([
    {
      field: "GITLAB_BASE_URL",
      value: "gitlab.com",
      rule: "must be GitLab's API URL with its scheme, e.g. https://gitlab.com/api/v4/",
      hint: 'did you mean "https://gitlab.com"?',
    },
  ]);
  expect(settingsOf({ GITLAB_BASE_URL: "https://gitlab.example.com/api/v4/" }).problems).toEqual([]);
});

test("a state backend, pipeline id or provider version outside its rule is a problem that says the rule", () => {
  const { problems } = settingsOf({
    HEROKU_FLOW_STATE_BACKEND: "s3",
    HEROKU_FLOW_PIPELINE_ID: "songlist",
    HEROKU_FLOW_GITLAB_PROVIDER_VERSION: "1.0.0",
  });
  const versions = [GitlabProviderCompatibility.BINDINGS_VERSION, ...GitlabProviderCompatibility.VERSIONS].join(", ");
  expect(problems).toEqual([
    { field: "HEROKU_FLOW_STATE_BACKEND", value: "s3", rule: "must be one of local, gitlab", hint: undefined },
    {
      field: "HEROKU_FLOW_PIPELINE_ID",
      value: "songlist",
      rule: "must be a pipeline's UUID (the pipeline stack's output pipeline_id)",
      hint: undefined,
    },
    {
      field: "HEROKU_FLOW_GITLAB_PROVIDER_VERSION",
      value: "1.0.0",
      rule: `must be one of ${versions} (the bindings' version, or one GitlabProviderCompatibility can target)`,
      hint: undefined,
    },
  ]);
});

test("every version the compatibility aspect knows is accepted, and GITLAB_BASE_URL names the API", () => {
  for (const version of GitlabProviderCompatibility.VERSIONS) {
    expect(settingsOf({ HEROKU_FLOW_GITLAB_PROVIDER_VERSION: version })).toMatchObject({
      settings: { gitlabProviderVersion: version },
      problems: [],
    });
  }
  expect(settingsOf({ GITLAB_BASE_URL: "http://127.0.0.1:1/api/v4/" }).settings.gitlabApiUrl).toBe(
    "http://127.0.0.1:1/api/v4/",
  );
});

describe("review ids: each problem names the setting, and the id is left out", () => {
  const reviewProblems = (value: string) => settingsOf({ HEROKU_FLOW_REVIEW_ID: value });

  test("an id given twice: one review app, and the repeat is reported", () => {
    expect(reviewProblems("42,42")).toEqual({
      settings: expect.objectContaining({ reviewIds: ["42"] }),
      problems: [
        {
          field: "HEROKU_FLOW_REVIEW_ID",
          value: "42",
          rule: "is listed twice; each review id makes one review app",
          hint: "list it once",
        },
      ],
    });
  });

  test("two spellings of one branch make one app: both ids are named", () => {
    const { settings, problems } = reviewProblems("Feature/Login,feature-login");
    expect(settings.reviewIds).toEqual(["Feature/Login"]);
    expect(problems).toEqual([
      {
        field: "HEROKU_FLOW_REVIEW_ID",
        value: "feature-login",
        rule: 'makes the same review app as "Feature/Login": review names keep only lowercase letters, digits and dashes',
        hint: 'list one of "Feature/Login" and "feature-login"',
      },
    ]);
  });

  test("an id too long for its GitLab environment is reported on the setting with the length rule", () => {
    const { settings, problems } = reviewProblems("x".repeat(300));
    expect(settings.reviewIds).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        field: "HEROKU_FLOW_REVIEW_ID",
        value: "x".repeat(300),
        rule: expect.stringMatching(/^must make a review name of at most 248 characters: .*GitLab limits to 255/),
      }),
    ]);
  });

  test("at the edge: 248 characters are accepted, 249 are not", () => {
    expect(reviewProblems("a".repeat(248))).toMatchObject({ problems: [] });
    expect(reviewProblems("a".repeat(249)).problems).toHaveLength(1);
  });

  test("an id with no letter or digit makes no name", () => {
    expect(reviewProblems("!!!").problems).toEqual([
      expect.objectContaining({
        field: "HEROKU_FLOW_REVIEW_ID",
        value: "!!!",
        rule: expect.stringMatching(/letter or digit/),
      }),
    ]);
  });
});

test("a setting of the wrong type from JavaScript is reported on the setting, not a TypeError", () => {
  const { settings, problems } = settingsOf({ HEROKU_FLOW_REVIEW_ID: 42 as unknown as string });
  expect(settings.reviewIds).toEqual([]);
  expect(problems).toEqual([
    {
      field: "HEROKU_FLOW_REVIEW_ID",
      value: 42,
      rule: "must be a string",
      hint: "environment variables are strings",
    },
  ]);
});

test("a bad state backend gets a did-you-mean hint and is left out (local state)", () => {
  expect(settingsOf({ HEROKU_FLOW_STATE_BACKEND: "GitLab" })).toMatchObject({
    settings: { stateBackend: "local" },
    problems: [{ field: "HEROKU_FLOW_STATE_BACKEND", hint: 'did you mean "gitlab"?' }],
  });
});
