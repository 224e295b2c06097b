/**
 * The sandbox's GitLab model of what merge-request review and drift reporting use — Terraform states and their locks,
 * merge requests, issues and notes — called in-process on a hand-built state: each rule's edge on its own, where the
 * HTTP tests (gitlab-merge-requests, gitlab-issues, gitlab-terraform-state) show the routes reach them.
 */
import {
  BadRequestError,
  BranchConflictError,
  ConflictError,
  InvalidNoteError,
  LockHeldError,
  NotAllowedError,
  NotFoundError,
  RecordNotFoundError,
  UnprocessableError,
  ValidationError,
} from "../../sandbox/gitlab/models/errors";
import {
  asNoteable as issueNoteable,
  createIssue,
  findIssue,
  issuesOf,
  updateIssue,
} from "../../sandbox/gitlab/models/issues";
import {
  asNoteable,
  createMergeRequest,
  findMergeRequest,
  mergeMergeRequest,
  mergeRequestsOf,
  pushToSourceBranch,
  updateMergeRequest,
} from "../../sandbox/gitlab/models/merge-requests";
import {
  createNote,
  deleteNote,
  findNote,
  MAX_NOTE_LENGTH,
  notesOf,
  updateNote,
  userNotesCount,
} from "../../sandbox/gitlab/models/notes";
import { ensureProject } from "../../sandbox/gitlab/models/projects";
import {
  deleteState,
  findState,
  lockState,
  unlockState,
  uploadState,
} from "../../sandbox/gitlab/models/terraform-states";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

let data: StoreData;
beforeEach(() => {
  data = consistentState();
});
const songlist = () => data.gitlab.projects[0];
const other = () => ensureProject(data, "other/tools").project;
const stateNamed = (name: string) => data.terraformStates.find((s) => s.projectId === 1 && s.name === name);
/** The system notes written since the fixture (whose ids end below 10). */
const systemNotes = () =>
  data.gitlab.notes.filter((n) => n.system && n.id >= 10).map((n) => [n.noteableType, n.noteableId, n.body]);

describe("Terraform states", () => {
  test("found by name within the project; a name over 255 characters is refused", () => {
    expect(findState(data, songlist(), "staging")?.name).toBe("staging");
    expect(findState(data, other(), "staging")).toBeUndefined();
    expect(findState(data, songlist(), "x".repeat(255))).toBeUndefined();
    expect(() => findState(data, songlist(), "x".repeat(256))).toThrow(new BadRequestError("name is too long"));
  });

  test("an upload stores the exact bytes of a document with a serial; an empty upload changes nothing", () => {
    const document = '{"version":4,"serial":7 ,"resources":[]}';
    uploadState(data, songlist(), "review", document, undefined);
    expect(stateNamed("review")).toMatchObject({ body: document, lock: null });
    uploadState(data, songlist(), "review", "", undefined);
    expect(stateNamed("review")?.body).toBe(document);
    uploadState(data, songlist(), "empty", "", undefined);
    expect(stateNamed("empty")).toMatchObject({ body: null, lock: null });
  });

  test.each([
    ["{ not json", "invalid JSON"],
    ['{"version":4}', "No serial in payload"],
    ["[1]", "No serial in payload"],
    ["null", "No serial in payload"],
    ['"serial"', "No serial in payload"],
  ])("the upload %s is refused: %s", (raw, message) => {
    expect(() => uploadState(data, songlist(), "production", raw, undefined)).toThrow(new UnprocessableError(message));
    expect(stateNamed("production")?.body).toBe(consistentState().terraformStates[1].body);
  });

  test("a lock keeps the fields Terraform reads back, blank when not sent; the holder wins, the loser learns who", () => {
    lockState(data, songlist(), "production", { ID: "l-2", Who: "me@ci", Operation: "OperationTypePlan" });
    expect(stateNamed("production")?.lock).toEqual({
      ID: "l-2",
      Operation: "OperationTypePlan",
      Info: "",
      Who: "me@ci",
      Version: "",
      Created: "",
      Path: "",
    });
    expect(() => lockState(data, songlist(), "production", { ID: "l-3" })).toThrow(LockHeldError);
    expect(() => lockState(data, songlist(), "production", { ID: "l-3" })).toThrow("state locked by l-2");
    lockState(data, songlist(), "new-state", { ID: "l-4" });
    expect(stateNamed("new-state")).toMatchObject({ body: null, lock: { ID: "l-4" } });
  });

  test("while locked, only the holder uploads or deletes; unlocked, anyone", () => {
    expect(() => uploadState(data, songlist(), "staging", '{"serial":4}', "other")).toThrow(LockHeldError);
    expect(() => uploadState(data, songlist(), "staging", '{"serial":4}', undefined)).toThrow(LockHeldError);
    expect(() => deleteState(data, songlist(), "staging", undefined)).toThrow(LockHeldError);
    uploadState(data, songlist(), "staging", '{"serial":4}', "lock-1");
    expect(stateNamed("staging")?.body).toBe('{"serial":4}');
    uploadState(data, songlist(), "production", '{"serial":1}', "any-id");
    deleteState(data, songlist(), "production", "any-id");
    expect(stateNamed("production")).toBeUndefined();
    deleteState(data, songlist(), "staging", "lock-1");
    expect(data.terraformStates).toEqual([]);
    expect(() => deleteState(data, songlist(), "staging", undefined)).toThrow(new NotFoundError(""));
  });

  test("an unlock by another ID is refused; without an ID it is forced; an unlocked or missing state is no error", () => {
    expect(() => unlockState(data, songlist(), "staging", "other")).toThrow(LockHeldError);
    expect(stateNamed("staging")?.lock?.ID).toBe("lock-1");
    unlockState(data, songlist(), "staging", "lock-1");
    expect(stateNamed("staging")?.lock).toBeNull();
    lockState(data, songlist(), "staging", { ID: "lock-2" });
    unlockState(data, songlist(), "staging", undefined);
    expect(stateNamed("staging")?.lock).toBeNull();
    unlockState(data, songlist(), "staging", "whatever");
    unlockState(data, songlist(), "missing", "whatever");
    expect(stateNamed("missing")).toBeUndefined();
  });
});

