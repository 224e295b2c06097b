// @ts-nocheck
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** What a running (or last run) sandbox leaves behind for the CLI and for scripts: where it is and how to log in. */
export interface RunFile {
  url?: string;
  pid?: number | null;
  herokuApiKey: string;
  gitlabToken: string;
  stateFile?: string;
}

/**
 * The folder a checkout's sandbox keeps its run file, state and log in: `.sandbox/` at the project root, git-ignored.
 * It lives with the checkout because the checkout's local Terraform state refers to what the sandbox holds: a second
 * clone gets a sandbox of its own, and its first deploy does not collide with the first clone's apps.
 */
export const CHECKOUT_SANDBOX_DIR = resolve(__dirname, "..", ".sandbox");

/** `--run-file`, else `HEROKU_FLOW_SANDBOX_RUN_FILE`, else `.sandbox/run.json` in this checkout. */
export function defaultRunFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.HEROKU_FLOW_SANDBOX_RUN_FILE || join(CHECKOUT_SANDBOX_DIR, "run.json");
}

/** Reads a run file; undefined when it does not exist. */
export function readRunFile(path: string): RunFile | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, "utf8")) as RunFile;
}

/** Writes a run file atomically, readable only by the user (it holds the sandbox's dummy credentials). */
export function writeRunFile(path: string, run: RunFile): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(run, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path);
}
