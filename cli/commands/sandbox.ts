import * as fs from "node:fs";
import * as path from "node:path";
import { CIRCLECI_API_PREFIX } from "../../sandbox/circleci/prefix";
import { describeState } from "../../sandbox/inspect";
import { isRunning } from "../../sandbox/liveness";
import { dokkuHomeOf } from "../../sandbox/dokku/known-hosts";
import { defaultRunFilePath, readRunFile, type RunFile } from "../../sandbox/run-file";
import { type StoreData, withDefaults } from "../../sandbox/store";
import { sessionFor } from "../args";
import { type Command, type CommandContext, UsageError } from "../command";
import { deployWithBootstrap } from "../engine/deploy-sequence";
import { FLOW_MANIFEST_FILE, type FlowManifest, readManifest } from "../engine/manifest";
import { deployEnv, deployKeyVariables, secretVariables, type Target } from "../engine/target-env";
import { toolchainEnv } from "../engine/toolchain";
import { SandboxClient } from "../platform/sandbox-client";

const HELP = `usage: heroku-flow sandbox <command> [options]

A local stand-in for Heroku's Platform API, GitLab's REST API and Terraform state, and CircleCI's API v2, on
loopback, kept in .sandbox/ of the project. The real Terraform and providers deploy into it with no account.

  deploy                     the whole topology into the sandbox: start it unless it runs, synth, bootstrap apps
                             without code, simulated first code push, apply; again: only what changed
  env                        print export lines that point \`cdktf diff|deploy\`, \`terraform\` and heroku-flow at the
                             running sandbox (endpoints, dummy tokens, deploy keys, the provider delays)
  start [--port N] [--project NS/NAME ...] [--team NAME ...]
                                              start it detached (remembers its port and tokens); --team: a Heroku
                                              team its user joins (a team app needs one; repeatable; lowercase
                                              letters, digits and dashes, starting with a letter)
  serve [--port N] [--host H] [--team NAME ...]
                                              run it in the foreground
  stop | status | inspect | reset             stop it; say whether it runs; show what it holds; empty it
  project add NS/NAME                         create a GitLab project in it
  push APP --type web=CMD [--type …]          simulate \`git push heroku\` (declares the process types)
  fault add --path P [--action error|delay|drop] [--status N] [--nth N] [--times N] | fault clear | fault list

Reads HEROKU_FLOW_SANDBOX_RUN_FILE (default .sandbox/run.json in the project) and, for start and serve without
--team, HEROKU_FLOW_SANDBOX_TEAMS (team names, comma-separated).
Exit codes: 0 done, 1 an error (e.g. status: not running), 2 usage.`;

/** The running sandbox's run file, or an error saying how to start one. */
async function runningSandbox(context: CommandContext): Promise<RunFile & { url: string }> {
  const file = defaultRunFilePath(context.env, context.dir);
  const run = readRunFile(file);
  if (!run?.url || !(await isRunning(run))) {
    throw new Error("no sandbox is running for this project: start one with `heroku-flow sandbox start`");
  }
  return run as RunFile & { url: string };
}

function targetOf(run: RunFile & { url: string }, runFile: string): Target {
  return {
    herokuUrl: run.url,
    herokuApiKey: run.herokuApiKey,
    gitlabUrl: `${run.url}/api/v4/`,
    gitlabToken: run.gitlabToken,
    // A sandbox started before it served CircleCI has no token in its run file: it refuses every CircleCI call.
    ...(run.circleciToken ? { circleciUrl: `${run.url}${CIRCLECI_API_PREFIX}`, circleciToken: run.circleciToken } : {}),
    // Nor has one started before it served Dokku a Dokku key.
    ...(run.dokkuSshKey && run.dokkuSshPort
      ? {
          dokku: {
            host: new URL(run.url).hostname,
            port: run.dokkuSshPort,
            privateKey: run.dokkuSshKey,
            home: dokkuHomeOf(runFile),
          },
        }
      : {}),
  };
}

/** Runs the sandbox's own command line (start, stop, …) from the bin, so that `serve` children start the same way. */
async function sandboxCli(args: string[], context: CommandContext): Promise<number> {
  const { sandboxMain, SandboxUsageError } = await import("../../sandbox/cli");
  const previousExitCode = process.exitCode;
  try {
    // A detached `serve` is started as `<this bin> sandbox serve …`.
    await sandboxMain(
      ["--run-file", defaultRunFilePath(context.env, context.dir), ...args],
      [process.argv[1], "sandbox"],
      context.env,
    );
  } catch (error) {
    if (error instanceof SandboxUsageError) throw new UsageError(error.message);
    throw error;
  }
  const code = process.exitCode ?? 0;
  process.exitCode = previousExitCode;
  return Number(code);
}

