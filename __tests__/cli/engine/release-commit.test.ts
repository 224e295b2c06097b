/**
 * The commit a release names (cli/engine/release-commit.ts): the one given, else the pipeline's `CI_COMMIT_SHA`, else
 * the checked-out `HEAD` of the project — and outside a git checkout, with neither, one line saying what to give.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { releaseCommit } from "../../../cli/engine/release-commit";

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "release-commit-"));
  made.push(dir);
  return dir;
}

/** A git checkout with one commit; its full SHA. */
function checkout(): { dir: string; head: string } {
  const dir = tempDir();
  const git = (...args: string[]) => {
    const run = spawnSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.com",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.com",
      },
    });
    expect(run.status).toBe(0);
    return run.stdout.trim();
  };
  git("init", "-q");
  git("commit", "-q", "--allow-empty", "-m", "first");
  return { dir, head: git("rev-parse", "HEAD") };
}

const SHA = "a1".repeat(20);

test("in a git checkout without CI_COMMIT_SHA: the checked-out HEAD", () => {
  const { dir, head } = checkout();
  expect(head).toMatch(/^[0-9a-f]{40}$/);
  expect(releaseCommit(dir, {})).toBe(head);
});

test("CI_COMMIT_SHA before HEAD, the commit given before both", () => {
  const { dir } = checkout();
  expect(releaseCommit(dir, { CI_COMMIT_SHA: SHA })).toBe(SHA);
  expect(releaseCommit(dir, { CI_COMMIT_SHA: SHA }, "b2".repeat(20))).toBe("b2".repeat(20));
});

test("outside a git checkout, nothing given: one line saying what to give", () => {
  expect(() => releaseCommit(tempDir(), {})).toThrow(
    new Error("no commit to release: give --commit SHA, or run in a git checkout (GitLab CI sets CI_COMMIT_SHA)"),
  );
});
