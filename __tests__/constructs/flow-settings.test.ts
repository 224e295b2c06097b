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
  expect(settingsOf({ HEROKU_FLOW_BOOTSTRAP: "yes", HEROKU_FLOW_GITLAB: "no" }).problems).toEqual([
    'HEROKU_FLOW_BOOTSTRAP: "yes" must be true or false',
    'HEROKU_FLOW_GITLAB: "no" must be true or false',
  ]);
});

test("review ids: comma-separated, trimmed, empty ones dropped", () => {
  expect(settingsOf({ HEROKU_FLOW_REVIEW_ID: " 12, ,34 ," }).settings.reviewIds).toEqual(["12", "34"]);
});

test("a review id with a space inside is a problem naming the setting: several ids are separated by commas", () => {
  expect(settingsOf({ HEROKU_FLOW_REVIEW_ID: "42 43" }).problems).toEqual([
    'HEROKU_FLOW_REVIEW_ID: "42 43" must not hold spaces; separate several review ids with commas (e.g. 42,43)',
  ]);
  expect(settingsOf({ HEROKU_FLOW_REVIEW_ID: "42, 43" }).problems).toEqual([]);
});

test("GITLAB_BASE_URL without its scheme is a problem at synth, not at terraform init", () => {
  expect(settingsOf({ GITLAB_BASE_URL: "gitlab.com" }).problems).toEqual([
    'GITLAB_BASE_URL: "gitlab.com" must be GitLab\'s API URL with its scheme, e.g. https://gitlab.com/api/v4/',
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
    'HEROKU_FLOW_STATE_BACKEND: "s3" must be one of local, gitlab',
    'HEROKU_FLOW_PIPELINE_ID: "songlist" must be a pipeline UUID',
    `HEROKU_FLOW_GITLAB_PROVIDER_VERSION: "1.0.0" must be one of ${versions} (the bindings' version, or one GitlabProviderCompatibility can target)`,
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
