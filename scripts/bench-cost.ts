/**
 * `npm run bench:cost`: what pricing adds to `heroku-flow plan` of songlist's three stacks, measured side by side in one
 * run against a fresh sandbox (real Terraform and providers):
 *
 * (a) `heroku-flow plan pipeline staging production` in process (one synth, three plans at once, the summaries, the
 *     console text and the files), N runs: the time the cost line is a share of;
 * (b) on the same three stacks' plan JSON, what `plan` does after Terraform — summaries, GitLab reports and the console
 *     text — without prices and with them (the price file loaded and checked, each stack's cost before and after),
 *     alternating, M runs each: the difference is what pricing adds;
 * (c) the target: the added time at most 5 % of (a), with PASS or FAIL (a miss is a measurement: exit code 0).
 *
 *   tsx scripts/bench-cost.ts [--runs N] [--inner M]   (default 3 plans, 200 runs of (b))
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { planCommand } from "../cli/commands/plan";
import { costChangeOf } from "../cli/cost/plan-cost";
import { loadPriceCatalogue } from "../cli/cost/price-catalogue";
import { FlowSession } from "../cli/engine/flow-session";
import { toolchainEnv } from "../cli/engine/toolchain";
import { type PlanJson, renderConsole, summarizeStack, terraformReport } from "../cli/review";
import { machineDescription, median, table } from "./lib/report";
import { MAIN_STACKS, SandboxProject } from "./lib/sandbox-project";

/** What pricing may add to `heroku-flow plan` of the three stacks (issue 26). */
const COST_SHARE_LIMIT = 0.05;

const elapsed = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** `plan`'s own work after Terraform, on plans already read: with `priced`, as `heroku-flow plan` does it. */
function review(plans: ReadonlyMap<string, PlanJson>, configs: ReadonlyMap<string, object>, priced: boolean): number {
  const started = process.hrtime.bigint();
  const prices = priced ? loadPriceCatalogue() : undefined;
  const summaries = [...plans].map(([stack, plan]) =>
    summarizeStack({
      stack,
      plan,
      config: configs.get(stack),
      ...(prices ? { cost: costChangeOf(stack, plan, prices) } : {}),
    }),
  );
  for (const summary of summaries) JSON.stringify(terraformReport(summary));
  JSON.stringify(summaries);
  renderConsole(summaries);
  return elapsed(started);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "3" }, inner: { type: "string", default: "200" } },
  });
  const runs = Number(values.runs);
  const inner = Number(values.inner);
  for (const [name, value] of [
    ["--runs", runs],
    ["--inner", inner],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`${name}: ${JSON.stringify(value)} must be a whole number >= 1`);
  }
  Object.assign(process.env, toolchainEnv());
  console.log(machineDescription([]));

  const project = await SandboxProject.create();
  try {
    await project.deploy(MAIN_STACKS);
    const session = new FlowSession({
      dir: project.dir,
      env: { ...process.env, ...project.env() },
      print: () => undefined,
    });
    const planSeconds: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      const code = await planCommand(session, {
        lock: false,
        outDir: path.join(project.dir, "bench-plan"),
        stacks: MAIN_STACKS,
      });
      if (code !== 0) throw new Error(`heroku-flow plan exited ${code}`);
      planSeconds.push(elapsed(started));
    }

    // The three plans as Terraform gives them to `plan`, read once; then `plan`'s own work on them, timed.
    const engine = project.engine();
    const plans = new Map<string, PlanJson>();
    const configs = new Map<string, object>();
    await engine.discardingPlans(MAIN_STACKS, async () => {
      for (const stack of MAIN_STACKS) {
        plans.set(stack, (await engine.show(await engine.plan(stack, { lock: false }))) as PlanJson);
        configs.set(stack, session.config(stack));
      }
    });
    const without: number[] = [];
    const withPrices: number[] = [];
    for (let run = 0; run < inner; run++) {
      without.push(review(plans, configs, false));
      withPrices.push(review(plans, configs, true));
    }

    const plan = median(planSeconds);
    const added = median(withPrices) - median(without);
    const share = added / plan;
    const ms = (s: number) => (s * 1000).toFixed(2);
    console.log(
      `(a) heroku-flow plan ${MAIN_STACKS.join(" ")}, in process, ${runs} run(s): median ${plan.toFixed(2)} s`,
    );
    console.log(`\n(b) plan's work after Terraform on the same plans, ${inner} runs each, alternating (medians)`);
    console.log(
      table(
        ["summaries, reports, console text", "ms"],
        [
          ["without prices", ms(median(without))],
          ["with prices (price file loaded and checked, cost before/after per stack)", ms(median(withPrices))],
          ["added by pricing", ms(added)],
        ],
      ),
    );
    console.log("\n(c) target");
    console.log(
      table(
        ["target", "limit", "measured", "result"],
        [
          [
            "pricing's share of heroku-flow plan, 3 stacks",
            `<= ${(COST_SHARE_LIMIT * 100).toFixed(0)} %`,
            `${(share * 100).toFixed(3)} %`,
            share <= COST_SHARE_LIMIT ? "PASS" : "FAIL",
          ],
        ],
      ),
    );
  } finally {
    await project.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
