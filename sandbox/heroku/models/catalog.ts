import { randomHex } from "../../ids";
import { InvalidParamsError, UnknownPlanError } from "./errors";

/**
 * The Heroku facts the sandbox serves and enforces: regions, build stacks, dyno sizes, add-on services and plans.
 * One list each, retired entries included with their successor, so the API's answers (`GET /dyno-sizes`, a rejected
 * retired plan) and the construct library's enums can be held against each other by a test
 * (`__tests__/sandbox/catalog.test.ts`). Prices are not kept here: the one price list is `cli/cost/heroku-prices.json`,
 * which the cost command and the add-ons' `billed_price` both read.
 */

/**
 * Heroku's own rules for names and ids: the patterns of the Platform API schema (`definitions.<resource>.definitions.
 * <field>.pattern`, `schemas/heroku-platform-api.schema.json`) or, where the API says nothing, of the Heroku provider.
 * The route schemas use them as they are (ajv takes pattern strings); `__tests__/sandbox/catalog.test.ts` holds the
 * construct library's rules against them, so that the library never accepts what Heroku refuses.
 */
export const HEROKU_PATTERNS = {
  /** `definitions.app.definitions.name`. */
  appName: "^[a-z][a-z0-9-]{1,28}[a-z0-9]$",
  /** `definitions.pipeline.definitions.name`, as the provider also checks it. */
  pipelineName: "^[a-z][a-z0-9-]{2,29}$",
  /** The provider's rule for custom add-on names (`validateCustomAddonName`), which matches the schema's. */
  addonName: "^[a-zA-Z][A-Za-z0-9_-]+$",
  /** Attachment names become config var prefixes; Heroku upper-cases them. Empty means the default. */
  attachmentName: "^([a-zA-Z][a-zA-Z0-9_]*)?$",
  teamName: "^[a-z][a-z0-9-]*$",
  /** Resource ids, in any case. */
  uuid: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
  /** `definitions.config-vars.patternProperties`. */
  configVarName: "^\\w+$",
  /** A DNS hostname with at least two labels, optionally a wildcard (`*.example.com`). */
  hostname:
    "^(\\*\\.)?(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$",
  /** `definitions.formation.definitions.type`. */
  processType: "^[-\\w]{1,128}$",
} as const;

/** A Common Runtime region. Private-space regions (oregon, virginia, …) need a space, which the sandbox lacks. */
export interface Region {
  name: string;
  description: string;
  country: string;
  locale: string;
}

export const REGIONS: readonly Region[] = [
  { name: "us", description: "United States", country: "United States", locale: "Virginia" },
  { name: "eu", description: "Europe", country: "Ireland", locale: "Dublin" },
];

/** A build stack; retired stacks no longer build (and `GET /stacks` no longer lists them). */
export interface Stack {
  name: string;
  /** Availability as `GET /stacks` reports it (`public`, `beta`, `deprecated`); absent for retired stacks. */
  state?: "public" | "beta" | "deprecated";
  /** For retired stacks: the year builds stopped and the stack Heroku points to instead. */
  retired?: { year: string; successor: string };
}

export const STACKS: readonly Stack[] = [
  { name: "cedar-14", retired: { year: "2019", successor: "heroku-24" } },
  { name: "heroku-16", retired: { year: "2021", successor: "heroku-24" } },
  { name: "heroku-18", retired: { year: "2023", successor: "heroku-24" } },
  { name: "heroku-20", retired: { year: "2025", successor: "heroku-24" } },
  { name: "heroku-22", state: "public" },
  { name: "heroku-24", state: "public" },
  { name: "container", state: "public" },
];

/** The stack of apps that run Docker images from Heroku's container registry instead of slugs. */
export const CONTAINER_STACK = "container";

/** The stack of a new app when the request names none. */
export const DEFAULT_STACK = "heroku-24";

/** The one generation the sandbox hosts; Fir apps would change how formation sizes and drains behave. */
export const GENERATION_NAME = "cedar";

/** A dyno size (Cedar generation), in the capitalisation the API answers with. */
export interface DynoSize {
  name: string;
  /** RAM in GB, as `GET /dyno-sizes` reports it. */
  memory: number;
  /** Only in Private or Shield Spaces. */
  privateSpaceOnly: boolean;
  /** Dynos of this size one process type may run: 1 for eco and basic, Heroku's default limit of 100 otherwise. */
  maxQuantity: number;
  /** Dyno units billed per dyno. */
  dynoUnits: number;
}

const size = (name: string, memory: number, dynoUnits: number, maxQuantity = 100): DynoSize => ({
  name,
  memory,
  dynoUnits,
  maxQuantity,
  privateSpaceOnly: /^(Private|Shield)-/.test(name),
});

