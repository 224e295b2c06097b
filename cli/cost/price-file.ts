import { readFileSync } from "node:fs";
import { ADDON_SERVICES, type AddonService, DYNO_SIZES, RETIRED_DYNO_SIZES } from "../../sandbox/heroku/models/catalog";

/**
 * A price file (`heroku-prices.json` and the files teams write for their own prices) read and checked: its format,
 * its numbers, and its sizes and plans against the catalogue of Heroku facts (`sandbox/heroku/models/catalog.ts`),
 * so that a typo never prices nothing in silence.
 */

/** A price file that cannot be used: every line names the file, the item and the rule it breaks. */
export class PriceFileError extends Error {
  public override readonly name = "PriceFileError";
}

/** What one size or plan costs. */
export interface Price {
  /** The list (or negotiated) price in USD per month, for one dyno or one add-on. */
  readonly monthlyUsd: number;
  /** Billed once per Heroku account however many run (the Eco plan's shared pool of dyno hours), not per unit. */
  readonly perAccount: boolean;
  /**
   * What the number does not say, e.g. that Scheduler bills the dynos it runs.
   *
   * @default - nothing to add
   */
  readonly note?: string;
}

/** One family of a price file: dyno sizes, or the plans of one add-on service. */
export interface PriceFamily {
  /** Where the prices were read: the published page's URL (or, for a team's own file, its contract). */
  readonly source: string;
  /** The day they were read, `YYYY-MM-DD`. */
  readonly read: string;
  /**
   * The page's own last-updated date, `YYYY-MM-DD`.
   *
   * @default - the page shows none
   */
  readonly pageUpdated?: string;
  /** Each size or plan, lowercased, with its price, or undefined when it is knowingly unpriced. */
  readonly entries: ReadonlyMap<string, Price | undefined>;
}

/** The family of dyno sizes; every other family is an add-on service's slug. */
export const DYNOS_FAMILY = "dynos";

