import { randomHex, stableId } from "../ids";
import { invalidParams, HerokuError } from "./errors";

/** Regions apps can be created in. The private-space regions only make sense with a space, which the sandbox lacks. */
export const REGIONS = ["us", "eu"] as const;

/** Stacks apps can be created on or moved to. */
export const STACKS = ["heroku-22", "heroku-24", "container"] as const;

/** The default stack of a new app. */
export const DEFAULT_STACK = "heroku-24";

/** The one generation the sandbox hosts; Fir apps would change how formation sizes and drains behave. */
export const GENERATION = { id: stableId("generation", "cedar"), name: "cedar" } as const;

/** `{id, name}` of a region, as embedded in app responses. */
export function regionRef(name: string): { id: string; name: string } {
  return { id: stableId("region", name), name };
}

/** `{id, name}` of a stack, as embedded in app responses. */
export function stackRef(name: string): { id: string; name: string } {
  return { id: stableId("stack", name), name };
}

/** Checks a region name, answering like Heroku when it is unknown. */
export function checkRegion(region: unknown): string {
  if (typeof region !== "string" || !(REGIONS as readonly string[]).includes(region)) {
    throw invalidParams(`Couldn't find that region (${String(region)}). Available regions: ${REGIONS.join(", ")}.`);
  }
  return region;
}

/** Checks a stack name, answering like Heroku when it is unknown. */
export function checkStack(stack: unknown): string {
  if (typeof stack !== "string" || !(STACKS as readonly string[]).includes(stack)) {
    throw invalidParams(`Couldn't find that stack (${String(stack)}). Available stacks: ${STACKS.join(", ")}.`);
  }
  return stack;
}

/** Dyno sizes in the capitalisation the API answers with (Cedar). Lookup is case-insensitive. */
const DYNO_SIZES = [
  "Eco",
  "Basic",
  "Standard-1X",
  "Standard-2X",
  "Performance-M",
  "Performance-L",
  "Performance-L-RAM",
  "Performance-XL",
  "Performance-2XL",
  "Private-S",
  "Private-M",
  "Private-L",
  "Shield-S",
  "Shield-M",
  "Shield-L",
];

/** Sizes of which a process type may run at most one dyno. */
const SINGLE_DYNO_SIZES = new Set(["Eco", "Basic"]);

/** Resolves a dyno size name (any case) or id to its canonical name. */
export function canonicalDynoSize(nameOrId: unknown): string {
  const wanted = String(nameOrId).toLowerCase();
  const size = DYNO_SIZES.find((s) => s.toLowerCase() === wanted || stableId("dyno-size", s) === wanted);
  if (!size) throw new HerokuError(422, "invalid_params", `Couldn't find that dyno size (${String(nameOrId)}).`);
  return size;
}

/** `{id, name}` of a dyno size. */
export function dynoSizeRef(size: string): { id: string; name: string } {
  return { id: stableId("dyno-size", size), name: size };
}

/** Checks a quantity for a size, with Heroku's one-dyno limit for eco and basic. */
export function checkQuantity(quantity: unknown, size: string): number {
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 0) {
    throw invalidParams("Quantity must be a non-negative integer.");
  }
  if (SINGLE_DYNO_SIZES.has(size) && quantity > 1) {
    throw invalidParams(`Cannot run more than 1 ${size} dyno per process type.`);
  }
  return quantity;
}

/** An add-on service the sandbox can provision. */
export interface AddonService {
  name: string;
  defaultPlan: string;
  plans: string[];
  /** Plans Heroku retired; asking for them fails the way the real API does. */
  retiredPlans: string[];
  /** Default attachment name, which prefixes the config vars (DATABASE → DATABASE_URL). */
  attachmentName: string;
  /** Attachment name prefix when the default is taken on the app (Heroku adds a colour). */
  alternatePrefix: string;
  /** Config var suffixes set per attachment. */
  configVarSuffixes: string[];
  /** Monthly price in cents by plan; unknown plans cost 0. */
  prices: Record<string, number>;
  /** Makes the secret value behind the config vars. */
  secret(): string;
}

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}-${from + i}`);

/** The add-on services of the sandbox's marketplace. */
export const ADDON_SERVICES: AddonService[] = [
  {
    name: "heroku-postgresql",
    defaultPlan: "essential-0",
    plans: [
      ...range("essential", 0, 2),
      ...range("standard", 0, 9),
      ...range("premium", 0, 9),
      ...range("private", 0, 9),
      ...range("shield", 0, 9),
    ],
    retiredPlans: ["hobby-dev", "hobby-basic", "mini", "basic"],
    attachmentName: "DATABASE",
    alternatePrefix: "HEROKU_POSTGRESQL",
    configVarSuffixes: ["URL"],
    prices: { "essential-0": 500, "essential-1": 900, "essential-2": 2000, "standard-0": 5000, "premium-0": 20000 },
    secret: () =>
      `postgres://u${randomHex(13)}:p${randomHex(40)}@ec2-${randomHex(6)}.compute-1.amazonaws.com:5432/d${randomHex(13)}`,
  },
  {
    name: "heroku-redis",
    defaultPlan: "mini",
    plans: ["mini", ...range("premium", 0, 9), ...range("private", 0, 9)],
    retiredPlans: ["hobby-dev"],
    attachmentName: "REDIS",
    alternatePrefix: "HEROKU_REDIS",
    configVarSuffixes: ["URL"],
    prices: { mini: 300 },
    secret: () => `rediss://:p${randomHex(40)}@ec2-${randomHex(6)}.compute-1.amazonaws.com:6380`,
  },
  {
    name: "papertrail",
    defaultPlan: "choklad",
    plans: ["choklad", "fixa", "volmar", "ludvig"],
    retiredPlans: [],
    attachmentName: "PAPERTRAIL",
    alternatePrefix: "PAPERTRAIL",
    configVarSuffixes: ["API_TOKEN"],
    prices: { choklad: 0, fixa: 700 },
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
    prices: {},
    secret: () => "",
  },
];

/** Resolves `service` or `service:plan` to a service and plan, failing like Heroku for unknown or retired plans. */
export function resolvePlan(spec: unknown): { service: AddonService; plan: string } {
  const text = String(spec ?? "");
  const [serviceName, planName] = text.split(":", 2);
  const service = ADDON_SERVICES.find((s) => s.name === serviceName);
  if (service && planName !== undefined && service.retiredPlans.includes(planName)) {
    throw invalidParams(`The ${planName} plan has reached end-of-life. Choose another plan for ${service.name}.`);
  }
  const plan = planName ?? service?.defaultPlan;
  if (!service || !plan || !service.plans.includes(plan)) {
    throw new HerokuError(422, "not_found", `Couldn't find either the add-on service or the add-on plan of "${text}".`);
  }
  return { service, plan };
}

/** Looks up a service by name (it exists: records only hold resolved names). */
export function serviceNamed(name: string): AddonService {
  const service = ADDON_SERVICES.find((s) => s.name === name);
  if (!service) throw new Error(`unknown add-on service ${name}`);
  return service;
}
