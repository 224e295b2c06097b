// @ts-nocheck
import * as fs from "node:fs";
import * as path from "node:path";
import { TerraformEngine } from "./terraform-engine";

/** The platform side of a first deploy: which apps have no code yet, and CI's first code push. */
export interface CodeReleases {
  /** The apps (by name) that have no process type yet (brand-new apps, before CI's first code push). */
  appsWithoutCode(appNames: readonly string[]): Promise<string[]>;
  /** Releases code whose Procfile declares the app's process types (what CI's `git push heroku` does). */
  pushCode(appName: string): Promise<void>;
}

/** What {@link deployWithBootstrap} did. */
export interface DeployOutcome {
  /** Apps that had no code and got their first code push. */
  readonly pushed: string[];
  /** Stacks whose plan had changes and was applied, in the order applied (a stack may appear twice). */
  readonly changedStacks: string[];
}

/**
 * The one way this project deploys stacks: synthesize; if an app the stacks hold has no code yet, deploy once with
 * formation left out (`HEROKU_FLOW_BOOTSTRAP=true`: Heroku rejects formation for process types no release declared),
 * let CI's first code push happen, then deploy with formation. Each deploy plans every stack and applies only those
 * with changes, dependencies first. `npm start`, the end-to-end tests and the deploy benchmark all run this.
 */
export async function deployWithBootstrap(
  engine: TerraformEngine,
  releases: CodeReleases,
  stacks: readonly string[],
  options: { env?: Record<string, string>; onStep?: (step: string) => void } = {},
): Promise<DeployOutcome> {
  const env = options.env ?? {};
  const step = options.onStep ?? (() => undefined);
  await engine.synth(env);
  const withoutCode = await releases.appsWithoutCode(herokuAppNames(engine, stacks));
  const changedStacks: string[] = [];
  if (withoutCode.length > 0) {
    step(`bootstrap: ${withoutCode.join(", ")} ha${withoutCode.length > 1 ? "ve" : "s"} no code yet`);
    await engine.synth({ ...env, HEROKU_FLOW_BOOTSTRAP: "true" });
    changedStacks.push(...(await engine.deploy(stacks)));
    for (const appName of withoutCode) await releases.pushCode(appName);
    step(`first code push: ${withoutCode.join(", ")}`);
    await engine.synth(env);
  }
  changedStacks.push(...(await engine.deploy(stacks)));
  return { pushed: withoutCode, changedStacks };
}

/** The Heroku apps `stacks` declare, read from the synthesized JSON. */
function herokuAppNames(engine: TerraformEngine, stacks: readonly string[]): string[] {
  return stacks.flatMap((stack) => {
    const config = JSON.parse(fs.readFileSync(path.join(engine.stackDir(stack), "cdk.tf.json"), "utf8"));
    return Object.values<{ name: string }>(config.resource?.heroku_app ?? {}).map((app) => app.name);
  });
}
