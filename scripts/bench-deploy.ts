/**
 * `npm run bench:deploy`: how long the main jobs take against a fresh sandbox, with the real cdktf CLI, Terraform and
 * providers, measured in one run and printed as tables:
 *
 * (a) the full first deploy of pipeline, staging and production through the project's one deploy sequence
 *     (formation left out, CI's first code push simulated, then formation taken over), then the same sequence again
 *     with nothing to change;
 * (b) a no-change `cdktf diff` of each stack;
 * (c) one `terraform plan` run directly in `cdktf.out/stacks/<stack>` beside `cdktf diff` of the same stack: what the
 *     CLI adds, as a ratio;
 * (d) `heroku-flow plan` of pipeline, staging and production (one synth, three plans at once) beside `cdktf diff` of
 *     the three stacks one after the other, alternating, each as a user runs it (the package's bin, run by node);
 * (e) the synth step of `heroku-flow` (the app compiled once to one JavaScript file, then run by `node`) beside the app
 *     command of cdktf.json (`node --import tsx main.ts`, what `cdktf synth` runs);
 * (f) a no-change `npm start` in this checkout, as a user runs it (it uses the checkout's sandbox, started if needed,
 *     and deploys once before the timed runs);
 * (g) `heroku-flow --help`, the cost of starting the command;
 * (h) the first deploy and a no-change deploy of songlist with its CI side on GitLab and on CircleCI
 *     (stacks/songlist-on-circleci.ts), and on a Dokku server (stacks/songlist-on-dokku.ts, the sandbox's SSH front),
 *     each into a fresh sandbox, in turn;
 * (i) the targets, each with PASS or FAIL (a missed target is a measurement: the exit code stays 0).
 *
 *   tsx scripts/bench-deploy.ts [--runs N] [--only ci-sides]
 *   (N runs of each diff and plan, and rounds of (h), default 3; --only ci-sides: (h) and its target alone)
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { toolchainEnv } from "../cli/engine/toolchain";
import { PROJECT_ROOT } from "./lib/cdktf-runner";
import { machineDescription, median, table } from "./lib/report";
import { timedCommand as timed } from "./lib/timed-command";
import { MAIN_STACKS, SandboxProject, type SandboxProjectOptions } from "./lib/sandbox-project";
import { songlistOnCircleci } from "../stacks/songlist-on-circleci";
import { songlistOnDokku } from "../stacks/songlist-on-dokku";
import type { StoreData } from "../sandbox/store";

const FIRST_DEPLOY_TARGET_SECONDS = 60;
const DIFF_TARGET_SECONDS = 10;
const FLOW_PLAN_SPEEDUP_TARGET = 6;
const FLOW_PLAN_TARGET_SECONDS = 2;
const SYNTH_TARGET_SECONDS = 0.5;
const NO_CHANGE_START_TARGET_SECONDS = 2;
const HELP_TARGET_SECONDS = 0.3;
/** How far the CircleCI side's first deploy may be from the GitLab side's (medians), as a fraction. */
const CI_SIDES_TOLERANCE = 0.2;
/** How many times the Heroku deploy (GitLab side) songlist's first deploy on Dokku may take (medians). */
const DOKKU_TARGET_RATIO = 2;

/** The package's command as its bin link runs it: node and the built JavaScript, no TypeScript loader. */
const HEROKU_FLOW = [path.join(PROJECT_ROOT, "dist", "cli", "bin.js")];

const seconds = (value: number) => value.toFixed(2);
const spread = (values: number[]) => [Math.min(...values), median(values), Math.max(...values)].map(seconds);

/** The rows of (h): songlist as main.ts declares it (GitLab), on CircleCI, and on a Dokku server. */
const CI_SIDES: { name: string; options: SandboxProjectOptions }[] = [
  { name: "GitLab", options: {} },
  {
    name: "CircleCI",
    options: {
      main: path.join(PROJECT_ROOT, "stacks", "songlist-on-circleci.main.ts"),
      topology: songlistOnCircleci(),
    },
  },
  {
    name: "Dokku",
    options: { main: path.join(PROJECT_ROOT, "stacks", "songlist-on-dokku.main.ts"), topology: songlistOnDokku },
  },
];

