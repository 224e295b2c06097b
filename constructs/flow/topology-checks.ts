/**
 * The checks `HerokuFlow` makes of what it is given, before it builds a stack: the type of every field of the topology
 * and of its options (callers in plain JavaScript, or with a topology read from JSON, reach it with numbers where
 * strings belong, `null`, strings where a `DynoSize` belongs, or missing fields), the rules of the topology as a whole
 * (environment names), the review apps' part on every synth, and the code's process types.
 *
 * Each problem is reported with its field path (`environments[1].formation.web.size`), and the bad value is left out of
 * the topology the stacks are built from, so that building goes on and every other problem is reported too; nothing
 * is synthesized while a problem exists. Values of the right type are checked against their rules by the constructs
 * that use them (an unknown `DynoSize.of("huge")` by the formation), except the review apps': their stacks exist only
 * in a merge request's pipeline, so their values are checked here, on every synth.
 */
import * as fs from "node:fs";
import { BuildStack } from "../build-stack";
import { ConfigValue } from "../config-value";
import { DynoSize } from "../dyno-size";
import {
  expectArray,
  expectBoolean,
  expectInstance,
  expectNumber,
  expectRecord,
  expectRule,
  expectString,
  isRecord,
  type Report,
} from "../private/prop-types";
import {
  AUTO_STOP_IN,
  BUILD_STACK,
  CI_PROVIDERS,
  CI_SIDE_RULES,
  CIRCLECI_PROJECT_SLUG,
  closestOf,
  didYouMean,
  DOKKU_TOPOLOGY_RULES,
  DYNO_SIZE,
  dynoQuantityProblem,
  dynoTierConflict,
  environmentNameRule,
  EXPECTED_TYPES,
  GITLAB_DEPLOY_ACCESS_LEVEL,
  GITLAB_TAG,
  PIPELINE_STAGE,
  PLATFORMS,
  POSTGRES_PLAN,
  PROCESS_TYPE,
  type Rule,
  TOPOLOGY_RULES,
  TYPE_RULES,
  UUID,
} from "../private/rules";
import { PostgresPlan } from "../postgres-plan";
import { HerokuRegion } from "../region";
import type {
  CircleciCiSide,
  EnvironmentConfig,
  EnvironmentGitlabConfig,
  ProcessFormation,
  ReviewAppConfig,
  TopologyCiSide,
  TopologyConfig,
} from "./flow-config";
import { PIPELINE_STACK, reviewPrefixProblem } from "./flow-names";
import type { HerokuFlowOptions } from "./heroku-flow";

/** One of the library's enum-like classes, as a topology field holds it. */
interface EnumLike<T extends { readonly name: string }> {
  /** The class. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly type: Function & { readonly prototype: T };
  /** How a report names it, after "must be". */
  readonly what: string;
  /** A string's name as the class holds it (e.g. a Postgres plan's size with `heroku-postgresql:` before it). */
  readonly nameOf: (value: string) => string;
  /** The value rule's hint for a name no constant of the class has (retired plans and sizes name their successor). */
  readonly valueHint?: (name: string) => string | undefined;
}

const REGION_KIND: EnumLike<HerokuRegion> = {
  type: HerokuRegion,
  what: EXPECTED_TYPES.region,
  nameOf: (value) => value.toLowerCase(),
};

const DYNO_SIZE_KIND: EnumLike<DynoSize> = {
  type: DynoSize,
  what: EXPECTED_TYPES.dynoSize,
  nameOf: (value) => value.toLowerCase(),
  valueHint: (name) => DYNO_SIZE.hint?.(name),
};

const POSTGRES_PLAN_KIND: EnumLike<PostgresPlan> = {
  type: PostgresPlan,
  what: EXPECTED_TYPES.postgresPlan,
  nameOf: (value) => (value.includes(":") ? value : `heroku-postgresql:${value}`).toLowerCase(),
  // Given the full name, the rule's hint speaks only of retired plans.
  valueHint: (name) => POSTGRES_PLAN.hint?.(name),
};

const BUILD_STACK_KIND: EnumLike<BuildStack> = {
  type: BuildStack,
  what: EXPECTED_TYPES.buildStack,
  nameOf: (value) => value.toLowerCase(),
  valueHint: (name) => BUILD_STACK.hint?.(name),
};

/**
 * The topology as far as it is valid: each value of the wrong type left out (a missing `formation` is none, a missing
 * `postgres` no database, a bad environment `name` or `appName` no stack), each review value that breaks its rule left
 * out too. Its `processTypes` are the topology's, or else those the Procfile at `procfile` declares (none without
 * one). Fields this file does not know are passed on as they are.
 */
