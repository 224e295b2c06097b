/**
 * The GitLab REST calls of `heroku-flow note`, `drift` and `destroy`, against an in-process server that records each
 * request: the exact method, path (project id and names URL-encoded), query and body of every call; notes followed
 * through GitLab's pages (`x-next-page`); the merge-request note updated in place when its marker is found, created
 * otherwise; a Terraform state deleted with the job token as HTTP Basic, a missing one "absent". Failure paths: a
 * 4xx/5xx is one error naming the call and GitLab's message (never the token), a refused connection rejects, and a
 * missing variable stops before any request.
 */
import { CiContext } from "../../../cli/platform/ci-context";
import { deleteManagedState, GitlabProjectApi } from "../../../cli/platform/gitlab-api";
import { HttpApi } from "../../../cli/platform/http-api";
import { closedPort, useRecordingServer } from "../../support/recording-server";

const NOTE_TOKEN = `note-${Math.random().toString(36).slice(2)}`;
const JOB_TOKEN = `job-${Math.random().toString(36).slice(2)}`;
const MARKER = "<!-- heroku-flow plan -->";

const server = useRecordingServer();

/** The CI variables of a job of project `acme/shop`, GitLab's API being the recording server. */
const ciEnv = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  CI_API_V4_URL: `${server().url}/api/v4`,
  CI_PROJECT_ID: "acme/shop",
  FLOW_GITLAB_TOKEN: NOTE_TOKEN,
  CI_JOB_TOKEN: JOB_TOKEN,
  ...overrides,
});

const gitlab = () => GitlabProjectApi.fromCi(new CiContext(ciEnv()));

const NOTES = "/api/v4/projects/acme%2Fshop/merge_requests/7/notes";
const notesPage = (page: string) => `${NOTES}?per_page=100&page=${page}&sort=asc&order_by=created_at`;

describe("fromCi", () => {
  test("calls the job's GitLab API for the job's project with the notes token", async () => {
    server().reply({ status: 200, body: [] });
    await gitlab().openIssues("drift");
    expect(server().requests[0].url.startsWith("/api/v4/projects/acme%2Fshop/issues?")).toBe(true);
    expect(server().requests[0].headers["private-token"]).toBe(NOTE_TOKEN);
  });

  test("without FLOW_GITLAB_TOKEN: the variable's error, before any request", () => {
    expect(() => GitlabProjectApi.fromCi(new CiContext(ciEnv({ FLOW_GITLAB_TOKEN: undefined })))).toThrow(
      /^FLOW_GITLAB_TOKEN is not set/,
    );
    expect(server().requests).toHaveLength(0);
  });

  test("a numeric project id is used as is", async () => {
    server().reply({ status: 200, body: [] });
    await new GitlabProjectApi(new HttpApi(server().url, {}), "42").openIssues("drift");
    expect(server().requests[0].url).toBe("/projects/42/issues?state=opened&labels=drift&per_page=100");
  });
});