/** What each row's deploy made on its own side (GitLab CI/CD variables, CircleCI context variables, Dokku apps). */
const MADE: Record<string, (made: StoreData) => number> = {
  GitLab: (made) => made.gitlab.variables.length,
  CircleCI: (made) => made.circleci.contextVariables.length,
  Dokku: (made) => made.dokku.apps.length,
};

/** Seconds of a timed action. */
async function timedSeconds(action: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * (h): `rounds` first and no-change deploys of each row, each round into fresh sandboxes, in turn (the order reversed
 * every other round). Returns the ratios of the medians of the first deploys to GitLab's, CircleCI's and Dokku's.
 */
async function compareCiSides(rounds: number): Promise<{ circleci: number; dokku: number }> {
  const first: Record<string, number[]> = {};
  const again: Record<string, number[]> = {};
  /** The CI side's variables each deploy made (GitLab CI/CD variables, CircleCI context variables): it did its part. */
  const records: Record<string, number> = {};
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? CI_SIDES : [...CI_SIDES].reverse();
    for (const side of order) {
      const project = await SandboxProject.create(side.options);
      try {
        const stacks = project.names.longLivedStacks;
        (first[side.name] ??= []).push(await timedSeconds(() => project.deploy(stacks)));
        records[side.name] = MADE[side.name](await project.state());
        if (records[side.name] === 0) throw new Error(`${side.name}: the deploy made nothing on its side`);
        (again[side.name] ??= []).push(
          await timedSeconds(async () => {
            const outcome = await project.deploy(stacks);
            if (outcome.changedStacks.length > 0)
              throw new Error(`${side.name}: a second deploy changed ${outcome.changedStacks.join(", ")}`);
          }),
        );
      } finally {
        await project.close();
      }
    }
  }
  console.log(`\n(h) songlist deployed with each CI side and platform, ${rounds} round(s): min / median / max seconds`);
  console.log(
    table(
      ["CI side / platform", "made", "first deploy min", "median", "max", "no-change min", "median", "max"],
      CI_SIDES.map(({ name }) => [name, String(records[name]), ...spread(first[name]), ...spread(again[name])]),
    ),
  );
  const ratios = {
    circleci: median(first.CircleCI) / median(first.GitLab),
    dokku: median(first.Dokku) / median(first.GitLab),
  };
  console.log(`CircleCI / GitLab, first deploy (medians): ${ratios.circleci.toFixed(2)}`);
  console.log(`Dokku / Heroku (GitLab side), first deploy (medians): ${ratios.dokku.toFixed(2)}`);
  return ratios;
}

/** The target rows of (h). */
function ciSidesTargets(ratios: { circleci: number; dokku: number }): string[][] {
  return [
    ciSidesTarget(ratios.circleci),
    [
      "first deploy, songlist on Dokku vs on Heroku (medians)",
      `≤ ${DOKKU_TARGET_RATIO}×`,
      `${ratios.dokku.toFixed(2)}×`,
      ratios.dokku <= DOKKU_TARGET_RATIO ? "PASS" : "FAIL",
    ],
  ];
}

