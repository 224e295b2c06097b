import * as fs from "node:fs";
import * as path from "node:path";
import { packageRoot } from "../engine/package-root";
import { pinnedPackages, type ScaffoldTemplates, type ScaffoldVersions } from "./scaffold";

/** The folder of `init`'s templates in the package: shipped as files, beside the compiled code's package root. */
function templatesDir(root: string = packageRoot()): string {
  return path.join(root, "cli", "init");
}

/** The templates and fragments, read from the package. */
export function readScaffoldTemplates(root: string = packageRoot()): ScaffoldTemplates {
  return {
    files: readTree(path.join(templatesDir(root), "template")),
    fragments: readTree(path.join(templatesDir(root), "fragments")),
  };
}

/**
 * The versions to pin, from this package's own package.json: the scaffold gets the toolchain this package is built
 * and tested with, its Node.js range and the overrides its engine's CLI needs.
 */
export function readScaffoldVersions(root: string = packageRoot()): ScaffoldVersions {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
    engines: { node: string };
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    overrides?: Record<string, string>;
  };
  const pinned = { ...manifest.devDependencies, ...manifest.dependencies };
  const packages = Object.fromEntries(
    pinnedPackages()
      .filter((pkg) => pinned[pkg] !== undefined)
      .map((pkg) => [pkg, pinned[pkg]]),
  );
  return { library: manifest.version, packages, node: manifest.engines.node, overrides: manifest.overrides ?? {} };
}

/** Every file below `dir`, by `/`-separated path relative to it, with its text. */
function readTree(dir: string, prefix = ""): Map<string, string> {
  const files = new Map<string, string>();
  // By hand rather than `readdirSync({ recursive: true })`, whose entries lack `parentPath` before Node 20.12.
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const [relative, text] of readTree(full, `${prefix}${entry.name}/`)) files.set(relative, text);
    } else if (entry.isFile()) {
      files.set(`${prefix}${entry.name}`, fs.readFileSync(full, "utf8"));
    }
  }
  return files;
}
