import * as fs from "node:fs";
import * as path from "node:path";

/**
 * docs/engines.md's table of bindings per engine, held to what is installed and committed: the prebuilt packages'
 * versions and the provider versions they were built for, and the versions of the generated bindings.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const page = fs.readFileSync(path.join(ROOT, "docs", "engines.md"), "utf8");
const own = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const generatedVersions: Record<string, string> = JSON.parse(
  fs.readFileSync(path.join(ROOT, ".gen", "versions.json"), "utf8"),
);

/** The table's row of a provider (by its source, e.g. `gitlabhq/gitlab`), as its cells. */
function row(source: string): string[] {
  const rows = page.split("\n").filter((text) => text.startsWith("| "));
  const found = rows
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .find(([first]) => first === source);
  if (found === undefined) throw new Error(`docs/engines.md has no row for ${source}`);
  return found;
}

/** An installed prebuilt provider package: its version and the provider version it was generated for. */
function prebuilt(pkg: string): { version: string; provider: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8"));
  return { version: manifest.version, provider: manifest.cdktf.provider.version };
}

test.each([
  ["gitlabhq/gitlab", "@cdktf/provider-gitlab"],
  ["hashicorp/random", "@cdktf/provider-random"],
])(
  "%s: the prebuilt package this package depends on, at its version, for the provider version it was built for",
  (source, pkg) => {
    const [, version, onCdktf] = row(source);
    const installed = prebuilt(pkg);
    expect(own.dependencies[pkg]).toBe(installed.version);
    expect(version).toBe(installed.provider);
    expect(onCdktf).toContain(`\`${pkg}\` ${installed.version}`);
  },
);

test.each([
  ["heroku/heroku", "registry.terraform.io/heroku/heroku"],
  ["CircleCI-Public/circleci", "registry.terraform.io/circleci-public/circleci"],
  ["aaronstillwell/dokku", "registry.terraform.io/aaronstillwell/dokku"],
])("%s: the version of the committed bindings, generated natively for cdktn by the script", (source, address) => {
  const [, version, , native] = row(source);
  expect(version).toBe(generatedVersions[address]);
  if (source === "heroku/heroku") expect(native).toContain("generate-bindings.js <dir> --engine cdktn");
});

test("the cdktn versions the page names are the ones this package is tested with", () => {
  expect(page).toContain(`"cdktf": "npm:cdktn@${own.devDependencies.cdktn}"`);
  expect(page).toContain(`\`cdktn-cli\` ${own.devDependencies["cdktn-cli"].replace(/\.0$/, "")}`);
});
