import type { Price, PriceCatalogue } from "../../../cli/cost/price-catalogue";

/**
 * A small catalogue for the cost tests, apart from the shipped prices (which change when Heroku's do): round
 * figures, Eco per account, and plans deliberately left unpriced.
 */
const DYNOS: Record<string, Price> = {
  eco: { monthlyUsd: 5, perAccount: true },
  basic: { monthlyUsd: 7, perAccount: false },
  "standard-1x": { monthlyUsd: 25, perAccount: false },
  "standard-2x": { monthlyUsd: 50, perAccount: false },
  "performance-m": { monthlyUsd: 250, perAccount: false },
};

const ADDONS: Record<string, Price> = {
  "heroku-postgresql:essential-0": { monthlyUsd: 5, perAccount: false },
  "heroku-postgresql:standard-0": { monthlyUsd: 50, perAccount: false },
  "heroku-postgresql:premium-0": { monthlyUsd: 200, perAccount: false },
  "heroku-redis:mini": { monthlyUsd: 3, perAccount: false },
  "papertrail:choklad": { monthlyUsd: 0, perAccount: false },
};

export const TEST_PRICES: PriceCatalogue = {
  dynoPrice: (size) => DYNOS[size.toLowerCase()],
  addonPrice: (plan) => ADDONS[plan],
  sources: [{ family: "dynos", source: "https://example.test/pricing", read: "2026-12-06" }],
};
