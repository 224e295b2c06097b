/**
 * The checks `DokkuFlow` makes of what it is given, as `checkTopology` does for Heroku: the type of every field, each
 * problem reported with its field path and the bad value left out, so that every other problem is reported too. What
 * Heroku has and Dokku does not (a pipeline, regions, build stacks, add-ons, dyno sizes, Postgres plans) is refused
 * with the reason, never dropped in silence: a team moving a topology from Heroku learns what changes.
 *
 * Values of the right type are checked against Dokku's rules by the constructs that use them (an app name by
 * `DokkuApp`), except the review apps': their stacks exist only in a merge request's pipeline, so their values are
 * checked here, on every synth.
 */
import { DokkuPostgresOptions } from "../dokku-postgres";
import {
  expectArray,
  expectBoolean,
  expectRecord,
  expectRule,
  expectString,
  isRecord,
  type Report,
} from "../private/prop-types";
import { DynoSize } from "../dyno-size";
import { PostgresPlan } from "../postgres-plan";
import { AUTO_STOP_IN, DOKKU_LINK_ALIAS, DOKKU_TOPOLOGY_RULES, PLATFORMS, didYouMean } from "../private/rules";
import type {
  DokkuEnvironmentConfig,
  DokkuProcessFormation,
  DokkuReviewAppConfig,
  DokkuTopologyConfig,
} from "./dokku-config";
import type { TopologyConfig } from "./flow-config";
import { reviewPrefixProblem } from "./flow-names";
import { checkSecretsAndAddons } from "./secrets-and-addons";
import {
  checkCodeProcessTypes,
  checkConfig,
  checkEnvironmentGitlab,
  checkEnvironmentNames,
  checkGeneratedSecrets,
  valueIf,
} from "./topology-checks";

/** The Heroku fields of a topology, each refused on Dokku with its reason (and a hint when there is one). */
const HEROKU_TOPOLOGY_FIELDS: Readonly<Record<string, readonly [rule: string, hint?: string]>> = {
  pipelineName: [DOKKU_TOPOLOGY_RULES.pipelineName, DOKKU_TOPOLOGY_RULES.pipelineNameHint],
  region: [DOKKU_TOPOLOGY_RULES.region],
  addons: [DOKKU_TOPOLOGY_RULES.addons],
};

/** The Heroku fields of an environment. */
const HEROKU_ENVIRONMENT_FIELDS: Readonly<Record<string, readonly [rule: string, hint?: string]>> = {
  stage: [DOKKU_TOPOLOGY_RULES.stage],
  region: [DOKKU_TOPOLOGY_RULES.region],
  stack: [DOKKU_TOPOLOGY_RULES.stack],
  addons: [DOKKU_TOPOLOGY_RULES.addons],
};

/**
 * The Dokku topology as far as it is valid: each value of the wrong type, and each Heroku field, reported and left
 * out. Its `processTypes` are the topology's, or else those the Procfile at `procfile` declares (none without one).
 */
export function checkDokkuTopology(report: Report, value: unknown, procfile: string): DokkuTopologyConfig {
  const nothing = { environments: [], sharedConfig: {}, generatedSecrets: [] } as unknown as DokkuTopologyConfig;
  if (!expectRecord(report, "topology", value)) return nothing;
  if (value.platform !== "dokku") {
    const known = typeof value.platform === "string" && PLATFORMS.includes(value.platform);
    report(
      "platform",
      value.platform,
      known || value.platform === undefined ? DOKKU_TOPOLOGY_RULES.builtByHerokuFlow : DOKKU_TOPOLOGY_RULES.platform,
      known || value.platform === undefined
        ? DOKKU_TOPOLOGY_RULES.builtByHerokuFlowHint
        : didYouMean(String(value.platform), PLATFORMS),
    );
    return nothing;
  }
  const rest = refuseFields(report, "", value, HEROKU_TOPOLOGY_FIELDS);
  if (value.ci !== undefined && expectRecord(report, "ci", value.ci) && value.ci.provider !== "gitlab") {
    report("ci.provider", value.ci.provider, DOKKU_TOPOLOGY_RULES.circleci);
  }
  const generatedSecrets = checkGeneratedSecrets(report, value.generatedSecrets);
  const environments = checkEnvironments(report, value.environments);
  checkEnvironmentNames(report, environments);
  const review = checkReview(report, value.review);
  const processTypes = checkCodeProcessTypes(report, value.processTypes, procfile, environments, review);
  const checked = {
    ...rest,
    ci: { provider: "gitlab" },
    name: valueIf(expectString(report, "name", value.name), value.name),
    gitlabProject: valueIf(expectString(report, "gitlabProject", value.gitlabProject), value.gitlabProject),
    // Checked against GitLab's rules by the protected tag.
    releaseTag: valueIf(expectString(report, "releaseTag", value.releaseTag), value.releaseTag),
    sharedConfig: checkConfig(report, "sharedConfig", value.sharedConfig, false) ?? {},
    generatedSecrets,
    environments,
    review,
    processTypes,
  };
  // Secrets are checked as on Heroku (the function reads only the secrets of each level; add-ons were refused above).
  return checkSecretsAndAddons(report, checked as unknown as TopologyConfig) as unknown as DokkuTopologyConfig;
}

