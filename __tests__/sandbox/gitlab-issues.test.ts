/** Issues as a drift or failure report uses them: open one, find it again by label or text, comment, close, reopen. */
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;

beforeAll(async () => {
  t = await startSandbox({ projects: ["songlist/songlist", "acme/web", "ops/reports"] });
});
afterAll(async () => {
  await t?.sandbox.close();
});

const issues = "/projects/songlist%2Fsonglist/issues";

async function openIssue(fields: Record<string, unknown>): Promise<any> {
  const created = await t.gitlab("POST", issues, fields);
  expect(created.status).toBe(201);
  return created.body;
}

const iidsOf = (response: { body: any[] }): number[] => response.body.map((i) => i.iid);

test("create: 201, iids per project from 1, labels from a comma-separated string as a sorted list", async () => {
  const first = await openIssue({
    title: "Drift in production",
    description: "heroku_app changed",
    labels: "drift,ops",
  });
  expect(first).toMatchObject({
    iid: 1,
    project_id: 1,
    title: "Drift in production",
    description: "heroku_app changed",
    labels: ["drift", "ops"],
    state: "opened",
    closed_at: null,
    user_notes_count: 0,
    author: { id: 1 },
  });
  expect(first.web_url).toBe(`${t.sandbox.url}/songlist/songlist/-/issues/1`);
  expect(first.updated_at).toBe(first.created_at);
  const second = await openIssue({ title: "Second", labels: ["zeta", " alpha ", "alpha"] });
  expect(second).toMatchObject({ iid: 2, labels: ["alpha", "zeta"], description: null });
  const elsewhere = await t.gitlab("POST", "/projects/acme%2Fweb/issues", { title: "Other project" });
  expect(elsewhere.body.iid).toBe(1);
  expect(new Set([first.id, second.id, elsewhere.body.id]).size).toBe(3);
  expect((await t.gitlab("GET", `${issues}/2`)).body).toMatchObject({ id: second.id, title: "Second" });
});

test("title is required and not blank; unknown issues are 404", async () => {
  expect(await t.gitlab("POST", issues, { description: "no title" })).toMatchObject({
    status: 400,
    body: { error: "title is missing" },
  });
  expect(await t.gitlab("POST", issues, { title: " " })).toMatchObject({
    status: 400,
    body: { message: { title: ["can't be blank"] } },
  });
  expect(await t.gitlab("GET", `${issues}/999`)).toMatchObject({ status: 404, body: { message: "404 Not found" } });
  expect((await t.gitlab("PUT", `${issues}/999`, { title: "x" })).status).toBe(404);
  expect((await t.gitlab("POST", `${issues}/999/notes`, { body: "x" })).status).toBe(404);
  expect((await t.gitlab("GET", `${issues}/abc`)).body).toEqual({ error: "issue_iid is invalid" });
});

describe("filters (in a project of their own)", () => {
  const issues = "/projects/ops%2Freports/issues";
  const openIssue = async (fields: Record<string, unknown>) => (await t.gitlab("POST", issues, fields)).body;

  let drift: any;
  let failure: any;
  let closed: any;
  beforeAll(async () => {
    drift = await openIssue({
      title: "Drift: staging",
      description: "Found by the nightly plan",
      labels: "drift,staging",
    });
    failure = await openIssue({ title: "Deploy failed", description: "STAGING apply error", labels: "deploy,staging" });
    closed = await openIssue({ title: "Old drift", labels: "drift" });
    await t.gitlab("PUT", `${issues}/${closed.iid}`, { state_event: "close" });
  });

  test("state: opened, closed, all (the default)", async () => {
    const opened = iidsOf(await t.gitlab("GET", `${issues}?state=opened&per_page=100`));
    const closedOnes = iidsOf(await t.gitlab("GET", `${issues}?state=closed&per_page=100`));
    const all = iidsOf(await t.gitlab("GET", `${issues}?state=all&per_page=100`));
    expect(closedOnes).toEqual([closed.iid]);
    expect(opened).toContain(drift.iid);
    expect(opened).not.toContain(closed.iid);
    expect([...all].sort()).toEqual([...opened, ...closedOnes].sort());
    expect(iidsOf(await t.gitlab("GET", `${issues}?per_page=100`))).toEqual(all);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect((await t.gitlab("GET", `${issues}?state=merged`)).status).toBe(400);
  });

  test("labels: every listed label must be present; None and Any", async () => {
    expect(iidsOf(await t.gitlab("GET", `${issues}?labels=drift`))).toEqual([closed.iid, drift.iid]);
    expect(iidsOf(await t.gitlab("GET", `${issues}?labels=drift,staging`))).toEqual([drift.iid]);
    expect(iidsOf(await t.gitlab("GET", `${issues}?labels=staging&state=opened`))).toEqual([failure.iid, drift.iid]);
    expect(iidsOf(await t.gitlab("GET", `${issues}?labels=drift,deploy`))).toEqual([]);
    const none = await openIssue({ title: "Unlabelled" });
    expect(iidsOf(await t.gitlab("GET", `${issues}?labels=None`))).toEqual([none.iid]);
    expect(iidsOf(await t.gitlab("GET", `${issues}?labels=Any&per_page=100`))).not.toContain(none.iid);
  });

  test("search: title or description, case-insensitive", async () => {
    expect(iidsOf(await t.gitlab("GET", `${issues}?search=nightly`))).toEqual([drift.iid]);
    expect(iidsOf(await t.gitlab("GET", `${issues}?search=staging&state=opened`))).toEqual([failure.iid, drift.iid]);
    expect(iidsOf(await t.gitlab("GET", `${issues}?search=drift&labels=staging`))).toEqual([drift.iid]);
    expect(iidsOf(await t.gitlab("GET", `${issues}?search=no-such-text`))).toEqual([]);
  });
});

