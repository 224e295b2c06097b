import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** What a running (or last run) sandbox leaves behind for the CLI and for scripts: where it is and how to log in. */
export interface RunFile {
  url?: string;
  pid?: number | null;
  herokuApiKey: string;
  gitlabToken: string;
  /** The CI job token the sandbox accepts; absent in run files written before job tokens existed. */
  gitlabJobToken?: string;
  /** The CircleCI token the sandbox accepts; absent in run files written before it served CircleCI's API. */
  circleciToken?: string;
  /**
   * The private key the Dokku server's `dokku` user accepts (OpenSSH format), for `DOKKU_SSH_CERT`; absent in run files
   * written before the sandbox served Dokku.
   */
  dokkuSshKey?: string;
  /** The Dokku server's host key (private, OpenSSH format): kept, so that `known_hosts` entries stay valid. */
  dokkuHostKey?: string;
  /** The port the Dokku server's SSH front listened on, reused on restart like the HTTP port. */
  dokkuSshPort?: number;
  stateFile?: string;
}

/**
 * The folder a project's sandbox keeps its run file, state and log in: `.sandbox/` in the project directory (the
 * current one), git-ignored. It lives with the project because the project's local Terraform state refers to what the
 * sandbox holds: a second clone gets a sandbox of its own, and its first deploy does not collide with the first
 * clone's apps.
 */
export function projectSandboxDir(projectDir: string = process.cwd()): string {
  return resolve(projectDir, ".sandbox");
}

/** `--run-file`, else `HEROKU_FLOW_SANDBOX_RUN_FILE`, else `.sandbox/run.json` in the project directory. */
export function defaultRunFilePath(env: NodeJS.ProcessEnv = process.env, projectDir: string = process.cwd()): string {
  return env.HEROKU_FLOW_SANDBOX_RUN_FILE || join(projectSandboxDir(projectDir), "run.json");
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
