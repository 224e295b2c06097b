/**
 * `npm run bench`: how long synthesizing songlist takes, measured in one run so the numbers compare:
 *
 * (a) through the cdktf CLI with the project's app command (tsx, from cdktf.json), through the CLI with the cdktf init
 *     template's `npx ts-node main.ts`, and the app alone (`node --import tsx main.ts`, the app command);
 * (b) the app alone with 0, 10 and 50 review stacks: time and peak memory;
 * (c) the library's app-level validation (FlowValidation) beside an unvalidated synth of 50 review stacks, in process,
 *     alternating, medians side by side; and HerokuFlow's own checks alone (they run while the app is built, so in both);
 * (d) the targets, each with PASS or FAIL.
 *
 * Every run writes to its own temporary directory, so the project's cdktf.out is untouched. A missed target is a
 * measurement, not an error: the exit code is 0 unless the arguments are wrong.
 *
 *   tsx scripts/bench.ts [--runs N]   (N runs per row, default 3)
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { parseArgs } from "util";
import { App } from "cdktf";
import { readSettings } from "../constructs/flow/flow-settings";
import { checkTopology } from "../constructs/flow/topology-checks";
import { songlist } from "../stacks/songlist";
import { machineDescription, median, table } from "./lib/report";
import { measureValidationCost } from "./lib/validation-cost";

const projectRoot = path.resolve(__dirname, "..");
const bin = (name: string) => path.join(projectRoot, "node_modules", ".bin", name);

/** The targets of (c). */
const SONGLIST_TARGET_SECONDS = 1;
const MANY_REVIEWS_TARGET_SECONDS = 3;
const REVIEW_STACK_COUNTS = [0, 10, 50];
/** What validating the whole app may add to the synth time of the largest review count. */
const VALIDATION_OVERHEAD_LIMIT = 0.1;

/** One command to time: what to run, and the environment it needs besides the common one. */
interface Measured {
  readonly label: string;
  readonly command: string;
  readonly args: (outdir: string) => string[];
  /** Where the command writes: `-o` for the CLI, CDKTF_OUTDIR for the app alone. */
  readonly env: (outdir: string) => NodeJS.ProcessEnv;
  /** Whether to record the child's peak memory (needs the preload of {@link writeMaxRssPreload}). */
  readonly recordsMaxRss?: boolean;
}

/** The runs of one command: seconds each, the largest peak RSS, the stacks written, or why it failed. */
interface Measurement {
  readonly label: string;
  readonly seconds: number[];
  readonly maxRssMiB?: number;
  readonly stacks?: number;
  readonly failure?: string;
}

