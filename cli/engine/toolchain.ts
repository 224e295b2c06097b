import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packageRoot } from "./package-root";

/** Where the offline toolchain keeps its mirror and settings (the same rule as cli/toolchain.sh). */
export function toolchainCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.HEROKU_FLOW_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "heroku-flow-cdktf")
  );
}

/**
 * Prepares the offline Terraform toolchain if needed (`cli/toolchain.sh`: Terraform from PATH or built, the providers
 * built from source into a filesystem mirror) and returns the variables it exports: TF_CLI_CONFIG_FILE,
 * TERRAFORM_BINARY_NAME, HEROKU_FLOW_GITLAB_PROVIDER_VERSION, …. Its progress lines go to this process's stderr (the
 * first build takes a minute or more, and says so); a failure throws with the script's own explanation above it.
 */
export function prepareToolchain(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const result = spawnSync("bash", [path.join(packageRoot(), "cli", "toolchain.sh"), "--env"], {
    encoding: "utf8",
    env: { ...env, HEROKU_FLOW_TOOLCHAIN_PROGRESS: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    throw new Error("the offline Terraform toolchain is not ready (its step and what to do are printed above)");
  }
  const exports: Record<string, string> = {};
  for (const match of result.stdout.matchAll(/^export (\w+)="(.*)"$/gm)) exports[match[1]] = match[2];
  return exports;
}

/** How a command gets Terraform and the providers. */
export type ToolchainMode = "offline" | "registry";

/**
 * Whether Terraform should take the providers from the offline mirror or from the Terraform registry:
 * `HEROKU_FLOW_OFFLINE=1` (or `0`) decides; otherwise the mirror when the toolchain set one up on this machine (`heroku-flow
 * toolchain`, or an earlier offline run), and the registry when it did not. A networked runner has no mirror, so it
 * builds nothing and installs the providers the bindings were generated for.
 */
export function toolchainMode(env: NodeJS.ProcessEnv = process.env): ToolchainMode {
  const offline = env.HEROKU_FLOW_OFFLINE;
  if (offline === "1" || offline === "true") return "offline";
  if (offline === "0" || offline === "false") return "registry";
  if (offline !== undefined && offline !== "") {
    throw new Error(`HEROKU_FLOW_OFFLINE: ${JSON.stringify(offline)} must be 1 or 0 (true or false)`);
  }
  return fs.existsSync(path.join(toolchainCacheDir(env), "toolchain.env")) ? "offline" : "registry";
}

/**
 * The settings Terraform runs with: the offline toolchain's exports in offline mode; none in registry mode, where
 * Terraform is the one on PATH (or `TERRAFORM_BINARY_NAME`) and `terraform init` downloads the providers.
 */
export function toolchainEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return toolchainMode(env) === "offline" ? prepareToolchain(env) : {};
}
