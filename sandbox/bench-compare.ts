/**
 * The parts of `npm run bench:sandbox` that decide and report, apart from the load itself: the arguments (with their
 * refusals), the checks a `--against` ref must pass before a worktree of it is made, and the side-by-side tables.
 */
import { parseArgs } from "node:util";
import { MAX_CLIENTS, MAX_DURATION_MS } from "./load";

/** A refusal to run, as one line for the user; the bench exits 1 without having started anything. */
export class BenchUsageError extends Error {}

export const MAX_ROUNDS = 20;

/** What the bench was asked to do. */
export interface BenchArgs {
  seconds: number;
  clients: number[];
  /** Set for `--soak N`: 32 clients for N seconds. */
  soak?: number;
  /** The git ref whose sandbox to run beside the working tree's (`--against REF`). */
  against?: string;
  /** How many times each side runs each client count when comparing (`--rounds N`, default 3). */
  rounds: number;
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  let values: Partial<Record<"seconds" | "clients" | "soak" | "against" | "rounds", string>>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        seconds: { type: "string" },
        clients: { type: "string" },
        soak: { type: "string" },
        against: { type: "string" },
        rounds: { type: "string" },
      },
    }).values;
  } catch (error) {
    throw new BenchUsageError((error as Error).message.split("\n")[0]);
  }
  const soak = values.soak === undefined ? undefined : Number(values.soak);
  const seconds = soak ?? Number(values.seconds ?? 5);
  const clients = soak !== undefined ? [32] : (values.clients ?? "1,8,32").split(",").map(Number);
  if (!(seconds > 0 && seconds * 1000 <= MAX_DURATION_MS) || clients.some((n) => !(n >= 1 && n <= MAX_CLIENTS))) {
    throw new BenchUsageError(`seconds must be in (0, ${MAX_DURATION_MS / 1000}] and clients in [1, ${MAX_CLIENTS}]`);
  }
  if (values.against === undefined) {
    if (values.rounds !== undefined) throw new BenchUsageError("--rounds needs --against REF");
    return { seconds, clients, soak, rounds: 1 };
  }
  if (soak !== undefined) throw new BenchUsageError("--against compares the table's rows; it does not go with --soak");
  if (values.against === "" || values.against.startsWith("-")) {
    throw new BenchUsageError(
      `--against needs a git ref (a commit, tag or branch), not ${JSON.stringify(values.against)}`,
    );
  }
  const rounds = Number(values.rounds ?? 3);
  if (!(Number.isInteger(rounds) && rounds >= 1 && rounds <= MAX_ROUNDS)) {
    throw new BenchUsageError(`--rounds must be a whole number in [1, ${MAX_ROUNDS}], not ${values.rounds}`);
  }
  return { seconds, clients, against: values.against, rounds };
}

/** Runs git in this checkout: its exit status and standard output. */
export type Git = (args: string[]) => { status: number; stdout: string };

/**
 * The commit `ref` names, once it is known that a worktree of it can share this checkout's node_modules: refuses a
 * ref that is not a commit here, one whose package-lock.json differs from the working tree's, and one without a
 * sandbox to start.
 */
export function resolveComparableRef(ref: string, git: Git): string {
  const resolved = git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (resolved.status !== 0) throw new BenchUsageError(`--against ${ref}: no such commit in this repository`);
  const commit = resolved.stdout.trim();
  if (git(["diff", "--quiet", commit, "--", "package-lock.json"]).status !== 0) {
    throw new BenchUsageError(
      `--against ${ref}: its package-lock.json differs from the working tree's, so it cannot share node_modules`,
    );
  }
  if (git(["cat-file", "-e", `${commit}:sandbox/server.ts`]).status !== 0) {
    throw new BenchUsageError(`--against ${ref}: it has no sandbox/server.ts to start`);
  }
  return commit;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** How much `after` differs from `before`, in % of `before`; NaN when `before` is 0. */
export function percentDifference(before: number, after: number): number {
  return before === 0 ? Number.NaN : ((after - before) / before) * 100;
}

/** "+1.6 %", "-12.0 %", "n/a". */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const rounded = value.toFixed(1);
  return `${rounded.startsWith("-") || rounded === "0.0" ? "" : "+"}${rounded === "-0.0" ? "0.0" : rounded} %`;
}

/** What one side measured in one row. */
export interface RowMeasurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * One client count's table: req/s, p50 and p99 of each side as the median over its rounds, and how much the working
 * tree differs from the ref, in %.
 */
export function comparisonTable(
  clients: number,
  labels: { ref: string; current: string },
  ref: RowMeasurement[],
  current: RowMeasurement[],
): string {
  const rounds = Math.min(ref.length, current.length);
  const metrics: { name: string; digits: number; value: (row: RowMeasurement) => number }[] = [
    { name: "req/s", digits: 0, value: (row) => row.requestsPerSecond },
    { name: "p50 ms", digits: 2, value: (row) => row.p50Ms },
    { name: "p99 ms", digits: 2, value: (row) => row.p99Ms },
  ];
  const header = [
    `${clients} client${clients === 1 ? "" : "s"}, median of ${rounds} round${rounds === 1 ? "" : "s"}`,
    labels.ref,
    labels.current,
    "difference",
  ];
  const rows = metrics.map(({ name, digits, value }) => {
    const before = median(ref.map(value));
    const after = median(current.map(value));
    return [name, before.toFixed(digits), after.toFixed(digits), formatPercent(percentDifference(before, after))];
  });
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join("  ");
  return [header, ...rows].map(line).join("\n");
}
