import { spawn, spawnSync } from "node:child_process";
import * as path from "node:path";
// Not the barrel: loading the whole library (cdktf, the bindings) costs half a second `npm start` need not pay.
import { terraformVariableEnv } from "../../constructs/flow/flow-names";

import { PROJECT_ROOT } from "./project-root";

export { PROJECT_ROOT };

/**
 * Prepares the offline Terraform toolchain if needed (scripts/toolchain.sh) and returns the variables it exports:
 * TF_CLI_CONFIG_FILE, TERRAFORM_BINARY_NAME, HEROKU_FLOW_GITLAB_PROVIDER_VERSION, …. Progress lines go to this process's
 * stderr; a failure throws with the script's own explanation.
 */
export function toolchainEnv(root = PROJECT_ROOT): Record<string, string> {
  const result = spawnSync("bash", [path.join(root, "scripts", "toolchain.sh"), "--env"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    throw new Error("the Terraform toolchain is not ready (scripts/toolchain.sh said why above)");
  }
  const env: Record<string, string> = {};
  for (const match of result.stdout.matchAll(/^export (\w+)="(.*)"$/gm)) env[match[1]] = match[2];
  return env;
}

/** Where the providers should send their calls, and with which credentials. */
export interface Target {
  readonly herokuUrl: string;
  readonly herokuApiKey: string;
  readonly gitlabUrl: string;
  readonly gitlabToken: string;
}

/**
 * The environment for a cdktf run against `target`: provider endpoints and credentials, the deploy keys GitLab
 * variables hold, and the sandbox's timing knobs (the real platform needs its post-create waits; the sandbox does
 * not).
 */
export function deployEnv(target: Target, deployKeyVariables: readonly string[]): Record<string, string> {
  const deployKeys = Object.fromEntries(
    deployKeyVariables.map((variable) => [terraformVariableEnv(variable), target.herokuApiKey]),
  );
  return {
    ...deployKeys,
    HEROKU_API_URL: target.herokuUrl,
    HEROKU_API_KEY: target.herokuApiKey,
    GITLAB_BASE_URL: target.gitlabUrl,
    GITLAB_TOKEN: target.gitlabToken,
    TF_VAR_heroku_post_app_create_delay: "0",
    TF_VAR_heroku_post_domain_create_delay: "0",
    CI: "true",
    CHECKPOINT_DISABLE: "1",
    DISABLE_VERSION_CHECK: "true",
  };
}

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
      env: { ...process.env, ...env, PATH: `${path.join(PROJECT_ROOT, "node_modules", ".bin")}:${process.env.PATH}` },
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
