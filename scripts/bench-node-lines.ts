/**
 * `npm run bench:node`: the same commands on each Node.js this project is tested on, side by side in one run, against
 * one sandbox deployed once: this machine's own Node.js and each release of scripts/node-lines.json (installed by
 * scripts/node-line.sh). For each, alternating between the Node.js versions run after run:
 *
 * (a) `heroku-flow synth` (the app compiled once to one JavaScript file, then run by that `node`);
 * (b) the cdktf.json app command, `node --import tsx main.ts` (what `cdktf synth` runs);
 * (c) `heroku-flow plan` of pipeline, staging and production (one synth, three Terraform plans at once).
 *
 * Then the target: on the newest line, neither synth nor plan slower than on this machine's own Node.js (medians).
 *
 *   tsx scripts/bench-node-lines.ts [--runs N]   (N runs of each command on each Node.js, default 7)
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { toolchainEnv } from "../cli/engine/toolchain";
import { PROJECT_ROOT } from "./lib/project-root";
import { majorOf, NODE_RELEASES, nodeLineBin } from "./lib/node-lines";
import { machineDescription, median, table } from "./lib/report";
import { MAIN_STACKS, SandboxProject } from "./lib/sandbox-project";
import { timedCommand } from "./lib/timed-command";

/** The package's command as its bin link runs it: the built JavaScript, run by the Node.js under test. */
const HEROKU_FLOW = path.join(PROJECT_ROOT, "dist", "cli", "bin.js");

/** A Node.js under test: its version and the folder of its binary. */
interface NodeUnderTest {
  readonly version: string;
  readonly bin: string;
}

/** A command timed on each Node.js: its arguments to `node`, and what it adds to the project's environment. */
interface TimedCommand {
  readonly args: string[];
  readonly env?: Record<string, string>;
}

/** The commands timed on each Node.js, by row label, run in the project. */
function commands(projectDir: string): Record<string, TimedCommand> {
  return {
    "heroku-flow synth": { args: [HEROKU_FLOW, "synth"] },
    // Into a folder of its own, as cdktf synth would write cdktf.out: the plans keep heroku-flow's.
    "node --import tsx main.ts (cdktf synth's app command)": {
      args: ["--import", "tsx", "main.ts"],
      env: { CDKTF_OUTDIR: path.join(projectDir, "bench-app-command.out") },
    },
    [`heroku-flow plan ${MAIN_STACKS.join(" ")}`]: {
      args: [HEROKU_FLOW, "plan", ...MAIN_STACKS, "--out", path.join(projectDir, "bench-node-plan")],
    },
  };
}

/** The Node.js versions to compare: this machine's own, then each release scripts/node-lines.json names. */
function nodesUnderTest(): NodeUnderTest[] {
  const own = { version: process.versions.node, bin: path.dirname(process.execPath) };
  const lines = NODE_RELEASES.map((version) => ({ version, bin: nodeLineBin(majorOf(version)) }));
  return [own, ...lines.filter((line) => line.version !== own.version)];
}

/** Runs `node <args>` on one Node.js, that Node.js first on PATH for anything the command starts; seconds. */
function timedNode(node: NodeUnderTest, args: string[], cwd: string, env: Record<string, string>): Promise<number> {
  const onPath = `${node.bin}${path.delimiter}${process.env.PATH ?? ""}`;
  return timedCommand(path.join(node.bin, "node"), args, cwd, { ...env, PATH: onPath });
}

const seconds = (value: number) => value.toFixed(2);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ${JSON.stringify(values.runs)} must be >= 1`);

  Object.assign(process.env, toolchainEnv(process.env));
  const nodes = nodesUnderTest();
  console.log(machineDescription([]));
  console.log(`Node.js under test: ${nodes.map((node) => node.version).join(", ")} (the first is this machine's own)`);
  console.log(`terraform: ${process.env.TERRAFORM_BINARY_NAME}; sandbox on 127.0.0.1, served from this process\n`);

  const project = await SandboxProject.create();
  try {
    await project.deploy(MAIN_STACKS);
    const env = project.env();
    const timedCommands = commands(project.dir);
    // One run of each first, on each Node.js: heroku-flow compiles the app once, Terraform initializes each stack.
    for (const node of nodes) {
      for (const command of Object.values(timedCommands)) {
        await timedNode(node, command.args, project.dir, { ...env, ...command.env });
      }
    }
    const measured: Record<string, Record<string, number[]>> = {};
    for (let run = 0; run < runs; run++) {
      // The order of the Node.js versions turns each run, so that none is always first or last.
      const order = nodes.map((_, index) => nodes[(index + run) % nodes.length]);
      for (const [label, command] of Object.entries(timedCommands)) {
        for (const node of order) {
          const took = await timedNode(node, command.args, project.dir, { ...env, ...command.env });
          ((measured[label] ??= {})[node.version] ??= []).push(took);
        }
      }
    }

    console.log(`Medians of ${runs} run(s) each, alternating (min–max below each), seconds`);
    console.log(
      table(
        ["command", ...nodes.map((node) => `Node.js ${node.version}`)],
        Object.keys(timedCommands).flatMap((label) => [
          [label, ...nodes.map((node) => seconds(median(measured[label][node.version])))],
          [
            "",
            ...nodes.map(
              (node) =>
                `${seconds(Math.min(...measured[label][node.version]))}–${seconds(Math.max(...measured[label][node.version]))}`,
            ),
          ],
        ]),
      ),
    );

    const [own, newest] = [nodes[0], nodes[nodes.length - 1]];
    console.log(`\nTargets: on Node.js ${newest.version} no slower than on ${own.version} (medians)`);
    console.log(
      table(
        ["command", `${own.version} s`, `${newest.version} s`, "newest / own", "result"],
        Object.keys(timedCommands).map((label) => {
          const [before, after] = [median(measured[label][own.version]), median(measured[label][newest.version])];
          return [
            label,
            seconds(before),
            seconds(after),
            (after / before).toFixed(2),
            after <= before ? "PASS" : "FAIL",
          ];
        }),
      ),
    );
  } finally {
    await project.close();
  }
}

main().catch((error: Error) => {
  console.error(`bench:node failed: ${error.message}`);
  process.exit(1);
});
