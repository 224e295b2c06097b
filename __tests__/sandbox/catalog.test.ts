/**
 * The sandbox's catalogue of Heroku facts held against the construct library's enums and rules, so that the two cannot
 * drift apart: what the library accepts at synth, the sandbox accepts at apply, and what one calls retired the other
 * refuses with the same successor.
 */
import { BuildStack, DynoSize, HerokuRegion, PostgresPlan } from "../../constructs";
import {
  APP_NAME,
  ATTACHMENT_NAME,
  BUILD_STACK,
  CIRCLECI_CONTEXT_NAME,
  CIRCLECI_PROJECT_SLUG,
  CIRCLECI_VARIABLE_NAME,
  CONFIG_VAR_KEY,
  DYNO_SIZE,
  DYNO_SIZES as LIBRARY_DYNO_SIZES,
  GITLAB_MASKED_RAW_VALUE,
  GITLAB_MASKED_VALUE,
  GITLAB_VARIABLE_KEY,
  HOSTNAME,
  PIPELINE_NAME,
  POSTGRES_PLAN,
  PROCESS_TYPE,
  REGION,
  type Rule,
  TEAM_NAME,
  UUID,
} from "../../constructs/private/rules";
import {
  ADDON_SERVICES as LIBRARY_ADDON_SERVICES,
  configVarsSetBy,
  isHobbyGradeDataStore,
} from "../../constructs/private/addon-services";
import { ADDON_PLAN } from "../../constructs/private/rules";
import shippedPrices from "../../cli/cost/heroku-prices.json";
import { loadPriceCatalogue } from "../../cli/cost/price-catalogue";
import { CIRCLECI_PATTERNS } from "../../sandbox/circleci/models/catalog";
import { createContext } from "../../sandbox/circleci/models/contexts";
import { canonicalSlug } from "../../sandbox/circleci/models/projects";
import { GITLAB_PATTERNS } from "../../sandbox/gitlab/models/catalog";
import { withDefaults } from "../../sandbox/store";
import {
  ADDON_SERVICES,
  DYNO_SIZES,
  HEROKU_PATTERNS,
  REGIONS,
  RETIRED_DYNO_SIZES,
  STACKS,
  serviceNamed,
} from "../../sandbox/heroku/models/catalog";
import { expectConforms } from "../support/heroku-schema";
import { startSandbox, type TestSandbox } from "./client";

const postgres = serviceNamed("heroku-postgresql");
const staticsOf = <T>(type: object): T[] =>
  Object.values(type).filter((value): value is T => value instanceof (type as new () => T));

describe("dyno sizes", () => {
  test("the library's sizes are exactly the sandbox's Common Runtime sizes", () => {
    const commonRuntime = DYNO_SIZES.filter((size) => !size.privateSpaceOnly).map((size) => size.name.toLowerCase());
    expect([...LIBRARY_DYNO_SIZES].sort()).toEqual(commonRuntime.sort());
    for (const size of staticsOf<DynoSize>(DynoSize)) expect(DYNO_SIZE.test(size.name)).toBe(true);
  });

  test("Private and Shield Space sizes exist in the catalogue, and the library refuses them, saying why", () => {
    const spaceOnly = DYNO_SIZES.filter((size) => size.privateSpaceOnly).map((size) => size.name.toLowerCase());
    expect(spaceOnly).toHaveLength(12);
    for (const size of spaceOnly) {
      expect(DYNO_SIZE.test(size)).toBe(false);
      expect(DYNO_SIZE.hint?.(size)).toMatch(/dynos run only in a (Private|Shield) Space, .*Common Runtime/);
    }
  });

  test("per-process-type limits agree (eco and basic: one dyno; no library limit: Heroku's default of 100)", () => {
    const limits = (maxOf: (name: string) => number) => DYNO_SIZES.map((size) => `${size.name} ${maxOf(size.name)}`);
    const sandbox = new Map(DYNO_SIZES.map((size) => [size.name, size.maxQuantity]));
    expect(limits((name) => sandbox.get(name)!)).toEqual(limits((name) => DynoSize.of(name).maxQuantity ?? 100));
    expect(DYNO_SIZES.filter((size) => size.maxQuantity === 1).map((size) => size.name)).toEqual(["Eco", "Basic"]);
  });

  test("retired sizes are refused by both, naming the same successor", () => {
    for (const [retired, successor] of Object.entries(RETIRED_DYNO_SIZES)) {
      expect(DYNO_SIZE.test(retired)).toBe(false);
      expect(DYNO_SIZE.hint?.(retired)).toContain(successor.toLowerCase());
    }
  });
});

