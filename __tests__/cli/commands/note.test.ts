/**
 * `heroku-flow note`, run in process against a recording stand-in for GitLab's REST API, over a project directory with
 * a manifest (no Terraform: note reads only the manifest and what `plan` wrote). The note is the one place reviewers
 * see what a merge request will do, so the tests pin: which note is written (one per merge request, found by its
 * marker and edited in place, else created), the exact text (what merging and tagging deploy, from the manifest; the
 * review app only when there is one), and every refusal — outside a merge-request pipeline, no plan, no token, a note
 * too long for GitLab, an API error — with nothing posted and no note.md left behind as if it had been.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { UsageError } from "../../../cli/command";
import { note } from "../../../cli/commands/note";
import { GITLAB_NOTE_LIMIT, NOTE_MARKER, renderNote, type StackSummary } from "../../../cli/review";
import { FLOW_MANIFEST_FILE, type FlowManifest } from "../../../constructs/flow/flow-manifest";
import { fakeProject, removeFakeProjects, THREE_STACKS, type FakeProject } from "../engine/support/fake-project";
import { startRecordingServer, type Handler, type RecordingServer } from "../../support/recording-server";

afterAll(removeFakeProjects);

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const HEAD_SHA = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
const PIPELINE_URL = "https://gitlab.example.com/songs/songlist/-/pipelines/314";
const NOTES_PATH = "/projects/7/merge_requests/17/notes";
const NOTES_LIST = `${NOTES_PATH}?per_page=100&page=1&sort=asc&order_by=created_at`;

/** A staging plan as `plan` writes it to summary.json (no `secrets` field): one app deleted. */
const STAGING_PLAN = {
  stack: "staging",
  status: "changed",
  counts: { create: 0, update: 0, replace: 0, delete: 1, forget: 0, import: 0, move: 0 },
  changes: [],
  risks: [],
  outputChanges: [],
  drift: [],
  ignoredDrift: 0,
};

/** A risk: one deleted app whose address is `length` characters long. */
function deletion(length: number) {
  const address = `heroku_app.${"a".repeat(length - "heroku_app.".length)}`;
  return {
    address,
    type: "heroku_app",
    action: "delete",
    symbol: "-",
    actions: ["delete"],
    replacePaths: [],
    attributes: [],
  };
}

const WITH_RISK = [{ ...STAGING_PLAN, changes: [deletion(30)], risks: [deletion(30)] }];

/** The project: the plain app's manifest (pipeline and staging deploy on merge, production on a tag). */
function project(summaries: object[] | null = WITH_RISK, outDir = "flow-plan"): FakeProject {
  const fake = fakeProject({ stacks: THREE_STACKS });
  if (summaries) writeSummaries(fake, summaries, outDir);
  return fake;
}

function writeSummaries(fake: FakeProject, summaries: object[], outDir = "flow-plan") {
  fs.mkdirSync(path.join(fake.dir, outDir), { recursive: true });
  fs.writeFileSync(path.join(fake.dir, outDir, "summary.json"), JSON.stringify(summaries));
}

/** Rewrites the project's manifest with `change` applied. */
function editManifest(fake: FakeProject, change: (manifest: FlowManifest) => FlowManifest) {
  const file = path.join(fake.dir, "cdktf.out", FLOW_MANIFEST_FILE);
  fs.writeFileSync(file, JSON.stringify(change(JSON.parse(fs.readFileSync(file, "utf8")))));
}

/** GitLab with the given notes on the merge request; writes answer 201/200. */
function gitlabWithNotes(notes: object[]): Handler {
  return (request) => {
    if (request.method === "GET") return { status: 200, body: notes };
    return { status: request.method === "POST" ? 201 : 200, body: { id: 99, body: "" } };
  };
}

/** Runs `heroku-flow note <args>` in `fake`'s directory with a merge-request pipeline's variables. */
async function run(fake: FakeProject, args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const token = randomBytes(16).toString("hex");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    CI_MERGE_REQUEST_IID: "17",
    CI_API_V4_URL: server?.url,
    CI_PROJECT_ID: "7",
    CI_COMMIT_SHA: HEAD_SHA,
    CI_PIPELINE_URL: PIPELINE_URL,
    FLOW_GITLAB_TOKEN: token,
    ...extraEnv,
  };
  const outcome = note.run(args, { dir: fake.dir, env, print: (line) => lines.push(line) });
  return { outcome, lines, token };
}

const noteFile = (fake: FakeProject, outDir = "flow-plan") => path.join(fake.dir, outDir, "note.md");

/** What `plan` wrote, as the note renders it (`secrets` is never in the file). */
const asSummaries = (summaries: object[]) =>
  summaries.map((summary) => ({ ...summary, secrets: [] })) as unknown as StackSummary[];

const ON_MERGE =
  "`pipeline`, `staging` deployed from the default branch; this merge request's review app is destroyed.";
const ON_TAG = "`production` deployed from the protected tag.";