/** `value` without the fields of `fields`, each one it has reported at `at` (`""` for the topology itself). */
function refuseFields(
  report: Report,
  at: string,
  value: Record<string, unknown>,
  fields: Readonly<Record<string, readonly [rule: string, hint?: string]>>,
): Record<string, unknown> {
  const rest = { ...value };
  for (const [field, [rule, hint]] of Object.entries(fields)) {
    if (value[field] !== undefined) report(`${at}${field}`, value[field], rule, hint);
    delete rest[field];
  }
  return rest;
}

function checkEnvironments(report: Report, value: unknown): Partial<DokkuEnvironmentConfig>[] {
  if (!expectArray(report, "environments", value)) return [];
  return value.map((environment, index) => checkEnvironment(report, `environments[${index}]`, environment));
}

function checkEnvironment(report: Report, at: string, value: unknown): Partial<DokkuEnvironmentConfig> {
  if (!expectRecord(report, at, value)) return {};
  const rest = refuseFields(report, `${at}.`, value, HEROKU_ENVIRONMENT_FIELDS);
  return {
    ...rest,
    name: valueIf(expectString(report, `${at}.name`, value.name), value.name),
    appName: valueIf(expectString(report, `${at}.appName`, value.appName), value.appName),
    postgres: checkPostgres(report, `${at}.postgres`, value.postgres, false),
    formation: checkFormation(report, `${at}.formation`, value.formation),
    config: checkConfig(report, `${at}.config`, value.config, true),
    productionLike: valueIf(
      expectBoolean(report, `${at}.productionLike`, value.productionLike, { optional: true }),
      value.productionLike,
    ),
    // Domains, ports and buildpacks are checked by the app, with Dokku's rules.
    gitlab: checkEnvironmentGitlab(report, `${at}.gitlab`, value.gitlab),
  } as Partial<DokkuEnvironmentConfig>;
}

/**
 * A Postgres service: `true`, or its options (checked by the service construct, except for review apps: their alias
 * here, and no service name, since every review app needs a service of its own). A Heroku plan is refused.
 */
function checkPostgres(
  report: Report,
  at: string,
  value: unknown,
  review: boolean,
): true | DokkuPostgresOptions | undefined {
  if (value === undefined || value === true) return value;
  if (value instanceof PostgresPlan) {
    report(at, value.name, DOKKU_TOPOLOGY_RULES.postgresPlan, DOKKU_TOPOLOGY_RULES.postgresPlanHint);
    return undefined;
  }
  if (!isRecord(value)) {
    report(at, value, DOKKU_TOPOLOGY_RULES.postgresType);
    return undefined;
  }
  if (!review) return value as DokkuPostgresOptions;
  if (value.serviceName !== undefined) {
    report(`${at}.serviceName`, value.serviceName, DOKKU_TOPOLOGY_RULES.reviewServiceName);
    return undefined;
  }
  if (value.alias !== undefined && !expectRule(report, `${at}.alias`, value.alias, DOKKU_LINK_ALIAS)) return undefined;
  return value as DokkuPostgresOptions;
}

/** Processes per type: each a whole number from 0; a dyno size is refused (Dokku has none). */
function checkFormation(report: Report, at: string, value: unknown): Record<string, DokkuProcessFormation> | undefined {
  if (!expectRecord(report, at, value, { optional: true })) return undefined;
  const formation: Record<string, DokkuProcessFormation> = {};
  for (const [type, entry] of Object.entries(value)) {
    const field = `${at}.${type}`;
    if (!expectRecord(report, field, entry)) continue;
    if (entry.size !== undefined) {
      const shown = entry.size instanceof DynoSize ? entry.size.name : entry.size;
      report(`${field}.size`, shown, DOKKU_TOPOLOGY_RULES.dynoSize, DOKKU_TOPOLOGY_RULES.dynoSizeHint);
      continue;
    }
    const quantity = entry.quantity;
    if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 0) {
      report(`${field}.quantity`, quantity, DOKKU_TOPOLOGY_RULES.quantity);
      continue;
    }
    formation[type] = { quantity };
  }
  return formation;
}

/** The review apps' part, checked in full on every synth (their stacks exist only in merge-request pipelines). */
function checkReview(report: Report, value: unknown): Partial<DokkuReviewAppConfig> {
  if (value === undefined || !expectRecord(report, "review", value)) return {};
  const rest = refuseFields(report, "review.", value, { addons: [DOKKU_TOPOLOGY_RULES.addons] });
  let appNamePrefix: string | undefined;
  if (expectString(report, "review.appNamePrefix", value.appNamePrefix)) {
    const problem = reviewPrefixProblem(value.appNamePrefix);
    if (problem) report(problem.field, problem.value, problem.rule, problem.hint);
    else appNamePrefix = value.appNamePrefix;
  }
  return {
    ...rest,
    appNamePrefix,
    postgres: checkPostgres(report, "review.postgres", value.postgres, true),
    formation: checkFormation(report, "review.formation", value.formation),
    autoStopIn: valueIf(
      expectRule(report, "review.autoStopIn", value.autoStopIn, AUTO_STOP_IN, { optional: true }),
      value.autoStopIn,
    ),
  };
}