describe("Postgres plans", () => {
  test("every plan the library names exists in the sandbox, and every sandbox plan passes the library's rule", () => {
    for (const plan of staticsOf<PostgresPlan>(PostgresPlan)) expect(postgres.plans).toContain(plan.size);
    for (const plan of postgres.plans) expect(POSTGRES_PLAN.test(`heroku-postgresql:${plan}`)).toBe(true);
  });

  test("retired plans are refused by both, naming the same successor", () => {
    expect(postgres.retiredPlans.length).toBeGreaterThan(0);
    for (const retired of postgres.retiredPlans) {
      expect(POSTGRES_PLAN.test(`heroku-postgresql:${retired.plan}`)).toBe(false);
      expect(POSTGRES_PLAN.hint?.(`heroku-postgresql:${retired.plan}`)).toContain(
        `heroku-postgresql:${retired.successor}`,
      );
      expect(postgres.plans).toContain(retired.successor);
    }
  });

  test("every add-on service's default plan is one of its plans", () => {
    for (const service of ADDON_SERVICES) expect(service.plans).toContain(service.defaultPlan);
  });
});

describe("add-on services", () => {
  test("every service the library knows is served, under the same default attachment name", () => {
    const served = (name: string) => ADDON_SERVICES.find((service) => service.name === name);
    expect(LIBRARY_ADDON_SERVICES.map((known) => [known.service, served(known.service)?.attachmentName])).toEqual(
      LIBRARY_ADDON_SERVICES.map((known) => [known.service, known.defaultAttachmentName]),
    );
  });

  test("the library guards every config var the sandbox sets (it may guard more: REDIS_TLS_URL of older add-ons)", () => {
    for (const known of LIBRARY_ADDON_SERVICES) {
      expect({
        service: known.service,
        unguarded: serviceNamed(known.service).configVarSuffixes.filter(
          (suffix) => !known.configVarSuffixes.includes(suffix),
        ),
      }).toEqual({ service: known.service, unguarded: [] });
    }
  });

  test("every plan the sandbox serves passes the library's plan rule; each data store has a hobby-grade plan", () => {
    for (const service of ADDON_SERVICES) {
      for (const plan of service.plans) expect(ADDON_PLAN.test(`${service.name}:${plan}`)).toBe(true);
    }
    for (const known of LIBRARY_ADDON_SERVICES.filter((service) => service.dataStore)) {
      expect(
        serviceNamed(known.service).plans.filter((plan) => isHobbyGradeDataStore(`${known.service}:${plan}`)),
      ).not.toEqual([]);
    }
  });
});

describe("prices (cli/cost/heroku-prices.json, read by the cost command and by billed_price)", () => {
  /** The sizes or plans the price file names in `family`, priced or knowingly unpriced. */
  const named = (family: string): string[] => {
    const entry = (shippedPrices.families as Record<string, { prices?: object; unpriced?: string[] }>)[family];
    return entry ? [...Object.keys(entry.prices ?? {}), ...(entry.unpriced ?? [])] : [];
  };
  const families = Object.keys(shippedPrices.families);

  test("the price file names only the catalogue's dyno sizes, add-on services and their plans", () => {
    const sizes = DYNO_SIZES.map((size) => size.name.toLowerCase());
    expect(named("dynos").filter((size) => !sizes.includes(size))).toEqual([]);
    const services = families.filter((family) => family !== "dynos");
    expect(services.filter((service) => !ADDON_SERVICES.some((known) => known.name === service))).toEqual([]);
    for (const service of services) {
      expect({
        service,
        unknown: named(service).filter((plan) => !serviceNamed(service).plans.includes(plan)),
      }).toEqual({ service, unknown: [] });
    }
  });

  // Knowingly unpriced: no published page we could read gives these a figure. Listing them keeps "looked, found no
  // price" apart from "added to the library later and never priced", which fails here until someone looks.
  test("every dyno size and Postgres plan the library accepts is priced or listed as knowingly unpriced", () => {
    expect(LIBRARY_DYNO_SIZES.filter((size) => !named("dynos").includes(size))).toEqual([]);
    const postgresPlans = staticsOf<PostgresPlan>(PostgresPlan).map((plan) => plan.size);
    expect(postgresPlans.filter((plan) => !named("heroku-postgresql").includes(plan))).toEqual([]);
  });

  test("the file loads, and what it leaves unpriced is unknown, never 0", () => {
    const prices = loadPriceCatalogue();
    const unpriced = shippedPrices.families.dynos.unpriced;
    expect(unpriced.length).toBeGreaterThan(0);
    for (const size of unpriced) expect(prices.dynoPrice(size)).toBeUndefined();
  });
});