export function checkTopology(report: Report, value: unknown, procfile: string): TopologyConfig {
  const nothing = {
    environments: [],
    review: { formation: {} },
    sharedConfig: {},
    generatedSecrets: [],
  } as unknown as TopologyConfig;
  if (!expectRecord(report, "topology", value)) return nothing;
  // A Dokku topology is DokkuFlow's: reported alone, since every Heroku field it lacks would be a problem too.
  if (value.platform === "dokku") {
    report(
      "platform",
      value.platform,
      DOKKU_TOPOLOGY_RULES.builtByDokkuFlow,
      DOKKU_TOPOLOGY_RULES.builtByDokkuFlowHint,
    );
    return nothing;
  }
  if (value.platform !== undefined && value.platform !== "heroku") {
    report(
      "platform",
      value.platform,
      DOKKU_TOPOLOGY_RULES.platform,
      typeof value.platform === "string" ? didYouMean(value.platform, PLATFORMS) : undefined,
    );
  }
  const pipelineName = valueIf(expectString(report, "pipelineName", value.pipelineName), value.pipelineName);
  const region = enumLike(report, "region", value.region, REGION_KIND);
  const ci = checkCiSide(report, value.ci);
  const onCircleci = ci?.provider === "circleci";
  // GitLab's side needs its project; CircleCI's reads it only for GitLab-managed state. With an unknown side
  // (reported), a missing project is not a second problem.
  const gitlabProject = valueIf(
    expectString(report, "gitlabProject", value.gitlabProject, { optional: ci?.provider !== "gitlab" }),
    value.gitlabProject,
  );
  // Without GitLab's protected tags (which check it on the GitLab side), the pattern is checked here.
  const releaseTag = valueIf(
    onCircleci
      ? expectRule(report, "releaseTag", value.releaseTag, GITLAB_TAG)
      : expectString(report, "releaseTag", value.releaseTag),
    value.releaseTag,
  );
  const sharedConfig = checkConfig(report, "sharedConfig", value.sharedConfig, false) ?? {};
  const generatedSecrets = checkGeneratedSecrets(report, value.generatedSecrets);
  const environments = checkEnvironments(report, value.environments);
  checkEnvironmentNames(report, environments);
  if (onCircleci) checkNoGitlabSettings(report, environments);
  const review = onCircleci ? refuseReview(report, value.review) : checkReview(report, value.review);
  const processTypes = checkCodeProcessTypes(report, value.processTypes, procfile, environments, review);
  const checked = {
    ...value,
    pipelineName,
    region,
    ci,
    gitlabProject,
    releaseTag,
    sharedConfig,
    generatedSecrets,
    environments,
    review,
    processTypes,
  };
  // Every field a stack reads has its type now, or is absent after a reported problem.
  return checked as unknown as TopologyConfig;
}

/** An environment's stack can be built: its name and app name are strings (their rules are checked elsewhere). */
export function isBuildable<T extends { readonly name: string; readonly appName: string }>(
  environment: Partial<T>,
): environment is T {
  return typeof environment.name === "string" && typeof environment.appName === "string";
}

const ENVIRONMENT_NAME: Rule = environmentNameRule(PIPELINE_STACK);

/** Whether `name` can name an environment's stack: lowercase, starting with a letter, and not the pipeline's stack. */
export function isEnvironmentStackName(name: string): boolean {
  return ENVIRONMENT_NAME.test(name);
}

/** The options of `HerokuFlow` as far as they are valid. */
export function checkOptions(report: Report, options: unknown): HerokuFlowOptions {
  if (!expectRecord(report, "options", options, { optional: true })) return {};
  return {
    ...options,
    env: valueIf(expectRecord(report, "options.env", options.env, { optional: true }), options.env),
    procfile: valueIf(expectString(report, "options.procfile", options.procfile, { optional: true }), options.procfile),
  };
}

function checkEnvironments(report: Report, value: unknown): Partial<EnvironmentConfig>[] {
  if (!expectArray(report, "environments", value)) return [];
  return value.map((environment, index) => checkEnvironment(report, `environments[${index}]`, environment));
}