describe("mergeRequestNotes", () => {
  test("follows x-next-page until it is empty, in order", async () => {
    server().reply(
      { status: 200, body: [{ id: 1, body: "a" }], headers: { "x-next-page": "2" } },
      {
        status: 200,
        body: [
          { id: 2, body: "b" },
          { id: 3, body: "c" },
        ],
        headers: { "x-next-page": "3" },
      },
      { status: 200, body: [{ id: 4, body: "d" }], headers: { "x-next-page": "" } },
    );
    const notes = await gitlab().mergeRequestNotes("7");
    expect(notes.map((note) => note.id)).toEqual([1, 2, 3, 4]);
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${notesPage("1")}`,
      `GET ${notesPage("2")}`,
      `GET ${notesPage("3")}`,
    ]);
  });

  test("one page without the header: one request", async () => {
    server().reply({ status: 200, body: [{ id: 1, body: "a" }] });
    expect(await gitlab().mergeRequestNotes("7")).toEqual([{ id: 1, body: "a" }]);
    expect(server().requests).toHaveLength(1);
  });

  test("a 404 (no such merge request) is an error naming the call and GitLab's message, not the token", async () => {
    server().reply({ status: 404, body: { message: "404 Not found" } });
    const failure = gitlab().mergeRequestNotes("7");
    await expect(failure).rejects.toThrow(
      new Error(`GET ${notesPage("1").slice("/api/v4".length)} answered 404: {"message":"404 Not found"}`),
    );
    await expect(failure).rejects.not.toThrow(NOTE_TOKEN);
  });

  test("a 500 on the second page is an error: no partial list", async () => {
    server().reply(
      { status: 200, body: [{ id: 1, body: "a" }], headers: { "x-next-page": "2" } },
      { status: 500, body: { message: "500 Internal Server Error" } },
    );
    await expect(gitlab().mergeRequestNotes("7")).rejects.toThrow(/&page=2&.* answered 500: /);
  });
});

describe("upsertMergeRequestNote", () => {
  test("the note carrying the marker (on a later page) is updated in place", async () => {
    server().reply(
      { status: 200, body: [{ id: 10, body: "LGTM" }], headers: { "x-next-page": "2" } },
      {
        status: 200,
        body: [
          { id: 11, body: "other bot" },
          { id: 12, body: `${MARKER}\nold plan` },
        ],
      },
      { status: 200, body: { id: 12, body: "new" } },
    );
    expect(await gitlab().upsertMergeRequestNote("7", MARKER, `${MARKER}\nnew plan`)).toBe("updated");
    expect(server().requests).toHaveLength(3);
    const put = server().requests[2];
    expect(`${put.method} ${put.url}`).toBe(`PUT ${NOTES}/12`);
    expect(JSON.parse(put.body)).toEqual({ body: `${MARKER}\nnew plan` });
  });

  test("no note carries the marker: a new note is created", async () => {
    server().reply(
      {
        status: 200,
        body: [
          { id: 10, body: "LGTM" },
          { id: 11, body: "other bot" },
        ],
      },
      { status: 201, body: { id: 13, body: "new" } },
    );
    expect(await gitlab().upsertMergeRequestNote("7", MARKER, `${MARKER}\nplan`)).toBe("created");
    const post = server().requests[1];
    expect(`${post.method} ${post.url}`).toBe(`POST ${NOTES}`);
    expect(JSON.parse(post.body)).toEqual({ body: `${MARKER}\nplan` });
    expect(server().requests).toHaveLength(2);
  });

  test("no notes at all: created", async () => {
    server().reply({ status: 200, body: [] }, { status: 201, body: { id: 1, body: "x" } });
    expect(await gitlab().upsertMergeRequestNote("7", MARKER, "x")).toBe("created");
    expect(server().requests.map((r) => r.method)).toEqual(["GET", "POST"]);
  });

  test("a 403 on the update is an error naming the note, not the token", async () => {
    server().reply(
      { status: 200, body: [{ id: 12, body: MARKER }] },
      { status: 403, body: { message: "403 Forbidden" } },
    );
    const failure = gitlab().upsertMergeRequestNote("7", MARKER, "x");
    await expect(failure).rejects.toThrow(
      new Error('PUT /projects/acme%2Fshop/merge_requests/7/notes/12 answered 403: {"message":"403 Forbidden"}'),
    );
    await expect(failure).rejects.not.toThrow(NOTE_TOKEN);
  });

  test("a 500 on the creation is an error", async () => {
    server().reply({ status: 200, body: [] }, { status: 500, body: { message: "boom" } });
    await expect(gitlab().upsertMergeRequestNote("7", MARKER, "x")).rejects.toThrow(
      new Error('POST /projects/acme%2Fshop/merge_requests/7/notes answered 500: {"message":"boom"}'),
    );
  });
});

describe("issues", () => {
  const ISSUE = { iid: 5, title: "Drift in production", description: "d", state: "opened" };

  test("openIssues: the open issues with the label (URL-encoded)", async () => {
    server().reply({ status: 200, body: [ISSUE] });
    expect(await gitlab().openIssues("flow drift")).toEqual([ISSUE]);
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/v4/projects/acme%2Fshop/issues?state=opened&labels=flow%20drift&per_page=100",
    ]);
  });

  test("openIssues: a 401 is an error", async () => {
    server().reply({ status: 401, body: { message: "401 Unauthorized" } });
    await expect(gitlab().openIssues("drift")).rejects.toThrow(
      'GET /projects/acme%2Fshop/issues?state=opened&labels=drift&per_page=100 answered 401: {"message":"401 Unauthorized"}',
    );
  });

  test("createIssue: POSTs the fields, returns the issue", async () => {
    server().reply({ status: 201, body: ISSUE });
    const fields = { title: "Drift in production", description: "d", labels: "drift" };
    expect(await gitlab().createIssue(fields)).toEqual(ISSUE);
    expect(server().requests[0]).toMatchObject({ method: "POST", url: "/api/v4/projects/acme%2Fshop/issues" });
    expect(JSON.parse(server().requests[0].body)).toEqual(fields);
  });

  test("createIssue: a 422 is an error", async () => {
    server().reply({ status: 422, body: { message: { title: ["is too long"] } } });
    await expect(gitlab().createIssue({ title: "t", description: "d", labels: "l" })).rejects.toThrow(
      'POST /projects/acme%2Fshop/issues answered 422: {"message":{"title":["is too long"]}}',
    );
  });

  test("updateIssue: PUTs the fields to the issue, returns it", async () => {
    server().reply({ status: 200, body: { ...ISSUE, state: "closed" } });
    expect(await gitlab().updateIssue(5, { state_event: "close" })).toEqual({ ...ISSUE, state: "closed" });
    expect(server().requests[0]).toMatchObject({ method: "PUT", url: "/api/v4/projects/acme%2Fshop/issues/5" });
    expect(JSON.parse(server().requests[0].body)).toEqual({ state_event: "close" });
  });

  test("updateIssue: a 404 is an error", async () => {
    server().reply({ status: 404, body: { message: "404 Issue Not Found" } });
    await expect(gitlab().updateIssue(5, { description: "x" })).rejects.toThrow(
      'PUT /projects/acme%2Fshop/issues/5 answered 404: {"message":"404 Issue Not Found"}',
    );
  });

  test("addIssueNote: POSTs the note to the issue", async () => {
    server().reply({ status: 201, body: { id: 99, body: "still drifting" } });
    await expect(gitlab().addIssueNote(5, "still drifting")).resolves.toBeUndefined();
    expect(server().requests[0]).toMatchObject({ method: "POST", url: "/api/v4/projects/acme%2Fshop/issues/5/notes" });
    expect(JSON.parse(server().requests[0].body)).toEqual({ body: "still drifting" });
  });

  test("addIssueNote: a 500 is an error", async () => {
    server().reply({ status: 500, body: { message: "boom" } });
    await expect(gitlab().addIssueNote(5, "x")).rejects.toThrow(
      'POST /projects/acme%2Fshop/issues/5/notes answered 500: {"message":"boom"}',
    );
  });

  test("a refused connection rejects", async () => {
    const api = GitlabProjectApi.fromCi(
      new CiContext(ciEnv({ CI_API_V4_URL: `http://127.0.0.1:${await closedPort()}/api/v4` })),
    );
    await expect(api.openIssues("drift")).rejects.toThrow("fetch failed");
  });
});