describe("build stacks and regions", () => {
  test("the library's stacks are current in the sandbox; retired stacks are refused by both", () => {
    const current = STACKS.filter((stack) => !stack.retired).map((stack) => stack.name);
    for (const stack of staticsOf<BuildStack>(BuildStack)) expect(current).toContain(stack.name);
    for (const name of current) expect(BUILD_STACK.test(name)).toBe(true);
    for (const stack of STACKS.filter((s) => s.retired)) {
      expect(BUILD_STACK.test(stack.name)).toBe(false);
      expect(BUILD_STACK.hint?.(stack.name)).toContain(`retired in ${stack.retired?.year}`);
    }
  });

  test("regions are the library's", () => {
    expect(REGIONS.map((region) => region.name)).toEqual(HerokuRegion.KNOWN);
    for (const region of REGIONS) expect(REGION.test(region.name)).toBe(true);
  });
});

/**
 * A library rule and the API's own rule for the same value. The library may be stricter than the API (it refuses
 * what would only fail or drift later, e.g. an uppercase process type), on the listed values only, and never looser;
 * where it states the API's rule itself, the two agree on every value.
 */
interface SharedRule {
  readonly name: string;
  readonly library: Rule;
  /** The API's rule: its pattern, or its model's check where no one pattern states it. */
  readonly api: { test(value: string): boolean };
  /** The samples the API accepts and the library refuses on purpose (none where the library states the API's rule). */
  readonly stricterOn: readonly string[];
  /** Values on both sides of the rules' edges. */
  readonly samples: readonly string[];
}