function main(argv: string[]): number {
  let runs: number;
  try {
    const { values } = parseArgs({ args: argv, options: { runs: { type: "string", default: "3" } }, strict: true });
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ${JSON.stringify(values.runs)} must be >= 1`);
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: tsx scripts/bench.ts [--runs N]`);
    return 2;
  }

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-bench-"));
  try {
    console.log(machineDescription(["cdktf-cli", "tsx", "ts-node"]));
    console.log(`${runs} run${runs > 1 ? "s" : ""} per row; times are wall-clock seconds of the whole command.\n`);

    const preload = writeMaxRssPreload(workDir);
    const appCommand: string = JSON.parse(fs.readFileSync(path.join(projectRoot, "cdktf.json"), "utf8")).app;
    const cli = [
      {
        label: `cdktf synth (app from cdktf.json: ${appCommand})`,
        command: bin("cdktf"),
        args: (outdir: string) => ["synth", "-o", outdir],
        env: () => ({}),
      },
      {
        label: 'cdktf synth -a "npx ts-node main.ts"',
        command: bin("cdktf"),
        args: (outdir: string) => ["synth", "-a", "npx ts-node main.ts", "-o", outdir],
        env: () => ({}),
      },
      {
        label: `app alone: ${appCommand}`,
        command: process.execPath,
        args: () => ["--import", "tsx", "main.ts"],
        env: (outdir: string) => ({ CDKTF_OUTDIR: outdir }),
      },
    ].map((measured) => measure(measured, runs, workDir));
    console.log("(a) synth of songlist");
    console.log(timingTable(cli));

    // One node process (tsx as a loader, not tsx's CLI, which starts a second node), so its own peak RSS is the
    // whole cost.
    const reviews = REVIEW_STACK_COUNTS.map((count) =>
      measure(
        {
          label: `${count} review stacks`,
          command: process.execPath,
          args: () => ["--require", preload, "--import", "tsx", "main.ts"],
          env: (outdir: string) => ({
            CDKTF_OUTDIR: outdir,
            HEROKU_FLOW_REVIEW_ID: Array.from({ length: count }, (_, index) => index + 1).join(","),
          }),
          recordsMaxRss: true,
        },
        runs,
        workDir,
      ),
    );
    console.log("\n(b) app alone (node --import tsx main.ts) with review stacks");
    console.log(timingTable(reviews, true));

    const manyReviews = REVIEW_STACK_COUNTS.at(-1)!;
    const validation = measureValidationCost(manyReviews, runs);
    const overhead = median(validation.validated) / median(validation.unvalidated) - 1;
    console.log(`\n(c) synth of ${manyReviews} review stacks in process: validated vs not`);
    console.log(
      table(
        ["synth", "min s", "median s", "max s"],
        [
          ["app.synth(), cdktf validation skipped", ...spread(validation.unvalidated)],
          ["FlowValidation.of(app).synth()", ...spread(validation.validated)],
        ],
      ),
    );
    console.log(
      `HerokuFlow's own checks (settings, every topology field's type, the review part) run while the app is built, ` +
        `so in both rows: ${median(flowCheckMilliseconds(manyReviews, runs)).toFixed(2)} ms per synth (median).`,
    );

    console.log("\n(d) targets (median)");
    console.log(
      targetTable([
        { target: `songlist, app alone (${appCommand})`, limitSeconds: SONGLIST_TARGET_SECONDS, measurement: cli[2] },
        {
          target: `app alone, ${REVIEW_STACK_COUNTS.at(-1)} review stacks`,
          limitSeconds: MANY_REVIEWS_TARGET_SECONDS,
          measurement: reviews.at(-1)!,
        },
      ]),
    );
    console.log(
      table(
        ["target", "limit", "median", "result"],
        [
          [
            `validation overhead, ${manyReviews} review stacks`,
            `<= ${(VALIDATION_OVERHEAD_LIMIT * 100).toFixed(0)} %`,
            `${(overhead * 100).toFixed(1)} %`,
            overhead <= VALIDATION_OVERHEAD_LIMIT ? "PASS" : "FAIL",
          ],
        ],
      ),
    );
    return 0;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * Milliseconds that HerokuFlow's own checks of one synth take (readSettings with `reviewStacks` review ids, then
 * checkTopology of songlist): the part of validation that no unvalidated synth can skip, timed alone. Each run is the
 * mean of 100 checks, since one takes well under a millisecond.
 */
function flowCheckMilliseconds(reviewStacks: number, runs: number): number[] {
  const env = { HEROKU_FLOW_REVIEW_ID: Array.from({ length: reviewStacks }, (_, index) => index + 1).join(",") };
  const app = new App({ skipValidation: true });
  const ignore = () => undefined;
  return Array.from({ length: runs }, () => {
    const started = performance.now();
    for (let check = 0; check < 100; check++) {
      readSettings(app, env);
      checkTopology(ignore, songlist, path.join(projectRoot, "Procfile"));
    }
    return (performance.now() - started) / 100;
  });
}

/**
 * A `--require` preload that writes the process's peak RSS (KiB) to the file named by BENCH_MAX_RSS_FILE on exit;
 * `process.resourceUsage()` is Node's own getrusage, so this needs no `/usr/bin/time`.
 */
function writeMaxRssPreload(workDir: string): string {
  const preload = path.join(workDir, "max-rss-preload.cjs");
  fs.writeFileSync(
    preload,
    'process.on("exit", () => require("fs").writeFileSync(process.env.BENCH_MAX_RSS_FILE, ' +
      "String(process.resourceUsage().maxRSS)));\n",
  );
  return preload;
}

