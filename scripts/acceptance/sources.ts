import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { toolchainCacheDir } from "../../cli/engine/toolchain";
import { PROJECT_ROOT } from "../lib/project-root";
import type { ProviderName } from "./selection";
import { StepFailure } from "./step-failure";

/**
 * The folder of the providers' release source archives, by the toolchain's rule (cli/toolchain.sh):
 * HEROKU_FLOW_PROVIDER_SOURCES, else `../shared/providers` beside the working directory, else beside this checkout.
 */
export function providerSourcesDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  if (env.HEROKU_FLOW_PROVIDER_SOURCES) return env.HEROKU_FLOW_PROVIDER_SOURCES;
  const candidates = [
    path.resolve(cwd, "..", "shared", "providers"),
    path.resolve(PROJECT_ROOT, "..", "shared", "providers"),
  ];
  return candidates.find((dir) => fs.existsSync(dir)) ?? candidates[candidates.length - 1];
}

/** The release source archive of a provider, named as the toolchain names it, and where its tree extracts to. */
export interface ProviderArchive {
  provider: ProviderName;
  version: string;
  file: string;
  /** The one directory the archive extracts into. */
  tree: string;
  /** SHA-256 of the archive: the key of its cached build. */
  digest: string;
}

export function locateArchive(provider: ProviderName, version: string, sourcesDir: string): ProviderArchive {
  const tree = `terraform-provider-${provider}-${version}`;
  const file = path.join(sourcesDir, `${tree}.tar.gz`);
  if (!fs.existsSync(file)) {
    throw new StepFailure(
      `${provider} archive`,
      `${file} is missing`,
      `put the provider's release source archive ${tree}.tar.gz there, or set HEROKU_FLOW_PROVIDER_SOURCES to its folder`,
    );
  }
  const digest = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  return { provider, version, file, tree, digest };
}

/** Where built test binaries are kept: beside the toolchain's mirror, one folder per archive digest. */
export function acceptanceCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(toolchainCacheDir(env), "acceptance");
}

/**
 * The Go on PATH: its version and its test2json (`go tool -n test2json`, which builds the tool into Go's cache the first
 * time: recent Go releases no longer ship it prebuilt), or a step failure saying how to get one.
 */
export function requireGo(): { version: string; test2json: string } {
  const version = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8" });
  if (version.error || version.status !== 0) {
    throw new StepFailure(
      "go",
      "Go is not on PATH; it builds the providers' acceptance-test binaries",
      "install Go >= 1.24 (https://go.dev/doc/install) and run again",
    );
  }
  // Outside any module, so that no go.mod's toolchain line is consulted.
  const tool = spawnSync("go", ["tool", "-n", "test2json"], { encoding: "utf8", cwd: os.tmpdir() });
  if (tool.status !== 0 || !tool.stdout.trim()) {
    throw new StepFailure(
      "go",
      `go tool -n test2json failed (${(tool.stderr ?? "").trim().split("\n").at(-1) ?? "no output"})`,
      "check the Go installation (go version, go env GOROOT) and run again",
    );
  }
  return { version: version.stdout.trim(), test2json: tool.stdout.trim() };
}
