import { spawnSync } from "node:child_process";

/** A full commit SHA, as Heroku records a slug's commit. */
const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * The commit being released: the one given, else the pipeline's (`CI_COMMIT_SHA`: a release tag's commit in a tag
 * pipeline), else the project's checked-out `HEAD`. An error naming the value and the rule when it is not a full SHA,
 * or when there is none.
 */
export function releaseCommit(dir: string, env: NodeJS.ProcessEnv, given?: string): string {
  const commit = given ?? (env.CI_COMMIT_SHA || checkedOutCommit(dir));
  if (commit === undefined) {
    throw new Error("no commit to release: give --commit SHA, or run in a git checkout (GitLab CI sets CI_COMMIT_SHA)");
  }
  if (!FULL_SHA.test(commit)) {
    throw new Error(`commit ${JSON.stringify(commit)} is not a full commit SHA (40 lowercase hex digits)`);
  }
  return commit;
}

function checkedOutCommit(dir: string): string | undefined {
  const git = spawnSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8" });
  return git.status === 0 ? git.stdout.trim() : undefined;
}
