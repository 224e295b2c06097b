/**
 * `npm run bench:sandbox`: drives 1, 8 and 32 concurrent clients against a sandbox served from this process (loopback,
 * a temporary state file, so every write is persisted as in normal use) and prints requests/s, p50/p99 latency and
 * the process's RSS, then checks that every reference in the state still holds.
 *
 *   tsx sandbox/bench.ts [--seconds 5] [--clients 1,8,32]     the table (≈ 3 × 5 s)
 *   tsx sandbox/bench.ts --soak 30                            32 clients for 30 s, then the consistency check
 *   tsx sandbox/bench.ts --against REF [--rounds 3] [--seconds 5] [--clients 1,8,32]
 *       the sandbox of git ref REF (a throwaway worktree sharing this checkout's node_modules; refused when its
 *       package-lock.json differs) beside the working tree's, both driven by this checkout's load driver, rows
 *       alternating (REF, working tree, REF, …) for N rounds; one table per client count with each side's median
 *       req/s, p50 and p99 and the difference in % (≈ 2 × rounds × 3 × 5 s)
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  BenchUsageError,
  comparisonTable,
  parseBenchArgs,
  resolveComparableRef,
  type BenchArgs,
  type Git,
  type RowMeasurement,
} from "./bench-compare";
import { checkConsistency } from "./consistency";
import { driveLoad, type LoadResult } from "./load";
import { createSandbox, type Sandbox } from "./server";
import type { StoreData } from "./store";

type Keys = { herokuApiKey: string; gitlabToken: string };

const newKeys = (): Keys => ({
  herokuApiKey: randomBytes(16).toString("hex"),
  gitlabToken: randomBytes(16).toString("hex"),
});

/**
 * The consistency check's findings for a sandbox's state (empty when every reference holds), by the check of the tree
 * the sandbox comes from, which knows its state's shape.
 */
async function consistencyProblems(
  sandbox: Sandbox,
  keys: Keys,
  check: (data: StoreData) => string[] = checkConsistency,
): Promise<string[]> {
  const response = await fetch(`${sandbox.url}/sandbox/state`, {
    headers: { authorization: `Basic ${Buffer.from(`bench:${keys.herokuApiKey}`).toString("base64")}` },
  });
  return check((await response.json()) as StoreData);
}

/** A module of the ref's worktree, imported from its path; its exports whether tsx presents them named or as default. */
async function importFromTree<T extends object>(tree: string, path: string): Promise<Partial<T>> {
  const loaded = (await import(pathToFileURL(join(tree, path)).href)) as Partial<T> & { default?: Partial<T> };
  return { ...loaded.default, ...loaded };
}

