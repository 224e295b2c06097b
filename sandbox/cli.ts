/**
 * Command line for the sandbox: `heroku-flow sandbox <command>` (or `tsx sandbox/cli.ts <command>` in a checkout).
 *
 *   serve [--port N] [--host H] [--state FILE] [--run-file FILE] [--project NS/NAME ...]   run in the foreground
 *   start [--port N] [--state FILE] [--run-file FILE] [--project NS/NAME ...]              run detached
 *         either with [--request-log FILE]: one JSON line per request (method, path, status, ms; tokens masked);
 *         FILE `-` is standard output (for `start`, the sandbox.log beside the run file)
 *         either with [--team NAME ...]: Heroku teams the sandbox's user joins (a team app needs one); without the
 *         flag, the comma-separated HEROKU_FLOW_SANDBOX_TEAMS
 *   stop | status | inspect                                        manage and look at a running sandbox
 *   reset                                                          empty the sandbox (running or not)
 *   project add NS/NAME                                            create a GitLab project in the running sandbox
 *   push <app> --type web=CMD [--type worker=CMD ...]              simulate `git push heroku` (declares process types)
 *   fault add --path P [--method M] [--action error|delay|drop] [--status N] [--nth N] [--times N] [--delay-ms N]
 *   fault clear | fault list
 */