function checkEnvironment(report: Report, at: string, value: unknown): Partial<EnvironmentConfig> {
  if (!expectRecord(report, at, value)) return {};
  return {
    ...value,
    name: valueIf(expectString(report, `${at}.name`, value.name), value.name),
    appName: valueIf(expectString(report, `${at}.appName`, value.appName), value.appName),
    stage: valueIf(expectRule(report, `${at}.stage`, value.stage, PIPELINE_STAGE), value.stage),
    region: enumLike(report, `${at}.region`, value.region, REGION_KIND, true),
    stack: enumLike(report, `${at}.stack`, value.stack, BUILD_STACK_KIND, true),
    postgres: enumLike(report, `${at}.postgres`, value.postgres, POSTGRES_PLAN_KIND),
    formation: checkFormation(report, `${at}.formation`, value.formation, false),
    config: checkConfig(report, `${at}.config`, value.config, true),
    productionLike: valueIf(
      expectBoolean(report, `${at}.productionLike`, value.productionLike, { optional: true }),
      value.productionLike,
    ),
    gitlab: checkEnvironmentGitlab(report, `${at}.gitlab`, value.gitlab),
  } as Partial<EnvironmentConfig>;
}

/** An environment's GitLab side as far as it is valid (on either platform): undefined when absent or not an object. */
export function checkEnvironmentGitlab(
  report: Report,
  at: string,
  gitlab: unknown,
): EnvironmentGitlabConfig | undefined {
  if (!expectRecord(report, at, gitlab, { optional: true })) return undefined;
  return {
    ...gitlab,
    protectedVariables: valueIf(
      expectBoolean(report, `${at}.protectedVariables`, gitlab.protectedVariables, { optional: true }),
      gitlab.protectedVariables,
    ),
    protectedFor: valueIf(
      expectRule(report, `${at}.protectedFor`, gitlab.protectedFor, GITLAB_DEPLOY_ACCESS_LEVEL, { optional: true }),
      gitlab.protectedFor,
    ),
  };
}

/** Environment names each name a stack and a GitLab environment: unique, a stack's name, not a review app's. */
export function checkEnvironmentNames(report: Report, environments: readonly { readonly name?: string }[]): void {
  const seenNames = new Map<string, number>();
  environments.forEach(({ name }, index) => {
    if (name === undefined) return;
    const field = `environments[${index}].name`;
    const previous = seenNames.get(name);
    if (previous !== undefined) report(field, name, TOPOLOGY_RULES.environmentNameTaken(previous));
    else seenNames.set(name, index);
    if (!ENVIRONMENT_NAME.test(name)) report(field, name, ENVIRONMENT_NAME.description, ENVIRONMENT_NAME.hint?.(name));
    if (name.startsWith("review-") || name === "review") report(field, name, TOPOLOGY_RULES.reservedForReview);
    // App names (unique across every stack) are checked by the apps.
  });
}

/**
 * The CI side as far as it is valid: `{ provider: "gitlab" }` when absent; on CircleCI, each id or slug that breaks
 * its rule left out (HerokuFlow then leaves the CircleCI side out of the stacks, rather than each context report it).
 * An unknown provider is reported and nothing is assumed: undefined.
 */
function checkCiSide(report: Report, value: unknown): Partial<TopologyCiSide> | undefined {
  if (value === undefined) return { provider: "gitlab" };
  if (!expectRecord(report, "ci", value)) return undefined;
  const provider = value.provider;
  if (typeof provider !== "string" || !CI_PROVIDERS.includes(provider)) {
    report(
      "ci.provider",
      provider,
      CI_SIDE_RULES.provider,
      typeof provider === "string" ? didYouMean(provider, CI_PROVIDERS) : undefined,
    );
    return undefined;
  }
  if (provider === "gitlab") return { provider };
  const side: Partial<CircleciCiSide> = {
    provider: "circleci",
    organizationId: valueIf(expectRule(report, "ci.organizationId", value.organizationId, UUID), value.organizationId),
    projectSlug: valueIf(
      expectRule(report, "ci.projectSlug", value.projectSlug, CIRCLECI_PROJECT_SLUG),
      value.projectSlug,
    ),
    projectId: valueIf(expectRule(report, "ci.projectId", value.projectId, UUID), value.projectId),
  };
  return side;
}

/** On the CircleCI side, review apps are refused: CircleCI has no merge-request lifecycle to stop them. */
function refuseReview(report: Report, value: unknown): Partial<ReviewAppConfig> {
  if (value !== undefined) report("review", value, CI_SIDE_RULES.reviewOnCircleci, CI_SIDE_RULES.reviewOnCircleciHint);
  return { formation: {} };
}

/** On the CircleCI side, an environment's GitLab settings would be silently ignored: they are reported instead. */
function checkNoGitlabSettings(report: Report, environments: readonly Partial<EnvironmentConfig>[]): void {
  environments.forEach((environment, index) => {
    if (environment.gitlab === undefined) return;
    report(
      `environments[${index}].gitlab`,
      environment.gitlab,
      CI_SIDE_RULES.gitlabOnCircleci,
      CI_SIDE_RULES.gitlabOnCircleciHint,
    );
  });
}

