/**
 * The cost of a merge request, from the plan JSON: each kind of change moves the stack's monthly cost before → after
 * (quantity, size, an add-on added, removed or re-planned, a new environment), and what the cost code cannot price —
 * a sensitive or unknown value, a plan without a price — is counted as unknown, never as 0.
 */
import { costChangeOf, planCost } from "../../../cli/cost/plan-cost";
import { costChangeText, differenceUsd } from "../../../cli/cost/money-text";
import { monthlyUsd } from "../../../cli/cost/stack-cost";
import { plan, resourceChange } from "../../review/plan-fixtures";
import { TEST_PRICES } from "./test-prices";

const web = (size: string, quantity: number) => ({ type: "web", size, quantity, app_id: "app-id" });
const addon = (planName: string) => ({ plan: planName, app_id: "app-id" });

test("a formation scaled from 1 to 3 standard-1x: $25 → $75", () => {
  const change = costChangeOf(
    "production",
    plan({
      resource_changes: [
        resourceChange("heroku_formation.web", ["update"], {
          before: web("standard-1x", 1),
          after: web("standard-1x", 3),
        }),
      ],
    }),
    TEST_PRICES,
  );
  expect(monthlyUsd(change.before)).toBe(25);
  expect(monthlyUsd(change.after)).toBe(75);
  expect(costChangeText(change)).toBe("$25 → $75 (+$50/month)");
});

test("a size change (standard-2x → basic) counts the new size's price", () => {
  const change = costChangeOf(
    "staging",
    plan({
      resource_changes: [
        resourceChange("heroku_formation.web", ["update"], { before: web("Standard-2X", 2), after: web("basic", 1) }),
      ],
    }),
    TEST_PRICES,
  );
  expect([monthlyUsd(change.before), monthlyUsd(change.after)]).toEqual([100, 7]);
  expect(costChangeText(change)).toBe("$100 → $7 (−$93/month)");
});

test("an added add-on counts after only, a removed one before only, unchanged resources on both sides", () => {
  const change = costChangeOf(
    "production",
    plan({
      resource_changes: [
        resourceChange("heroku_formation.web", ["no-op"], {
          before: web("standard-1x", 2),
          after: web("standard-1x", 2),
        }),
        resourceChange("heroku_addon.cache", ["create"], { after: addon("heroku-redis:mini") }),
        resourceChange("heroku_addon.db", ["delete"], { before: addon("heroku-postgresql:standard-0") }),
      ],
    }),
    TEST_PRICES,
  );
  expect(monthlyUsd(change.before)).toBe(50 + 50);
  expect(monthlyUsd(change.after)).toBe(50 + 3);
  expect(differenceUsd(change)).toBe(-47);
});

test("a Postgres plan upgraded in place (standard-0 → premium-0) and a replaced add-on both price the new plan", () => {
  const { before, after } = planCost(
    "production",
    plan({
      resource_changes: [
        resourceChange("heroku_addon.db", ["update"], {
          before: addon("heroku-postgresql:standard-0"),
          after: addon("heroku-postgresql:premium-0"),
        }),
        resourceChange("heroku_addon.logs", ["delete", "create"], {
          before: addon("papertrail:choklad"),
          after: addon("heroku-redis:mini"),
        }),
      ],
    }),
    TEST_PRICES,
  );
  expect(before.items.map((item) => [item.description, item.unitUsd])).toEqual([
    ["heroku-postgresql:standard-0", 50],
    ["papertrail:choklad", 0],
  ]);
  expect(after.items.map((item) => [item.description, item.unitUsd])).toEqual([
    ["heroku-postgresql:premium-0", 200],
    ["heroku-redis:mini", 3],
  ]);
});

test("a new environment: everything is created, so the stack goes from $0 to its whole cost", () => {
  const change = costChangeOf(
    "qa",
    plan({
      resource_changes: [
        resourceChange("heroku_app.app", ["create"], { after: { name: "songlist-qa" }, after_unknown: { id: true } }),
        resourceChange("heroku_formation.web", ["create"], { after: web("basic", 1), after_unknown: { app_id: true } }),
        resourceChange("heroku_addon.db", ["create"], { after: addon("heroku-postgresql:essential-0") }),
      ],
    }),
    TEST_PRICES,
  );
  expect(costChangeText(change)).toBe("$0 → $12 (+$12/month)");
});

test("a destroyed environment goes to $0; its deposed objects and data sources are not counted", () => {
  const change = costChangeOf(
    "qa",
    plan({
      resource_changes: [
        resourceChange("heroku_formation.web", ["delete"], { before: web("basic", 1) }),
        resourceChange("heroku_formation.web", ["delete"], { before: web("performance-m", 4), deposed: "abcd1234" }),
        resourceChange("data.heroku_addon.db", ["read"], { after: addon("heroku-postgresql:premium-0") }),
      ],
    }),
    TEST_PRICES,
  );
  expect([monthlyUsd(change.before), monthlyUsd(change.after)]).toEqual([7, 0]);
});

test("a size or quantity Terraform marks sensitive or unknown is priced as unknown, and never named", () => {
  const { before, after } = planCost(
    "production",
    plan({
      resource_changes: [
        resourceChange("heroku_formation.web", ["update"], {
          before: web("standard-1x", 2),
          after: web("performance-m", 2),
          before_sensitive: { size: true },
          after_unknown: { quantity: true },
        }),
      ],
    }),
    TEST_PRICES,
  );
  expect(before.items[0]).toMatchObject({ description: "web: 2 × (size unknown)", unitUsd: undefined });
  expect(after.items[0]).toMatchObject({ description: "web: ? × performance-m", quantity: undefined });
  expect(before.totals).toEqual({ usageUsd: 0, perAccountUsd: {}, unknown: 1 });
  expect(after.totals).toEqual({ usageUsd: 0, perAccountUsd: {}, unknown: 1 });
});

test("a plan without a price is unknown, not free: the text says prices were left out", () => {
  const change = costChangeOf(
    "production",
    plan({
      resource_changes: [
        resourceChange("heroku_addon.search", ["create"], { after: addon("bonsai:standard-sm") }),
        resourceChange("heroku_formation.web", ["no-op"], { before: web("basic", 1), after: web("basic", 1) }),
      ],
    }),
    TEST_PRICES,
  );
  expect(change.after).toEqual({ usageUsd: 7, perAccountUsd: {}, unknown: 1 });
  expect(costChangeText(change)).toBe("$7 → $7 + 1 unknown (±$0/month, unknown prices left out)");
});

test("Eco dynos are one plan per account: several Eco process types cost $5 once, none cost nothing", () => {
  const eco = (type: string, quantity: number) => ({ type, size: "eco", quantity });
  const change = costChangeOf(
    "staging",
    plan({
      resource_changes: [
        resourceChange("heroku_formation.web", ["update"], { before: eco("web", 0), after: eco("web", 1) }),
        resourceChange("heroku_formation.worker", ["create"], { after: eco("worker", 1) }),
      ],
    }),
    TEST_PRICES,
  );
  expect(change.before).toEqual({ usageUsd: 0, perAccountUsd: {}, unknown: 0 });
  expect(change.after).toEqual({ usageUsd: 0, perAccountUsd: { eco: 5 }, unknown: 0 });
});

test("a plan with no resource changes at all costs nothing either side", () => {
  const change = costChangeOf("pipeline", plan(), TEST_PRICES);
  expect(costChangeText(change)).toBe("$0 → $0 (±$0/month)");
});