export const DYNO_SIZES: readonly DynoSize[] = [
  size("Eco", 0.5, 0, 1),
  size("Basic", 0.5, 0.28, 1),
  size("Standard-1X", 0.5, 1),
  size("Standard-2X", 1, 2),
  size("Performance-M", 2.5, 8),
  size("Performance-L", 14, 16),
  size("Performance-L-RAM", 30, 24),
  size("Performance-XL", 62, 32),
  size("Performance-2XL", 126, 64),
  size("Private-S", 1, 2),
  size("Private-M", 2.5, 8),
  size("Private-L", 14, 16),
  size("Private-L-RAM", 30, 24),
  size("Private-XL", 62, 32),
  size("Private-2XL", 126, 64),
  size("Shield-S", 1, 2),
  size("Shield-M", 2.5, 8),
  size("Shield-L", 14, 16),
  size("Shield-L-RAM", 30, 24),
  size("Shield-XL", 62, 32),
  size("Shield-2XL", 126, 64),
];

/** Sizes that ended with Heroku's free plans (2022-11-28), and the size that replaced each. */
export const RETIRED_DYNO_SIZES: Readonly<Record<string, string>> = { free: "Eco", hobby: "Basic" };

/** A plan Heroku no longer sells: asking for it fails, naming the successor. */
export interface RetiredPlan {
  plan: string;
  ended: string;
  successor: string;
}

/** An add-on service of the sandbox's marketplace. */
export interface AddonService {
  name: string;
  defaultPlan: string;
  plans: readonly string[];
  retiredPlans: readonly RetiredPlan[];
  /** Default attachment name, which prefixes the config vars (DATABASE → DATABASE_URL). */
  attachmentName: string;
  /** Attachment name prefix when the default is taken on the app (Heroku adds a colour). */
  alternatePrefix: string;
  /** Config var suffixes set per attachment. */
  configVarSuffixes: readonly string[];
  /** Makes the secret value behind the config vars. */
  secret(): string;
}

const numbered = (prefix: string, numbers: number[]): string[] => numbers.map((n) => `${prefix}-${n}`);
const ZERO_TO_NINE = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Heroku Postgres: essential, standard, premium, private and shield tiers (there is no standard-1 or premium-1). */
const POSTGRES_PLANS = [
  ...numbered("essential", [0, 1, 2]),
  ...numbered("standard", [0, 2, 3, 4, 5, 6, 7, 8, 9]),
  ...numbered("premium", [0, 2, 3, 4, 5, 6, 7, 8, 9]),
  ...numbered("private", [0, 2, 3, 4, 5, 6, 7, 8, 9]),
  ...numbered("shield", [0, 2, 3, 4, 5, 6, 7, 8, 9]),
];

export const ADDON_SERVICES: readonly AddonService[] = [
  {
    name: "heroku-postgresql",
    defaultPlan: "essential-0",
    plans: POSTGRES_PLANS,
    retiredPlans: [
      { plan: "dev", ended: "2022-11-28", successor: "essential-0" },
      { plan: "hobby-dev", ended: "2022-11-28", successor: "essential-0" },
      { plan: "hobby-basic", ended: "2022-11-28", successor: "essential-1" },
      { plan: "mini", ended: "2024-05", successor: "essential-0" },
      { plan: "basic", ended: "2024-05", successor: "essential-1" },
    ],
    attachmentName: "DATABASE",
    alternatePrefix: "HEROKU_POSTGRESQL",
    configVarSuffixes: ["URL"],
    secret: () =>
      `postgres://u${randomHex(13)}:p${randomHex(40)}@ec2-${randomHex(6)}.compute-1.amazonaws.com:5432/d${randomHex(13)}`,
  },
  {
    name: "heroku-redis",
    defaultPlan: "mini",
    plans: ["mini", ...numbered("premium", ZERO_TO_NINE), ...numbered("private", ZERO_TO_NINE)],
    retiredPlans: [{ plan: "hobby-dev", ended: "2022-11-28", successor: "mini" }],
    attachmentName: "REDIS",
    alternatePrefix: "HEROKU_REDIS",
    configVarSuffixes: ["URL"],
    secret: () => `rediss://:p${randomHex(40)}@ec2-${randomHex(6)}.compute-1.amazonaws.com:6380`,
  },
  {
    name: "heroku-kafka",
    defaultPlan: "basic-0",
    plans: [...numbered("basic", [0, 1, 2]), ...numbered("standard", [0, 1, 2]), ...numbered("extended", [0, 1, 2])],
    retiredPlans: [],
    attachmentName: "KAFKA",
    alternatePrefix: "HEROKU_KAFKA",
    // KAFKA_PREFIX is set by the multi-tenant (basic) plans only; the sandbox sets it for every plan.
    configVarSuffixes: ["URL", "TRUSTED_CERT", "CLIENT_CERT", "CLIENT_CERT_KEY", "PREFIX"],
    secret: () => `kafka+ssl://ec2-${randomHex(6)}.compute-1.amazonaws.com:9096`,
  },
  {
    name: "memcachier",
    defaultPlan: "dev",
    plans: ["dev", "100", "250", "500", "1000"],
    retiredPlans: [],
    attachmentName: "MEMCACHIER",
    alternatePrefix: "MEMCACHIER",
    configVarSuffixes: ["SERVERS", "USERNAME", "PASSWORD"],
    secret: () => randomHex(32),
  },
  {
    name: "papertrail",
    defaultPlan: "choklad",
    plans: ["choklad", "fixa", "volmar", "ludvig"],
    retiredPlans: [],
    attachmentName: "PAPERTRAIL",
    alternatePrefix: "PAPERTRAIL",
    configVarSuffixes: ["API_TOKEN"],
    secret: () => randomHex(20),
  },
  {
    name: "scheduler",
    defaultPlan: "standard",
    plans: ["standard"],
    retiredPlans: [],
    attachmentName: "SCHEDULER",
    alternatePrefix: "SCHEDULER",
    configVarSuffixes: [],
    secret: () => "",
  },
];

