/**
 * `npm run bench:sandbox`: drives 1, 8 and 32 concurrent clients against a sandbox served from this process (loopback,
 * a temporary state file, so every write is persisted as in normal use) and prints requests/s, p50/p99 latency and
 * the process's RSS, then checks that every reference in the state still holds.
 *
 *   tsx sandbox/bench.ts [--seconds 5] [--clients 1,8,32]     the table (≈ 3 × 5 s)
 *   tsx sandbox/bench.ts --soak 30                            32 clients for 30 s, then the consistency check
 */
// @ts-nocheck

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { checkConsistency } from "./consistency";
import { driveLoad, MAX_CLIENTS, MAX_DURATION_MS, type LoadResult } from "./load";
import { createSandbox } from "./server";
import type { StoreData } from "./store";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seconds: { type: "string" }, clients: { type: "string" }, soak: { type: "string" } },
  });
  const soak = values.soak === undefined ? undefined : Number(values.soak);
  const seconds = soak ?? Number(values.seconds ?? 5);
  const counts = soak !== undefined ? [32] : (values.clients ?? "1,8,32").split(",").map(Number);
  if (!(seconds > 0 && seconds * 1000 <= MAX_DURATION_MS) || counts.some((n) => !(n >= 1 && n <= MAX_CLIENTS))) {
    throw new Error(`seconds must be in (0, ${MAX_DURATION_MS / 1000}] and clients in [1, ${MAX_CLIENTS}]`);
  }

  const dir = mkdtempSync(join(tmpdir(), "sandbox-bench-"));
  const keys = { herokuApiKey: randomBytes(16).toString("hex"), gitlabToken: randomBytes(16).toString("hex") };
  const sandbox = await createSandbox({ ...keys, stateFile: join(dir, "state.json") });
  const rows: (LoadResult & { rssMiB: number })[] = [];
  try {
    for (const clients of counts) {
      const result = await driveLoad({ url: sandbox.url, ...keys, clients, durationMs: seconds * 1000 });
      rows.push({ ...result, rssMiB: process.memoryUsage().rss / 2 ** 20 });
      for (const error of result.errors.slice(0, 5)) console.error(`  unexpected: ${error}`);
    }
    const response = await fetch(`${sandbox.url}/sandbox/state`, {
      headers: { authorization: `Basic ${Buffer.from(`bench:${keys.herokuApiKey}`).toString("base64")}` },
    });
    const problems = checkConsistency((await response.json()) as StoreData);

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

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
