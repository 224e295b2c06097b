import { fillPlaceholders } from "./placeholders";
import type { InitOptions } from "./init-options";
import { engineDependency, SCAFFOLD_ENGINES } from "./scaffold-engines";
import { environmentAppName, PRODUCTION_ENVIRONMENT, reviewAppNamePrefix } from "./scaffold-names";

/** The template files, by path relative to their folder, with their text. */
export interface ScaffoldTemplates {
  /** `template/`: one file per scaffolded file, at the same relative path plus `.template`. */
  readonly files: ReadonlyMap<string, string>;
  /** `fragments/`: the pieces repeated inside a file (one environment of the topology). */
  readonly fragments: ReadonlyMap<string, string>;
}

/** The versions the scaffold's package.json pins. */
export interface ScaffoldVersions {
  /** This package's version: the scaffold depends on `^<version>`. */
  readonly library: string;
  /** The version of each package of {@link SCAFFOLD_PACKAGES}, as this package's own package.json pins it. */
  readonly packages: Readonly<Record<string, string>>;
  /** This package's `engines.node`: the scaffold runs where it does. */
  readonly node: string;
  /** This package's `overrides`, of which the scaffold takes its engine's CLI's ({@link ScaffoldEngine.cliOverrides}). */
  readonly overrides: Readonly<Record<string, string>>;
}

/**
 * The packages the scaffold installs besides this one and its engine, by the placeholder their version fills. One
 * `constructs` serves both engines: the version this package is tested with is one cdktf 0.21 and cdktn 0.24 accept.
 */
export const SCAFFOLD_PACKAGES: Readonly<Record<string, string>> = {
  constructsVersion: "constructs",
  typescriptVersion: "typescript",
  tsxVersion: "tsx",
  jestVersion: "jest",
  tsJestVersion: "ts-jest",
  typesJestVersion: "@types/jest",
  typesNodeVersion: "@types/node",
};

const TEMPLATE_SUFFIX = ".template";

/**
 * Template files whose scaffolded name differs from their own: npm leaves every `.gitignore` out of a published
 * package, so the template of one cannot carry that name.
 */
const RENAMED: Readonly<Record<string, string>> = { gitignore: ".gitignore" };

/**
 * Every package whose version the scaffold pins: {@link SCAFFOLD_PACKAGES}, each engine's package and CLI and what
 * its CLI needs replaced.
 */
export function pinnedPackages(): string[] {
  const engines = Object.values(SCAFFOLD_ENGINES).flatMap((engine) => [
    engine.package,
    engine.cli,
    ...(engine.cliOverrides ?? []),
  ]);
  return [...engines, ...Object.values(SCAFFOLD_PACKAGES)];
}

/** The region placeholder's value: the `HerokuRegion` member of each region. */
const REGION_MEMBERS: Readonly<Record<InitOptions["region"], string>> = { us: "US", eu: "EU" };

/**
 * Every file of a new project, by path relative to the project's directory, with its text. Pure: the templates and
 * versions are read by the caller, and nothing is written here.
 */
export function renderScaffold(
  options: InitOptions,
  templates: ScaffoldTemplates,
  versions: ScaffoldVersions,
): Map<string, string> {
  const values: Record<string, string> = {
    name: options.name,
    gitlabProject: options.gitlabProject,
    region: REGION_MEMBERS[options.region],
    reviewPrefix: reviewAppNamePrefix(options.name),
    environmentList: options.environments.join(", "),
    environments: options.environments
      .map((environment) => renderEnvironment(options, environment, templates))
      .join("\n"),
    libraryVersion: versions.library,
    ...engineValues(options, versions),
    ...Object.fromEntries(
      Object.entries(SCAFFOLD_PACKAGES).map(([placeholder, pkg]) => [placeholder, pinnedVersion(versions, pkg)]),
    ),
  };
  const files = new Map<string, string>();
  for (const [templatePath, template] of templates.files) {
    files.set(scaffoldPath(templatePath), fillPlaceholders(template, values, `template/${templatePath}`));
  }
  return files;
}

/**
 * The engine's placeholders: the `cdktf` dependency (an alias for cdktn), its CLI, the Node.js range, and the packages
 * its CLI needs replaced: each a development dependency and an entry of `overrides` that points at it, as in this
 * package's own package.json (lines of JSON after the CLI's and after the entry that pins `cdktf`).
 */
function engineValues(options: InitOptions, versions: ScaffoldVersions): Record<string, string> {
  const engine = SCAFFOLD_ENGINES[options.engine];
  const replaced = engine.cliOverrides ?? [];
  return {
    engineDependency: engineDependency(options.engine, pinnedVersion(versions, engine.package)),
    engineCli: engine.cli,
    engineCliVersion: pinnedVersion(versions, engine.cli),
    nodeEngine: engine.node ?? versions.node,
    engineCliReplacements: replaced.map((pkg) => `\n    ${jsonEntry(pkg, pinnedVersion(versions, pkg))},`).join(""),
    engineOverrides: replaced.map((pkg) => `,\n    ${jsonEntry(pkg, copiedOverride(versions, pkg))}`).join(""),
  };
}

/** `"key": "value"`, as JSON writes them. */
function jsonEntry(key: string, value: string): string {
  return `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
}

/** This package's override of `pkg`, which the scaffold copies; one it lacks is an error. */
function copiedOverride(versions: ScaffoldVersions, pkg: string): string {
  const override = versions.overrides[pkg];
  if (override === undefined) {
    throw new Error(`no override of ${pkg} to copy: heroku-flow-cdktf's package.json has none`);
  }
  return override;
}

/** The version of `pkg` to pin; a package without one would write `"undefined"` into package.json. */
function pinnedVersion(versions: ScaffoldVersions, pkg: string): string {
  const version = versions.packages[pkg];
  if (version === undefined)
    throw new Error(`no version of ${pkg} to pin: heroku-flow-cdktf's package.json names none`);
  return version;
}

/** One entry of the topology's `environments`, from the fragment of its stage. */
function renderEnvironment(options: InitOptions, environment: string, templates: ScaffoldTemplates): string {
  const stage = environment === PRODUCTION_ENVIRONMENT ? "production" : "staging";
  const fragmentPath = `${stage}-environment.ts${TEMPLATE_SUFFIX}`;
  const fragment = templates.fragments.get(fragmentPath);
  if (fragment === undefined) throw new Error(`fragments/${fragmentPath} is missing from the package`);
  // Without its last line break: the template puts the entries on lines of their own.
  return fillPlaceholders(
    fragment,
    { environment, appName: environmentAppName(options.name, environment) },
    `fragments/${fragmentPath}`,
  ).replace(/\n$/, "");
}

/** Where a template's file goes: its path without `.template`, renamed where npm would drop the name. */
function scaffoldPath(templatePath: string): string {
  if (!templatePath.endsWith(TEMPLATE_SUFFIX)) {
    throw new Error(`template/${templatePath}: every template's name ends in ${TEMPLATE_SUFFIX}`);
  }
  const withoutSuffix = templatePath.slice(0, -TEMPLATE_SUFFIX.length);
  const dir = withoutSuffix.includes("/") ? withoutSuffix.slice(0, withoutSuffix.lastIndexOf("/") + 1) : "";
  const base = withoutSuffix.slice(dir.length);
  return `${dir}${RENAMED[base] ?? base}`;
}
