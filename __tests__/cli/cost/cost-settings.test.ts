/** The cost settings: the threshold checked with its name, value and rule; the team's price file found from the project. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { COST_THRESHOLD_SETTING, costThresholdFrom, pricesFor } from "../../../cli/cost/cost-settings";
import { PRICES_SETTING } from "../../../cli/cost/price-catalogue";

test.each([
  [undefined, 50],
  ["", 50],
  ["0", 0],
  ["125.5", 125.5],
])("%p gives a threshold of $%p", (value, usd) => {
  expect(costThresholdFrom(value === undefined ? {} : { [COST_THRESHOLD_SETTING]: value })).toBe(usd);
});

test.each(["-1", "fifty", "Infinity", "1e999"])(
  "%p is refused, naming the setting, the value and the rule",
  (value) => {
    expect(() => costThresholdFrom({ [COST_THRESHOLD_SETTING]: value })).toThrow(
      `HEROKU_FLOW_COST_THRESHOLD is ${JSON.stringify(value)}: it must be a number of USD per month, 0 or more (default 50)`,
    );
  },
);

test("HEROKU_FLOW_PRICES is read relative to the project directory; unset, the shipped prices alone", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-prices-"));
  try {
    fs.writeFileSync(
      path.join(dir, "ours.json"),
      JSON.stringify({ families: { dynos: { source: "our contract", read: "2026-12-01", prices: { basic: 6 } } } }),
    );
    expect(pricesFor(dir, { [PRICES_SETTING]: "ours.json" }).dynoPrice("basic")?.monthlyUsd).toBe(6);
    expect(pricesFor(dir, {}).dynoPrice("basic")?.monthlyUsd).toBe(7);
    expect(() => pricesFor(dir, { [PRICES_SETTING]: "missing.json" })).toThrow(/missing\.json/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