describe("deleteManagedState", () => {
  const STATE = "/api/v4/projects/acme%2Fshop/terraform/state/review%2Fmr-7";

  test("DELETEs the state with the job token as HTTP Basic (gitlab-ci-token); a 204 is deleted", async () => {
    server().reply({ status: 204 });
    expect(await deleteManagedState(new CiContext(ciEnv()), "review/mr-7")).toBe("deleted");
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(`${request.method} ${request.url}`).toBe(`DELETE ${STATE}`);
    const basic = request.headers.authorization ?? "";
    expect(basic.startsWith("Basic ")).toBe(true);
    expect(Buffer.from(basic.slice("Basic ".length), "base64").toString() === `gitlab-ci-token:${JOB_TOKEN}`).toBe(
      true,
    );
    expect(request.headers["private-token"]).toBeUndefined();
  });

  test.each([200, 299])("a %i is deleted", async (status) => {
    server().reply({ status, body: {} });
    expect(await deleteManagedState(new CiContext(ciEnv()), "review/mr-7")).toBe("deleted");
  });

  test("a 404 (already gone: the stop job ran twice) is absent, not an error", async () => {
    server().reply({ status: 404, body: { message: "404 Not Found" } });
    expect(await deleteManagedState(new CiContext(ciEnv()), "review/mr-7")).toBe("absent");
  });

  test.each([
    [300, { message: "odd" }],
    [403, { message: "403 Forbidden" }],
    [423, { message: "state locked" }],
    [500, { message: "500 Internal Server Error" }],
  ])("a %i is an error naming the state, the status and GitLab's answer, not the token", async (status, body) => {
    server().reply({ status, body });
    const failure = deleteManagedState(new CiContext(ciEnv()), "review/mr-7");
    await expect(failure).rejects.toThrow(
      new Error(`deleting Terraform state review/mr-7 failed: ${status} ${JSON.stringify(body)}`),
    );
    await expect(failure).rejects.not.toThrow(JOB_TOKEN);
  });

  test("an error answer with no body", async () => {
    server().reply({ status: 502 });
    await expect(deleteManagedState(new CiContext(ciEnv()), "production")).rejects.toThrow(
      new Error("deleting Terraform state production failed: 502 undefined"),
    );
  });

  test("without CI_JOB_TOKEN: the variable's error, before any request", async () => {
    await expect(deleteManagedState(new CiContext(ciEnv({ CI_JOB_TOKEN: undefined })), "production")).rejects.toThrow(
      /^CI_JOB_TOKEN is not set \(the job token\)/,
    );
    expect(server().requests).toHaveLength(0);
  });

  test("a refused connection rejects", async () => {
    const ci = new CiContext(ciEnv({ CI_API_V4_URL: `http://127.0.0.1:${await closedPort()}/api/v4` }));
    await expect(deleteManagedState(ci, "production")).rejects.toThrow("fetch failed");
  });
});
