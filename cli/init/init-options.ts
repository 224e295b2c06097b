import { PIPELINE_STACK } from "../../constructs/flow/flow-names";
import { parseCommandArgs } from "../args";
import { UsageError } from "../command";
import { DEFAULT_ENGINE, INIT_ENGINES, type InitEngine } from "./scaffold-engines";
import { environmentAppName, HEROKU_APP_NAME } from "./scaffold-names";

/** The Heroku regions a scaffold can name (`HerokuRegion.US`, `HerokuRegion.EU`). */
export const INIT_REGIONS = ["us", "eu"] as const;

/** A region of {@link INIT_REGIONS}. */
export type InitRegion = (typeof INIT_REGIONS)[number];

/** What `heroku-flow init` scaffolds, checked. */
export interface InitOptions {
  /** The project's name: the pipeline's, the production app's, and the start of every other app's. */
  readonly name: string;

  /** The GitLab project that deploys the apps, by full path (`group/project`, subgroups allowed). */
  readonly gitlabProject: string;

  /**
   * Where every app runs.
   *
   * @default "us"
   */
  readonly region: InitRegion;

  /**
   * The long-lived environments, in deploy order; `production` is the production stage, any other a staging one.
   *
   * @default ["staging", "production"]
   */
  readonly environments: readonly string[];

  /**
   * The CDK for Terraform engine the project runs on (see scaffold-engines.ts).
   *
   * @default "cdktf"
   */
  readonly engine: InitEngine;

  /**
   * The directory to write into, relative to the command's directory.
   *
   * @default - the command's directory
   */
  readonly dir?: string;
}

/** The value of `--environments` when it is not given. */
export const DEFAULT_ENVIRONMENTS = "staging,production";

/** The value of `--region` when it is not given. */
export const DEFAULT_REGION: InitRegion = "us";

/** The flags of `heroku-flow init`. */
const INIT_FLAGS = {
  name: { type: "string" },
  "gitlab-project": { type: "string" },
  region: { type: "string", default: DEFAULT_REGION },
  environments: { type: "string", default: DEFAULT_ENVIRONMENTS },
  engine: { type: "string", default: DEFAULT_ENGINE },
  dir: { type: "string" },
} as const;

/** A GitLab namespace or project path segment: letters, digits, `_`, `-`, `.`; not starting with `-` or `.`. */
const GITLAB_PATH_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

/** An environment's name: it names a stack, a GitLab environment and (after the project's name) a Heroku app. */
const ENVIRONMENT_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The options of an `init` command line. Every problem with the flags' values is collected and thrown as one
 * {@link UsageError}, one line each naming the flag, the value and the rule; an unknown flag, a flag without its value
 * or a missing flag is thrown before any value is checked.
 */
export function parseInitOptions(args: readonly string[]): InitOptions {
  const { values: flags } = parseCommandArgs("init", args, INIT_FLAGS);
  const { name, "gitlab-project": gitlabProject } = flags;
  if (name === undefined || gitlabProject === undefined) {
    const missing = [name === undefined && "--name", gitlabProject === undefined && "--gitlab-project"].filter(Boolean);
    throw new UsageError(`init: missing ${missing.join(" and ")} (see heroku-flow init --help)`);
  }
  const { region, engine } = flags;
  const environments = flags.environments.split(",").map((environment) => environment.trim());

  const problems = [
    ...nameProblems(name),
    ...gitlabProjectProblems(gitlabProject),
    ...regionProblems(region),
    ...engineProblems(engine),
    ...environmentProblems(environments),
  ];
  // The apps' names only mean something once the name and the environments are valid on their own.
  if (problems.length === 0) problems.push(...appNameProblems(name, environments));
  if (problems.length > 0) throw new UsageError(problems.join("\n"));

  return {
    name,
    gitlabProject,
    region: region as InitRegion,
    environments,
    engine: engine as InitEngine,
    dir: flags.dir,
  };
}

function nameProblems(name: string): string[] {
  if (HEROKU_APP_NAME.test(name)) return [];
  return [
    `--name: ${JSON.stringify(name)} must be a Heroku app name: 3-30 characters, lowercase letters, digits and ` +
      "dashes, starting with a letter and not ending with a dash",
  ];
}

function gitlabProjectProblems(project: string): string[] {
  const segments = project.split("/");
  const valid =
    segments.length >= 2 &&
    segments.every((segment) => GITLAB_PATH_SEGMENT.test(segment) && !/\.(git|atom)$/.test(segment));
  if (valid) return [];
  return [
    `--gitlab-project: ${JSON.stringify(project)} must be a GitLab project path, group/project (subgroups allowed), ` +
      "each part letters, digits, _, - and ., not starting with - or . and not ending in .git or .atom",
  ];
}

function regionProblems(region: string): string[] {
  if ((INIT_REGIONS as readonly string[]).includes(region)) return [];
  return [`--region: ${JSON.stringify(region)} must be one of ${INIT_REGIONS.join(", ")}`];
}

function engineProblems(engine: string): string[] {
  if ((INIT_ENGINES as readonly string[]).includes(engine)) return [];
  return [`--engine: ${JSON.stringify(engine)} must be one of ${INIT_ENGINES.join(", ")}`];
}

function environmentProblems(environments: readonly string[]): string[] {
  return environments.flatMap((environment, index) => {
    const value = JSON.stringify(environment);
    if (!ENVIRONMENT_NAME.test(environment)) {
      return [
        `--environments: ${value} must match ^[a-z][a-z0-9-]*$ (lowercase letters, digits and dashes, starting with ` +
          "a letter; environments are separated by commas)",
      ];
    }
    if (environment === PIPELINE_STACK) {
      return [`--environments: ${value} is the pipeline's stack; name the environment otherwise`];
    }
    if (environment.startsWith("review")) {
      return [`--environments: ${value} must not start with "review" (review apps' stacks are review-<id>)`];
    }
    if (environments.indexOf(environment) !== index) {
      return [`--environments: ${value} is given twice; each environment is one stack and must be unique`];
    }
    return [];
  });
}

function appNameProblems(name: string, environments: readonly string[]): string[] {
  return environments
    .map((environment) => ({ environment, appName: environmentAppName(name, environment) }))
    .filter(({ appName }) => !HEROKU_APP_NAME.test(appName))
    .map(
      ({ environment, appName }) =>
        `--name: ${JSON.stringify(name)} with environment ${JSON.stringify(environment)} makes the app name ` +
        `${JSON.stringify(appName)} (${appName.length} characters), which must be a Heroku app name of at most 30 ` +
        "characters, not ending with a dash; shorten --name or the environment",
    );
}
