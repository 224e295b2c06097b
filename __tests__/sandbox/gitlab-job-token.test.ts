/**
 * The CI job token (`CI_JOB_TOKEN`): GitLab takes it for the Terraform state backend (HTTP Basic, user
 * `gitlab-ci-token`) and for reading merge requests and their notes, and refuses it with 401 everywhere else — posting
 * or editing notes, issues, variables. The main token stands in for a project access token and works everywhere.
 */
import { randomBytes } from "node:crypto";
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;
const jobToken = randomBytes(16).toString("hex");
const unauthorized = { status: 401, body: { message: "401 Unauthorized" } };

const basic = (user: string, password: string) => ({
  authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
});
/** Only the job token: no Bearer header. */
const job = { authorization: "", "job-token": jobToken };

beforeAll(async () => {
  t = await startSandbox({ projects: ["songlist/songlist"], gitlabJobToken: jobToken });
});
afterAll(async () => {
  await t?.sandbox.close();
});

const state = "/projects/1/terraform/state/review-7";
const mrs = "/projects/1/merge_requests";

test("the state backend takes the job token as Basic password of gitlab-ci-token: read, lock, write, unlock", async () => {
  const auth = basic("gitlab-ci-token", jobToken);
  expect((await t.gitlab("GET", state, undefined, auth)).status).toBe(204);
  const lock = {
    ID: "job-lock",
    Operation: "OperationTypeApply",
    Info: "",
    Who: "ci",
    Version: "1.9.0",
    Created: "",
    Path: "",
  };
  expect((await t.gitlab("POST", `${state}/lock`, lock, auth)).status).toBe(200);
  const document = JSON.stringify({ version: 4, serial: 1, lineage: "l", outputs: {}, resources: [] });
  expect((await t.gitlab("POST", `${state}?ID=job-lock`, document, auth)).status).toBe(200);
  expect((await t.gitlab("DELETE", `${state}/lock`, lock, auth)).status).toBe(200);
  // The main token reads what the job wrote.
  expect((await t.gitlab("GET", state, undefined, basic("anyone", t.gitlabToken))).body).toEqual(JSON.parse(document));
});

test("the state backend refuses the job token under another username, as Bearer, or a wrong one", async () => {
  const refused = await t.gitlab("GET", state, undefined, basic("ci-user", jobToken));
  expect(refused).toMatchObject(unauthorized);
  expect(refused.headers.get("www-authenticate")).toBe('Basic realm="GitLab"');
  expect(await t.gitlab("GET", state, undefined, { authorization: `Bearer ${jobToken}` })).toMatchObject(unauthorized);
  expect(await t.gitlab("GET", state, undefined, basic("gitlab-ci-token", "not-the-token"))).toMatchObject(
    unauthorized,
  );
});

test("the job token reads merge requests and their notes, and cannot write a note", async () => {
  const mr = (await t.gitlab("POST", mrs, { source_branch: "f", target_branch: "main", title: "MR" })).body;
  const note = (await t.gitlab("POST", `${mrs}/${mr.iid}/notes`, { body: "by the project token" })).body;

  expect((await t.gitlab("GET", mrs, undefined, job)).status).toBe(200);
  expect((await t.gitlab("GET", `${mrs}/${mr.iid}`, undefined, job)).body.iid).toBe(mr.iid);
  const listed = await t.gitlab("GET", `${mrs}/${mr.iid}/notes`, undefined, job);
  expect(listed.body.map((n: any) => n.id)).toEqual([note.id]);
  expect((await t.gitlab("GET", `${mrs}/${mr.iid}/notes/${note.id}`, undefined, job)).status).toBe(200);

  expect(await t.gitlab("POST", `${mrs}/${mr.iid}/notes`, { body: "by the job" }, job)).toMatchObject(unauthorized);
  expect(await t.gitlab("PUT", `${mrs}/${mr.iid}/notes/${note.id}`, { body: "edited" }, job)).toMatchObject(
    unauthorized,
  );
  expect(await t.gitlab("DELETE", `${mrs}/${mr.iid}/notes/${note.id}`, undefined, job)).toMatchObject(unauthorized);
  expect(await t.gitlab("PUT", `${mrs}/${mr.iid}/merge`, undefined, job)).toMatchObject(unauthorized);
  expect(await t.gitlab("POST", mrs, { source_branch: "g", target_branch: "main", title: "x" }, job)).toMatchObject(
    unauthorized,
  );
  // Nothing the refused calls tried happened.
  expect((await t.gitlab("GET", `${mrs}/${mr.iid}/notes`)).body.map((n: any) => n.body)).toEqual([
    "by the project token",
  ]);
});

test("the job token is refused on issues and on the provider's resources", async () => {
  const issue = (await t.gitlab("POST", "/projects/1/issues", { title: "drift" })).body;
  expect(await t.gitlab("GET", "/projects/1/issues", undefined, job)).toMatchObject(unauthorized);
  expect(await t.gitlab("POST", "/projects/1/issues", { title: "by the job" }, job)).toMatchObject(unauthorized);
  expect(await t.gitlab("GET", `/projects/1/issues/${issue.iid}`, undefined, job)).toMatchObject(unauthorized);
  expect(await t.gitlab("POST", `/projects/1/issues/${issue.iid}/notes`, { body: "x" }, job)).toMatchObject(
    unauthorized,
  );
  expect(await t.gitlab("GET", "/projects/1/variables", undefined, job)).toMatchObject(unauthorized);
  expect(await t.gitlab("GET", "/user", undefined, job)).toMatchObject(unauthorized);
  // As a Bearer or PRIVATE-TOKEN it is not an API token either, even where the job token is allowed.
  expect(await t.gitlab("GET", mrs, undefined, { authorization: `Bearer ${jobToken}` })).toMatchObject(unauthorized);
  expect(await t.gitlab("GET", mrs, undefined, { authorization: "", "private-token": jobToken })).toMatchObject(
    unauthorized,
  );
});

test("without a configured job token, no JOB-TOKEN is accepted anywhere", async () => {
  const plain = await startSandbox({ projects: ["songlist/songlist"] });
  try {
    expect(await plain.gitlab("GET", mrs, undefined, { authorization: "", "job-token": "" })).toMatchObject(
      unauthorized,
    );
    expect(await plain.gitlab("GET", mrs, undefined, { authorization: "", "job-token": jobToken })).toMatchObject(
      unauthorized,
    );
    expect(await plain.gitlab("GET", state, undefined, basic("gitlab-ci-token", ""))).toMatchObject(unauthorized);
  } finally {
    await plain.sandbox.close();
  }
});
