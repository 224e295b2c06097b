/**
 * `heroku-flow cost` in process, over the fake project of the engine tests: it prices every stack's synthesized
 * configuration with the shipped prices (or a team's file, by flag or setting), synthesizes once more for the review
 * stack when the app has review apps, and stops on a bad price file before synthesizing anything.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type CommandContext, UsageError } from "../../../cli/command";
import { cost, COST_REVIEW_ID } from "../../../cli/commands/cost";
import { loadPriceCatalogue, PRICES_SETTING } from "../../../cli/cost/price-catalogue";
import { fakeProject, plainConfig, removeFakeProjects, type FakeProject } from "../engine/support/fake-project";

afterAll(removeFakeProjects);

const SHIPPED = loadPriceCatalogue();
const price = (size: string) => SHIPPED.dynoPrice(size)!.monthlyUsd;
const planPrice = (plan: string) => SHIPPED.addonPrice(plan)!.monthlyUsd;

function contextOf(project: FakeProject, env: NodeJS.ProcessEnv = {}): CommandContext & { lines: string[] } {
  const lines: string[] = [];
  return { dir: project.dir, env: { ...project.env, ...env }, print: (line) => lines.push(line), lines };
}

/**
 * songlist's shape: staging on one Basic dyno and essential-0, production on two standard-1x, essential-0 and a
 * third-party add-on the catalogue has no price for.
 */
function priced(withReview = true): FakeProject {
  const project = fakeProject({
    stacks: [
      { name: "staging" },
      { name: "production" },
      ...(withReview ? [{ name: "review-1", kind: "review" as const }] : []),
    ],
  });
  const stack = (name: string, size: string, quantity: number, plan: string) => {
    const config = plainConfig(name) as { resource: Record<string, unknown> };
    config.resource.heroku_formation = { web: { app_id: "${heroku_app.app.id}", type: "web", size, quantity } };
    config.resource.heroku_addon = { db: { app_id: "${heroku_app.app.id}", plan } };
    if (name === "production") {
      (config.resource.heroku_addon as Record<string, unknown>).search = { app_id: "x", plan: "bonsai:standard-sm" };
    }
    project.writeConfig(name, config);
  };
  stack("staging", "basic", 1, "heroku-postgresql:essential-0");
  stack("production", "standard-1x", 2, "heroku-postgresql:essential-0");
  if (withReview) stack("review-1", "basic", 1, "heroku-postgresql:essential-0");
  return project;
}

type CostJson = {
  stacks: Array<{ stack: string; perOpenMergeRequest: boolean; monthlyUsd: number; unknown: number }>;
  total: { monthlyUsd: number; unknown: number };
  perOpenMergeRequest: { monthlyUsd: number } | null;
  prices: { overrideFile: string | null };
};

test("--json: every stack at the shipped prices, the review stack per open merge request; two synths", async () => {
  const project = priced();
  // The fake app's synth, noting the review id it was given too: the second synth is the one for a merge request.
  fs.writeFileSync(
    path.join(project.dir, "synth.sh"),
    'echo "synth HEROKU_FLOW_REVIEW_ID=${HEROKU_FLOW_REVIEW_ID:-}" >> "$FAKE_TERRAFORM_LOG"\n',
  );
  const context = contextOf(project);
  expect(await cost.run(["--json"], context)).toBe(0);
  const json = JSON.parse(context.lines.filter((line) => !line.startsWith("  ")).join("\n")) as CostJson;
  const staging = price("basic") + planPrice("heroku-postgresql:essential-0");
  const production = 2 * price("standard-1x") + planPrice("heroku-postgresql:essential-0");
  expect(json.stacks.map((stack) => [stack.stack, stack.perOpenMergeRequest, stack.monthlyUsd, stack.unknown])).toEqual(
    [
      ["staging", false, staging, 0],
      ["production", false, production, 1],
      ["review-1", true, staging, 0],
    ],
  );
  expect(json.total).toEqual({ monthlyUsd: staging + production, unknown: 1 });
  expect(json.perOpenMergeRequest).toEqual({ monthlyUsd: staging, unknown: 0 });
  expect(json.prices.overrideFile).toBeNull();
  expect(project.log()).toEqual(["synth HEROKU_FLOW_REVIEW_ID=", `synth HEROKU_FLOW_REVIEW_ID=${COST_REVIEW_ID}`]);
});