describe("merge requests", () => {
  const create = (sourceBranch: string, targetBranch = "main", title = "A change") =>
    createMergeRequest(data, songlist(), { title, sourceBranch, targetBranch });

  test("created open, numbered per project, with a made-up head; a blank title is refused", () => {
    const mr = create("feature/db", "main");
    expect(mr).toMatchObject({
      id: 10,
      iid: 2,
      projectId: 1,
      state: "opened",
      description: null,
      mergeCommitSha: null,
    });
    expect(mr.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(createMergeRequest(data, other(), { title: "t", sourceBranch: "a", targetBranch: "b" }).iid).toBe(1);
    expect(() => create("feature/x", "main", "  ")).toThrow(new ValidationError({ title: ["can't be blank"] }));
  });

  test("source and target differ; one open merge request per branch pair and project", () => {
    expect(() => create("main", "main")).toThrow(
      new BranchConflictError(["You can't use same project/branch for source and target"]),
    );
    expect(() => create("feature/scale", "main")).toThrow(
      new BranchConflictError(["Another open merge request already exists for this source branch: !1"]),
    );
    expect(create("feature/scale", "release").targetBranch).toBe("release");
    expect(
      createMergeRequest(data, other(), { title: "t", sourceBranch: "feature/scale", targetBranch: "main" }).iid,
    ).toBe(1);
    mergeMergeRequest(data, songlist(), data.gitlab.mergeRequests[0]);
    expect(create("feature/scale", "main").iid).toBe(3);
  });

  test("found by iid within the project; listed newest first, filtered by state and branches", () => {
    const second = create("feature/b");
    const third = create("feature/c", "release");
    updateMergeRequest(data, songlist(), second, { stateEvent: "close" });
    expect(findMergeRequest(data, songlist(), "2")).toBe(second);
    expect(() => findMergeRequest(data, other(), "1")).toThrow(new RecordNotFoundError("merge request"));
    const iids = (filter: Parameters<typeof mergeRequestsOf>[2]) =>
      mergeRequestsOf(data, songlist(), filter).map((m) => m.iid);
    expect(iids(undefined)).toEqual([3, 2, 1]);
    expect(iids({ state: "all" })).toEqual([3, 2, 1]);
    expect(iids({ state: "opened" })).toEqual([3, 1]);
    expect(iids({ state: "closed" })).toEqual([2]);
    expect(iids({ sourceBranch: "feature/c" })).toEqual([3]);
    expect(iids({ targetBranch: "main" })).toEqual([2, 1]);
    expect(iids({ targetBranch: "main", state: "opened" })).toEqual([1]);
    third.createdAt = "2025-01-01T00:00:00Z";
    expect(iids({})).toEqual([2, 1, 3]);
  });

  test("an update changes what it names; a blank title or a clash with another open one changes nothing", () => {
    const mr = data.gitlab.mergeRequests[0];
    updateMergeRequest(data, songlist(), mr, { title: "Scale web to 3", description: "why" });
    expect(mr).toMatchObject({ title: "Scale web to 3", description: "why", targetBranch: "main" });
    updateMergeRequest(data, songlist(), mr, { description: null });
    expect(mr).toMatchObject({ title: "Scale web to 3", description: null });
    create("feature/scale", "release");
    expect(() => updateMergeRequest(data, songlist(), mr, { targetBranch: "release", title: "moved" })).toThrow(
      BranchConflictError,
    );
    expect(() => updateMergeRequest(data, songlist(), mr, { title: "" })).toThrow(ValidationError);
    expect(mr).toMatchObject({ title: "Scale web to 3", targetBranch: "main", state: "opened" });
  });

  test("close and reopen leave a system note each; an event that does not apply is ignored", () => {
    const mr = data.gitlab.mergeRequests[0];
    updateMergeRequest(data, songlist(), mr, { stateEvent: "reopen" });
    expect(mr.state).toBe("opened");
    updateMergeRequest(data, songlist(), mr, { stateEvent: "close" });
    expect(mr.state).toBe("closed");
    expect(mr.closedAt).not.toBeNull();
    updateMergeRequest(data, songlist(), mr, { stateEvent: "close" });
    updateMergeRequest(data, songlist(), mr, { stateEvent: "reopen" });
    expect(mr).toMatchObject({ state: "opened", closedAt: null });
    expect(systemNotes()).toEqual([
      ["MergeRequest", 6, "closed"],
      ["MergeRequest", 6, "reopened"],
    ]);
  });

  test("a closed merge request may take a branch pair that is open elsewhere; reopening it then conflicts", () => {
    const mr = data.gitlab.mergeRequests[0];
    updateMergeRequest(data, songlist(), mr, { stateEvent: "close" });
    create("feature/scale", "main");
    expect(updateMergeRequest(data, songlist(), mr, { title: "still closed" }).title).toBe("still closed");
    expect(() => updateMergeRequest(data, songlist(), mr, { stateEvent: "reopen" })).toThrow(BranchConflictError);
    expect(mr.state).toBe("closed");
  });

  test("merged only while open and only at the head the caller tested", () => {
    const mr = data.gitlab.mergeRequests[0];
    expect(() => mergeMergeRequest(data, songlist(), mr, "0".repeat(40))).toThrow(
      new ConflictError("SHA does not match HEAD of source branch: abc123"),
    );
    pushToSourceBranch(mr, "def456");
    expect(mr.sha).toBe("def456");
    mergeMergeRequest(data, songlist(), mr, "def456");
    expect(mr.state).toBe("merged");
    expect(mr.mergedAt).not.toBeNull();
    expect(mr.mergeCommitSha).toMatch(/^[0-9a-f]{40}$/);
    expect(systemNotes()).toEqual([["MergeRequest", 6, "merged"]]);
    expect(() => mergeMergeRequest(data, songlist(), mr)).toThrow(new NotAllowedError("merge request is merged"));
    expect(pushToSourceBranch(mr).sha).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe("issues", () => {
  test("labels are trimmed, without blanks or duplicates, sorted; a blank title is refused", () => {
    const issue = createIssue(data, songlist(), { title: "Drift", labels: [" staging", "drift", "", "drift", "b"] });
    expect(issue).toMatchObject({
      id: 10,
      iid: 2,
      labels: ["b", "drift", "staging"],
      state: "opened",
      description: null,
    });
    expect(createIssue(data, other(), { title: "t" })).toMatchObject({ iid: 1, labels: [] });
    expect(() => createIssue(data, songlist(), { title: " " })).toThrow(
      new ValidationError({ title: ["can't be blank"] }),
    );
    expect(() => findIssue(data, other(), "2")).toThrow(new RecordNotFoundError("issue"));
    expect(findIssue(data, songlist(), "2")).toBe(issue);
  });

  test("listed newest first, by state, every label (None: none, Any: some), and a search in title or description", () => {
    createIssue(data, songlist(), { title: "Plain", description: "Mentions STAGING drift" });
    createIssue(data, songlist(), { title: "Only prod", labels: ["production"] });
    updateIssue(data, songlist(), data.gitlab.issues[0], { stateEvent: "close" });
    const iids = (filter: Parameters<typeof issuesOf>[2]) => issuesOf(data, songlist(), filter).map((i) => i.iid);
    expect(iids(undefined)).toEqual([3, 2, 1]);
    expect(iids({ state: "all" })).toEqual([3, 2, 1]);
    expect(iids({ state: "opened" })).toEqual([3, 2]);
    expect(iids({ state: "closed" })).toEqual([1]);
    expect(iids({ labels: ["drift", "staging"] })).toEqual([1]);
    expect(iids({ labels: ["drift", "production"] })).toEqual([]);
    expect(iids({ labels: ["None"] })).toEqual([2]);
    expect(iids({ labels: ["Any"] })).toEqual([3, 1]);
    expect(iids({ search: "staging" })).toEqual([2, 1]);
    expect(iids({ search: "PROD" })).toEqual([3]);
    expect(issuesOf(data, other())).toEqual([]);
  });

  test("an update replaces, adds and removes labels, keeps what it does not name, and notes state changes", () => {
    const issue = data.gitlab.issues[0];
    updateIssue(data, songlist(), issue, { addLabels: ["urgent"], removeLabels: ["staging "] });
    expect(issue).toMatchObject({ labels: ["drift", "urgent"], title: "Drift in staging", description: null });
    updateIssue(data, songlist(), issue, { labels: ["a"], addLabels: ["b"], description: "found by CI" });
    expect(issue).toMatchObject({ labels: ["a", "b"], description: "found by CI" });
    updateIssue(data, songlist(), issue, { title: "Drift", description: null });
    expect(issue).toMatchObject({ title: "Drift", description: null, labels: ["a", "b"] });
    expect(() => updateIssue(data, songlist(), issue, { title: "", labels: [] })).toThrow(ValidationError);
    expect(issue.labels).toEqual(["a", "b"]);
    updateIssue(data, songlist(), issue, { stateEvent: "reopen" });
    updateIssue(data, songlist(), issue, { stateEvent: "close" });
    expect(issue.closedAt).not.toBeNull();
    updateIssue(data, songlist(), issue, { stateEvent: "close" });
    updateIssue(data, songlist(), issue, { stateEvent: "reopen" });
    expect(issue).toMatchObject({ state: "opened", closedAt: null });
    expect(systemNotes()).toEqual([
      ["Issue", 7, "closed"],
      ["Issue", 7, "reopened"],
    ]);
  });

  test("an update of an open issue that is not a state event leaves it open and notes nothing", () => {
    const issue = createIssue(data, songlist(), { title: "Drift" });
    updateIssue(data, songlist(), issue, { title: "Drift in production" });
    expect(issue).toMatchObject({ state: "opened", closedAt: null, title: "Drift in production" });
    expect(systemNotes()).toEqual([]);
  });
});

describe("notes", () => {
  const mrNotes = () => asNoteable(data.gitlab.mergeRequests[0]);

  test("a comment touches what it is on and counts as a user note; system notes do not count", () => {
    const mr = data.gitlab.mergeRequests[0];
    const note = createNote(data, songlist(), mrNotes(), "plan: 2 to change");
    expect(note).toMatchObject({ id: 10, projectId: 1, noteableType: "MergeRequest", noteableId: 6, noteableIid: 1 });
    expect(note.system).toBe(false);
    expect(mr.updatedAt).toBe(note.createdAt);
    mergeMergeRequest(data, songlist(), mr);
    expect(userNotesCount(data, mrNotes())).toBe(2);
    expect(userNotesCount(data, issueNoteable(data.gitlab.issues[0]))).toBe(0);
  });

  test("a blank note, or one over the limit in characters (an emoji is one), is refused", () => {
    expect(() => createNote(data, songlist(), mrNotes(), " \n")).toThrow(
      new InvalidNoteError({ note: ["can't be blank"] }),
    );
    const tooLong = new InvalidNoteError({ note: [`is too long (maximum is ${MAX_NOTE_LENGTH} characters)`] });
    expect(() => createNote(data, songlist(), mrNotes(), "x".repeat(MAX_NOTE_LENGTH + 1))).toThrow(tooLong);
    expect(createNote(data, songlist(), mrNotes(), "x".repeat(MAX_NOTE_LENGTH)).body).toHaveLength(MAX_NOTE_LENGTH);
    expect(createNote(data, songlist(), mrNotes(), "😀".repeat(MAX_NOTE_LENGTH)).body).toHaveLength(
      2 * MAX_NOTE_LENGTH,
    );
    expect(() => createNote(data, songlist(), mrNotes(), "😀".repeat(MAX_NOTE_LENGTH + 1))).toThrow(tooLong);
  });

  test("listed in the order asked for, ties by id; found by id on its own noteable only", () => {
    const [first] = data.gitlab.notes;
    const second = createNote(data, songlist(), mrNotes(), "second");
    const third = createNote(data, songlist(), mrNotes(), "third");
    second.createdAt = third.createdAt = "2030-01-01T00:00:00Z";
    second.updatedAt = "2031-01-01T00:00:00Z";
    const ids = (orderBy: "created_at" | "updated_at", sort: "asc" | "desc") =>
      notesOf(data, mrNotes(), { orderBy, sort }).map((n) => n.id);
    expect(ids("created_at", "asc")).toEqual([first.id, second.id, third.id]);
    expect(ids("created_at", "desc")).toEqual([third.id, second.id, first.id]);
    expect(ids("updated_at", "desc")).toEqual([second.id, third.id, first.id]);
    expect(findNote(data, mrNotes(), String(second.id))).toBe(second);
    expect(() => findNote(data, issueNoteable(data.gitlab.issues[0]), String(second.id))).toThrow(
      new RecordNotFoundError("note"),
    );
  });

  test("an edit keeps the id and creation time; the same body again changes nothing; deleting removes one", () => {
    const note = createNote(data, songlist(), mrNotes(), "plan: 1 to add");
    note.updatedAt = note.createdAt = "2030-01-01T00:00:00Z";
    expect(updateNote(note, "plan: 1 to add").updatedAt).toBe("2030-01-01T00:00:00Z");
    updateNote(note, "plan: no changes");
    expect(note).toMatchObject({ body: "plan: no changes", createdAt: "2030-01-01T00:00:00Z" });
    expect(note.updatedAt).not.toBe("2030-01-01T00:00:00Z");
    expect(() => updateNote(note, "")).toThrow(InvalidNoteError);
    deleteNote(data, note);
    expect(data.gitlab.notes.map((n) => n.body)).toEqual(consistentState().gitlab.notes.map((n) => n.body));
  });

  test("notes of the same time are ordered by id whatever order the store holds them in", () => {
    const noteable = asNoteable(data.gitlab.mergeRequests[0]);
    const first = createNote(data, songlist(), noteable, "first");
    const second = createNote(data, songlist(), noteable, "second");
    first.createdAt = second.createdAt = "2030-01-01T00:00:00Z";
    data.gitlab.notes.reverse();
    const ids = (sort: "asc" | "desc") =>
      notesOf(data, noteable, { orderBy: "created_at", sort })
        .map((note) => note.id)
        .filter((id) => id === first.id || id === second.id);
    expect(ids("asc")).toEqual([first.id, second.id]);
    expect(ids("desc")).toEqual([second.id, first.id]);
  });
});
