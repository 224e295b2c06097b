import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
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
 * `root` is the package whose script and provider versions are used (the tests give a stand-in package).
 */
export function prepareToolchain(
  env: NodeJS.ProcessEnv = process.env,
  root: string = packageRoot(),
): Record<string, string> {
  const cache = toolchainCacheDir(env);
  const envFile = path.join(cache, "toolchain.env");
  const verifiedFile = path.join(cache, VERIFIED_FILE);
  const script = path.join(root, "cli", "toolchain.sh");
  const previous = readIfExists(envFile);
  if (previous !== undefined && readIfExists(verifiedFile) === readinessKey(root, script, previous, env)) {
    const exports = parseExports(previous);
    if (PATHS_EXPORTED.every((name) => exports[name] && fs.existsSync(exports[name]))) return exports;
  }
  const result = spawnSync("bash", [script, "--env"], {
    encoding: "utf8",
    env: { ...env, HEROKU_FLOW_TOOLCHAIN_PROGRESS: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    throw new Error("the offline Terraform toolchain is not ready (its step and what to do are printed above)");
  }
  fs.writeFileSync(verifiedFile, readinessKey(root, script, result.stdout, env));
  return parseExports(result.stdout);
}

/**
 * Where the last run of the script is recorded as verified. The script takes about 0.3 s even when everything is in
 * place (it asks node, terraform and go for versions), a sixth of a three-stack plan: its verdict is reused while
 * nothing it decides from has changed — the script, what it exported, the provider versions the package's bindings
 * accept, and the settings that point it at other binaries or sources — and the files it exported still exist.
 */
const VERIFIED_FILE = "toolchain.verified";

/** The exported settings that name files, each checked to exist before a recorded verdict is reused. */
const PATHS_EXPORTED = ["TF_CLI_CONFIG_FILE", "TERRAFORM_BINARY_NAME", "HEROKU_FLOW_PROVIDER_STATUS"];

/** The settings of the script that change what it builds or where it looks. */
const SCRIPT_SETTINGS = /^(HEROKU_FLOW_PROVIDER_SOURCES|HEROKU_FLOW_PROVIDERS|[A-Z]+_PROVIDER_(BINARY|VERSION)|PATH)$/;

/** What the script's verdict depends on, as one digest. */
function readinessKey(root: string, script: string, exported: string, env: NodeJS.ProcessEnv): string {
  // The files the script reads the accepted provider versions from (versions_accepted in toolchain.sh).
  const versionSources = [
    ".gen/versions.json",
    "dist/.gen/versions.json",
    "constructs/gitlab-provider-differences.json",
    "dist/constructs/gitlab-provider-differences.json",
  ].map((file) => readIfExists(path.join(root, file)) ?? "");
  for (const bindings of ["@cdktf/provider-gitlab", "@cdktf/provider-random"]) {
    versionSources.push(readIfExists(require.resolve(`${bindings}/package.json`, { paths: [root] })) ?? "");
  }
  const settings = Object.entries(env)
    .filter(([name]) => SCRIPT_SETTINGS.test(name))
    .sort(([a], [b]) => a.localeCompare(b));
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([fs.readFileSync(script, "utf8"), exported, versionSources, settings]))
    .digest("hex");
}

/** The `export NAME="value"` (or `NAME=value`) lines of the script's output. */
function parseExports(text: string): Record<string, string> {
  const exports: Record<string, string> = {};
  for (const match of text.matchAll(/^export (\w+)=(?:"(.*)"|(\S*))$/gm)) exports[match[1]] = match[2] ?? match[3];
  return exports;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
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
export function toolchainEnv(env: NodeJS.ProcessEnv = process.env, root?: string): Record<string, string> {
  return toolchainMode(env) === "offline" ? prepareToolchain(env, root) : {};
}
