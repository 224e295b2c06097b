import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { compiledApp } from "./app-bundle";
import { inDependencyOrder, readManifest, type FlowManifest } from "./manifest";
import { runPool } from "./pool";

/** What one child process did. */
export interface ProcessRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** One resource change of a plan, from Terraform's JSON: its address and actions (e.g. `["update"]`). */
export interface ResourceChange {
  readonly address: string;
  readonly actions: readonly string[];
}

/** What planning one stack found. */
export interface StackPlan {
  readonly stack: string;
  /** Terraform's `-detailed-exitcode` said 2: the plan has changes. */
  readonly changed: boolean;
  /** The plan file, for `show` and `apply`, in the stack's directory; it holds the stack's variables' values. */
  readonly planFile: string;
}

/** How {@link TerraformEngine.plan} plans. */
export interface PlanOptions {
  /**
   * Take the state lock. Plans by people who may not lock (Developers, with GitLab-managed state) pass false.
   *
   * @default true
   */
  readonly lock?: boolean;
  /**
   * Plan only what changed outside Terraform (`-refresh-only`), for drift checks.
   *
   * @default false
   */
  readonly refreshOnly?: boolean;
  /**
   * Plan the destruction of every resource of the stack (`-destroy`).
   *
   * @default false
   */
  readonly destroy?: boolean;
}

/** Options for a {@link TerraformEngine}. */
export interface TerraformEngineOptions {
  /**
   * Called with one line per step of each stack (`init`, `plan`, `apply`, …), for progress output.
   *
   * @default - silent
   */
  readonly onProgress?: (stack: string, step: string) => void;
  /**
   * How many stacks Terraform works on at once.
   *
   * @default 4
   */
  readonly parallelism?: number;
  /**
   * Called after each synth, with the manifest written: the environment Terraform runs with from then on, when the
   * app needs more of the toolchain than was prepared (the CircleCI provider, on the CircleCI side).
   *
   * @default - the environment given to the constructor, throughout
   */
  readonly afterSynth?: () => NodeJS.ProcessEnv | undefined;
}

/** Where {@link TerraformEngine.init} records what a stack directory was initialized for. */
const INIT_RECORD = path.join(".terraform", "heroku-flow-init.json");

/**
 * The plan files {@link TerraformEngine.plan} writes in a stack's directory: one for changes (applied by `apply`), one
 * for refresh-only drift checks. Each holds the values of the stack's input variables, deploy keys included, and its
 * state, unencrypted (a zip anyone can open): {@link TerraformEngine.discardingPlans} deletes them.
 */
const PLAN_FILES = { changes: "flow.tfplan", refreshOnly: "flow-drift.tfplan" } as const;

/**
 * Runs `command` without blocking this process's event loop (a sandbox served from this process keeps answering), and
 * collects its output.
 */
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const started = process.hrtime.bigint();
  return new Promise<ProcessRun>((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
    );
  });
}

/**
 * Synthesizes a cdktf project with its own app command and drives Terraform directly in each
 * `cdktf.out/stacks/<stack>`: init, `plan -detailed-exitcode -out`, `show -json`, `apply <plan>`. Success and "no
 * changes" are decided from exit codes and Terraform's JSON, never from what a CLI prints for people. Plan files hold
 * secrets and live only as long as the command that made them ({@link discardingPlans}).
 */
export class TerraformEngine {
  private readonly progress: (stack: string, step: string) => void;
  private readonly parallelism: number;
  private readonly afterSynth: () => NodeJS.ProcessEnv | undefined;

  constructor(
    /** The project directory (holding cdktf.json and main.ts). */
    public readonly dir: string,
    /** The environment of every command: the toolchain's settings, provider endpoints and credentials. */
    private env: NodeJS.ProcessEnv,
    options: TerraformEngineOptions = {},
  ) {
    this.progress = options.onProgress ?? (() => undefined);
    this.parallelism = options.parallelism ?? 4;
    this.afterSynth = options.afterSynth ?? (() => undefined);
  }

  /** The synthesized output directory. */
  public get outdir(): string {
    return path.join(this.dir, "cdktf.out");
  }

  /** The working directory of `stack`. */
  public stackDir(stack: string): string {
    return path.join(this.outdir, "stacks", stack);
  }

