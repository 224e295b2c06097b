import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../../cli/engine/terraform-engine";

const ROOT = path.resolve(__dirname, "..", "..", "..");

/** Folders left out of the copy wherever they are: installed packages, and what synths, sandboxes and plans write. */
const GENERATED = new Set(["node_modules", "cdktf.out", ".sandbox", ".flow", ".terraform", "flow-plan"]);

/** Top-level folders left out of the copy: git, the build output (rebuilt in the copy), and local caches and reports. */
const TOP_LEVEL = new Set([".git", "dist", "terraform-state", "coverage", "reports", ".cache"]);

/**
 * Packs this working tree as `npm publish` would, into `destination`, and returns the tarball's path. The tree
 * (uncommitted files included) is copied to a scratch folder first, so that `prepack`'s build (`rm -rf dist && tsc`)
 * runs there: the checkout's own dist/, which other tests run, is never touched. The copy links the checkout's
 * node_modules for the build's compiler, and is removed afterwards.
 */
export async function packWorkingTree(destination: string): Promise<string> {
  const source = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-pack-"));
  const link = path.join(source, "node_modules");
  try {
    fs.cpSync(ROOT, source, {
      recursive: true,
      filter: (file) => {
        const name = path.basename(file);
        return !GENERATED.has(name) && !TOP_LEVEL.has(path.relative(ROOT, file)) && !name.startsWith(".stryker-tmp");
      },
    });
    fs.symlinkSync(path.join(ROOT, "node_modules"), link, "dir");
    const before = new Set(fs.readdirSync(destination));
    const pack = await run("npm", ["pack", "--pack-destination", destination], { cwd: source, env: process.env });
    if (pack.code !== 0) throw new Error(`npm pack exited ${pack.code}:\n${pack.stderr}${pack.stdout}`);
    const packed = fs.readdirSync(destination).filter((file) => file.endsWith(".tgz") && !before.has(file));
    if (packed.length !== 1) throw new Error(`npm pack wrote ${packed.join(", ") || "no tarball"} to ${destination}`);
    return path.join(destination, packed[0]);
  } finally {
    // The link first, on its own: nothing may reach the checkout's node_modules through it.
    fs.rmSync(link, { force: true });
    fs.rmSync(source, { recursive: true, force: true });
  }
}