/**
 * The review apps' part, checked in full on every synth: a review stack exists only in a merge request's pipeline,
 * so a prefix that makes no app name, a retired plan or a dyno size that cannot run would otherwise pass every
 * main-branch synth and fail the first merge request.
 */
function checkReview(report: Report, value: unknown): Partial<ReviewAppConfig> {
  // No review apps: an absent prefix builds none.
  if (value === undefined || !expectRecord(report, "review", value)) return { formation: {} };
  let appNamePrefix: string | undefined;
  if (expectString(report, "review.appNamePrefix", value.appNamePrefix)) {
    const problem = reviewPrefixProblem(value.appNamePrefix);
    if (problem) report(problem.field, problem.value, problem.rule, problem.hint);
    else appNamePrefix = value.appNamePrefix;
  }
  let postgres = enumLike(report, "review.postgres", value.postgres, POSTGRES_PLAN_KIND);
  if (postgres !== undefined && !POSTGRES_PLAN.test(postgres.name)) {
    report("review.postgres", postgres.name, POSTGRES_PLAN.description, POSTGRES_PLAN.hint?.(postgres.name));
    postgres = undefined;
  }
  return {
    ...value,
    appNamePrefix,
    postgres,
    formation: checkFormation(report, "review.formation", value.formation, true),
    autoStopIn: valueIf(
      expectRule(report, "review.autoStopIn", value.autoStopIn, AUTO_STOP_IN, { optional: true }),
      value.autoStopIn,
    ),
  };
}

/**
 * Dynos per process type: each entry of the right types is kept. With `checkValues` (the review apps'), each must also
 * pass the rules the formation construct applies (process type, size, quantity, sizes that cannot share an app).
 */
function checkFormation(
  report: Report,
  at: string,
  value: unknown,
  checkValues: boolean,
): Record<string, ProcessFormation> {
  const formation: Record<string, ProcessFormation> = {};
  if (!expectRecord(report, at, value)) return formation;
  for (const [type, entry] of Object.entries(value)) {
    const field = `${at}.${type}`;
    if (!expectRecord(report, field, entry)) continue;
    const size = enumLike(report, `${field}.size`, entry.size, DYNO_SIZE_KIND);
    const quantityValid = expectNumber(report, `${field}.quantity`, entry.quantity);
    if (size === undefined || !quantityValid) continue;
    const quantity = entry.quantity as number;
    if (checkValues && !reviewFormationValid(report, field, type, size, quantity, Object.values(formation))) continue;
    formation[type] = { ...entry, size, quantity };
  }
  return formation;
}

function reviewFormationValid(
  report: Report,
  field: string,
  type: string,
  size: DynoSize,
  quantity: number,
  earlier: readonly ProcessFormation[],
): boolean {
  if (!PROCESS_TYPE.test(type)) {
    report(field, type, PROCESS_TYPE.description, PROCESS_TYPE.hint?.(type));
    return false;
  }
  if (!DYNO_SIZE.test(size.name)) {
    report(`${field}.size`, size.name, DYNO_SIZE.description, DYNO_SIZE.hint?.(size.name));
    return false;
  }
  const quantityProblem = dynoQuantityProblem(quantity, size.name, size.maxQuantity);
  if (quantityProblem !== undefined) {
    report(`${field}.quantity`, quantity, quantityProblem);
    return false;
  }
  for (const other of earlier) {
    const conflict = dynoTierConflict(size.name, other.size.name);
    if (conflict !== undefined) {
      report(`${field}.size`, size.name, conflict);
      return false;
    }
  }
  return true;
}

/** Config vars: each value a string or a `ConfigValue` (keys are checked by the apps). */
export function checkConfig(
  report: Report,
  at: string,
  value: unknown,
  optional: boolean,
): Record<string, string | ConfigValue> | undefined {
  if (!expectRecord(report, at, value, { optional })) return undefined;
  const config: Record<string, string | ConfigValue> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === "string" || entry instanceof ConfigValue) config[key] = entry;
    else report(`${at}.${key}`, entry, TYPE_RULES.configValue);
  }
  return config;
}