/** Runs a command `runs` times, each in a fresh output directory, and stops at the first failure. */
function measure(measured: Measured, runs: number, workDir: string): Measurement {
  const seconds: number[] = [];
  const rssKiB: number[] = [];
  let stacks: number | undefined;
  for (let index = 0; index < runs; index++) {
    const runDir = fs.mkdtempSync(path.join(workDir, "run-"));
    const outdir = path.join(runDir, "out");
    const maxRssFile = path.join(runDir, "max-rss");
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${measured.label}: run ${index + 1}/${runs}`);
    const started = performance.now();
    const result = spawnSync(measured.command, measured.args(outdir), {
      cwd: projectRoot,
      env: { ...benchEnvironment(), ...measured.env(outdir), BENCH_MAX_RSS_FILE: maxRssFile },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const elapsed = (performance.now() - started) / 1000;
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
    if (result.status !== 0) {
      const output = `${result.error?.message ?? ""}\n${result.stderr}\n${result.stdout}`;
      const lastLine = output.split("\n").filter((line) => line.trim() !== "" && !/^[│╷╵]/.test(line.trim()));
      return {
        label: measured.label,
        seconds,
        failure: `exit ${result.status ?? result.signal}: ${lastLine.at(-1)?.trim() ?? "no output"}`,
      };
    }
    seconds.push(elapsed);
    const stacksDir = path.join(outdir, "stacks");
    stacks = fs.existsSync(stacksDir)
      ? fs.readdirSync(stacksDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).length
      : 0;
    if (measured.recordsMaxRss && fs.existsSync(maxRssFile)) rssKiB.push(Number(fs.readFileSync(maxRssFile, "utf8")));
    fs.rmSync(runDir, { recursive: true, force: true });
  }
  return {
    label: measured.label,
    seconds,
    stacks,
    maxRssMiB: rssKiB.length > 0 ? Math.max(...rssKiB) / 1024 : undefined,
  };
}

/**
 * The environment of every measured command: the caller's, without the settings that would change what is
 * synthesized, with telemetry and version checks off, and with node_modules/.bin on PATH as `npm run` has it
 * (cdktf.json's app command is a bare `tsx`).
 */
function benchEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("HEROKU_FLOW_") && !key.startsWith("CDKTF_")),
  );
  return {
    ...env,
    CI: "true",
    CHECKPOINT_DISABLE: "1",
    DISABLE_VERSION_CHECK: "true",
    PATH: [path.join(projectRoot, "node_modules", ".bin"), process.env.PATH].filter(Boolean).join(path.delimiter),
  };
}

function spread(seconds: number[]): string[] {
  return [Math.min(...seconds), median(seconds), Math.max(...seconds)].map((value) => value.toFixed(2));
}

function timingTable(measurements: Measurement[], withMemory = false): string {
  const headers = ["command", "min s", "median s", "max s", "stacks", ...(withMemory ? ["max RSS MiB"] : [])];
  const rows = measurements.map((m) => {
    if (m.failure !== undefined) return [m.label, `FAILED (${m.failure})`];
    return [
      m.label,
      Math.min(...m.seconds).toFixed(2),
      median(m.seconds).toFixed(2),
      Math.max(...m.seconds).toFixed(2),
      String(m.stacks ?? "?"),
      ...(withMemory ? [m.maxRssMiB === undefined ? "?" : m.maxRssMiB.toFixed(0)] : []),
    ];
  });
  return table(headers, rows);
}

/** Each target with its median and PASS or FAIL; a command that failed fails its target. */
function targetTable(targets: Array<{ target: string; limitSeconds: number; measurement: Measurement }>): string {
  const rows = targets.map(({ target, limitSeconds, measurement }) => {
    const limit = `< ${limitSeconds.toFixed(2)} s`;
    if (measurement.failure !== undefined) return [target, limit, "no measurement", "FAIL"];
    const measured = median(measurement.seconds);
    return [target, limit, `${measured.toFixed(2)} s`, measured < limitSeconds ? "PASS" : "FAIL"];
  });
  return table(["target", "limit", "median", "result"], rows);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
