/**
 * The sandbox's catalogue of Heroku facts held against the construct library's enums and rules, so that the two cannot
 * drift apart: what the library accepts at synth, the sandbox accepts at apply, and what one calls retired the other
 * refuses with the same successor.
 */
import { BuildStack, DynoSize, HerokuRegion, PostgresPlan } from "../../constructs";
import {
  BUILD_STACK,
  DYNO_SIZE,
  DYNO_SIZES as LIBRARY_DYNO_SIZES,
  POSTGRES_PLAN,
  REGION,
} from "../../constructs/private/rules";
import {
  ADDON_SERVICES,
  DYNO_SIZES,
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
  test("the sandbox's sizes are exactly the library's", () => {
    expect(DYNO_SIZES.map((size) => size.name.toLowerCase()).sort()).toEqual([...LIBRARY_DYNO_SIZES].sort());
    for (const size of staticsOf<DynoSize>(DynoSize)) expect(DYNO_SIZE.test(size.name)).toBe(true);
  });

  test("per-process-type limits agree (eco and basic: one dyno)", () => {
    for (const size of DYNO_SIZES) {
      const library = DynoSize.of(size.name).maxQuantity;
      if (library === undefined) expect(size.maxQuantity).toBeGreaterThan(1);
      else expect(size.maxQuantity).toBe(library);
    }
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

describe("served catalogue", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox();
  });
  afterAll(async () => {
    await t.sandbox.close();
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
});