  /**
   * Synthesizes every stack to cdktf.out once; throws with the app's report on failure. The app named in cdktf.json's
   * app command (e.g. `node --import tsx main.ts`) runs compiled to one JavaScript file (see `compiledApp`), which
   * halves the time; an app command without a `.ts`/`.js` entry runs as written.
   */
  public async synth(extra: Record<string, string> = {}): Promise<ProcessRun> {
    const appCommand: string = JSON.parse(fs.readFileSync(path.join(this.dir, "cdktf.json"), "utf8")).app;
    const entry = appEntry(appCommand);
    // A first synth compiles the app (a second or more): the progress line says what the wait is.
    this.progress("app", extra.HEROKU_FLOW_BOOTSTRAP === "true" ? "synth (bootstrap)" : "synth");
    const env = {
      ...this.env,
      ...extra,
      CDKTF_OUTDIR: this.outdir,
      // The app command in cdktf.json (`npx tsx main.ts`) finds the project's tools as under `npx cdktf`.
      PATH: `${path.join(this.dir, "node_modules", ".bin")}:${this.env.PATH ?? process.env.PATH}`,
    };
    const synth = entry
      ? await run(process.execPath, [(await compiledApp(this.dir, entry)).file], {
          cwd: this.dir,
          env,
        })
      : await run("sh", ["-c", appCommand], { cwd: this.dir, env });
    if (synth.code !== 0) {
      throw new Error(`synth (${appCommand}) exited ${synth.code}:\n${synth.stderr}${synth.stdout}`);
    }
    this.env = this.afterSynth() ?? this.env;
    return synth;
  }

  /** The manifest of the last synth (`heroku-flow.json`): the stacks, their kinds, apps and dependencies. */
  public manifest(): FlowManifest {
    return readManifest(this.outdir);
  }

  /** Every stack of the last synth, dependencies first. */
  public stacks(): string[] {
    return this.manifest().stacks.map((stack) => stack.name);
  }

  /** `stacks` in an order where each comes after those of them it depends on. */
  public inDependencyOrder(stacks: readonly string[]): string[] {
    return inDependencyOrder(this.manifest(), stacks);
  }

  /** `terraform <args>` in the stack's directory; throws with Terraform's own message when it fails. */
  public async terraform(stack: string, args: string[], okCodes: number[] = [0]): Promise<ProcessRun> {
    const result = await run(this.env.TERRAFORM_BINARY_NAME ?? "terraform", args, {
      cwd: this.stackDir(stack),
      env: { ...this.env, TF_IN_AUTOMATION: "1" },
    });
    if (!okCodes.includes(result.code)) {
      throw new Error(`terraform ${args[0]} (${stack}) exited ${result.code}:\n${result.stderr}${result.stdout}`);
    }
    return result;
  }

  /**
   * Initializes the stack's directory (providers from the toolchain's mirror, its backend), unless it was initialized
   * for the same `terraform` block (backend and required providers) and provider mirror already: `terraform init` costs
   * about half a second per stack even when it has nothing to do.
   */
  public async init(stack: string): Promise<void> {
    const config = JSON.parse(fs.readFileSync(path.join(this.stackDir(stack), "cdk.tf.json"), "utf8"));
    const wanted = JSON.stringify({ terraform: config.terraform, cliConfig: this.env.TF_CLI_CONFIG_FILE ?? null });
    const record = path.join(this.stackDir(stack), INIT_RECORD);
    if (fs.existsSync(record) && fs.readFileSync(record, "utf8") === wanted) return;
    this.progress(stack, "init");
    await this.terraform(stack, ["init", "-input=false", "-no-color"]);
    fs.writeFileSync(record, wanted);
  }

  /**
   * Plans `stack` into a plan file, which holds its variables' values (deploy keys included): run it inside
   * {@link discardingPlans}.
   */
  public async plan(stack: string, options: PlanOptions = {}): Promise<StackPlan> {
    const planFile = options.refreshOnly ? PLAN_FILES.refreshOnly : PLAN_FILES.changes;
    const args = ["plan", "-input=false", "-no-color", "-detailed-exitcode", `-out=${planFile}`];
    if (options.lock === false) args.push("-lock=false");
    if (options.refreshOnly) args.push("-refresh-only");
    if (options.destroy) args.push("-destroy");
    this.progress(stack, options.refreshOnly ? "plan (refresh-only)" : options.destroy ? "plan (destroy)" : "plan");
    const result = await this.terraform(stack, args, [0, 2]);
    return { stack, changed: result.code === 2, planFile };
  }

