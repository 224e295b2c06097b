import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ProviderArchive } from "./sources";
import { StepFailure } from "./step-failure";

/** A provider's acceptance tests, built: the extracted tree (tests read fixtures from it) and one binary a package. */
export interface BuiltTests {
  /** The extracted source tree; each test runs in its package's directory, as `go test` would run it. */
  tree: string;
  /** Binary of each Go package directory. */
  binaries: Record<string, string>;
  /** Whether they came from the cache (nothing built this time). */
  cached: boolean;
}

/** Written last into a cache folder: a folder without it is an interrupted build and is built again. */
const COMPLETE = "complete";

/** The binary's file name for a package directory (`internal/provider/sdk` → `internal_provider_sdk.test`). */
export function binaryName(packageDir: string): string {
  return `${packageDir.replace(/[\\/]/g, "_")}.test`;
}

/**
 * The acceptance-test binaries of `packages` (`go test -c`, CGO_ENABLED=0, with the archive's build tags), built once
 * per archive digest under `cacheDir`. The archive is extracted next to them and kept: the tests read fixtures from
 * their package directory. A build goes to a scratch folder first and is renamed into place whole, so an interrupted
 * build never looks finished.
 */
export function buildAcceptanceTests(
  archive: ProviderArchive,
  packages: readonly string[],
  buildTags: readonly string[],
  cacheDir: string,
): BuiltTests {
  const target = path.join(cacheDir, `${archive.tree}-${archive.digest.slice(0, 16)}`);
  const layout = (root: string) => ({
    tree: path.join(root, archive.tree),
    binaries: Object.fromEntries(packages.map((dir) => [dir, path.join(root, "bin", binaryName(dir))])),
  });
  const ready = layout(target);
  if (fs.existsSync(path.join(target, COMPLETE)) && Object.values(ready.binaries).every((bin) => fs.existsSync(bin))) {
    return { ...ready, cached: true };
  }

  fs.mkdirSync(cacheDir, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(cacheDir, `.build-${archive.provider}-`));
  try {
    const step = `${archive.provider} build`;
    const untar = spawnSync("tar", ["-xzf", archive.file, "-C", scratch], { encoding: "utf8" });
    if (untar.status !== 0 || !fs.existsSync(path.join(scratch, archive.tree, "go.mod"))) {
      throw new StepFailure(
        `${archive.provider} archive`,
        `${path.basename(archive.file)} did not extract into ${archive.tree}/ with a go.mod (${lastLines(untar.stderr, 1) || "no output"})`,
        "replace it with the provider's release source archive",
      );
    }
    const staged = layout(scratch);
    for (const dir of packages) {
      const args = ["test", "-c", "-trimpath", "-buildvcs=false", "-o", staged.binaries[dir]];
      if (buildTags.length > 0) args.push("-tags", buildTags.join(","));
      args.push(`./${dir}`);
      const go = spawnSync("go", args, {
        cwd: staged.tree,
        encoding: "utf8",
        env: { ...process.env, CGO_ENABLED: "0" },
        maxBuffer: 64 * 1024 * 1024,
      });
      if (go.error || go.status !== 0) {
        throw new StepFailure(
          step,
          `go ${args.join(" ")} failed: ${lastLines(`${go.stdout}\n${go.stderr}`, 3) || String(go.error)}`,
          "check that Go >= 1.24 is on PATH and the Go module proxy (go env GOPROXY) answers, then run again",
        );
      }
    }
    fs.writeFileSync(path.join(scratch, COMPLETE), `${archive.digest}\n`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(scratch, target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { ...ready, cached: false };
}

function lastLines(text: string | null | undefined, count: number): string {
  return (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .join(" | ");
}