async function main(): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchUsageError)) throw error;
    console.error(`bench:sandbox: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  if (args.against !== undefined) await compare(args, args.against);
  else await table(args.seconds, args.clients);
}

/** The table of one sandbox: this working tree's. */
async function table(seconds: number, counts: number[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
  const keys = newKeys();
  const sandbox = await createSandbox({ ...keys, stateFile: join(dir, "state.json") });
  const rows: (LoadResult & { rssMiB: number })[] = [];
  try {
    for (const clients of counts) {
      const result = await driveLoad({ url: sandbox.url, ...keys, clients, durationMs: seconds * 1000 });
      rows.push({ ...result, rssMiB: process.memoryUsage().rss / 2 ** 20 });
      for (const error of result.errors.slice(0, 5)) console.error(`  unexpected: ${error}`);
    }
    const problems = await consistencyProblems(sandbox, keys);

    console.log("clients  requests  req/s    p50 ms  p99 ms  RSS MiB  409 on lock  errors");
    for (const row of rows) {
      console.log(
        [
          String(row.clients).padStart(7),
          String(row.requests).padStart(9),
          row.requestsPerSecond.toFixed(0).padStart(6),
          row.p50Ms.toFixed(2).padStart(9),
          row.p99Ms.toFixed(2).padStart(7),
          row.rssMiB.toFixed(0).padStart(8),
          String(row.lockConflicts).padStart(12),
          String(row.errors.length).padStart(7),
        ].join(" "),
      );
    }
    console.log(problems.length === 0 ? "store consistent: every reference holds" : problems.join("\n"));
    if (problems.length > 0 || rows.some((row) => row.errors.length > 0)) process.exitCode = 1;
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs git in this checkout without a shell; its status and standard output. */
function gitIn(cwd: string): Git {
  return (args) => {
    const result = spawnSync("git", args, { cwd, encoding: "utf8" });
    return { status: result.status ?? 1, stdout: result.stdout ?? "" };
  };
}

/**
 * The sandbox of `ref` beside the working tree's, in one process, rows alternating so that both see the same machine.
 * The ref's sandbox is loaded from a throwaway worktree, removed at the end, on failure and on Ctrl-C.
 */
async function compare(args: BenchArgs, ref: string): Promise<void> {
  const root = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: __dirname, encoding: "utf8" });
  if (root.status !== 0) throw new BenchUsageError("--against needs this checkout to be a git repository");
  const repo = root.stdout.trim();
  const git = gitIn(repo);
  const commit = resolveComparableRef(ref, git);
  const refLabel = commit.startsWith(ref) ? ref : `${ref} (${commit.slice(0, 7)})`;
  const labels = { ref: refLabel, current: "working tree" };

  const dir = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
  const tree = join(dir, "tree");
  let removed = false;
  const removeWorktree = () => {
    if (removed) return;
    removed = true;
    if (git(["worktree", "remove", "--force", "--force", tree]).status !== 0) {
      rmSync(tree, { recursive: true, force: true });
      git(["worktree", "prune"]);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeWorktree();
    console.error(`bench:sandbox: ${signal}: worktree removed`);
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGHUP" ? 1 : 15));
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, onSignal);

  const sides: {
    label: string;
    sandbox: Sandbox;
    keys: Keys;
    /** The tree's own consistency check; none when the ref has none. */
    check?: (data: StoreData) => string[];
    rows: Map<number, RowMeasurement[]>;
  }[] = [];
  try {
    const added = spawnSync("git", ["worktree", "add", "--detach", "--quiet", tree, commit], {
      cwd: repo,
      encoding: "utf8",
    });
    if (added.status !== 0) throw new Error(`git worktree add failed: ${added.stderr.trim()}`);
    symlinkSync(join(repo, "node_modules"), join(tree, "node_modules"), "dir");
    const { createSandbox: createRefSandbox } = await importFromTree<typeof import("./server")>(
      tree,
      "sandbox/server.ts",
    );
    if (typeof createRefSandbox !== "function")
      throw new BenchUsageError(`--against ${ref}: no createSandbox to start`);
    const refCheck = existsSync(join(tree, "sandbox", "consistency.ts"))
      ? (await importFromTree<typeof import("./consistency")>(tree, "sandbox/consistency.ts")).checkConsistency
      : undefined;

    for (const [label, create] of [
      [labels.ref, createRefSandbox],
      [labels.current, createSandbox],
    ] as const) {
      const keys = newKeys();
      const sandbox = await create({ ...keys, stateFile: join(dir, `state-${sides.length}.json`) });
      const check = sides.length === 0 ? refCheck : checkConsistency;
      sides.push({ label, sandbox, keys, check, rows: new Map(args.clients.map((clients) => [clients, []])) });
    }

    let failed = false;
    for (let round = 1; round <= args.rounds; round++) {
      for (const clients of args.clients) {
        const results: LoadResult[] = [];
        for (const side of sides) {
          const { sandbox, keys } = side;
          const result = await driveLoad({ url: sandbox.url, ...keys, clients, durationMs: args.seconds * 1000 });
          side.rows.get(clients)?.push(result);
          results.push(result);
          for (const error of result.errors.slice(0, 5)) console.error(`  ${side.label}: unexpected: ${error}`);
          if (result.errors.length > 0) failed = true;
        }
        const perSide = sides.map((side, index) => `${side.label} ${results[index].requestsPerSecond.toFixed(0)}`);
        console.log(
          `round ${round}/${args.rounds}, ${clients} client${clients === 1 ? "" : "s"}: req/s ${perSide.join(", ")}`,
        );
      }
    }
    for (const side of sides) {
      if (!side.check) {
        console.error(`  ${side.label}: no sandbox/consistency.ts, so its store is not checked`);
        continue;
      }
      const problems = await consistencyProblems(side.sandbox, side.keys, side.check).catch((error: unknown) => [
        `the consistency check failed: ${(error as Error).message}`,
      ]);
      for (const problem of problems) console.error(`  ${side.label}: ${problem}`);
      if (problems.length > 0) failed = true;
    }

    for (const clients of args.clients) {
      const [refSide, currentSide] = sides;
      console.log();
      console.log(
        comparisonTable(clients, labels, refSide.rows.get(clients) ?? [], currentSide.rows.get(clients) ?? []),
      );
    }
    console.log();
    console.log(
      failed
        ? "unexpected answers or dangling references: see above"
        : "both stores consistent: every reference holds; no unexpected answers",
    );
    if (failed) process.exitCode = 1;
  } finally {
    for (const side of sides) await side.sandbox.close().catch(() => undefined);
    removeWorktree();
    for (const signal of signals) process.off(signal, onSignal);
  }
}

main().catch((error: unknown) => {
  if (error instanceof BenchUsageError) console.error(`bench:sandbox: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
