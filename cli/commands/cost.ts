import { parseCommandArgs, sessionFor } from "../args";
import type { Command } from "../command";
import { costJson, costTable } from "../cost/cost-report";
import { pricesFor } from "../cost/cost-settings";
import { PRICES_SETTING } from "../cost/price-catalogue";
import { topologyCost } from "../cost/topology-cost";
import type { FlowSession } from "../engine/flow-session";
import { requireHerokuPlatform } from "../engine/platform-support";

/**
 * The review id `heroku-flow cost` synthesizes a review stack for: any merge request's review app costs the same, so
 * one stands for all of them.
 */
export const COST_REVIEW_ID = "1";

/** `heroku-flow cost`. */
export const cost: Command = {
  name: "cost",
  summary: "the topology's monthly cost at list prices, per stack and in total",
  help: `usage: heroku-flow cost [--json] [--prices FILE]

Synthesizes the app and prices every stack from its configuration: dynos (size × quantity per process type), Heroku
Postgres and the other add-ons, in USD a month at Heroku's list prices, per stack and in total; a review app's stack as
"per open merge request" (left out of the total). An item without a price reads "unknown" and is not counted. Eco
dynos are one plan per account, counted once.

  --json               the same as JSON, for scripts (amounts in USD, null where unknown)
  --prices FILE        a price file of the shipped format whose entries replace the shipped ones (negotiated prices);
                       default: ${PRICES_SETTING}, else the shipped list prices alone

Exit codes: 0 priced (unknown prices included), 1 an error (the app, the price file), 2 usage.`,
  async run(args, context) {
    const { values } = parseCommandArgs("cost", args, {
      json: { type: "boolean", default: false },
      prices: { type: "string" },
    });
    return costCommand(sessionFor(context), { json: values.json!, pricesFile: values.prices });
  },
};

/** Options of `heroku-flow cost`. */
export interface CostCommandOptions {
  /** Print JSON instead of the table. */
  readonly json: boolean;
  /**
   * A price file whose entries replace the shipped ones.
   *
   * @default - HEROKU_FLOW_PRICES, else none
   */
  readonly pricesFile?: string;
}

/** `heroku-flow cost`: the monthly cost of every stack, from the synthesized configuration. */
export async function costCommand(session: FlowSession, options: CostCommandOptions): Promise<number> {
  const overrideFile = options.pricesFile ?? session.env[PRICES_SETTING];
  // The price file first: a bad one stops the command before the app is synthesized.
  const prices = pricesFor(session.dir, session.env, overrideFile);
  const { engine } = session;
  await engine.synth();
  requireHerokuPlatform(session.manifest, "cost");
  // Review stacks exist only in a synth for a merge request: one more synth gives their cost.
  if (session.manifest.review) await engine.synth({ HEROKU_FLOW_REVIEW_ID: COST_REVIEW_ID });
  const topology = topologyCost(session.manifest, (stack) => session.config(stack), prices);
  const sources = { sources: prices.sources, ...(overrideFile ? { overrideFile } : {}) };
  session.print(options.json ? JSON.stringify(costJson(topology, sources), null, 2) : costTable(topology, sources));
  return 0;
}