test("update: title, description, labels; close sets closed_at, reopen clears it; updated_at moves", async () => {
  const issue = await openIssue({ title: "To update", labels: "a,b" });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const edited = await t.gitlab("PUT", `${issues}/${issue.iid}`, {
    title: "Updated",
    description: "now described",
    labels: "c,a",
  });
  expect(edited.body).toMatchObject({ title: "Updated", description: "now described", labels: ["a", "c"] });
  expect(edited.body.updated_at > issue.updated_at).toBe(true);
  const relabelled = await t.gitlab("PUT", `${issues}/${issue.iid}`, { add_labels: "d", remove_labels: "a" });
  expect(relabelled.body.labels).toEqual(["c", "d"]);

  const closed = await t.gitlab("PUT", `${issues}/${issue.iid}`, { state_event: "close" });
  expect(closed.body).toMatchObject({ state: "closed", closed_by: { id: 1 }, title: "Updated" });
  expect(closed.body.closed_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  const reopened = await t.gitlab("PUT", `${issues}/${issue.iid}`, { state_event: "reopen" });
  expect(reopened.body).toMatchObject({ state: "opened", closed_at: null, closed_by: null });
  expect((await t.gitlab("PUT", `${issues}/${issue.iid}`, { state_event: "delete" })).status).toBe(400);
  expect(await t.gitlab("PUT", `${issues}/${issue.iid}`, { title: "" })).toMatchObject({
    status: 400,
    body: { message: { title: ["can't be blank"] } },
  });
  expect((await t.gitlab("GET", `${issues}/${issue.iid}`)).body.title).toBe("Updated");
});

test("notes: user_notes_count counts comments, not the system notes of a close; updated_at moves", async () => {
  const issue = await openIssue({ title: "Commented" });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const note = await t.gitlab("POST", `${issues}/${issue.iid}/notes`, { body: "Still drifting on 2nd run" });
  expect(note.status).toBe(201);
  expect(note.body).toMatchObject({ noteable_type: "Issue", noteable_iid: issue.iid, system: false });
  const after = (await t.gitlab("GET", `${issues}/${issue.iid}`)).body;
  expect(after.user_notes_count).toBe(1);
  expect(after.updated_at > issue.updated_at).toBe(true);

  await t.gitlab("PUT", `${issues}/${issue.iid}`, { state_event: "close" });
  expect((await t.gitlab("POST", `${issues}/${issue.iid}/notes`, { body: "closing note" })).status).toBe(201);
  expect((await t.gitlab("GET", `${issues}/${issue.iid}`)).body.user_notes_count).toBe(2);
  const listed = (await t.gitlab("GET", `${issues}/${issue.iid}/notes?sort=asc`)).body;
  expect(listed.map((n: any) => n.system)).toEqual([false, true, false]);
  expect(await t.gitlab("POST", `${issues}/${issue.iid}/notes`, { body: "x".repeat(1_000_001) })).toMatchObject({
    status: 400,
    body: { message: `400 Bad request - Note {:note=>["is too long (maximum is 1000000 characters)"]}` },
  });
});

test("lists are paginated like every GitLab list", async () => {
  for (let i = 0; i < 21; i++) await t.gitlab("POST", "/projects/acme%2Fweb/issues", { title: `bulk ${i}` });
  const first = await t.gitlab("GET", "/projects/acme%2Fweb/issues");
  expect(first.body).toHaveLength(20);
  expect(first.headers.get("x-total")).toBe("22");
  expect(first.headers.get("x-next-page")).toBe("2");
  expect((await t.gitlab("GET", "/projects/acme%2Fweb/issues?page=2")).body).toHaveLength(2);
});