import { spawn } from "node:child_process";
import { openSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { CIRCLECI_API_PREFIX } from "./circleci/prefix";
import { GITLAB_API_PREFIX } from "./gitlab";
import { HEROKU_PATTERNS } from "./heroku/models/catalog";
import { randomToken } from "./ids";
import { describeState } from "./inspect";
import { healthy, isAlive } from "./liveness";
import { defaultRunFilePath, readRunFile, writeRunFile, type RunFile } from "./run-file";
import { requestLogFile } from "./request-log";
import { generateKeyPair, publicKeyOf } from "./dokku/keys";
import { dokkuHomeOf, writeKnownHosts } from "./dokku/known-hosts";
import { createSandbox, type SandboxOptions } from "./server";
import type { StoreData } from "./store";

/** Heroku's rule for a team name, as the control route `POST /sandbox/teams` applies it. */
const TEAM_PATTERN = new RegExp(HEROKU_PATTERNS.teamName);
const TEAM_RULE = "a team name is lowercase letters, digits and dashes, starting with a letter";

/** The setting `start` and `serve` read for the teams when no `--team` is given. */
const TEAMS_VARIABLE = "HEROKU_FLOW_SANDBOX_TEAMS";

const USAGE = `usage: heroku-flow sandbox <serve|start|stop|status|inspect|reset|project|push|fault> [options]
  serve   [--port N] [--host H] [--state FILE] [--run-file FILE] [--project NS/NAME ...] [--request-log FILE|-]
          [--team NAME ...]
  start   [--port N] [--state FILE] [--run-file FILE] [--project NS/NAME ...] [--request-log FILE|-]
          [--team NAME ...]
          --team NAME: a Heroku team the sandbox's user joins, so that a team app in it is created (in any other
          team: "Couldn't find that team."); repeatable; without --team, the comma-separated ${TEAMS_VARIABLE};
          ${TEAM_RULE}
  stop | status | inspect | reset   [--run-file FILE]
  project add NS/NAME
  push <app> --type web=CMD [--type worker=CMD ...]
  fault add --path PATTERN [--method M] [--action error|delay|drop] [--status 503] [--nth 1] [--times 1] [--delay-ms 1000]
  fault clear | fault list`;

const OPTIONS = {
  port: { type: "string" },
  host: { type: "string" },
  state: { type: "string" },
  "run-file": { type: "string" },
  "request-log": { type: "string" },
  type: { type: "string", multiple: true },
  project: { type: "string", multiple: true },
  team: { type: "string", multiple: true },
  path: { type: "string" },
  method: { type: "string" },
  action: { type: "string" },
  status: { type: "string" },
  nth: { type: "string" },
  times: { type: "string" },
  "delay-ms": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

/** A mistake in how the sandbox command was called: exit code 2. */
export class SandboxUsageError extends Error {}
const UsageError = SandboxUsageError;

function runFilePath(values: Values): string {
  return values["run-file"] ?? defaultRunFilePath();
}

/** The run file of a sandbox that answers, or an error telling the user to start one. */
async function running(values: Values): Promise<RunFile & { url: string }> {
  const run = readRunFile(runFilePath(values));
  if (!run?.url || !isAlive(run.pid) || !(await healthy(run.url))) {
    throw new UsageError(
      `no sandbox is running (run file ${runFilePath(values)}); start one with: heroku-flow sandbox start`,
    );
  }
  return run as RunFile & { url: string };
}

/** Calls a control or API route of the running sandbox with its Heroku key. */
async function call(run: RunFile & { url: string }, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${run.url}${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`cli:${run.herokuApiKey}`).toString("base64")}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (!response.ok) throw new UsageError(`${method} ${path} → ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}

/** Tokens persist in the run file so restarts keep the credentials scripts already exported. */
function credentials(path: string): RunFile {
  const previous = readRunFile(path);
  return {
    ...previous,
    herokuApiKey: previous?.herokuApiKey || randomToken(),
    gitlabToken: previous?.gitlabToken || randomToken(),
    gitlabJobToken: previous?.gitlabJobToken || randomToken(),
    circleciToken: previous?.circleciToken || randomToken(),
    dokkuSshKey: previous?.dokkuSshKey || generateKeyPair().private,
    dokkuHostKey: previous?.dokkuHostKey || generateKeyPair().private,
  };
}

/** The Dokku server's SSH front of a sandbox started from `run`: its own key allowed, its host key, its last port. */
function dokkuFrontOf(run: RunFile, port: number | undefined): NonNullable<SandboxOptions["dokku"]> {
  return {
    authorizedKeys: [publicKeyOf(run.dokkuSshKey!)],
    hostKey: run.dokkuHostKey!,
    port,
  };
}

/**
 * The teams to join: each `--team`, else the comma-separated HEROKU_FLOW_SANDBOX_TEAMS (blank or unset: none), each
 * checked against Heroku's rule — a name Heroku refuses is a usage error naming where it came from, before anything
 * starts.
 */
function teamsOf(values: Values, env: NodeJS.ProcessEnv): string[] {
  const check = (name: string, where: string): string => {
    if (!TEAM_PATTERN.test(name)) throw new UsageError(`invalid ${where} ${JSON.stringify(name)}: ${TEAM_RULE}`);
    return name;
  };
  if (values.team !== undefined) return values.team.map((name) => check(name, "--team"));
  const setting = env[TEAMS_VARIABLE];
  if (!setting?.trim()) return [];
  return setting.split(",").map((name) => check(name.trim(), `${TEAMS_VARIABLE} entry`));
}

function portOf(values: Values, previous?: RunFile): number {
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`invalid --port ${values.port}`);
    return port;
  }
  // Reuse the last port so URLs already exported (HEROKU_API_URL, GITLAB_BASE_URL) stay valid across restarts.
  return previous?.url ? Number(new URL(previous.url).port) : 0;
}

async function serve(values: Values, env: NodeJS.ProcessEnv): Promise<void> {
  const teams = teamsOf(values, env);
  const path = runFilePath(values);
  const run = credentials(path);
  const stateFile = values.state ?? run.stateFile ?? join(dirname(path), "state.json");
  const projects = values.project ?? [];
  const log = values["request-log"] === undefined ? undefined : requestLogFile(values["request-log"]);
  const settings = { ...run, host: values.host, stateFile, projects, teams, requestLog: log?.write };
  let sandbox;
  try {
    sandbox = await createSandbox({
      ...settings,
      port: portOf(values, run),
      dokku: dokkuFrontOf(run, run.dokkuSshPort),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || values.port !== undefined) throw error;
    // A remembered port was taken by something else meanwhile: fall back to any free ports.
    sandbox = await createSandbox({ ...settings, port: 0, dokku: dokkuFrontOf(run, 0) });
  }
  const ran = { ...run, url: sandbox.url, stateFile, dokkuSshPort: sandbox.dokku?.port };
  if (sandbox.dokku) {
    const { host, port, hostPublicKey } = sandbox.dokku;
    writeKnownHosts(dokkuHomeOf(path), host, port, hostPublicKey);
  }
  writeRunFile(path, { ...ran, pid: process.pid });
  console.log(sandbox.url);
  const shutdown = async (): Promise<void> => {
    await sandbox.close();
    log?.close();
    writeRunFile(path, { ...ran, pid: null });
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

/** The command that runs `serve` in a child process: this file, or the `heroku-flow` bin's `sandbox` command. */
let serveEntry: string[] = [__filename];

async function start(values: Values, env: NodeJS.ProcessEnv): Promise<void> {
  const teams = teamsOf(values, env);
  const path = runFilePath(values);
  const previous = readRunFile(path);
  if (previous?.url && isAlive(previous.pid) && (await healthy(previous.url))) {
    for (const project of values.project ?? []) await addProject(previous as RunFile & { url: string }, project);
    for (const team of teams) await joinTeam(previous as RunFile & { url: string }, team);
    console.log(`already running: ${previous.url} (pid ${previous.pid})`);
    return;
  }
  writeRunFile(path, { ...credentials(path), pid: null });
  const args = ["serve", "--run-file", path];
  if (values.port !== undefined) args.push("--port", values.port);
  if (values.state !== undefined) args.push("--state", values.state);
  if (values["request-log"] !== undefined) args.push("--request-log", values["request-log"]);
  for (const project of values.project ?? []) args.push("--project", project);
  for (const team of teams) args.push("--team", team);
  const log = openSync(join(dirname(path), "sandbox.log"), "a");
  // Same interpreter and loader flags (tsx) as this process, detached so it outlives the shell. The teams are in the
  // arguments, so the child does not read the setting again (from an environment that may not be the one given here).
  const child = spawn(process.execPath, [...process.execArgv, ...serveEntry, ...args], {
    detached: true,
    stdio: ["ignore", log, log],
    env: { ...process.env, [TEAMS_VARIABLE]: undefined },
  });
  child.unref();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const run = readRunFile(path);
    if (run && run.pid === child.pid && (await healthy(run.url))) {
      console.log(`started: ${run.url} (pid ${run.pid}); run file ${path}`);
      return;
    }
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the sandbox did not start; see ${join(dirname(path), "sandbox.log")}`);
}

async function stop(values: Values): Promise<void> {
  const run = readRunFile(runFilePath(values));
  if (!run?.pid || !isAlive(run.pid)) {
    console.log("not running");
    return;
  }
  process.kill(run.pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (isAlive(run.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  console.log(isAlive(run.pid) ? `pid ${run.pid} did not stop` : `stopped pid ${run.pid}`);
}

async function status(values: Values): Promise<void> {
  const run = readRunFile(runFilePath(values));
  const up = !!run?.url && isAlive(run.pid) && (await healthy(run.url));
  console.log(
    up
      ? `running: ${run?.url} (pid ${run?.pid})\nheroku: ${run?.url}\ngitlab: ${run?.url}${GITLAB_API_PREFIX}/\n` +
          `circleci: ${run?.url}${CIRCLECI_API_PREFIX}`
      : "not running",
  );
  if (!up) process.exitCode = 1;
}

async function push(values: Values, positionals: string[]): Promise<void> {
  const app = positionals[1];
  if (!app) throw new UsageError("push needs an app name or id");
  if (!values.type?.length) throw new UsageError("push needs the process types the code declares: --type web=COMMAND");
  const processTypes: Record<string, string> = {};
  for (const spec of values.type) {
    const eq = spec.indexOf("=");
    if (eq <= 0) throw new UsageError(`--type must be TYPE=COMMAND, got ${spec}`);
    processTypes[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  const result = (await call(await running(values), "POST", `/sandbox/apps/${encodeURIComponent(app)}/push`, {
    process_types: processTypes,
  })) as { release: { version: number }; formation: { type: string; quantity: number; size: string }[] };
  console.log(`released v${result.release.version}`);
  for (const f of result.formation) console.log(`  ${f.type}: ${f.quantity} × ${f.size}`);
}

/** Creates a GitLab project in a running sandbox unless it exists. */
async function addProject(run: RunFile & { url: string }, path: string): Promise<void> {
  const created = (await call(run, "POST", "/sandbox/projects", { path })) as { id: number };
  console.log(`project ${path}: id ${created.id}`);
}

/** Makes the running sandbox's user a member of a Heroku team (joining twice changes nothing). */
async function joinTeam(run: RunFile & { url: string }, name: string): Promise<void> {
  await call(run, "POST", "/sandbox/teams", { name });
  console.log(`team ${name}: joined`);
}

async function project(values: Values, positionals: string[]): Promise<void> {
  if (positionals[1] !== "add" || !positionals[2]) throw new UsageError("usage: project add NAMESPACE/NAME");
  await addProject(await running(values), positionals[2]);
}

/**
 * Empties the sandbox: through the running one (which keeps running, empty), or by removing the state file of a
 * stopped one. Local Terraform state that referred to it is then stale; the next deploy recreates everything.
 */
async function reset(values: Values): Promise<void> {
  const path = runFilePath(values);
  const run = readRunFile(path);
  if (run?.url && isAlive(run.pid) && (await healthy(run.url))) {
    await call(run as RunFile & { url: string }, "POST", "/sandbox/reset");
    console.log(`reset the running sandbox at ${run.url}`);
    return;
  }
  const stateFile = run?.stateFile ?? join(dirname(path), "state.json");
  rmSync(stateFile, { force: true });
  console.log(`removed ${stateFile}`);
}

async function fault(values: Values, positionals: string[]): Promise<void> {
  const run = await running(values);
  const sub = positionals[1];
  if (sub === "list") {
    console.log(JSON.stringify(await call(run, "GET", "/sandbox/faults"), null, 2));
  } else if (sub === "clear") {
    await call(run, "DELETE", "/sandbox/faults");
    console.log("faults cleared");
  } else if (sub === "add") {
    const number = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
    const added = await call(run, "POST", "/sandbox/faults", {
      path: values.path,
      method: values.method,
      action: values.action ?? "error",
      status: number(values.status),
      nth: number(values.nth),
      times: number(values.times),
      delayMs: number(values["delay-ms"]),
    });
    console.log(JSON.stringify(added, null, 2));
  } else {
    throw new UsageError("fault needs add, clear or list");
  }
}

/**
 * Runs one sandbox command. `entry` is how a detached `serve` is started again (the script and the arguments before
 * `serve`); `env` holds the settings `start` and `serve` read (HEROKU_FLOW_SANDBOX_TEAMS). Sets `process.exitCode`
 * where a command reports through it (`status`); throws SandboxUsageError for a bad call.
 */
export async function sandboxMain(
  argv: string[],
  entry: string[] = [__filename],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  serveEntry = entry;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`sandbox: ${(error as Error).message.split("\n")[0]}`);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  switch (command) {
    case "serve":
      return serve(values, env);
    case "start":
      return start(values, env);
    case "stop":
      return stop(values);
    case "status":
      return status(values);
    case "inspect": {
      const run = await running(values);
      console.log(describeState((await call(run, "GET", "/sandbox/state")) as StoreData, run.url));
      return;
    }
    case "reset":
      return reset(values);
    case "project":
      return project(values, positionals);
    case "push":
      return push(values, positionals);
    case "fault":
      return fault(values, positionals);
    default:
      throw new UsageError(`unknown command ${command}\n${USAGE}`);
  }
}

if (require.main === module) {
  sandboxMain(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
}
