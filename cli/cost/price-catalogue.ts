import { ADDON_SERVICES } from "../../sandbox/heroku/models/catalog";
import shippedPriceFile from "./heroku-prices.json";
import { checkPriceFile, DYNOS_FAMILY, type Price, type PriceFamily, readPriceFile } from "./price-file";

export { type Price, PriceFileError } from "./price-file";

/** The environment setting that names a team's own price file (negotiated prices), read over the shipped one. */
export const PRICES_SETTING = "HEROKU_FLOW_PRICES";

/** How problems in the shipped file name it. */
const SHIPPED_FILE = "cli/cost/heroku-prices.json (shipped)";

/** Where one family's prices come from, for the cost table's footnote. */
export interface PriceSource {
  /** `dynos`, or the add-on service's slug. */
  readonly family: string;
  /** The published pricing page (or a team's contract) the prices were read from. */
  readonly source: string;
  /** The day they were read, `YYYY-MM-DD`. */
  readonly read: string;
  /**
   * The page's own last-updated date, `YYYY-MM-DD`.
   *
   * @default - the page shows none
   */
  readonly pageUpdated?: string;
}

/** The one place prices are looked up: the shipped list prices, with a team's own prices in place of them. */
export interface PriceCatalogue {
  /** Per dyno per month, by size in any case ("Standard-1X" or "standard-1x"); undefined: unknown. */
  dynoPrice(size: string): Price | undefined;
  /**
   * By full plan "service:plan" (e.g. "heroku-postgresql:standard-0"), in any case; a bare "service" is its default
   * plan, as Heroku provisions it. Undefined: unknown.
   */
  addonPrice(plan: string): Price | undefined;
  /**
   * Where each family's prices come from, for the table's footnote: the shipped families first, then the override
   * file's (a family in both is listed twice, since some of its prices come from each).
   */
  readonly sources: readonly PriceSource[];
}

/**
 * The shipped file, with the entries of `overrideFile` (same format; a team's negotiated prices) in place of the
 * shipped ones. The override names only the families and sizes or plans it changes; the rest stay. The command passes
 * the {@link PRICES_SETTING} setting here; the sandbox reads the shipped prices alone.
 *
 * @throws PriceFileError when either file is missing, not JSON or not of the format, or names a price, size or plan
 *   the catalogue refuses (every problem, one per line)
 */
export function loadPriceCatalogue(
  options: {
    /**
     * A price file to read over the shipped one (relative to the working directory); empty means none.
     *
     * @default - the shipped prices alone
     */
    readonly overrideFile?: string;
  } = {},
): PriceCatalogue {
  const families = checkPriceFile(SHIPPED_FILE, shippedPriceFile);
  const sources = sourcesOf(families);
  if (options.overrideFile) {
    const overrides = readPriceFile(options.overrideFile);
    for (const [name, override] of overrides) {
      const shipped = families.get(name);
      families.set(name, { ...override, entries: new Map([...(shipped?.entries ?? []), ...override.entries]) });
    }
    sources.push(...sourcesOf(overrides));
  }
  const priceOf = (family: string, entry: string) => families.get(family)?.entries.get(entry.toLowerCase());
  return {
    dynoPrice: (size) => priceOf(DYNOS_FAMILY, size),
    addonPrice: (plan) => {
      const [service, planName] = plan.toLowerCase().split(":", 2);
      const size = planName ?? ADDON_SERVICES.find((known) => known.name === service)?.defaultPlan;
      return size === undefined ? undefined : priceOf(service, size);
    },
    sources,
  };
}

function sourcesOf(families: ReadonlyMap<string, PriceFamily>): PriceSource[] {
  return [...families].map(([family, { source, read, pageUpdated }]) => ({
    family,
    source,
    read,
    ...(pageUpdated === undefined ? {} : { pageUpdated }),
  }));
}