const SHARED_RULES: readonly SharedRule[] = [
  {
    name: "Heroku app name",
    library: APP_NAME,
    api: new RegExp(HEROKU_PATTERNS.appName),
    stricterOn: [],
    samples: ["ab", "abc", "a".repeat(30), "a".repeat(31), "Acme", "1acme", "acme-", "ac-me", "ac_me", "acme-api-2"],
  },
  {
    name: "Heroku pipeline name",
    library: PIPELINE_NAME,
    api: new RegExp(HEROKU_PATTERNS.pipelineName),
    stricterOn: [],
    samples: ["ab", "abc", "a".repeat(30), "a".repeat(31), "Songlist", "1songlist", "songlist-", "song_list"],
  },
  {
    name: "Heroku team name",
    library: TEAM_NAME,
    api: new RegExp(HEROKU_PATTERNS.teamName),
    // Stricter: the provider's limit of 2-30 characters.
    stricterOn: ["a", "a".repeat(31)],
    samples: ["a", "ab", "acme", "a".repeat(30), "a".repeat(31), "Acme", "1acme", "ac_me"],
  },
  {
    name: "Heroku UUID",
    library: UUID,
    api: new RegExp(HEROKU_PATTERNS.uuid),
    // Stricter: Heroku answers ids in lowercase, so an uppercase one would always show a diff.
    stricterOn: ["01234567-89AB-CDEF-0123-456789ABCDEF"],
    samples: [
      "01234567-89ab-cdef-0123-456789abcdef",
      "01234567-89AB-CDEF-0123-456789ABCDEF",
      "01234567-89ab-cdef-0123-456789abcde",
      "0123456789abcdef0123456789abcdef",
      "songlist",
    ],
  },
  {
    name: "Heroku config var name",
    library: CONFIG_VAR_KEY,
    api: new RegExp(HEROKU_PATTERNS.configVarName),
    // Stricter: a key starting with a digit is not an environment variable most languages can read.
    stricterOn: ["1ST"],
    samples: ["SECRET_KEY", "_PRIVATE", "secret", "1ST", "API-KEY", "A B", "", "Ä"],
  },
  {
    name: "Heroku attachment name",
    library: ATTACHMENT_NAME,
    api: new RegExp(HEROKU_PATTERNS.attachmentName),
    // Stricter: Heroku upper-cases it, so the config var would not be the one the code reads.
    stricterOn: ["reporting"],
    samples: ["DATABASE", "REPORTING_2", "reporting", "2DATABASE", "DATA-BASE", "_DATABASE"],
  },
  {
    name: "Heroku custom domain hostname",
    library: HOSTNAME,
    api: new RegExp(HEROKU_PATTERNS.hostname),
    // Stricter: Heroku lowercases hostnames, so a mixed-case one would always show a diff.
    stricterOn: ["API.acme.dev"],
    samples: [
      "api.acme.dev",
      "*.acme.dev",
      "API.acme.dev",
      "acme",
      "-api.acme.dev",
      "api.acme.dev.",
      "https://api.acme.dev",
    ],
  },
  {
    name: "Heroku process type",
    library: PROCESS_TYPE,
    api: new RegExp(HEROKU_PATTERNS.processType),
    // Stricter: Procfile types are lowercase: the formation would never find its type.
    stricterOn: ["Web"],
    samples: ["web", "worker_2", "clock-1", "Web", "", "a".repeat(128), "a".repeat(129), "web worker"],
  },
  {
    name: "GitLab masked value (expanded)",
    library: GITLAB_MASKED_VALUE,
    api: GITLAB_PATTERNS.maskedValue,
    stricterOn: [],
    samples: ["pa55word", "pa55wor", "pa55word+/=@:.~-_", "pa$$word", "pa55 word", "pa55word!"],
  },
  {
    name: "GitLab masked value (raw)",
    library: GITLAB_MASKED_RAW_VALUE,
    api: GITLAB_PATTERNS.maskedRawValue,
    stricterOn: [],
    samples: ["pa$$word!", "pa$$wo!", "pa$$ word!", "pa$$word\t"],
  },
  {
    name: "GitLab variable key",
    library: GITLAB_VARIABLE_KEY,
    api: GITLAB_PATTERNS.variableKey,
    stricterOn: [],
    samples: ["HEROKU_API_KEY", "heroku_api_key", "1KEY", "API-KEY", "", "K".repeat(255), "K".repeat(256)],
  },
  {
    name: "CircleCI variable name",
    library: CIRCLECI_VARIABLE_NAME,
    api: CIRCLECI_PATTERNS.variableName,
    stricterOn: [],
    samples: ["HEROKU_API_KEY", "_PRIVATE", "lower_case", "1ST", "API-KEY", "A B", "", "Ä", "K".repeat(300)],
  },
  {
    name: "CircleCI UUID",
    library: UUID,
    api: CIRCLECI_PATTERNS.uuid,
    // Stricter: CircleCI answers ids in lowercase, and a restriction's project id is read back.
    stricterOn: ["405D8375-3514-403B-8C43-83AE74CFE0E9"],
    samples: [
      "405d8375-3514-403b-8c43-83ae74cfe0e9",
      "405D8375-3514-403B-8C43-83AE74CFE0E9",
      "405d8375-3514-403b-8c43-83ae74cfe0e",
      "405d83753514403b8c4383ae74cfe0e9",
      "gh/acme",
    ],
  },
  {
    name: "CircleCI project slug",
    library: CIRCLECI_PROJECT_SLUG,
    api: { test: (value) => canonicalSlug(value) !== undefined },
    stricterOn: [],
    samples: [
      "gh/acme/api",
      "github/acme/api",
      "bb/acme/api",
      "bitbucket/acme/api",
      "circleci/8fTsUgUbhRzfUWCRcuEvnx/7sJGGzKR3C9mHafmNKdSjW",
      "gl/acme/api",
      "acme/api",
      "gh/acme/api/extra",
      "gh/acme/a pi",
      "gh//api",
      "GH/acme/api",
    ],
  },
  {
    name: "CircleCI context name",
    library: CIRCLECI_CONTEXT_NAME,
    api: {
      test: (value) => {
        try {
          createContext(withDefaults({}), value, { id: "405d8375-3514-403b-8c43-83ae74cfe0e9", type: "organization" });
          return true;
        } catch {
          return false;
        }
      },
    },
    // Stricter: a workflow names the context in YAML, which drops surrounding spaces and ends a name at a line break.
    stricterOn: [" deploy", "deploy ", "de\nploy", "x".repeat(256)],
    samples: [
      "deploy",
      "org-global",
      "Deploy Production",
      " deploy",
      "deploy ",
      "de\nploy",
      "",
      "   ",
      "x".repeat(256),
    ],
  },
];

describe.each(SHARED_RULES)("$name: the library's rule against the API's", (shared) => {
  test("the samples reach both sides of the library's rule", () => {
    expect(shared.samples.some((value) => shared.library.test(value))).toBe(true);
    expect(shared.samples.some((value) => !shared.library.test(value))).toBe(true);
  });

  test("every value the library accepts, the API accepts", () => {
    const acceptedOnlyByLibrary = shared.samples.filter(
      (value) => shared.library.test(value) && !shared.api.test(value),
    );
    expect(acceptedOnlyByLibrary).toEqual([]);
  });

  test("the library refuses only the listed values the API accepts", () => {
    const refusedOnlyByLibrary = shared.samples.filter(
      (value) => shared.api.test(value) && !shared.library.test(value),
    );
    expect(refusedOnlyByLibrary).toEqual(shared.stricterOn);
  });
});

