import { type FlowManifest, stacksNamed } from "./manifest";
import { TerraformEngine } from "./terraform-engine";

/** The platform side of a first deploy: which apps have no code yet, and CI's first code push. */
export interface CodeReleases {
  /** The apps (by name) that have no process type yet (brand-new apps, before CI's first code push). */
  appsWithoutCode(appNames: readonly string[]): Promise<string[]>;
  /** Releases code declaring `processTypes` to the app (what CI's `git push heroku` does). */
  pushCode(appName: string, processTypes: Readonly<Record<string, string>>): Promise<void>;
}

/**
 * The code releases of a platform where Terraform manages no formation (Dokku): an app without code needs no bootstrap,
 * since nothing in its stack waits for code, and its code arrives with the deploy job's own `git push`.
 */
const NO_BOOTSTRAP: CodeReleases = {
  appsWithoutCode: () => Promise.resolve([]),
  pushCode: (appName) =>
    Promise.reject(new Error(`no code push is made to ${appName}: its deploy job pushes the code`)),
};

/**
 * The code releases the deploy sequence of `manifest`'s app uses: Heroku's (`heroku`, made only then), or on Dokku
 * none, since nothing there waits for code.
 */
function codeReleasesFor(manifest: FlowManifest, heroku: () => CodeReleases): CodeReleases {
  return manifest.platform === "dokku" ? NO_BOOTSTRAP : heroku();
}

/** What {@link deployWithBootstrap} did. */
export interface DeployOutcome {
  /** Apps that had no code and got their first code push. */
  readonly pushed: string[];
  /** Stacks whose plan had changes and was applied, in the order applied (a stack may appear twice). */
  readonly changedStacks: string[];
}

/**
 * The one way this project deploys stacks: synthesize and plan every stack; if an app the stacks hold has no code yet
 * — a new app, or one the plan replaces (a new region, say: Heroku cannot move an app) — deploy once with formation
 * left out (`HEROKU_FLOW_BOOTSTRAP=true`: Heroku rejects formation for process types no release declared), let CI's
 * code push happen, then deploy with formation. Otherwise the plans made are applied as they are, dependencies first.
 * `npm start`, `flow apply`, the end-to-end tests and the deploy benchmark all run this. No plan file outlives it, even
 * when it fails (they hold the deploy keys). On Dokku nothing waits for code, so there is no bootstrap, and
 * `herokuReleases` is never asked for (no Heroku key is needed).
 */
export async function deployWithBootstrap(
  engine: TerraformEngine,
  herokuReleases: () => CodeReleases,
  stacks: readonly string[],
  options: { env?: Record<string, string>; onStep?: (step: string) => void; synthesized?: boolean } = {},
): Promise<DeployOutcome> {
  const env = options.env ?? {};
  const step = options.onStep ?? (() => undefined);
  // The caller may have synthesized already (to check the stack names); the same settings give the same output.
  if (!options.synthesized) await engine.synth(env);
  const releases = codeReleasesFor(engine.manifest(), herokuReleases);
  return engine.discardingPlans(stacks, () => planAndApply(engine, releases, stacks, env, step));
}

/** {@link deployWithBootstrap} once synthesized: the plans, then either their apply or the bootstrap's three steps. */
async function planAndApply(
  engine: TerraformEngine,
  releases: CodeReleases,
  stacks: readonly string[],
  env: Record<string, string>,
  step: (step: string) => void,
): Promise<DeployOutcome> {
  const plans = await engine.planForDeploy(stacks);
  const replaced = (await engine.plannedCreations(plans, "heroku_app")).map((app) => String(app.name));
  const withoutCode = [
    ...new Set([
      ...(await releases.appsWithoutCode(
        stacksNamed(engine.manifest(), stacks).flatMap((stack) => stack.apps.map((app) => app.name)),
      )),
      ...replaced,
    ]),
  ];
  if (withoutCode.length === 0) return { pushed: [], changedStacks: await engine.applyPlanned(stacks, plans) };

  const changedStacks: string[] = [];
  step(`bootstrap: ${withoutCode.join(", ")} ha${withoutCode.length > 1 ? "ve" : "s"} no code yet`);
  await engine.synth({ ...env, HEROKU_FLOW_BOOTSTRAP: "true" });
  changedStacks.push(...(await engine.deploy(stacks)));
  const { processTypes } = engine.manifest();
  for (const appName of withoutCode) await releases.pushCode(appName, processTypes);
  step(`first code push: ${withoutCode.join(", ")}`);
  await engine.synth(env);
  changedStacks.push(...(await engine.deploy(stacks)));
  return { pushed: withoutCode, changedStacks };
}