/** The generated secrets' keys, each once: a key repeated, in any case, is reported and left out. */
export function checkGeneratedSecrets(report: Report, value: unknown): string[] {
  if (!expectArray(report, "generatedSecrets", value)) return [];
  const firstIndexOf = new Map<string, number>();
  return value.filter((key, index): key is string => {
    const field = `generatedSecrets[${index}]`;
    if (!expectString(report, field, key)) return false;
    const first = firstIndexOf.get(key.toLowerCase());
    if (first === undefined) {
      firstIndexOf.set(key.toLowerCase(), index);
      return true;
    }
    report(field, key, TOPOLOGY_RULES.generatedSecretRepeated(first), "list each secret once");
    return false;
  });
}

function checkProcessTypes(report: Report, value: unknown): Record<string, string> | undefined {
  if (!expectRecord(report, "processTypes", value, { optional: true })) return undefined;
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] =>
      expectString(report, `processTypes.${entry[0]}`, entry[1]),
    ),
  );
}

/** An instance of `kind`'s class; a string in its place is refused with the constant it names, when it names one. */
function enumLike<T extends { readonly name: string }>(
  report: Report,
  field: string,
  value: unknown,
  kind: EnumLike<T>,
  optional = false,
): T | undefined {
  return expectInstance(report, field, value, kind.type, kind.what, { optional, hint: enumHint(kind) })
    ? value
    : undefined;
}

function enumHint<T extends { readonly name: string }>(kind: EnumLike<T>): (value: unknown) => string | undefined {
  return (value) => {
    if (typeof value !== "string") return undefined;
    const name = kind.nameOf(value.trim());
    const constants = Object.entries(kind.type).filter((entry): entry is [string, T] => entry[1] instanceof kind.type);
    const constantNamed = (wanted: string | undefined) =>
      constants.find(([, constant]) => constant.name === wanted)?.[0];
    const exact = constantNamed(name);
    if (exact !== undefined) return `write ${kind.type.name}.${exact}`;
    const valueHint = kind.valueHint?.(name);
    if (valueHint !== undefined) return valueHint;
    const close = constantNamed(
      closestOf(
        name,
        constants.map(([, constant]) => constant.name),
      ),
    );
    return close === undefined ? undefined : `did you mean ${kind.type.name}.${close}?`;
  };
}

/** `value` when `valid` (its check reported it otherwise), else undefined. */
export function valueIf<T>(valid: boolean, value: unknown): T | undefined {
  return valid ? (value as T) : undefined;
}

/**
 * The process types a Procfile declares (`<type>: <command>` per line, as Heroku reads it), or undefined when there is
 * no Procfile. A line that is neither blank, a comment nor a declaration is a problem.
 */
function readProcfile(report: Report, file: string): Record<string, string> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const processTypes: Record<string, string> = {};
  fs.readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === "" || line.trim().startsWith("#")) return;
      const declaration = /^([A-Za-z0-9_-]+):\s*(\S.*)$/.exec(line.trim());
      if (declaration) processTypes[declaration[1]] = declaration[2];
      else report(`Procfile line ${index + 1}`, line, TOPOLOGY_RULES.procfileLine);
    });
  return processTypes;
}

/**
 * The code's process types: `given` (the topology's `processTypes`), or else those the Procfile at `procfile` declares
 * (undefined without one). Each formation, of an environment or of the review apps, must name one of them.
 */
export function checkCodeProcessTypes(
  report: Report,
  given: unknown,
  procfile: string,
  environments: readonly { readonly formation?: Readonly<Record<string, unknown>> }[],
  review: { readonly formation?: Readonly<Record<string, unknown>> },
): Record<string, string> | undefined {
  const processTypes = given === undefined ? readProcfile(report, procfile) : checkProcessTypes(report, given);
  if (processTypes !== undefined) {
    // A type whose command has the wrong type (reported) is still declared: its formation is not a second problem.
    const declared = Object.keys(isRecord(given) ? given : processTypes);
    checkFormationTypes(report, environments, review, declared);
  }
  return processTypes;
}

/**
 * Formation of a process type the code does not declare: Heroku refuses it ("Couldn't find that process type"), and
 * Dokku's `ps:scale` too.
 */
function checkFormationTypes(
  report: Report,
  environments: readonly { readonly formation?: Readonly<Record<string, unknown>> }[],
  review: { readonly formation?: Readonly<Record<string, unknown>> },
  declared: readonly string[],
): void {
  const formations = [
    ...environments.map((environment, index) => ({
      at: `environments[${index}].formation`,
      formation: environment.formation,
    })),
    { at: "review.formation", formation: review.formation },
  ];
  for (const { at, formation } of formations) {
    for (const type of Object.keys(formation ?? {}).filter((type) => !declared.includes(type))) {
      report(`${at}.${type}`, type, TOPOLOGY_RULES.declaredProcessType(declared));
    }
  }
}
