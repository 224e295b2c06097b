/**
 * The price catalogue: lookups in any case, Eco billed per account, a team's own file over the shipped one, and every
 * bad price file refused with a message that names the file, the item and the rule.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadPriceCatalogue, PRICES_SETTING, PriceFileError } from "../../../cli/cost/price-catalogue";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hf-prices-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes `content` (JSON unless it is a string) to a file of the temp dir and returns its path. */
function priceFile(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

/** A valid override family around `prices`. */
const family = (prices: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  source: "https://contracts.example.test/heroku-2026",
  read: "2026-11-30",
  prices,
  ...more,
});

/** The message of the error loading `content` as an override throws. */
function refusal(name: string, content: unknown): string {
  const file = priceFile(name, content);
  try {
    loadPriceCatalogue({ overrideFile: file });
  } catch (error) {
    expect(error).toBeInstanceOf(PriceFileError);
    return (error as Error).message;
  }
  throw new Error(`${name} was accepted`);
}

describe("the shipped prices", () => {
  const prices = loadPriceCatalogue();

  test("dyno sizes are found in any case, per dyno per month", () => {
    expect(prices.dynoPrice("standard-1x")).toEqual({ monthlyUsd: 25, perAccount: false });
    expect(prices.dynoPrice("Standard-1X")).toEqual({ monthlyUsd: 25, perAccount: false });
    expect(prices.dynoPrice("PERFORMANCE-L")).toEqual({ monthlyUsd: 500, perAccount: false });
  });

  test("Eco is one $5 plan per account for a shared pool of hours, not $5 per dyno", () => {
    expect(prices.dynoPrice("Eco")).toMatchObject({ monthlyUsd: 5, perAccount: true });
    expect(prices.dynoPrice("eco")?.note).toMatch(/shared/);
  });

  test("add-on plans are found by service:plan in any case; a bare service is its default plan", () => {
    expect(prices.addonPrice("heroku-postgresql:essential-0")).toEqual({ monthlyUsd: 5, perAccount: false });
    expect(prices.addonPrice("Heroku-Redis:Mini")).toEqual({ monthlyUsd: 3, perAccount: false });
    expect(prices.addonPrice("heroku-postgresql")).toEqual({ monthlyUsd: 5, perAccount: false });
  });

  test("Scheduler is free, and says that the dynos it runs are billed", () => {
    expect(prices.addonPrice("scheduler:standard")).toMatchObject({ monthlyUsd: 0, perAccount: false });
    expect(prices.addonPrice("scheduler:standard")?.note).toMatch(/dynos it runs are billed/);
  });

  test("a size or plan without a published price is unknown (undefined), never 0", () => {
    expect(prices.dynoPrice("performance-2xl")).toBeUndefined();
    expect(prices.dynoPrice("huge")).toBeUndefined();
    expect(prices.addonPrice("heroku-postgresql:premium-9")).toBeUndefined();
    expect(prices.addonPrice("sendgrid:bronze")).toBeUndefined();
  });

  test("every family names the page it was read from and the day it was read", () => {
    expect(prices.sources.map((source) => source.family)).toEqual([
      "dynos",
      "heroku-postgresql",
      "heroku-redis",
      "scheduler",
    ]);
    for (const source of prices.sources) {
      expect(source.source).toMatch(/^https:\/\/devcenter\.heroku\.com\/articles\//);
      expect(source.read).toBe("2026-12-06");
    }
  });

  test("the setting that names a team's own file", () => {
    expect(PRICES_SETTING).toBe("HEROKU_FLOW_PRICES");
  });
});

describe("a team's own prices", () => {
  test("replace the shipped entries they name; the rest of each family stays", () => {
    const overrideFile = priceFile("negotiated.json", {
      families: {
        dynos: family({ "Standard-2X": 40 }),
        "heroku-postgresql": family({ "standard-0": { monthlyUsd: 45, note: "2026 contract" } }),
      },
    });
    const prices = loadPriceCatalogue({ overrideFile });
    expect(prices.dynoPrice("standard-2x")).toEqual({ monthlyUsd: 40, perAccount: false });
    expect(prices.dynoPrice("standard-1x")).toEqual({ monthlyUsd: 25, perAccount: false });
    expect(prices.addonPrice("heroku-postgresql:standard-0")).toEqual({
      monthlyUsd: 45,
      perAccount: false,
      note: "2026 contract",
    });
    expect(prices.addonPrice("heroku-postgresql:essential-0")?.monthlyUsd).toBe(5);
    expect(prices.addonPrice("heroku-redis:mini")?.monthlyUsd).toBe(3);
  });

  test("are listed as sources after the shipped ones", () => {
    const overrideFile = priceFile("sources.json", { families: { dynos: family({ basic: 6 }) } });
    const sources = loadPriceCatalogue({ overrideFile }).sources;
    expect(sources[0]).toMatchObject({
      family: "dynos",
      source: "https://devcenter.heroku.com/articles/usage-and-billing",
    });
    expect(sources.at(-1)).toEqual({
      family: "dynos",
      source: "https://contracts.example.test/heroku-2026",
      read: "2026-11-30",
    });
  });

  test("may price a service the catalogue does not know, and mark a shipped price unknown", () => {
    const overrideFile = priceFile("third-party.json", {
      families: {
        sendgrid: family({ bronze: 20 }),
        "heroku-redis": family({}, { unpriced: ["mini"] }),
      },
    });
    const prices = loadPriceCatalogue({ overrideFile });
    expect(prices.addonPrice("sendgrid:bronze")?.monthlyUsd).toBe(20);
    expect(prices.addonPrice("heroku-redis:mini")).toBeUndefined();
  });

  test("an empty setting means the shipped prices alone", () => {
    expect(loadPriceCatalogue({ overrideFile: "" }).dynoPrice("basic")?.monthlyUsd).toBe(7);
  });
});

describe("a bad price file is refused, naming the file, the item and the rule", () => {
  test("a missing file", () => {
    const missing = path.join(dir, "absent.json");
    expect(() => loadPriceCatalogue({ overrideFile: missing })).toThrow(
      new PriceFileError(`${missing}: cannot be read: the file does not exist`),
    );
  });

  test("a file that is not JSON", () => {
    expect(refusal("broken.json", "{ families: ")).toMatch(/broken\.json: is not JSON: /);
  });

  test("a file not of the format, naming the field", () => {
    expect(refusal("list.json", [])).toMatch(/list\.json: \(the whole file\): must be a JSON object with "families"/);
    expect(refusal("nofamilies.json", { prices: {} })).toContain(
      "nofamilies.json: prices: is not a field of a price file here (fields: description, families)",
    );
    expect(refusal("nofamilies.json", { prices: {} })).toContain("nofamilies.json: families: must be an object");
    expect(refusal("badread.json", { families: { dynos: family({}, { read: "30/11/2026" }) } })).toContain(
      'badread.json: families.dynos.read: must be a date as YYYY-MM-DD, not the string "30/11/2026"',
    );
    expect(refusal("typo.json", { families: { dynos: family({}, { unpriced: "eco" }) } })).toContain(
      "typo.json: families.dynos.unpriced: must be a list",
    );
    expect(refusal("field.json", { families: { dynos: family({ basic: { monthlyUSD: 6 } }) } })).toContain(
      "field.json: families.dynos.prices.basic.monthlyUSD: is not a field of a price file here",
    );
  });

  test("a negative price", () => {
    expect(refusal("negative.json", { families: { dynos: family({ basic: -7 }) } })).toBe(
      `${path.join(dir, "negative.json")}: families.dynos.prices.basic: must not be negative (value: -7)`,
    );
  });

  test("a price that is not finite", () => {
    expect(
      refusal("infinite.json", '{"families":{"dynos":{"source":"s","read":"2026-11-30","prices":{"basic":1e999}}}}'),
    ).toContain("infinite.json: families.dynos.prices.basic: must be a finite number of USD per month, not Infinity");
  });

  test("a price that is not a number", () => {
    expect(refusal("string.json", { families: { dynos: family({ basic: "7" }) } })).toContain(
      'string.json: families.dynos.prices.basic: must be a number of USD per month (or an object with "monthlyUsd"), not the string "7"',
    );
    expect(refusal("null.json", { families: { dynos: family({ basic: { monthlyUsd: null } }) } })).toContain(
      "null.json: families.dynos.prices.basic.monthlyUsd: must be a number of USD per month",
    );
  });

  test("an unknown dyno size, and a retired one with its successor", () => {
    expect(refusal("size.json", { families: { dynos: family({ huge: 900 }) } })).toContain(
      "size.json: families.dynos.prices.huge: not a Heroku dyno size (sizes: Eco, Basic, Standard-1X,",
    );
    expect(refusal("hobby.json", { families: { dynos: family({ hobby: 7 }) } })).toContain(
      "hobby.json: families.dynos.prices.hobby: hobby dynos were retired on 2022-11-28: price basic instead",
    );
  });

  test("an unknown Postgres plan, and a retired one with its successor", () => {
    expect(refusal("pg.json", { families: { "heroku-postgresql": family({ "standard-1": 100 }) } })).toContain(
      "pg.json: families.heroku-postgresql.prices.standard-1: not a Heroku Postgres plan in the catalogue (plans: essential-0,",
    );
    expect(refusal("mini.json", { families: { "heroku-postgresql": family({ mini: 5 }) } })).toContain(
      "mini.json: families.heroku-postgresql.prices.mini: heroku-postgresql:mini reached end-of-life (2024-05): price essential-0 instead",
    );
  });

  test("a plan of a known service that the catalogue does not list", () => {
    expect(refusal("redis.json", { families: { "heroku-redis": family({ "premium-10": 9000 }) } })).toContain(
      "redis.json: families.heroku-redis.prices.premium-10: not a plan of heroku-redis in the catalogue (plans: mini, premium-0,",
    );
    expect(refusal("unpriced.json", { families: { papertrail: family({}, { unpriced: ["gold"] }) } })).toContain(
      "unpriced.json: families.papertrail.unpriced[0]: not a plan of papertrail in the catalogue",
    );
  });

  test("a family that looks like a known one misspelt", () => {
    expect(refusal("misspelt.json", { families: { "heroku-postgres": family({ "standard-0": 45 }) } })).toContain(
      'misspelt.json: families.heroku-postgres: not a family of the catalogue: did you mean "heroku-postgresql"?',
    );
    expect(refusal("case.json", { families: { Dynos: family({ basic: 6 }) } })).toContain(
      'case.json: families.Dynos: not a family of the catalogue: did you mean "dynos"?',
    );
  });

  test("a family without source", () => {
    const sourceless = { read: "2026-11-30", prices: { basic: 6 } };
    expect(refusal("nosource.json", { families: { dynos: sourceless } })).toContain(
      "nosource.json: families.dynos.source: every family must name where its prices come from",
    );
  });

  test("a size named twice, priced and unpriced or in two cases", () => {
    expect(refusal("twice.json", { families: { dynos: family({ basic: 6, Basic: 7 }) } })).toContain(
      'twice.json: families.dynos.prices.Basic: names "basic" a second time',
    );
    expect(refusal("both.json", { families: { dynos: family({ basic: 6 }, { unpriced: ["basic"] }) } })).toContain(
      'both.json: families.dynos.unpriced[0]: names "basic" a second time',
    );
  });

  test("every problem at once, one per line", () => {
    const message = refusal("many.json", { families: { dynos: family({ basic: -1, huge: 5 }, { source: "" }) } });
    expect(message.split("\n")).toHaveLength(3);
    for (const line of message.split("\n")) expect(line).toMatch(/many\.json: families\.dynos\./);
  });
});
