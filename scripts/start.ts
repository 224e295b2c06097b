/**
 * `npm start`: deploys songlist's pipeline and long-lived environments into the local sandbox with the real Terraform
 * and providers, then prints what exists. Running it again changes nothing and says so.
 *
 * Steps: prepare the offline toolchain if needed → start the sandbox unless it runs → the project's one deploy
 * sequence (scripts/lib/deploy-sequence.ts: bootstrap and CI's first code push where an app has no code, then
 * apply what changed) → inspect.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describeState } from "../sandbox/inspect";
import { isRunning } from "../sandbox/liveness";
import { defaultRunFilePath, readRunFile } from "../sandbox/run-file";
import { type StoreData, withDefaults } from "../sandbox/store";
import { deployWithBootstrap } from "./lib/deploy-sequence";
import { deployEnv, PROJECT_ROOT, Target, toolchainEnv } from "./lib/flow-runner";
import { SandboxClient } from "./lib/sandbox-client";
import { gitlabProjects, readStackConfig, requiredVariables } from "./lib/stack-config";
import { TerraformEngine } from "./lib/terraform-engine";

const tsx = path.join(PROJECT_ROOT, "node_modules", ".bin", "tsx");

function step(message: string): void {
  console.log(`\n▶ ${message}`);
}

function sandboxCli(...args: string[]): void {
  const result = spawnSync(tsx, [path.join(PROJECT_ROOT, "sandbox", "cli.ts"), ...args], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`sandbox ${args[0]} failed`);
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  step("Terraform toolchain");
  const toolchain = toolchainEnv();

  // The synth (which targets the provider versions the toolchain has) runs while the sandbox is checked. The stacks,
  // their deploy keys and GitLab project are then read from the synthesized app (main.ts) rather than by loading the
  // library here, which would cost half a second.
  const synthesizer = new TerraformEngine(PROJECT_ROOT, { ...process.env, ...toolchain });
  const synthesized = synthesizer.synth();
  synthesized.catch(() => undefined); // awaited below; a failure must not surface as an unhandled rejection first

  step("Sandbox");
  // Asked in process first: starting the sandbox's CLI costs a second even when it only finds the sandbox running.
  if (await isRunning(readRunFile(defaultRunFilePath()))) console.log("  running");
  else sandboxCli("start");
  const run = readRunFile(defaultRunFilePath());
  if (!run?.url) throw new Error("the sandbox did not record its URL");
  const target: Target = {
    herokuUrl: run.url,
    herokuApiKey: run.herokuApiKey,
    gitlabUrl: `${run.url}/api/v4/`,
    gitlabToken: run.gitlabToken,
  };

  const sandbox = new SandboxClient(target);
  await synthesized;
  const stacks = synthesizer.stacks();
  const configs = stacks.map((stack) => readStackConfig(synthesizer.stackDir(stack)));
  for (const project of new Set(configs.flatMap(gitlabProjects))) await sandbox.createProject(project);
  const deployKeys = [...new Set(configs.flatMap(requiredVariables))];

  step(`Deploy ${stacks.join(", ")}`);
  const engine = new TerraformEngine(PROJECT_ROOT, { ...process.env, ...toolchain, ...deployEnv(target, deployKeys) });
  const outcome = await deployWithBootstrap(engine, sandbox, stacks, {
    synthesized: true,
    onStep: (message) => console.log(`  ${message}`),
  });
  const changed = [...new Set(outcome.changedStacks)];
  console.log(`  ${changed.length > 0 ? `applied changes to ${changed.join(", ")}` : "no changes"}`);

  step("What exists now");
  const state = await sandbox.heroku("GET", "/sandbox/state");
  // withDefaults: a sandbox started by an older checkout may lack collections added since.
  console.log(describeState(withDefaults(state.body as Partial<StoreData>), run.url));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    changed.length > 0
      ? `\nDeployed in ${seconds.toFixed(1)} s. Run \`npm start\` again: it will find nothing to change.`
      : `\nNothing changed (${seconds.toFixed(1)} s): the sandbox already matches songlist's topology.`,
  );
}

main().catch((error: Error) => {
  console.error(`\nnpm start failed: ${error.message}`);
  process.exit(1);
});
