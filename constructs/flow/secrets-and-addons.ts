/**
 * The checks `HerokuFlow` makes of the topology's `secrets` and `addons` (shared, per environment, for review apps),
 * once for the whole topology so that a bad shared entry is reported once, with its field path
 * (`environments[1].secrets.STRIPE_KEY.variable`), not once per stack. Each bad entry is left out of the topology the
 * stacks are built from, so that building goes on and every other problem is reported too.
 *
 * Add-on plans and attachment names of long-lived environments are checked by the add-ons their stacks build; the
 * review apps' are checked here, on every synth, since a review stack exists only in a merge request's pipeline.
 */
import type { HerokuAddonOptions } from "../heroku-addon";
import { configVarsSetBy, serviceOf } from "../private/addon-services";
import { expectBoolean, expectRecord, expectRule, expectString, type Report } from "../private/prop-types";
import {
  ADDON_AND_SECRET_RULES,
  ADDON_PLAN,
  ATTACHMENT_NAME,
  CONFIG_VAR_KEY,
  POSTGRES_PLAN,
  TERRAFORM_VARIABLE_NAME,
} from "../private/rules";
import type { EnvironmentConfig, ReviewAppConfig, TopologyConfig, TopologySecret } from "./flow-config";

/** `topology` with its `secrets` and `addons`, at every level, as far as they are valid. */
export function checkSecretsAndAddons(report: Report, topology: TopologyConfig): TopologyConfig {
  const generated = new Set(topology.generatedSecrets ?? []);
  const environments = (topology.environments ?? []).map(
    (environment, index): EnvironmentConfig => ({
      ...environment,
      secrets: checkSecrets(report, `environments[${index}].secrets`, environment.secrets, generated),
      addons: checkAddons(report, `environments[${index}].addons`, environment.addons, false),
    }),
  );
  // As checkTopology left it: without review apps, a review part with no prefix.
  const review: Partial<ReviewAppConfig> = topology.review ?? {};
  const checked: TopologyConfig = {
    ...topology,
    secrets: checkSecrets(report, "secrets", topology.secrets, generated),
    addons: checkAddons(report, "addons", topology.addons, false),
    environments,
    review: {
      ...review,
      secrets: checkSecrets(report, "review.secrets", review.secrets, generated),
      addons: checkAddons(report, "review.addons", review.addons, true),
    } as ReviewAppConfig,
  };
  checkReviewAddonKeys(report, checked);
  return checked;
}

/**
 * Every Terraform variable the secrets of an environment (or of review apps) require, shared ones included, for the
 * manifest: undefined when there is none, so that the manifest of a topology without secrets reads as before.
 */
export function secretVariablesOf(
  topology: { readonly secrets?: Record<string, TopologySecret> },
  own: Record<string, TopologySecret> | undefined,
): string[] | undefined {
  const variables = [...new Set(Object.values({ ...topology.secrets, ...own }).map((secret) => secret.variable))];
  return variables.length > 0 ? variables : undefined;
}

function checkSecrets(
  report: Report,
  at: string,
  value: unknown,
  generated: ReadonlySet<string>,
): Record<string, TopologySecret> | undefined {
  if (!expectRecord(report, at, value, { optional: true })) return undefined;
  const secrets: Record<string, TopologySecret> = {};
  for (const [key, entry] of Object.entries(value)) {
    const field = `${at}.${key}`;
    if (!expectRule(report, field, key, CONFIG_VAR_KEY) || !expectRecord(report, field, entry)) continue;
    const description = entry.description;
    if (
      !expectRule(report, `${field}.variable`, entry.variable, TERRAFORM_VARIABLE_NAME) ||
      !absentOr(description, () => expectString(report, `${field}.description`, description))
    ) {
      continue;
    }
    if (generated.has(key)) {
      report(field, key, ADDON_AND_SECRET_RULES.alsoGenerated, ADDON_AND_SECRET_RULES.alsoGeneratedHint);
      continue;
    }
    secrets[key] = { variable: entry.variable as string, description: description as string | undefined };
  }
  return secrets;
}

function checkAddons(
  report: Report,
  at: string,
  value: unknown,
  checkValues: boolean,
): Record<string, HerokuAddonOptions> | undefined {
  if (!expectRecord(report, at, value, { optional: true })) return undefined;
  const addons: Record<string, HerokuAddonOptions> = {};
  for (const [id, entry] of Object.entries(value)) {
    const field = `${at}.${id}`;
    if (!expectRecord(report, field, entry)) continue;
    const typed =
      expectString(report, `${field}.plan`, entry.plan) &&
      absentOr(entry.attachmentName, () => expectString(report, `${field}.attachmentName`, entry.attachmentName)) &&
      absentOr(entry.preventDestroy, () => expectBoolean(report, `${field}.preventDestroy`, entry.preventDestroy));
    if (!typed) continue;
    const options = entry as unknown as HerokuAddonOptions;
    if (checkValues && !addonValuesValid(report, field, options)) continue;
    addons[id] = options;
  }
  return addons;
}

/** The rules `HerokuAddon` applies to the plan and attachment name. */
function addonValuesValid(report: Report, field: string, options: HerokuAddonOptions): boolean {
  if (!expectRule(report, `${field}.plan`, options.plan, ADDON_PLAN)) return false;
  if (
    serviceOf(options.plan) === "heroku-postgresql" &&
    !expectRule(report, `${field}.plan`, options.plan, POSTGRES_PLAN)
  ) {
    return false;
  }
  return (
    options.attachmentName === undefined ||
    expectRule(report, `${field}.attachmentName`, options.attachmentName, ATTACHMENT_NAME)
  );
}

/**
 * A config var a review app's add-on sets, declared in the config or secrets every review app gets: what each review
 * stack's add-on would report, reported on every synth.
 */
function checkReviewAddonKeys(report: Report, topology: TopologyConfig): void {
  const declared = new Set([
    ...Object.keys(topology.sharedConfig ?? {}),
    ...(topology.generatedSecrets ?? []),
    ...Object.keys({ ...topology.secrets, ...topology.review?.secrets }),
  ]);
  for (const [id, options] of Object.entries({ ...topology.addons, ...topology.review?.addons })) {
    const at = topology.review?.addons?.[id] === options ? `review.addons.${id}` : `addons.${id}`;
    for (const key of configVarsSetBy(options.plan, options.attachmentName).filter((key) => declared.has(key))) {
      report(
        at,
        key,
        ADDON_AND_SECRET_RULES.setByReviewAddon(options.plan),
        ADDON_AND_SECRET_RULES.setByAddonHint(key),
      );
    }
  }
}

/** Whether an optional value is absent, or passes `check` (which reports it otherwise). */
function absentOr(value: unknown, check: () => boolean): boolean {
  return value === undefined || check();
}
