/**
 * The cost of a whole topology from its synthesized stacks: songlist's real configuration (synthesized as
 * `cdktf synth` does) priced per stack, the review stack as "per open merge request" and out of the total; the table
 * and the JSON of `heroku-flow cost` say the same.
 */
import { costJson, costTable } from "../../../cli/cost/cost-report";
import { monthlyUsd } from "../../../cli/cost/stack-cost";
import { topologyCost } from "../../../cli/cost/topology-cost";
import type { StackConfig } from "../../../cli/engine/stack-config";
import type { FlowManifest, FlowManifestStack } from "../../../constructs/flow/flow-manifest";
import { TEST_PRICES } from "./test-prices";

const formation = (type: string, size: string, quantity: number) => ({
  app_id: "${heroku_app.app.id}",
  type,
  size,
  quantity,
});

const CONFIGS: Record<string, StackConfig> = {
  pipeline: { resource: { heroku_pipeline: { pipeline: { name: "songlist" } } } },
  staging: {
    resource: {
      heroku_app: { app: { name: "songlist-staging" } },
      heroku_formation: { web: formation("web", "basic", 1), worker: formation("worker", "eco", 1) },
      heroku_addon: { db: { app_id: "${heroku_app.app.id}", plan: "heroku-postgresql:essential-0" } },
    },
  },
  production: {
    resource: {
      heroku_formation: { web: formation("web", "standard-1x", 2) },
      heroku_addon: {
        db: { app_id: "${heroku_app.app.id}", plan: "heroku-postgresql:standard-0" },
        search: { app_id: "${heroku_app.app.id}", plan: "bonsai:standard-sm" },
      },
    },
  },
  "review-1": {
    resource: {
      heroku_formation: { web: formation("web", "eco", 1), release: formation("release", "basic", 1) },
      heroku_addon: { db: { app_id: "${heroku_app.app.id}", plan: "heroku-postgresql:essential-0" } },
    },
  },
};

function manifestOf(stacks: Array<Pick<FlowManifestStack, "name" | "kind">>): FlowManifest {
  return {
    version: 1,
    pipelineName: "songlist",
    releaseTag: "v*",
    processTypes: { web: "npm start" },
    stateBackend: "local",
    stacks: stacks.map((stack) => ({
      ...stack,
      dependencies: [],
      apps: [],
      productionLike: false,
      deployKeyVariables: [],
      stateName: stack.name,
      deployOn: "merge",
    })),
  };
}

const MANIFEST = manifestOf([
  { name: "pipeline", kind: "pipeline" },
  { name: "staging", kind: "long-lived" },
  { name: "production", kind: "long-lived" },
  { name: "review-1", kind: "review" },
]);

test("each stack is priced from its configuration; the review stack is per open merge request, out of the total", () => {
  const cost = topologyCost(MANIFEST, (stack) => CONFIGS[stack], TEST_PRICES);
  const byStack = Object.fromEntries(cost.stacks.map((stack) => [stack.stack, stack]));
  expect(byStack.pipeline.items).toEqual([]);
  expect(byStack.staging.totals).toEqual({ usageUsd: 7 + 5, perAccountUsd: { eco: 5 }, unknown: 0 });
  expect(byStack.production.totals).toEqual({ usageUsd: 2 * 25 + 50, perAccountUsd: {}, unknown: 1 });
  expect(byStack["review-1"].perOpenMergeRequest).toBe(true);
  expect(monthlyUsd(cost.total)).toBe(12 + 5 + 100);
  expect(cost.total.unknown).toBe(1);
  // The Eco plan is paid already by staging: a merge request adds its Basic dyno and database only.
  expect(cost.perOpenMergeRequest).toEqual({ usageUsd: 7 + 5, perAccountUsd: {}, unknown: 0 });
});

test("without a review stack there is no per-merge-request cost, and an Eco plan only review apps use is theirs", () => {
  const noReview = topologyCost(
    manifestOf([{ name: "production", kind: "long-lived" }]),
    (stack) => CONFIGS[stack],
    TEST_PRICES,
  );
  expect(noReview.perOpenMergeRequest).toBeUndefined();
  const ecoOnlyInReview = topologyCost(
    manifestOf([
      { name: "production", kind: "long-lived" },
      { name: "review-1", kind: "review" },
    ]),
    (stack) => CONFIGS[stack],
    TEST_PRICES,
  );
  expect(ecoOnlyInReview.perOpenMergeRequest).toEqual({ usageUsd: 12, perAccountUsd: { eco: 5 }, unknown: 0 });
});

test("the table: a row per item, unknown prices as 'unknown', totals per stack, overall and per merge request", () => {
  const cost = topologyCost(MANIFEST, (stack) => CONFIGS[stack], TEST_PRICES);
  const text = costTable(cost, { sources: TEST_PRICES.sources });
  expect(text.split("\n")).toEqual([
    "stack       item                               unit/month  monthly",
    "pipeline    (nothing billed)",
    "staging     web: 1 × basic                             $7       $7",
    "staging     worker: 1 × eco                $5 per account  $5 once",
    "staging     heroku-postgresql:essential-0              $5       $5",
    "production  web: 2 × standard-1x                      $25      $50",
    "production  heroku-postgresql:standard-0              $50      $50",
    "production  bonsai:standard-sm                    unknown  unknown",
    "review-1    web: 1 × eco                   $5 per account  $5 once",
    "review-1    release: 1 × basic                         $7       $7",
    "review-1    heroku-postgresql:essential-0              $5       $5",
    "",
    "stack                 monthly",
    "pipeline                   $0",
    "staging                   $17",
    "production   $100 + 1 unknown",
    "total        $117 + 1 unknown",
    "review apps               $12  per open merge request",
    "",
    `USD a month at Heroku's list prices (read 2026-12-06); "unknown": no price in the catalogue, not counted.`,
  ]);
});

test("the JSON has the same figures, null where a price is unknown, and names a team's own price file", () => {
  const cost = topologyCost(MANIFEST, (stack) => CONFIGS[stack], TEST_PRICES);
  const json = costJson(cost, { sources: TEST_PRICES.sources, overrideFile: "prices.json" }) as {
    stacks: Array<{ stack: string; items: Array<Record<string, unknown>>; monthlyUsd: number; unknown: number }>;
    total: object;
    perOpenMergeRequest: object;
    prices: object;
  };
  const production = json.stacks.find((stack) => stack.stack === "production")!;
  expect(production.items).toContainEqual({
    address: "heroku_addon.search",
    kind: "addon",
    description: "bonsai:standard-sm",
    plan: "bonsai:standard-sm",
    quantity: 1,
    unitUsd: null,
    perAccount: false,
    monthlyUsd: null,
  });
  expect([production.monthlyUsd, production.unknown]).toEqual([100, 1]);
  expect(json.total).toEqual({ monthlyUsd: 117, unknown: 1 });
  expect(json.perOpenMergeRequest).toEqual({ monthlyUsd: 12, unknown: 0 });
  expect(json.prices).toEqual({ sources: TEST_PRICES.sources, overrideFile: "prices.json" });
});