/** A region by name, refused like Heroku when unknown. */
export function regionNamed(name: string): Region {
  const region = REGIONS.find((r) => r.name === name);
  if (!region) {
    throw new InvalidParamsError(
      `Couldn't find that region (${name}). Available regions: ${REGIONS.map((r) => r.name).join(", ")}.`,
    );
  }
  return region;
}

/** A stack apps can build on, refused like Heroku when unknown or retired. */
export function buildableStack(name: string): Stack {
  const stack = STACKS.find((s) => s.name === name);
  if (stack?.retired) {
    throw new InvalidParamsError(
      `The ${name} stack was retired in ${stack.retired.year}: use ${stack.retired.successor}.`,
    );
  }
  if (!stack) {
    const available = STACKS.filter((s) => !s.retired).map((s) => s.name);
    throw new InvalidParamsError(`Couldn't find that stack (${name}). Available stacks: ${available.join(", ")}.`);
  }
  return stack;
}

/** A dyno size by name in any case, refused like Heroku when unknown (retired sizes name their successor). */
export function dynoSizeNamed(name: string): DynoSize {
  const wanted = name.toLowerCase();
  const found = DYNO_SIZES.find((s) => s.name.toLowerCase() === wanted);
  if (found) return found;
  const successor = RETIRED_DYNO_SIZES[wanted];
  throw new InvalidParamsError(
    successor
      ? `${name} dynos were retired on 2022-11-28: use ${successor}.`
      : `Couldn't find that dyno size (${name}).`,
  );
}

/** Checks a quantity for a size against the size's per-process-type limit. */
export function checkQuantity(quantity: number, dynoSize: DynoSize): number {
  if (quantity > dynoSize.maxQuantity) {
    throw new InvalidParamsError(
      `Cannot run more than ${dynoSize.maxQuantity} ${dynoSize.name} dyno${dynoSize.maxQuantity === 1 ? "" : "s"} per process type.`,
    );
  }
  return quantity;
}

/** Resolves `service` or `service:plan` to a service and plan, failing like Heroku for unknown or retired plans. */
export function resolvePlan(spec: string): { service: AddonService; plan: string } {
  const [serviceName, planName] = spec.split(":", 2);
  const service = ADDON_SERVICES.find((s) => s.name === serviceName);
  const retired = service?.retiredPlans.find((r) => r.plan === planName);
  if (service && retired) {
    throw new InvalidParamsError(
      `The ${retired.plan} plan has reached end-of-life (${retired.ended}). Use ${service.name}:${retired.successor} instead.`,
    );
  }
  const plan = planName ?? service?.defaultPlan;
  if (!service || !plan || !service.plans.includes(plan)) {
    throw new UnknownPlanError(`Couldn't find either the add-on service or the add-on plan of "${spec}".`);
  }
  return { service, plan };
}

/** Looks up a service by name (it exists: records only hold resolved names). */
export function serviceNamed(name: string): AddonService {
  const service = ADDON_SERVICES.find((s) => s.name === name);
  if (!service) throw new Error(`unknown add-on service ${name}`);
  return service;
}