/** The target row of the CircleCI side. */
function ciSidesTarget(ratio: number): string[] {
  const within = Math.abs(ratio - 1) <= CI_SIDES_TOLERANCE;
  return [
    "first deploy, CircleCI side vs GitLab side (medians)",
    `within ±${CI_SIDES_TOLERANCE * 100} %`,
    `${ratio >= 1 ? "+" : "−"}${(Math.abs(ratio - 1) * 100).toFixed(1)} %`,
    within ? "PASS" : "FAIL",
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "3" }, only: { type: "string" } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ${JSON.stringify(values.runs)} must be >= 1`);
  if (values.only !== undefined && values.only !== "ci-sides") {
    throw new Error(`--only: ${JSON.stringify(values.only)} is not a section this benchmark runs alone (ci-sides)`);
  }

  // The CircleCI side and the Dokku platform need their providers, which the toolchain builds only on request.
  Object.assign(process.env, toolchainEnv({ ...process.env, HEROKU_FLOW_PROVIDERS: "circleci,dokku" }));
  console.log(machineDescription(["cdktf-cli"]));
  console.log(`terraform: ${process.env.TERRAFORM_BINARY_NAME}; sandbox on 127.0.0.1, served from this process\n`);
  if (values.only === "ci-sides") {
    const ratios = await compareCiSides(runs);
    console.log("\n(i) targets");
    console.log(table(["target", "limit", "measured", "result"], ciSidesTargets(ratios)));
    return;
  }

  const project = await SandboxProject.create();
  try {
    const firstDeploy = await timedSeconds(() => project.deploy(MAIN_STACKS));
    const noChangeDeploy = await timedSeconds(async () => {
      const outcome = await project.deploy(MAIN_STACKS);
      if (outcome.changedStacks.length > 0) throw new Error(`a second deploy changed ${outcome.changedStacks}`);
    });
    console.log("(a) deploy of pipeline, staging and production (wall clock, the deploy sequence of npm start)");
    console.log(
      table(
        ["deploy", "seconds"],
        [
          ["first: bootstrap, simulated code push, formation", seconds(firstDeploy)],
          ["again, nothing to change", seconds(noChangeDeploy)],
        ],
      ),
    );

    const env = project.env();
    const diffs: Record<string, number[]> = {};
    const plans: Record<string, number[]> = {};
    for (const stack of MAIN_STACKS) {
      diffs[stack] = [];
      plans[stack] = [];
      for (let run = 0; run < runs; run++) {
        const diff = await project.diff(stack);
        if (!diff.noChanges)
          throw new Error(`cdktf diff ${stack} found changes right after the deploy:\n${diff.output}`);
        diffs[stack].push(diff.seconds);
        // The stack directory cdktf just used (initialized, same providers): Terraform alone, same plan.
        plans[stack].push(
          await timed(
            process.env.TERRAFORM_BINARY_NAME ?? "terraform",
            ["plan", "-input=false", "-lock=false", "-no-color", "-detailed-exitcode"],
            path.join(project.dir, "cdktf.out", "stacks", stack),
            env,
          ),
        );
      }
    }
    console.log(`\n(b) no-change cdktf diff per stack, ${runs} run(s): min / median / max seconds`);
    console.log(
      table(
        ["stack", "min", "median", "max"],
        MAIN_STACKS.map((stack) => [stack, ...spread(diffs[stack])]),
      ),
    );
    console.log(`\n(c) cdktf diff beside terraform plan in cdktf.out/stacks/<stack> (medians of ${runs} run(s))`);
    console.log(
      table(
        ["stack", "cdktf diff s", "terraform plan s", "CLI overhead s", "ratio"],
        MAIN_STACKS.map((stack) => {
          const diff = median(diffs[stack]);
          const plan = median(plans[stack]);
          return [stack, seconds(diff), seconds(plan), seconds(diff - plan), `${(diff / plan).toFixed(1)}×`];
        }),
      ),
    );
    const slowestDiff = Math.max(...MAIN_STACKS.map((stack) => median(diffs[stack])));

    const diffsInARow: number[] = [];
    const flowPlans: number[] = [];
    const planOut = path.join(project.dir, "bench-flow-plan");
    for (let run = 0; run < runs; run++) {
      let sum = 0;
      for (const stack of MAIN_STACKS) sum += (await project.diff(stack)).seconds;
      diffsInARow.push(sum);
      flowPlans.push(await timed("node", [...HEROKU_FLOW, "plan", ...MAIN_STACKS, "--out", planOut], project.dir, env));
    }
    const speedup = median(diffsInARow) / median(flowPlans);
    console.log(
      `\n(d) planning ${MAIN_STACKS.join(", ")}: ${runs} run(s) each, alternating, min / median / max seconds`,
    );
    console.log(
      table(
        ["command", "min", "median", "max"],
        [
          [`cdktf diff, the ${MAIN_STACKS.length} stacks one after the other`, ...spread(diffsInARow)],
          [`heroku-flow plan ${MAIN_STACKS.join(" ")}`, ...spread(flowPlans)],
        ],
      ),
    );
    console.log(`heroku-flow plan is ${speedup.toFixed(1)}× faster`);

    const engine = project.engine();
    await engine.synth(); // compiles the app once; the timed runs reuse the bundle, as every later flow command does
    const compiledSynths: number[] = [];
    const appCommandSynths: number[] = [];
    for (let run = 0; run < Math.max(runs, 5); run++) {
      compiledSynths.push(await timedSeconds(() => engine.synth()));
      appCommandSynths.push(
        await timed("node", ["--import", "tsx", "main.ts"], project.dir, {
          ...env,
          CDKTF_OUTDIR: path.join(project.dir, "bench-synth.out"),
        }),
      );
    }
    console.log(`\n(e) synth of songlist, ${compiledSynths.length} runs each, alternating: min / median / max seconds`);
    console.log(
      table(
        ["synth", "min", "median", "max"],
        [
          ["heroku-flow: compiled app (cached bundle) run by node", ...spread(compiledSynths)],
          ["cdktf.json app command: node --import tsx main.ts", ...spread(appCommandSynths)],
        ],
      ),
    );

    const npmStart = () => timed("npm", ["start", "--silent"], PROJECT_ROOT, {});
    await npmStart(); // deploys whatever the checkout's sandbox lacks; the timed runs find nothing to change
    const starts: number[] = [];
    for (let run = 0; run < runs; run++) starts.push(await npmStart());
    console.log(`\n(f) no-change npm start in this checkout, ${runs} run(s): min / median / max seconds`);
    console.log(table(["command", "min", "median", "max"], [["npm start", ...spread(starts)]]));

    const helps: number[] = [];
    for (let run = 0; run < Math.max(runs, 5); run++)
      helps.push(await timed("node", [...HEROKU_FLOW, "--help"], PROJECT_ROOT, {}));
    console.log(`\n(g) heroku-flow --help, ${helps.length} runs: min / median / max seconds`);
    console.log(table(["command", "min", "median", "max"], [["heroku-flow --help", ...spread(helps)]]));

    const ciSidesRatios = await compareCiSides(runs);

    console.log("\n(i) targets");
    console.log(
      table(
        ["target", "limit", "measured", "result"],
        [
          [
            "first deploy, 3 stacks",
            `< ${FIRST_DEPLOY_TARGET_SECONDS} s`,
            `${seconds(firstDeploy)} s`,
            verdict(firstDeploy, FIRST_DEPLOY_TARGET_SECONDS),
          ],
          [
            "no-change diff, slowest stack (median)",
            `< ${DIFF_TARGET_SECONDS} s`,
            `${seconds(slowestDiff)} s`,
            verdict(slowestDiff, DIFF_TARGET_SECONDS),
          ],
          [
            "heroku-flow plan, 3 stacks (median)",
            `<= ${FLOW_PLAN_TARGET_SECONDS} s`,
            `${seconds(median(flowPlans))} s`,
            verdict(median(flowPlans), FLOW_PLAN_TARGET_SECONDS, true),
          ],
          [
            "heroku-flow plan vs cdktf diff x3 (medians)",
            `>= ${FLOW_PLAN_SPEEDUP_TARGET}x faster`,
            `${speedup.toFixed(1)}x`,
            speedup >= FLOW_PLAN_SPEEDUP_TARGET ? "PASS" : "FAIL",
          ],
          [
            "heroku-flow synth (median)",
            `<= ${SYNTH_TARGET_SECONDS} s`,
            `${seconds(median(compiledSynths))} s`,
            verdict(median(compiledSynths), SYNTH_TARGET_SECONDS, true),
          ],
          [
            "no-change npm start (median)",
            `<= ${NO_CHANGE_START_TARGET_SECONDS} s`,
            `${seconds(median(starts))} s`,
            verdict(median(starts), NO_CHANGE_START_TARGET_SECONDS, true),
          ],
          [
            "heroku-flow --help (median)",
            `<= ${HELP_TARGET_SECONDS} s`,
            `${seconds(median(helps))} s`,
            verdict(median(helps), HELP_TARGET_SECONDS, true),
          ],
          ...ciSidesTargets(ciSidesRatios),
        ],
      ),
    );
  } finally {
    await project.close();
  }
}

function verdict(measured: number, limit: number, inclusive = false): string {
  return measured < limit || (inclusive && measured === limit) ? "PASS" : "FAIL";
}

main().catch((error: Error) => {
  console.error(`bench:deploy failed: ${error.message}`);
  process.exit(1);
});