describe("served catalogue", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox();
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });

  test("GET /dyno-sizes, /stacks and /regions list the catalogue in Heroku's published shapes", async () => {
    const sizes = await t.heroku("GET", "/dyno-sizes");
    expect(sizes.body.map((size: { name: string }) => size.name)).toEqual(DYNO_SIZES.map((size) => size.name));
    expectConforms("dyno-size", "GET", "/dyno-sizes", sizes.body);
    expectConforms("dyno-size", "GET", "/dyno-sizes/{}", (await t.heroku("GET", "/dyno-sizes/performance-l")).body);
    const stacks = await t.heroku("GET", "/stacks");
    expectConforms("stack", "GET", "/stacks", stacks.body);
    expect(stacks.body.find((stack: { default: boolean }) => stack.default).name).toBe("heroku-24");
    expectConforms("region", "GET", "/regions", (await t.heroku("GET", "/regions")).body);
    expectConforms("region", "GET", "/regions/{}", (await t.heroku("GET", "/regions/eu")).body);
  });

  test.each([
    "heroku-redis:premium-0",
    "scheduler:standard",
    "papertrail:choklad",
    "heroku-kafka:basic-0",
    "memcachier:dev",
  ])(
    "%s is provisioned, and sets on the app exactly the config vars it sets in Heroku (all guarded by the library)",
    async (plan) => {
      const app = (
        await t.heroku("POST", "/apps", { name: `catalog-${plan.replace(/[^a-z0-9]+/g, "-")}`.slice(0, 30) })
      ).body;
      const addon = await t.heroku("POST", `/apps/${app.id}/addons`, { plan });
      expect(addon.status).toBe(202);
      expectConforms("add-on", "POST", "/apps/{}/addons", addon.body);
      const configVars = Object.keys((await t.heroku("GET", `/apps/${app.id}/config-vars`)).body);
      const service = serviceNamed(plan.split(":")[0]);
      expect(configVars.sort()).toEqual(
        service.configVarSuffixes.map((suffix) => `${service.attachmentName}_${suffix}`).sort(),
      );
      for (const key of configVars) expect(configVarsSetBy(plan)).toContain(key);
    },
  );

  test("an add-on is billed at the price file's price in cents, and at 0 cents when it has none", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "catalog-billed" })).body;
    const cents = (plan: string) => Math.round((loadPriceCatalogue().addonPrice(plan)?.monthlyUsd ?? 0) * 100);
    const mini = await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-redis:mini" });
    expect(mini.body.billed_price).toEqual({ cents: cents("heroku-redis:mini"), contract: false, unit: "month" });
    expect(mini.body.billed_price.cents).toBeGreaterThan(0);
    const premium = await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-postgresql:premium-9" });
    expect(loadPriceCatalogue().addonPrice("heroku-postgresql:premium-9")).toBeUndefined();
    expect(premium.body.billed_price.cents).toBe(0);
  });

  test("a retired plan, stack or size is refused with its successor", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "catalog-app" })).body;
    const plan = await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-postgresql:mini" });
    expect(plan).toMatchObject({ status: 422, body: { id: "invalid_params" } });
    expect(plan.body.message).toContain("heroku-postgresql:essential-0");
    const stack = await t.heroku("POST", "/apps", { name: "catalog-stack", stack: "heroku-20" });
    expect(stack.body.message).toContain("heroku-24");
    await t.heroku("POST", `/sandbox/apps/${app.id}/push`, { process_types: { web: "serve" } });
    const size = await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { dyno_size: { name: "hobby" } });
    expect(size).toMatchObject({ status: 422, body: { message: expect.stringContaining("Basic") } });
    const many = await t.heroku("PATCH", `/apps/${app.id}/formation/web`, {
      quantity: 101,
      dyno_size: { name: "standard-1x" },
    });
    expect(many.status).toBe(422);
  });

  test("a Private or Shield Space size is refused for a Common Runtime app, and the formation keeps its size", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "catalog-space" })).body;
    await t.heroku("POST", `/sandbox/apps/${app.id}/push`, { process_types: { web: "serve" } });
    for (const name of ["private-s", "shield-l"]) {
      const refused = await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { dyno_size: { name } });
      expect(refused).toMatchObject({ status: 422, body: { id: "invalid_params" } });
      expect(refused.body.message).toMatch(/dynos can only be used by apps in a Private Space/);
    }
    expect((await t.heroku("GET", `/apps/${app.id}/formation/web`)).body.size).toBe("Basic");
  });
});