  /**
   * Runs `work`, then deletes every plan file in the directories of `stacks`, also when `work` fails. Every command
   * that plans runs inside this: a plan file holds the stack's variables unencrypted, and nothing needs one after the
   * command that made it (the merge request's note reads the summaries, which leave secrets out).
   */
  public async discardingPlans<T>(stacks: readonly string[], work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      for (const stack of stacks) {
        for (const file of Object.values(PLAN_FILES)) fs.rmSync(path.join(this.stackDir(stack), file), { force: true });
      }
    }
  }

  /** Terraform's JSON of a plan file (`terraform show -json`): what the review summary is computed from. */
  public async show(plan: StackPlan): Promise<unknown> {
    const shown = await this.terraform(plan.stack, ["show", "-json", plan.planFile]);
    return JSON.parse(shown.stdout);
  }

  /** The resource changes of a plan file, from `terraform show -json`: every change that is not a no-op. */
  public async changes(plan: StackPlan): Promise<ResourceChange[]> {
    const json = (await this.show(plan)) as {
      resource_changes?: Array<{ address: string; change: { actions: string[] } }>;
    };
    return (json.resource_changes ?? [])
      .filter((change) => !(change.change.actions.length === 1 && change.change.actions[0] === "no-op"))
      .map((change) => ({ address: change.address, actions: change.change.actions }));
  }

  /** Applies a plan file made by {@link plan}. */
  public async apply(plan: StackPlan): Promise<void> {
    this.progress(plan.stack, "apply");
    await this.terraform(plan.stack, ["apply", "-input=false", "-no-color", plan.planFile]);
  }

  /**
   * Brings `stacks` (synthesized already) up to date: plans every stack at once (a bounded pool), and when some have
   * changes applies them dependencies first — re-planning a stack whose dependency was just applied, since its plan read
   * the dependency's old outputs. Stacks that do not depend on each other run side by side. Returns the stacks that
   * changed, in the order they were applied.
   */
  public async deploy(stacks: readonly string[]): Promise<string[]> {
    return this.discardingPlans(stacks, async () => this.applyPlanned(stacks, await this.planForDeploy(stacks)));
  }

  /**
   * The first step of {@link deploy}: every stack initialized and planned at once. A first deploy has no state for the
   * dependencies yet, so a dependent's plan may fail reading their outputs: such a plan is kept as its error, to be
   * retried once the dependency is applied.
   */
  public async planForDeploy(stacks: readonly string[]): Promise<Map<string, StackPlan | Error>> {
    const plans = new Map<string, StackPlan | Error>();
    await runPool(stacks, this.parallelism, async (stack) => {
      await this.init(stack);
      plans.set(stack, await this.plan(stack).catch((error: Error) => error));
    });
    return plans;
  }

  /** The second step of {@link deploy}: applies the plans that have changes, dependencies first. */
  public async applyPlanned(stacks: readonly string[], plans: Map<string, StackPlan | Error>): Promise<string[]> {
    const changed: string[] = [];
    for (const level of this.dependencyLevels(stacks)) {
      await runPool(level, this.parallelism, async (stack) => {
        const { dependencies } = this.stackEntry(stack);
        const first = plans.get(stack)!;
        const stale = dependencies.some((dependency) => changed.includes(dependency));
        if (first instanceof Error && !stale) throw first;
        const plan = stale ? await this.plan(stack) : (first as StackPlan);
        if (!plan.changed) return;
        await this.apply(plan);
        changed.push(stack);
      });
    }
    return changed;
  }

  /**
   * The resources of `type` that the plans create, replacements included, by their planned attributes (e.g. the
   * `name` of each `heroku_app`): read from `terraform show -json` of the plans that have changes.
   */
  public async plannedCreations(
    plans: Map<string, StackPlan | Error>,
    type: string,
  ): Promise<Array<Record<string, unknown>>> {
    const created: Array<Record<string, unknown>> = [];
    for (const plan of plans.values()) {
      if (plan instanceof Error || !plan.changed) continue;
      const json = (await this.show(plan)) as {
        resource_changes?: Array<{ type: string; change: { actions: string[]; after: Record<string, unknown> } }>;
      };
      for (const change of json.resource_changes ?? []) {
        if (change.type === type && change.change.actions.includes("create")) created.push(change.change.after);
      }
    }
    return created;
  }

  /** `stacks` in groups: each group depends only on earlier ones, so a group's stacks can run at once. */
  private dependencyLevels(stacks: readonly string[]): string[][] {
    const levels: string[][] = [];
    const levelOf = new Map<string, number>();
    for (const stack of this.inDependencyOrder(stacks)) {
      const dependencies = this.stackEntry(stack).dependencies.filter((d) => levelOf.has(d));
      const level = Math.max(-1, ...dependencies.map((d) => levelOf.get(d)!)) + 1;
      levelOf.set(stack, level);
      (levels[level] ??= []).push(stack);
    }
    return levels;
  }

  private stackEntry(stack: string) {
    const entry = this.manifest().stacks.find((candidate) => candidate.name === stack);
    if (!entry) throw new Error(`stack ${stack} is not in the synthesized app`);
    return entry;
  }
}

/** The app's entry file in a cdktf.json app command (`node --import tsx main.ts` → `main.ts`), if it names one. */
export function appEntry(appCommand: string): string | undefined {
  return appCommand
    .split(/\s+/)
    .reverse()
    .find((word) => /\.(ts|js|cjs|mjs)$/.test(word));
}
