import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./project-root";

/** The Node.js releases this project is tested on besides the machine's own, oldest line first (scripts/node-lines.json). */
export const NODE_RELEASES: readonly string[] = JSON.parse(
  fs.readFileSync(path.join(PROJECT_ROOT, "scripts", "node-lines.json"), "utf8"),
).releases;

/** The major version of a release, e.g. "24" of "24.21.0". */
export function majorOf(release: string): string {
  return release.split(".")[0];
}

/** The bin folder of the release of Node.js line `major`, installed once by scripts/node-line.sh (its progress shown). */
export function nodeLineBin(major: string): string {
  return execFileSync("bash", [path.join(PROJECT_ROOT, "scripts", "node-line.sh"), major], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}
