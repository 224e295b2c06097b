import * as fs from "node:fs";
import * as path from "node:path";

/** The package's name: what `npm install` puts in node_modules and what the package root is found by. */
export const PACKAGE_NAME = "heroku-flow-cdktf";

/**
 * The root of the installed package (or of this checkout): the nearest folder above this file whose package.json is
 * this package's. The same code runs from `cli/` in a checkout and from `dist/cli/` in an installed package, at
 * different depths, so the root is found rather than counted.
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, "utf8")).name === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no ${PACKAGE_NAME} package.json above ${from}`);
  }
}

/** The package's version, from its package.json. */
export function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(packageRoot(), "package.json"), "utf8")).version;
}
