import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

/** What a running (or last run) sandbox leaves behind for the CLI and for scripts: where it is and how to log in. */
export interface RunFile {
  url?: string;
  pid?: number | null;
  herokuApiKey: string;
  gitlabToken: string;
  stateFile?: string;
}

/** `--run-file`, else `HEROKU_FLOW_SANDBOX_RUN_FILE`, else `${XDG_CACHE_HOME:-~/.cache}/heroku-flow-cdktf/sandbox/run.json`. */
export function defaultRunFilePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HEROKU_FLOW_SANDBOX_RUN_FILE) return env.HEROKU_FLOW_SANDBOX_RUN_FILE;
  const cache = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(cache, "heroku-flow-cdktf", "sandbox", "run.json");
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