describe("usage errors", () => {
  test.each([
    [["--outdir", "x"], "note: Unknown option '--outdir' (see heroku-flow note --help)"],
    [["plans"], "note: Unexpected argument 'plans' (see heroku-flow note --help)"],
    [["--out"], "note: Option '--out <value>' argument missing (see heroku-flow note --help)"],
  ])("%j: %s", async (args, message) => {
    server = await startRecordingServer();
    const { outcome } = await run(project(), args);
    await expect(outcome).rejects.toThrow(new UsageError(message));
    await expect(outcome).rejects.toBeInstanceOf(UsageError);
    expect(server.requests).toEqual([]);
  });
});

describe("refusals: nothing posted, no note.md", () => {
  test("outside a merge-request pipeline (no CI_MERGE_REQUEST_IID): an error saying where notes are written", async () => {
    server = await startRecordingServer();
    const fake = project();
    const { outcome } = await run(fake, [], { CI_MERGE_REQUEST_IID: "" });
    await expect(outcome).rejects.toThrow(
      "CI_MERGE_REQUEST_IID is not set: notes are written in merge-request pipelines only",
    );
    expect(server.requests).toEqual([]);
    expect(fs.existsSync(noteFile(fake))).toBe(false);
  });

  test("no summary.json in the default flow-plan directory: an error naming the file and `plan`", async () => {
    server = await startRecordingServer();
    const fake = project(null);
    const { outcome } = await run(fake);
    await expect(outcome).rejects.toThrow(
      `${path.join(fake.dir, "flow-plan", "summary.json")} does not exist: run \`heroku-flow plan\` first`,
    );
    expect(server.requests).toEqual([]);
  });

  test("--out DIR is read relative to the project directory, not the process's", async () => {
    server = await startRecordingServer(gitlabWithNotes([]));
    const fake = project(WITH_RISK, "plans");
    const { outcome } = await run(fake, ["--out", "plans"]);
    expect(await outcome).toBe(0);
    expect(fs.readFileSync(noteFile(fake, "plans"), "utf8")).toBe((server.requests[1].json as { body: string }).body);
    expect(fs.existsSync(noteFile(fake))).toBe(false);
  });

  test("no FLOW_GITLAB_TOKEN: an error naming the token it needs", async () => {
    server = await startRecordingServer();
    const fake = project();
    const { outcome } = await run(fake, [], { FLOW_GITLAB_TOKEN: undefined });
    await expect(outcome).rejects.toThrow(
      "FLOW_GITLAB_TOKEN is not set (a project access token (api scope) for notes and issues)",
    );
    expect(server.requests).toEqual([]);
    expect(fs.existsSync(noteFile(fake))).toBe(false);
  });

  test("no CI_COMMIT_SHA: an error naming it (the note says which commit was planned)", async () => {
    server = await startRecordingServer();
    const { outcome } = await run(project(), [], { CI_COMMIT_SHA: undefined });
    await expect(outcome).rejects.toThrow("CI_COMMIT_SHA is not set (the commit's SHA)");
    expect(server.requests).toEqual([]);
  });

  test("a 401 from the notes list is an error naming the call; no note.md", async () => {
    server = await startRecordingServer(() => ({ status: 401, body: { message: "401 Unauthorized" } }));
    const fake = project();
    const { outcome, lines, token } = await run(fake);
    await expect(outcome).rejects.toThrow(`GET ${NOTES_LIST} answered 401: {"message":"401 Unauthorized"}`);
    await expect(outcome).rejects.not.toThrow(token);
    expect(server.calls()).toEqual([`GET ${NOTES_LIST}`]);
    expect(fs.existsSync(noteFile(fake))).toBe(false);
    expect(lines).toEqual([]);
  });

  test("a 500 on creating the note is an error; no note.md and no success line", async () => {
    server = await startRecordingServer((request) =>
      request.method === "GET" ? { status: 200, body: [] } : { status: 500, body: { message: "500 Internal" } },
    );
    const fake = project();
    const { outcome, lines } = await run(fake);
    await expect(outcome).rejects.toThrow(`POST ${NOTES_PATH} answered 500: {"message":"500 Internal"}`);
    expect(fs.existsSync(noteFile(fake))).toBe(false);
    expect(lines).toEqual([]);
  });
});