test("an app without review apps is synthesized once and has no per-merge-request line", async () => {
  const project = priced(false);
  fs.writeFileSync(
    path.join(project.dir, "cdktf.out", "heroku-flow.json"),
    JSON.stringify({ ...project.manifest, review: undefined }),
  );
  const context = contextOf(project);
  expect(await cost.run([], context)).toBe(0);
  const table = context.lines.at(-1)!;
  expect(table).not.toContain("review apps");
  expect(table).toMatch(/^total +\$\d+ \+ 1 unknown$/m);
  expect(table).toMatch(/^production +bonsai:standard-sm +unknown +unknown$/m);
  expect(project.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
});

test("a team's own prices, by --prices or by the setting, replace the entries they name and are named", async () => {
  const project = priced(false);
  fs.writeFileSync(
    path.join(project.dir, "our-prices.json"),
    JSON.stringify({
      families: { dynos: { source: "our contract", read: "2026-12-01", prices: { "standard-1x": 20 } } },
    }),
  );
  for (const [args, env] of [
    [["--json", "--prices", "our-prices.json"], {}],
    [["--json"], { [PRICES_SETTING]: "our-prices.json" }],
  ] as const) {
    const context = contextOf(project, env);
    expect(await cost.run(args, context)).toBe(0);
    const json = JSON.parse(context.lines.filter((line) => !line.startsWith("  ")).join("\n")) as CostJson;
    const production = json.stacks.find((stack) => stack.stack === "production")!;
    expect(production.monthlyUsd).toBe(2 * 20 + planPrice("heroku-postgresql:essential-0"));
    expect(json.prices.overrideFile).toBe("our-prices.json");
  }
});

test("a bad price file is an error naming the file and the item, before anything is synthesized", async () => {
  const project = priced(false);
  fs.writeFileSync(
    path.join(project.dir, "bad.json"),
    JSON.stringify({ families: { dynos: { source: "x", read: "2026-12-01", prices: { "standard-1x": -3 } } } }),
  );
  const failure = await cost.run(["--prices", "bad.json"], contextOf(project)).catch((error: Error) => error);
  expect(failure).toBeInstanceOf(Error);
  expect(failure).not.toBeInstanceOf(UsageError);
  expect((failure as Error).message).toContain("bad.json");
  expect((failure as Error).message).toContain("standard-1x");
  expect(project.log()).toEqual([]);
});

test.each([
  [["staging"], "cost: Unexpected argument 'staging' (see heroku-flow cost --help)"],
  [["--prices"], "cost: Option '--prices <value>' argument missing (see heroku-flow cost --help)"],
])("%j is a usage error", async (args, message) => {
  const project = priced(false);
  const failure = await cost.run(args, contextOf(project)).catch((error: Error) => error);
  expect(failure).toBeInstanceOf(UsageError);
  expect((failure as Error).message).toBe(message);
});

test("a Dokku topology has no Heroku prices: refused after its synth, saying why, with no second synth", async () => {
  const project = fakeProject({ stacks: [{ name: "staging" }], platform: "dokku" });
  project.writeConfig("staging", plainConfig("staging"));
  await expect(cost.run([], contextOf(project))).rejects.toThrow(
    "heroku-flow cost works on Heroku apps, and this topology's run on Dokku: its prices are Heroku's list prices, " +
      "and a Dokku server's cost is the server's own",
  );
  expect(project.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
});
