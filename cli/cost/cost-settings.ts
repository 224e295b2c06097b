import * as path from "node:path";
import { DEFAULT_COST_THRESHOLD_USD } from "../review/cost-summary";
import { loadPriceCatalogue, PRICES_SETTING, type PriceCatalogue } from "./price-catalogue";

/** The setting of the monthly difference above which a plan's cost is called out (USD). */
export const COST_THRESHOLD_SETTING = "HEROKU_FLOW_COST_THRESHOLD";

/**
 * The price catalogue a command prices with: the shipped list prices, with the entries of the file named by
 * `HEROKU_FLOW_PRICES` (relative to the project directory) in their place.
 */
export function pricesFor(dir: string, env: NodeJS.ProcessEnv, file = env[PRICES_SETTING]): PriceCatalogue {
  return loadPriceCatalogue(file ? { overrideFile: path.resolve(dir, file) } : {});
}

/** `HEROKU_FLOW_COST_THRESHOLD` as a number of USD per month, checked. */
export function costThresholdFrom(env: NodeJS.ProcessEnv): number {
  const value = env[COST_THRESHOLD_SETTING];
  if (value === undefined || value.trim() === "") return DEFAULT_COST_THRESHOLD_USD;
  const usd = Number(value);
  if (!Number.isFinite(usd) || usd < 0) {
    throw new Error(
      `${COST_THRESHOLD_SETTING} is ${JSON.stringify(value)}: it must be a number of USD per month, 0 or more ` +
        `(default ${DEFAULT_COST_THRESHOLD_USD})`,
    );
  }
  return usd;
}
