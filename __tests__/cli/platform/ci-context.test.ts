/**
 * `CiContext`: what a flow command reads from the GitLab CI job's variables. Each required variable that is missing
 * (or empty, as GitLab leaves an unset masked variable) is one error naming the variable, what it is and what to do;
 * the optional ones are undefined when empty rather than "". The merge request's head wins over the commit SHA.
 */
import { CiContext } from "../../../cli/platform/ci-context";

const FULL: NodeJS.ProcessEnv = {
  CI_API_V4_URL: "https://gitlab.example/api/v4",
  CI_PROJECT_ID: "42",
  CI_MERGE_REQUEST_IID: "7",
  CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: "aaaa111",
  CI_COMMIT_SHA: "bbbb222",
  CI_PIPELINE_URL: "https://gitlab.example/acme/shop/-/pipelines/9",
  FLOW_GITLAB_TOKEN: "note-token-for-tests",
  CI_JOB_TOKEN: "job-token-for-tests",
};

const without = (...names: string[]): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(FULL).filter(([name]) => !names.includes(name)));

const missing = (name: string, what: string) =>
  `${name} is not set (${what}); GitLab CI sets it in jobs — export it to run this step locally`;

describe("required variables: one error naming the variable, what it is and what to do", () => {
  const cases: Array<[string, string, (ci: CiContext) => unknown]> = [
    ["CI_API_V4_URL", "GitLab's API URL", (ci) => ci.apiUrl],
    ["CI_PROJECT_ID", "the project's id", (ci) => ci.projectId],
    ["FLOW_GITLAB_TOKEN", "a project access token (api scope) for notes and issues", (ci) => ci.noteToken],
    ["CI_JOB_TOKEN", "the job token", (ci) => ci.jobToken],
  ];

  test.each(cases)("%s missing", (name, what, read) => {
    expect(() => read(new CiContext(without(name)))).toThrow(new Error(missing(name, what)));
  });

  test.each(cases)("%s empty counts as missing", (name, what, read) => {
    expect(() => read(new CiContext({ ...FULL, [name]: "" }))).toThrow(new Error(missing(name, what)));
  });

  test("each set variable is read as is", () => {
    const ci = new CiContext(FULL);
    expect([ci.apiUrl, ci.projectId, ci.noteToken, ci.jobToken]).toEqual([
      FULL.CI_API_V4_URL,
      FULL.CI_PROJECT_ID,
      FULL.FLOW_GITLAB_TOKEN,
      FULL.CI_JOB_TOKEN,
    ]);
  });

  test("one variable missing does not affect reading the others", () => {
    const ci = new CiContext(without("CI_JOB_TOKEN"));
    expect(ci.projectId).toBe("42");
    expect(() => ci.jobToken).toThrow("CI_JOB_TOKEN is not set");
  });
});

describe("the commit the pipeline runs for", () => {
  test("a merge-request pipeline: the merge request's head, not the merged result's commit", () => {
    expect(new CiContext(FULL).headSha).toBe("aaaa111");
  });

  test("a branch pipeline (no merge-request head): the commit's SHA", () => {
    expect(new CiContext(without("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA")).headSha).toBe("bbbb222");
    expect(new CiContext({ ...FULL, CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: "" }).headSha).toBe("bbbb222");
  });

  test("neither set: the error names CI_COMMIT_SHA", () => {
    expect(() => new CiContext(without("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", "CI_COMMIT_SHA")).headSha).toThrow(
      new Error(missing("CI_COMMIT_SHA", "the commit's SHA")),
    );
  });
});

describe("optional variables: undefined when unset or empty", () => {
  test("the merge request's iid", () => {
    expect(new CiContext(FULL).mergeRequestIid).toBe("7");
    expect(new CiContext(without("CI_MERGE_REQUEST_IID")).mergeRequestIid).toBeUndefined();
    expect(new CiContext({ ...FULL, CI_MERGE_REQUEST_IID: "" }).mergeRequestIid).toBeUndefined();
  });

  test("the pipeline's page", () => {
    expect(new CiContext(FULL).pipelineUrl).toBe(FULL.CI_PIPELINE_URL);
    expect(new CiContext(without("CI_PIPELINE_URL")).pipelineUrl).toBeUndefined();
    expect(new CiContext({ ...FULL, CI_PIPELINE_URL: "" }).pipelineUrl).toBeUndefined();
  });
});

test("without an environment given, the process's is read", () => {
  const before = process.env.CI_PROJECT_ID;
  process.env.CI_PROJECT_ID = "process-project-id";
  try {
    expect(new CiContext().projectId).toBe("process-project-id");
  } finally {
    if (before === undefined) delete process.env.CI_PROJECT_ID;
    else process.env.CI_PROJECT_ID = before;
  }
});