describe("the note", () => {
  test("no note of ours yet: creates one with the whole rendered note, writes note.md, exit 0", async () => {
    server = await startRecordingServer(gitlabWithNotes([{ id: 3, body: "LGTM" }]));
    const fake = project();
    const { outcome, lines, token } = await run(fake, [], { APP_URL: "https://songlist-review-17.example.com" });
    expect(await outcome).toBe(0);
    const expected = renderNote(asSummaries(WITH_RISK), {
      headSha: HEAD_SHA,
      pipelineUrl: PIPELINE_URL,
      onMerge: ON_MERGE,
      onTag: ON_TAG,
      reviewApp: { url: "https://songlist-review-17.example.com", expiresIn: "1 week" },
    });
    expect(server.calls()).toEqual([`GET ${NOTES_LIST}`, `POST ${NOTES_PATH}`]);
    expect(server.requests[1].json).toEqual({ body: expected });
    expect(server.requests[1].headers["private-token"]).toBe(token);
    expect(expected).toContain(`- **On merge:** ${ON_MERGE}`);
    expect(expected).toContain(`- **On a \`v*\` tag:** ${ON_TAG}`);
    expect(expected).toContain("- **Review app:** <https://songlist-review-17.example.com> (expires in 1 week)");
    expect(fs.readFileSync(noteFile(fake), "utf8")).toBe(expected);
    expect(lines).toEqual(["Created the plan note of merge request !17"]);
  });

  test("our note exists (found by its marker among others): edited in place, not added again", async () => {
    server = await startRecordingServer(
      gitlabWithNotes([
        { id: 3, body: "LGTM" },
        { id: 5, body: `${NOTE_MARKER}\n\nan older plan` },
      ]),
    );
    const fake = project();
    const { outcome, lines } = await run(fake);
    expect(await outcome).toBe(0);
    expect(server.calls()).toEqual([`GET ${NOTES_LIST}`, `PUT ${NOTES_PATH}/5`]);
    expect((server.requests[1].json as { body: string }).body).toBe(fs.readFileSync(noteFile(fake), "utf8"));
    expect(lines).toEqual(["Updated the plan note of merge request !17"]);
  });

  test("APP_URL unset: no review-app line", async () => {
    server = await startRecordingServer(gitlabWithNotes([]));
    const fake = project();
    expect(await (await run(fake)).outcome).toBe(0);
    const written = fs.readFileSync(noteFile(fake), "utf8");
    expect(written).toBe(
      renderNote(asSummaries(WITH_RISK), {
        headSha: HEAD_SHA,
        pipelineUrl: PIPELINE_URL,
        onMerge: ON_MERGE,
        onTag: ON_TAG,
      }),
    );
    expect(written).not.toContain("Review app");
  });

  test("APP_URL set but the app has no review apps (no review in the manifest): no review-app line", async () => {
    server = await startRecordingServer(gitlabWithNotes([]));
    const fake = project();
    editManifest(fake, ({ review: _review, ...manifest }) => manifest);
    expect(await (await run(fake, [], { APP_URL: "https://stale.example.com" })).outcome).toBe(0);
    expect(fs.readFileSync(noteFile(fake), "utf8")).not.toContain("Review app");
  });

  test("no stack deploys on merge or on a tag: the note says nothing is deployed from either", async () => {
    server = await startRecordingServer(gitlabWithNotes([]));
    const fake = project();
    editManifest(fake, (manifest) => ({
      ...manifest,
      stacks: manifest.stacks.map((stack) => ({ ...stack, deployOn: "review" as const })),
    }));
    expect(await (await run(fake, [], { CI_PIPELINE_URL: undefined })).outcome).toBe(0);
    expect(fs.readFileSync(noteFile(fake), "utf8")).toBe(
      renderNote(asSummaries(WITH_RISK), {
        headSha: HEAD_SHA,
        onMerge: "Nothing is deployed from the default branch.",
        onTag: "Nothing is deployed from release tags.",
      }),
    );
  });
});

describe("GitLab's note limit", () => {
  /** One stack with five deletions of the given address lengths (not in `changes`: rendering 1 MB is slow enough). */
  const withRisks = (lengths: number[]) => {
    const risks = lengths.map(deletion);
    return [{ ...STAGING_PLAN, risks }];
  };
  const LENGTHS = [200_000, 200_000, 200_000, 200_000];

  /**
   * How long the note is for `lengths` once every section is cut and the banner keeps only addresses: what it holds
   * besides the addresses, measured on short ones with renderNote's own limit, plus the addresses.
   */
  function shortestNoteLength(lengths: number[]): number {
    const small = lengths.map(() => 40);
    const context = { headSha: HEAD_SHA, pipelineUrl: PIPELINE_URL, onMerge: ON_MERGE, onTag: ON_TAG };
    const overhead = renderNote(asSummaries(withRisks(small)), context, { limit: 1 }).length - 40 * small.length;
    return overhead + lengths.reduce((sum, length) => sum + length, 0);
  }

  test("a note longer than the limit even with every section cut: refused naming both lengths; nothing posted", async () => {
    server = await startRecordingServer(gitlabWithNotes([]));
    const lengths = [...LENGTHS, GITLAB_NOTE_LIMIT + 1 - shortestNoteLength([...LENGTHS, 0])];
    const fake = project(withRisks(lengths));
    await expect((await run(fake)).outcome).rejects.toThrow(
      `the note has ${GITLAB_NOTE_LIMIT + 1} characters even with every section cut (GitLab takes ${GITLAB_NOTE_LIMIT}): ` +
        "see the plan job's summary.txt",
    );
    expect(server.requests).toEqual([]);
    expect(fs.existsSync(noteFile(fake))).toBe(false);
  });

  test("a note of exactly GitLab's limit is posted", async () => {
    server = await startRecordingServer(gitlabWithNotes([]));
    const lengths = [...LENGTHS, GITLAB_NOTE_LIMIT - shortestNoteLength([...LENGTHS, 0])];
    expect(await (await run(project(withRisks(lengths)))).outcome).toBe(0);
    expect((server.requests[1].json as { body: string }).body).toHaveLength(GITLAB_NOTE_LIMIT);
  });
});