const TOP_LEVEL_FIELDS = ["description", "families"];
const FAMILY_FIELDS = ["source", "read", "pageUpdated", "prices", "unpriced"];
const PRICE_FIELDS = ["monthlyUsd", "perAccount", "note"];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads and checks the price file at `path`, naming it `path` in every problem. */
export function readPriceFile(path: string): Map<string, PriceFamily> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a directory" : (error as Error).message;
    throw new PriceFileError(`${path}: cannot be read: the file ${why}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new PriceFileError(`${path}: is not JSON: ${(error as Error).message}`);
  }
  return checkPriceFile(path, document);
}

/**
 * Checks a price file's parsed `document`, collecting every problem and throwing them at once.
 *
 * @param file how problems name the file
 */
export function checkPriceFile(file: string, document: unknown): Map<string, PriceFamily> {
  const problems: string[] = [];
  const problem = (item: string, rule: string) => problems.push(`${file}: ${item}: ${rule}`);
  const families = new Map<string, PriceFamily>();
  if (!isObject(document)) {
    problem("(the whole file)", `must be a JSON object with "families", not ${describe(document)}`);
  } else {
    unknownFields(document, TOP_LEVEL_FIELDS, "", problem);
    if (document.description !== undefined && typeof document.description !== "string") {
      problem("description", `must be a string, not ${describe(document.description)}`);
    }
    if (!isObject(document.families)) {
      problem(
        "families",
        `must be an object of families (dynos, heroku-postgresql, …), not ${describe(document.families)}`,
      );
    } else {
      for (const [name, family] of Object.entries(document.families)) {
        const checked = checkFamily(name, family, problem);
        if (checked) families.set(name, checked);
      }
    }
  }
  if (problems.length > 0) throw new PriceFileError(problems.join("\n"));
  return families;
}

type Problem = (item: string, rule: string) => void;

function checkFamily(name: string, family: unknown, problem: Problem): PriceFamily | undefined {
  const at = `families.${name}`;
  const plans = plansOf(name, problem);
  if (!isObject(family)) {
    problem(at, `must be an object with "source", "read" and "prices", not ${describe(family)}`);
    return undefined;
  }
  unknownFields(family, FAMILY_FIELDS, `${at}.`, problem);
  if (typeof family.source !== "string" || family.source.trim() === "") {
    problem(`${at}.source`, "every family must name where its prices come from (the pricing page's URL)");
  }
  for (const field of ["read", "pageUpdated"]) {
    const date = family[field];
    if ((field === "read" || date !== undefined) && !isDate(date)) {
      problem(`${at}.${field}`, `must be a date as YYYY-MM-DD, not ${describe(date)}`);
    }
  }
  const entries = new Map<string, Price | undefined>();
  const entryKey = (plan: string, item: string) => {
    const key = plan.toLowerCase();
    if (entries.has(key)) {
      problem(item, `names ${JSON.stringify(key)} a second time (sizes and plans are matched in any case)`);
    }
    plans?.check(key, item);
    return key;
  };
  const prices = family.prices ?? {};
  if (!isObject(prices)) {
    problem(`${at}.prices`, `must be an object of prices by size or plan, not ${describe(prices)}`);
  } else {
    for (const [plan, price] of Object.entries(prices)) {
      const item = `${at}.prices.${plan}`;
      entries.set(entryKey(plan, item), checkPrice(item, price, problem));
    }
  }
  const unpriced = family.unpriced ?? [];
  if (!isStringArray(unpriced)) {
    problem(`${at}.unpriced`, `must be a list of the sizes or plans with no known price, not ${describe(unpriced)}`);
  } else {
    for (const [index, plan] of unpriced.entries()) entries.set(entryKey(plan, `${at}.unpriced[${index}]`), undefined);
  }
  return {
    source: String(family.source),
    read: String(family.read),
    pageUpdated: typeof family.pageUpdated === "string" ? family.pageUpdated : undefined,
    entries,
  };
}

/** What a family's sizes or plans are checked against: the catalogue's, where it knows the family. */
function plansOf(family: string, problem: Problem): { check(key: string, item: string): void } | undefined {
  if (family === DYNOS_FAMILY) {
    const sizes = DYNO_SIZES.map((size) => size.name);
    return {
      check: (key, item) => {
        if (sizes.some((size) => size.toLowerCase() === key)) return;
        const successor = RETIRED_DYNO_SIZES[key];
        problem(
          item,
          successor
            ? `${key} dynos were retired on 2022-11-28: price ${successor.toLowerCase()} instead`
            : `not a Heroku dyno size (sizes: ${sizes.join(", ")})`,
        );
      },
    };
  }
  const service = ADDON_SERVICES.find((known) => known.name === family);
  if (service) return { check: (key, item) => checkPlan(service, key, item, problem) };
  const meant = [DYNOS_FAMILY, ...ADDON_SERVICES.map((known) => known.name)].find((known) => looksMeant(family, known));
  if (meant) problem(`families.${family}`, `not a family of the catalogue: did you mean ${JSON.stringify(meant)}?`);
  // Any other service's plans are the team's to price: the library accepts add-ons it does not know.
  return undefined;
}

function checkPlan(service: AddonService, plan: string, item: string, problem: Problem): void {
  if (service.plans.includes(plan)) return;
  const retired = service.retiredPlans.find((candidate) => candidate.plan === plan);
  const what = service.name === "heroku-postgresql" ? "not a Heroku Postgres plan" : `not a plan of ${service.name}`;
  problem(
    item,
    retired
      ? `${service.name}:${plan} reached end-of-life (${retired.ended}): price ${retired.successor} instead`
      : `${what} in the catalogue (plans: ${service.plans.join(", ")})`,
  );
}

/** A family name that is a known one in another case, or a part of it (`heroku-postgres`, `redis`). */
function looksMeant(name: string, known: string): boolean {
  const lower = name.toLowerCase();
  return lower !== name ? lower === known : known.includes(lower) || lower.startsWith(known);
}

function checkPrice(item: string, price: unknown, problem: Problem): Price | undefined {
  if (isObject(price)) {
    unknownFields(price, PRICE_FIELDS, `${item}.`, problem);
    if (price.perAccount !== undefined && typeof price.perAccount !== "boolean") {
      problem(`${item}.perAccount`, `must be true or false, not ${describe(price.perAccount)}`);
    }
    if (price.note !== undefined && typeof price.note !== "string") {
      problem(`${item}.note`, `must be a string, not ${describe(price.note)}`);
    }
    const monthlyUsd = checkAmount(`${item}.monthlyUsd`, price.monthlyUsd, problem);
    return monthlyUsd === undefined
      ? undefined
      : {
          monthlyUsd,
          perAccount: price.perAccount === true,
          ...(typeof price.note === "string" ? { note: price.note } : {}),
        };
  }
  const monthlyUsd = checkAmount(item, price, problem);
  return monthlyUsd === undefined ? undefined : { monthlyUsd, perAccount: false };
}

function checkAmount(item: string, amount: unknown, problem: Problem): number | undefined {
  if (typeof amount !== "number") {
    problem(item, `must be a number of USD per month (or an object with "monthlyUsd"), not ${describe(amount)}`);
  } else if (!Number.isFinite(amount)) {
    problem(item, `must be a finite number of USD per month, not ${amount}`);
  } else if (amount < 0) {
    problem(item, `must not be negative (value: ${amount})`);
  } else {
    return amount;
  }
  return undefined;
}

function unknownFields(object: Record<string, unknown>, known: readonly string[], at: string, problem: Problem): void {
  for (const field of Object.keys(object).filter((key) => !known.includes(key))) {
    problem(`${at}${field}`, `is not a field of a price file here (fields: ${known.join(", ")})`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function isDate(value: unknown): boolean {
  return typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** A value as a problem names it: its JSON, or its type when that says more (`a string "25"`). */
function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "string") return `the string ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return "a list";
  return value === null ? "null" : typeof value === "object" ? "an object" : String(value);
}
