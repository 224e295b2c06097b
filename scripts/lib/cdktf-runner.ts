/**
 * The real cdktf CLI, run the way a user runs it, for the end-to-end tests and the deploy benchmark. (The
 * `heroku-flow` engine does not need cdktf-cli; this repository's tests check the README's cdktf commands with it.)
 */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { PROJECT_ROOT } from "./project-root";

export { PROJECT_ROOT };

/** What one cdktf command did. */
export interface CdktfRun {
  readonly code: number;
  /** Everything it printed, without terminal colours. */
  readonly output: string;
  readonly seconds: number;
}

/**
 * Runs the real cdktf CLI (`node_modules/.bin/cdktf <args>`) in `cwd`, without blocking this process's event loop (a
 * sandbox served from this process keeps answering). Output is collected, and echoed when `echo` is set.
 */
export function runCdktf(
  args: string[],
  env: Record<string, string | undefined>,
  options: { cwd?: string; echo?: boolean } = {},
): Promise<CdktfRun> {
  const cwd = options.cwd ?? PROJECT_ROOT;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(PROJECT_ROOT, "node_modules", ".bin", "cdktf"), args, {
      cwd,
      // The app command in cdktf.json (`tsx main.ts`) is looked up on PATH, as under `npx cdktf`.
      env: {
        ...process.env,
        CI: "true",
        ...env,
        PATH: `${path.join(PROJECT_ROOT, "node_modules", ".bin")}:${process.env.PATH}`,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code: code ?? 1,
        output: stripAnsi(output),
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
      }),
    );
  });
}

export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\r/g, "");
}
