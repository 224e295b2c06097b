/**
 * Merge requests and their notes as a merge-request pipeline uses them: open, read, comment, find its own comment by a
 * marker across pages, update it in place, close or merge.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeState } from "../../sandbox/inspect";
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;

beforeAll(async () => {
  t = await startSandbox({ projects: ["songlist/songlist", "acme/web"], recordExchanges: true });
});
afterAll(async () => {
  await t?.sandbox.close();
});

const mrs = "/projects/songlist%2Fsonglist/merge_requests";

async function openMergeRequest(source: string, title = `Change ${source}`): Promise<any> {
  const created = await t.gitlab("POST", mrs, { source_branch: source, target_branch: "main", title });
  expect(created.status).toBe(201);
  return created.body;
}

describe("merge requests", () => {
  test("create answers 201 with GitLab's fields; iids count per project from 1, ids are GitLab-wide", async () => {
    const first = await openMergeRequest("feature/a", "Add songs endpoint");
    expect(first).toMatchObject({
      iid: 1,
      project_id: 1,
      state: "opened",
      source_branch: "feature/a",
      target_branch: "main",
      title: "Add songs endpoint",
      merged_at: null,
      closed_at: null,
      user_notes_count: 0,
      author: { id: 1, username: "root" },
    });
    expect(first.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(first.web_url).toBe(`${t.sandbox.url}/songlist/songlist/-/merge_requests/1`);
    expect(first.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);

    const second = await openMergeRequest("feature/b");
    const elsewhere = await t.gitlab("POST", "/projects/acme%2Fweb/merge_requests", {
      source_branch: "feature/a",
      target_branch: "main",
      title: "Other project",
    });
    expect(second.iid).toBe(2);
    expect(elsewhere.body.iid).toBe(1);
    expect(new Set([first.id, second.id, elsewhere.body.id]).size).toBe(3);

    expect((await t.gitlab("GET", `${mrs}/2`)).body).toMatchObject({ id: second.id, iid: 2 });
    expect((await t.gitlab("GET", `/projects/1/merge_requests/1`)).body.title).toBe("Add songs endpoint");
  });

  test("unknown merge requests and projects are 404 in GitLab's words; a non-numeric iid is a 400", async () => {
    expect(await t.gitlab("GET", `${mrs}/999`)).toMatchObject({ status: 404, body: { message: "404 Not found" } });
    expect(await t.gitlab("PUT", `${mrs}/999/merge`)).toMatchObject({
      status: 404,
      body: { message: "404 Not found" },
    });
    expect(await t.gitlab("GET", "/projects/nobody%2Fnothing/merge_requests/1")).toMatchObject({
      status: 404,
      body: { message: "404 Project Not Found" },
    });
    expect(await t.gitlab("GET", `${mrs}/abc`)).toMatchObject({
      status: 400,
      body: { error: "merge_request_iid is invalid" },
    });
  });

  test("title, source and target branch are required; a blank title is a model error", async () => {
    expect(await t.gitlab("POST", mrs, { source_branch: "x", target_branch: "main" })).toMatchObject({
      status: 400,
      body: { error: "title is missing" },
    });
    expect(await t.gitlab("POST", mrs, { title: "t", target_branch: "main" })).toMatchObject({
      status: 400,
      body: { error: "source_branch is missing" },
    });
    expect(await t.gitlab("POST", mrs, { source_branch: "x", target_branch: "main", title: "  " })).toMatchObject({
      status: 400,
      body: { message: { title: ["can't be blank"] } },
    });
  });

  test("branch rules are conflicts: same source and target, or a second open MR for the same pair", async () => {
    expect(await t.gitlab("POST", mrs, { source_branch: "main", target_branch: "main", title: "t" })).toMatchObject({
      status: 409,
      body: { message: ["You can't use same project/branch for source and target"] },
    });
    const open = await openMergeRequest("feature/dup");
    expect(
      await t.gitlab("POST", mrs, { source_branch: "feature/dup", target_branch: "main", title: "again" }),
    ).toMatchObject({
      status: 409,
      body: { message: [`Another open merge request already exists for this source branch: !${open.iid}`] },
    });
    // Closed, the pair is free again.
    await t.gitlab("PUT", `${mrs}/${open.iid}`, { state_event: "close" });
    expect(
      (await t.gitlab("POST", mrs, { source_branch: "feature/dup", target_branch: "main", title: "t" })).status,
    ).toBe(201);
  });

  test("an open merge request's title and description change without conflicting with itself", async () => {
    const mr = await openMergeRequest("feature/retitle");
    const renamed = await t.gitlab("PUT", `${mrs}/${mr.iid}`, { title: "Retitled", description: "why" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ state: "opened", title: "Retitled", description: "why" });
  });

  test("close and reopen through state_event; title updates; a lost event changes nothing", async () => {
    const mr = await openMergeRequest("feature/close");
    const closed = await t.gitlab("PUT", `${mrs}/${mr.iid}`, { state_event: "close", title: "Renamed" });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: "closed", title: "Renamed", closed_by: { id: 1 } });
    expect(closed.body.closed_at).toMatch(/T/);
    const again = await t.gitlab("PUT", `${mrs}/${mr.iid}`, { state_event: "close" });
    expect(again.body.state).toBe("closed");
    const reopened = await t.gitlab("PUT", `${mrs}/${mr.iid}`, { state_event: "reopen" });
    expect(reopened.body).toMatchObject({ state: "opened", closed_at: null });
    expect(await t.gitlab("PUT", `${mrs}/${mr.iid}`, { state_event: "approve" })).toMatchObject({
      status: 400,
      body: { error: "state_event does not have a valid value" },
    });
  });

  test("merge: 200 and merged when open, 405 otherwise; a stale sha is a 409 naming the HEAD", async () => {
    const mr = await openMergeRequest("feature/merge");
    const stale = await t.gitlab("PUT", `${mrs}/${mr.iid}/merge`, { sha: "0".repeat(40) });
    expect(stale).toMatchObject({
      status: 409,
      body: { message: `SHA does not match HEAD of source branch: ${mr.sha}` },
    });

    // A push to the source branch moves its HEAD; the pipeline merges exactly what it tested.
    const pushed = await t.heroku("POST", `/sandbox/projects/1/merge_requests/${mr.iid}/push`, { sha: "a".repeat(40) });
    expect(pushed.body.sha).toBe("a".repeat(40));
    expect((await t.gitlab("GET", `${mrs}/${mr.iid}`)).body.sha).toBe("a".repeat(40));
    expect((await t.gitlab("PUT", `${mrs}/${mr.iid}/merge`, { sha: mr.sha })).status).toBe(409);

    const merged = await t.gitlab("PUT", `${mrs}/${mr.iid}/merge`, { sha: "a".repeat(40) });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ state: "merged", merged_by: { id: 1 } });
    expect(merged.body.merged_at).toMatch(/T/);
    expect(merged.body.merge_commit_sha).toMatch(/^[0-9a-f]{40}$/);

    expect(await t.gitlab("PUT", `${mrs}/${mr.iid}/merge`)).toMatchObject({
      status: 405,
      body: { message: "405 Method Not Allowed" },
    });
    const closed = await openMergeRequest("feature/closed-then-merge");
    await t.gitlab("PUT", `${mrs}/${closed.iid}`, { state_event: "close" });
    expect((await t.gitlab("PUT", `${mrs}/${closed.iid}/merge`)).status).toBe(405);
    // A merged merge request cannot be reopened.
    expect((await t.gitlab("PUT", `${mrs}/${mr.iid}`, { state_event: "reopen" })).body.state).toBe("merged");
  });

  test("list filters by state and branch, newest first, paginated", async () => {
    const all = await t.gitlab("GET", `${mrs}?per_page=100`);
    const states = (state: string) => all.body.filter((m: any) => m.state === state).length;
    expect((await t.gitlab("GET", `${mrs}?state=opened&per_page=100`)).body).toHaveLength(states("opened"));
    expect((await t.gitlab("GET", `${mrs}?state=merged&per_page=100`)).body).toHaveLength(states("merged"));
    expect((await t.gitlab("GET", `${mrs}?state=closed&per_page=100`)).body).toHaveLength(states("closed"));
    expect(states("opened") + states("merged") + states("closed")).toBe(all.body.length);
    expect(all.headers.get("x-total")).toBe(String(all.body.length));
    const iids = all.body.map((m: any) => m.iid);
    expect(iids).toEqual([...iids].sort((a, b) => b - a));

    const byBranch = await t.gitlab("GET", `${mrs}?source_branch=feature%2Fa`);
    expect(byBranch.body.map((m: any) => m.iid)).toEqual([1]);
    expect((await t.gitlab("GET", `${mrs}?state=draft`)).status).toBe(400);
    expect((await t.gitlab("GET", `${mrs}?state=all&per_page=100`)).body).toHaveLength(all.body.length);
    expect(await t.gitlab("GET", `${mrs}?state=locked`)).toMatchObject({ status: 200, body: [] });
  });

  test("merge takes GitLab's flags only; a refused merge leaves the merge request open", async () => {
    const mr = await openMergeRequest("feature/flags");
    expect(await t.gitlab("PUT", `${mrs}/${mr.iid}/merge`, { squash: "maybe" })).toMatchObject({
      status: 400,
      body: { error: "squash does not have a valid value" },
    });
    expect((await t.gitlab("GET", `${mrs}/${mr.iid}`)).body.state).toBe("opened");
  });
});

describe("merge request notes", () => {
  test("create, read, update in place (updated_at moves), delete", async () => {
    const mr = await openMergeRequest("feature/notes");
    const notes = `${mrs}/${mr.iid}/notes`;
    const created = await t.gitlab("POST", notes, { body: "Plan: 1 to add" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      body: "Plan: 1 to add",
      system: false,
      noteable_type: "MergeRequest",
      noteable_id: mr.id,
      noteable_iid: mr.iid,
      author: { id: 1, username: "root" },
    });
    expect(created.body.created_at).toBe(created.body.updated_at);
    expect((await t.gitlab("GET", `${mrs}/${mr.iid}`)).body.user_notes_count).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await t.gitlab("PUT", `${notes}/${created.body.id}`, { body: "Plan: 2 to add" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      id: created.body.id,
      body: "Plan: 2 to add",
      created_at: created.body.created_at,
    });
    expect(updated.body.updated_at > created.body.updated_at).toBe(true);
    // The same body again is no change: updated_at stays.
    const same = await t.gitlab("PUT", `${notes}/${created.body.id}`, { body: "Plan: 2 to add" });
    expect(same.body.updated_at).toBe(updated.body.updated_at);
    expect((await t.gitlab("GET", `${notes}/${created.body.id}`)).body.body).toBe("Plan: 2 to add");

    expect(await t.gitlab("PUT", `${notes}/${created.body.id}`, { body: "" })).toMatchObject({
      status: 400,
      body: { error: "body is empty" },
    });
    expect((await t.gitlab("DELETE", `${notes}/${created.body.id}`)).status).toBe(204);
    expect(await t.gitlab("GET", `${notes}/${created.body.id}`)).toMatchObject({
      status: 404,
      body: { message: "404 Not found" },
    });
    expect((await t.gitlab("DELETE", `${notes}/${created.body.id}`)).status).toBe(404);
    expect((await t.gitlab("GET", `${mrs}/${mr.iid}`)).body.user_notes_count).toBe(0);
  });

  test("body is required and may not be blank; notes of another merge request are not found", async () => {
    const mr = await openMergeRequest("feature/blank");
    const other = await openMergeRequest("feature/other");
    expect(await t.gitlab("POST", `${mrs}/${mr.iid}/notes`, {})).toMatchObject({
      status: 400,
      body: { error: "body is missing" },
    });
    expect(await t.gitlab("POST", `${mrs}/${mr.iid}/notes`, { body: "  " })).toMatchObject({
      status: 400,
      body: { message: `400 Bad request - Note {:note=>["can't be blank"]}` },
    });
    const note = await t.gitlab("POST", `${mrs}/${mr.iid}/notes`, { body: "mine" });
    expect((await t.gitlab("PUT", `${mrs}/${other.iid}/notes/${note.body.id}`, { body: "x" })).status).toBe(404);
    expect((await t.gitlab("POST", `${mrs}/999/notes`, { body: "x" })).status).toBe(404);
  });

  test("the list takes GitLab's order and sort; an unknown one, a non-numeric note id or a non-text body is a 400", async () => {
    const mr = await openMergeRequest("feature/note-params");
    const notes = `${mrs}/${mr.iid}/notes`;
    const first = await t.gitlab("POST", notes, { body: "first" });
    expect((await t.gitlab("POST", notes, { body: "second" })).status).toBe(201);
    const bodies = (answer: { body: any }) => answer.body.map((note: any) => note.body);
    expect(bodies(await t.gitlab("GET", `${notes}?order_by=created_at&sort=asc`))).toEqual(["first", "second"]);
    expect(bodies(await t.gitlab("GET", `${notes}?order_by=updated_at&sort=desc`))).toEqual(["second", "first"]);
    for (const [query, field] of [
      ["order_by=title", "order_by"],
      ["sort=up", "sort"],
    ]) {
      expect(await t.gitlab("GET", `${notes}?${query}`)).toMatchObject({
        status: 400,
        body: { error: `${field} does not have a valid value` },
      });
    }
    expect(await t.gitlab("PUT", `${notes}/${first.body.id}`, { body: { text: "x" } })).toMatchObject({
      status: 400,
      body: { error: "body is invalid" },
    });
    for (const method of ["GET", "PUT", "DELETE"]) {
      expect(await t.gitlab(method, `${notes}/first`, method === "PUT" ? { body: "x" } : undefined)).toMatchObject({
        status: 400,
        body: { error: "note_id is invalid" },
      });
    }
    expect(bodies(await t.gitlab("GET", notes))).toEqual(["second", "first"]);
  });

  test("GitLab's limit is 1,000,000 characters, counted as characters, not UTF-16 units", async () => {
    const mr = await openMergeRequest("feature/long");
    const notes = `${mrs}/${mr.iid}/notes`;
    expect((await t.gitlab("POST", notes, { body: "x".repeat(1_000_000) })).status).toBe(201);
    const tooLong = await t.gitlab("POST", notes, { body: "x".repeat(1_000_001) });
    expect(tooLong).toMatchObject({
      status: 400,
      body: { message: `400 Bad request - Note {:note=>["is too long (maximum is 1000000 characters)"]}` },
    });
    // 600,000 emoji are 1,200,000 UTF-16 units but 600,000 characters.
    expect((await t.gitlab("POST", notes, { body: "🚀".repeat(600_000) })).status).toBe(201);
    const small = await t.gitlab("POST", notes, { body: "short" });
    expect((await t.gitlab("PUT", `${notes}/${small.body.id}`, { body: "y".repeat(1_000_001) })).status).toBe(400);
    expect((await t.gitlab("GET", `${notes}/${small.body.id}`)).body.body).toBe("short");
  });

  test("a client pages through 20 notes a page to find its marker, then updates that note", async () => {
    const mr = await openMergeRequest("feature/paging");
    const notes = `${mrs}/${mr.iid}/notes`;
    const marker = "<!-- cdktf-plan:staging -->";
    expect((await t.gitlab("POST", notes, { body: `${marker}\nPlan: 3 to add` })).status).toBe(201);
    for (let i = 0; i < 44; i++) await t.gitlab("POST", notes, { body: `review comment ${i}` });

    const first = await t.gitlab("GET", notes);
    expect(first.body).toHaveLength(20);
    expect(first.headers.get("x-total")).toBe("45");
    expect(first.headers.get("x-total-pages")).toBe("3");
    expect(first.headers.get("x-per-page")).toBe("20");
    expect(first.headers.get("x-page")).toBe("1");
    expect(first.headers.get("x-next-page")).toBe("2");
    expect(first.headers.get("x-prev-page")).toBe("");
    expect(first.headers.get("link")).toContain('rel="next"');
    // Newest first by default: the marker note, written first, is not on page one.
    expect(first.body[0].body).toBe("review comment 43");
    expect(first.body.some((n: any) => n.body.includes(marker))).toBe(false);

    let found: any;
    let page: string | null = "1";
    let requests = 0;
    while (page && !found) {
      const response = await t.gitlab("GET", `${notes}?page=${page}`);
      requests++;
      found = response.body.find((n: any) => n.body.includes(marker));
      page = response.headers.get("x-next-page") || null;
    }
    expect(requests).toBe(3);
    expect((await t.gitlab("GET", `${notes}?page=3`)).headers.get("x-next-page")).toBe("");
    const updated = await t.gitlab("PUT", `${notes}/${found.id}`, { body: `${marker}\nNo changes.` });
    expect(updated.body.id).toBe(found.id);

    const ascending = await t.gitlab("GET", `${notes}?sort=asc&per_page=100`);
    expect(ascending.body).toHaveLength(45);
    expect(ascending.body[0].body).toBe(`${marker}\nNo changes.`);
    // per_page is capped at 100, as on GitLab.
    expect((await t.gitlab("GET", `${notes}?per_page=500`)).headers.get("x-per-page")).toBe("100");
    expect((await t.gitlab("GET", `${notes}?per_page=abc`)).status).toBe(400);
    expect((await t.gitlab("GET", `${notes}?page=9`)).body).toEqual([]);
  });

  test("closed and merged merge requests still take notes; state changes leave system notes", async () => {
    const mr = await openMergeRequest("feature/after-merge");
    await t.gitlab("PUT", `${mrs}/${mr.iid}/merge`);
    const notes = `${mrs}/${mr.iid}/notes`;
    expect((await t.gitlab("POST", notes, { body: "deployed to production" })).status).toBe(201);
    const list = (await t.gitlab("GET", `${notes}?sort=asc`)).body;
    expect(list.map((n: any) => [n.body, n.system])).toEqual([
      ["merged", true],
      ["deployed to production", false],
    ]);
    expect((await t.gitlab("GET", `${mrs}/${mr.iid}`)).body.user_notes_count).toBe(1);

    const closed = await openMergeRequest("feature/closed-note");
    await t.gitlab("PUT", `${mrs}/${closed.iid}`, { state_event: "close" });
    expect((await t.gitlab("POST", `${mrs}/${closed.iid}/notes`, { body: "why closed?" })).status).toBe(201);
  });

  test("the exchange recorder keeps the new GitLab calls like the others", async () => {
    const mr = await openMergeRequest("feature/recorded");
    await t.gitlab("POST", `${mrs}/${mr.iid}/notes`, { body: "recorded note" });
    const recorded = t.sandbox
      .exchanges()
      .filter((e) => e.api === "gitlab" && e.path === `/api/v4${mrs}/${mr.iid}/notes`);
    expect(recorded).toEqual([expect.objectContaining({ method: "POST", status: 201 })]);
    expect(JSON.parse(recorded[0].body).body).toBe("recorded note");
  });
});

test("inspect lists merge requests and issues by title, never a note's body", async () => {
  const mr = await openMergeRequest("feature/inspected", "Inspected change");
  await t.gitlab("POST", `${mrs}/${mr.iid}/notes`, { body: "plan output with s3cr3t-in-note" });
  await t.gitlab("POST", "/projects/1/issues", { title: "Inspected issue", labels: "drift" });
  const text = describeState((await t.heroku("GET", "/sandbox/state")).body, t.sandbox.url);
  expect(text).toContain(`merge request !${mr.iid} opened  feature/inspected → main  "Inspected change"  (1 notes)`);
  expect(text).toContain('issue #1 opened  "Inspected issue"  [drift]  (0 notes)');
  expect(text).not.toContain("s3cr3t-in-note");
});

test("a state file written before merge requests existed loads, and new records persist", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sandbox-old-state-"));
  const stateFile = join(dir, "state.json");
  try {
    const first = await startSandbox({ stateFile, projects: ["acme/web"] });
    await first.sandbox.close();
    // Strip the newer collections, as a file from before them would be.
    const old = JSON.parse(readFileSync(stateFile, "utf8"));
    delete old.gitlab.mergeRequests;
    delete old.gitlab.issues;
    delete old.gitlab.notes;
    writeFileSync(stateFile, JSON.stringify(old));

    const second = await startSandbox({ stateFile });
    const mr = await second.gitlab("POST", "/projects/acme%2Fweb/merge_requests", {
      source_branch: "f",
      target_branch: "main",
      title: "t",
    });
    expect(mr.status).toBe(201);
    expect((await second.gitlab("POST", "/projects/acme%2Fweb/issues", { title: "i" })).status).toBe(201);
    await second.sandbox.close();

    const third = await startSandbox({ stateFile });
    expect((await third.gitlab("GET", "/projects/acme%2Fweb/merge_requests/1")).body.id).toBe(mr.body.id);
    expect((await third.gitlab("GET", "/projects/acme%2Fweb/issues/1")).status).toBe(200);
    await third.sandbox.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
