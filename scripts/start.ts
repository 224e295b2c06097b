/**
 * `npm start`: deploys songlist's pipeline, staging and production into the local sandbox with the real cdktf CLI, the
 * real Terraform and the real providers, then prints what exists. Running it again changes nothing and says so.
 *
 * Steps: prepare the offline toolchain if needed → start the sandbox unless it runs → for apps that have no code yet,
 * deploy once with HEROKU_FLOW_BOOTSTRAP=true and simulate CI's first `git push heroku` → deploy → inspect.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { defaultRunFilePath, readRunFile } from "../sandbox/run-file";
import { songlist } from "../stacks/songlist";
import { SandboxClient } from "./lib/sandbox-client";
import { changedAnything, deployEnv, PROJECT_ROOT, runCdktf, Target, toolchainEnv } from "./lib/flow-runner";

const STACKS = ["pipeline", ...songlist.environments.map((environment) => environment.name)];
const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

function step(message: string): void {
  console.log(`\n▶ ${message}`);
}

function sandboxCli(...args: string[]): void {
  const result = spawnSync(tsx, [path.join(PROJECT_ROOT, "sandbox", "cli.ts"), ...args], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`sandbox ${args[0]} failed`);
}

async function deploy(env: Record<string, string>, label: string) {
  const run = await runCdktf(
    ["deploy", ...STACKS, "--auto-approve", "--skip-provider-lock", "--outputs-file", "cdktf.out/outputs.json"],
    env,
    { echo: process.env.HEROKU_FLOW_VERBOSE === "1" },
  );
  if (run.code !== 0) {
    console.error(run.output);
    throw new Error(`cdktf deploy (${label}) failed; its output is above`);
  }
  console.log(`  ${label}: ${changedAnything(run) ? "applied changes" : "no changes"} (${run.seconds.toFixed(1)} s)`);
  return run;
}

async function main(): Promise<void> {
  step("Terraform toolchain");
  const toolchain = toolchainEnv();

  step("Sandbox");
  sandboxCli("start");
  const run = readRunFile(defaultRunFilePath());
  if (!run?.url) throw new Error("the sandbox did not record its URL");
  const target: Target = {
    herokuUrl: run.url,
    herokuApiKey: run.herokuApiKey,
    gitlabUrl: `${run.url}/api/v4/`,
    gitlabToken: run.gitlabToken,
  };
  const env = { ...toolchain, ...deployEnv(target) };

  const sandbox = new SandboxClient(target);
  await sandbox.createProject(songlist.gitlabProject);
  let changed = false;
  const withoutCode = await sandbox.appsWithoutCode(songlist.environments.map((environment) => environment.appName));
  if (withoutCode.length > 0) {
    step(`Bootstrap: ${withoutCode.join(", ")} ha${withoutCode.length > 1 ? "ve" : "s"} no code yet`);
    changed = changedAnything(await deploy({ ...env, HEROKU_FLOW_BOOTSTRAP: "true" }, "deploy without formation"));
    for (const appName of withoutCode) {
      await sandbox.pushCode(appName);
      console.log(`  ${appName}: simulated CI's first code push (web: gunicorn app:app)`);
    }
  }

  step(`Deploy ${STACKS.join(", ")}`);
  changed = changedAnything(await deploy(env, "deploy")) || changed;

  step("What exists now");
  sandboxCli("inspect");
  console.log(
    changed
      ? "\nDeployed. Run `npm start` again: it will find nothing to change."
      : "\nNothing changed: the sandbox already matches songlist's topology.",
  );
}

main().catch((error: Error) => {
  console.error(`\nnpm start failed: ${error.message}`);
  process.exit(1);
});