/** The environment of a deploy of `manifest`'s stacks into the sandbox: its deploy keys and topology secrets named. */
function deployEnvFor(target: Target, manifest: FlowManifest): Record<string, string> {
  return deployEnv(target, deployKeyVariables(manifest), secretVariables(manifest), manifest.platform);
}

/** `heroku-flow sandbox env`: the export lines for a shell (values single-quoted). */
async function env(context: CommandContext): Promise<number> {
  const run = await runningSandbox(context);
  const manifestFile = path.join(context.dir, "cdktf.out", FLOW_MANIFEST_FILE);
  if (!fs.existsSync(manifestFile)) {
    throw new Error(
      "cdktf.out/heroku-flow.json does not exist: run `heroku-flow synth` first (it names the deploy keys)",
    );
  }
  const variables = {
    ...toolchainEnv(context.env),
    ...deployEnvFor(
      targetOf(run, defaultRunFilePath(context.env, context.dir)),
      readManifest(path.join(context.dir, "cdktf.out")),
    ),
  };
  for (const [name, value] of Object.entries(variables))
    context.print(`export ${name}='${value.replace(/'/g, "'\\''")}'`);
  return 0;
}

/** `heroku-flow sandbox deploy`: what `npm start` of a project does. */
async function deploy(context: CommandContext): Promise<number> {
  const started = process.hrtime.bigint();
  const step = (message: string) => context.print(`\n▶ ${message}`);
  step("Terraform toolchain");
  const toolchain = toolchainEnv(context.env);

  step("Sandbox");
  const runFile = defaultRunFilePath(context.env, context.dir);
  if (await isRunning(readRunFile(runFile))) context.print("  running");
  else if ((await sandboxCli(["start"], context)) !== 0) throw new Error("the sandbox did not start");
  const run = await runningSandbox(context);
  const target = targetOf(run, defaultRunFilePath(context.env, context.dir));
  const sandbox = new SandboxClient(target);

  step("Synth");
  const synthSession = sessionFor(context, { env: { ...context.env, ...toolchain } });
  await synthSession.engine.synth();
  const manifest = synthSession.manifest;
  if (manifest.gitlabProject) await sandbox.createProject(manifest.gitlabProject);
  if (manifest.ci?.provider === "circleci") await sandbox.createCircleciProject(manifest.ci);
  const stacks = manifest.stacks.filter((stack) => stack.kind !== "review").map((stack) => stack.name);

  step(`Deploy ${stacks.join(", ")}`);
  const session = sessionFor(context, {
    env: { ...context.env, ...toolchain, ...deployEnvFor(target, manifest) },
  });
  const outcome = await deployWithBootstrap(session.engine, () => sandbox, stacks, {
    synthesized: true,
    onStep: (message) => context.print(`  ${message}`),
  });
  const changed = [...new Set(outcome.changedStacks)];
  context.print(`  ${changed.length > 0 ? `applied changes to ${changed.join(", ")}` : "no changes"}`);

  step("What exists now");
  const state = await sandbox.heroku("GET", "/sandbox/state");
  // withDefaults: a sandbox started by an older version may lack collections added since.
  context.print(describeState(withDefaults(state.body as Partial<StoreData>), run.url));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  context.print(
    changed.length > 0
      ? `\nDeployed in ${seconds.toFixed(1)} s. Run it again: it will find nothing to change.`
      : `\nNothing changed (${seconds.toFixed(1)} s): the sandbox already matches the topology.`,
  );
  return 0;
}

/** `heroku-flow sandbox`. */
export const sandbox: Command = {
  name: "sandbox",
  summary: "the local sandbox: deploy, env, start, stop, status, inspect, push, reset",
  help: HELP,
  async run(args, context) {
    const [sub, ...rest] = args;
    if (!sub) throw new UsageError("sandbox: name a command (deploy, env, start, stop, status, inspect, push, reset)");
    if (sub === "env" || sub === "deploy") {
      if (rest.length > 0) throw new UsageError(`sandbox ${sub}: takes no arguments (got ${rest.join(" ")})`);
      return sub === "env" ? env(context) : deploy(context);
    }
    return sandboxCli([...args], context);
  },
};
