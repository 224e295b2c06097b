// @ts-nocheck
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

/** Where and how hard to drive a sandbox. */
export interface LoadOptions {
  /** The sandbox's base URL; only loopback addresses are accepted. */
  url: string;
  herokuApiKey: string;
  gitlabToken: string;
  /** Concurrent clients, each running the scenario in a loop (1–64). */
  clients: number;
  /** How long to run, in milliseconds (at most 120 s). */
  durationMs: number;
}

/** What a load run measured. */
export interface LoadResult {
  clients: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** 409s on a state lock another client holds: the answer the API must give. */
  lockConflicts: number;
  /** Every other answer the scenario did not expect, as `METHOD path → status`. */
  errors: string[];
}

export const MAX_CLIENTS = 64;
export const MAX_DURATION_MS = 120_000;

/** The GitLab project every load client works in. */
export const LOAD_PROJECT = "load/bench";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * Runs `clients` concurrent clients against a sandbox for `durationMs`. Each loops over one scenario: create an app,
 * set a config var, provision Postgres (whose attachment sets DATABASE_URL), create a GitLab variable, take the one
 * shared Terraform state lock (or get the 409 the API must answer while another client holds it), upload state under
 * it and unlock, then delete the variable and the app (which cascades to the add-on and releases).
 */
export async function driveLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error("load runs on loopback only");
  const clients = Math.min(Math.max(1, Math.floor(options.clients)), MAX_CLIENTS);
  const durationMs = Math.min(Math.max(0, options.durationMs), MAX_DURATION_MS);
  const heroku = {
    authorization: `Basic ${Buffer.from(`load:${options.herokuApiKey}`).toString("base64")}`,
    accept: "application/vnd.heroku+json; version=3",
  };
  const gitlab = { authorization: `Bearer ${options.gitlabToken}` };
  const stateBackend = { authorization: `Basic ${Buffer.from(`load:${options.gitlabToken}`).toString("base64")}` };
  const project = encodeURIComponent(LOAD_PROJECT);
  const state = `${options.url}/api/v4/projects/${project}/terraform/state/shared`;

  const latencies: number[] = [];
  const errors: string[] = [];
  let lockConflicts = 0;

  async function call(
    method: string,
    path: string,
    headers: Record<string, string>,
    expected: number[],
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    const started = performance.now();
    const response = await fetch(path.startsWith("http") ? path : `${options.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    latencies.push(performance.now() - started);
    if (!expected.includes(response.status))
      errors.push(`${method} ${path} → ${response.status} ${text.slice(0, 120)}`);
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  }

  const created = await call("POST", "/sandbox/projects", heroku, [200, 201], { path: LOAD_PROJECT });
  if (created.status >= 300) throw new Error(`could not create ${LOAD_PROJECT}: ${created.status}`);
  latencies.length = 0;

  const deadline = performance.now() + durationMs;
  const run = randomUUID().slice(0, 6);
  async function client(index: number): Promise<void> {
    for (let round = 0; performance.now() < deadline; round++) {
      const name = `l${run}-${index}-${round}`;
      const app = (await call("POST", "/apps", heroku, [201], { name, region: "us" })).json as { id?: string };
      if (!app?.id) continue;
      await call("PATCH", `/apps/${app.id}/config-vars`, heroku, [200], { LOAD_ROUND: String(round) });
      await call("POST", `/apps/${app.id}/addons`, heroku, [202], { plan: "heroku-postgresql", confirm: name });
      const key = `LOAD_${run}_${index}_${round}`;
      await call("POST", `/api/v4/projects/${project}/variables`, gitlab, [201], { key, value: name });
      const lockId = randomUUID();
      const lock = await call("POST", `${state}/lock`, stateBackend, [200, 409], { ID: lockId, Who: name });
      if (lock.status === 409) {
        lockConflicts++;
      } else {
        const document = JSON.stringify({ version: 4, serial: round, lineage: run, outputs: {}, resources: [] });
        await call("POST", `${state}?ID=${lockId}`, stateBackend, [200], document);
        await call("DELETE", `${state}/lock`, stateBackend, [200], { ID: lockId });
      }
      await call("DELETE", `/api/v4/projects/${project}/variables/${key}`, gitlab, [204]);
      await call("DELETE", `/apps/${app.id}`, heroku, [200]);
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    clients,
    requests: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    lockConflicts,
    errors,
  };
}
