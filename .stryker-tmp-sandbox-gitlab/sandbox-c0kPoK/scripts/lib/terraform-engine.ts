// @ts-nocheck
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROJECT_ROOT } from "./flow-runner";

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
  /** The plan file, for `apply`. */
  readonly planFile: string;
}

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
 * changes" are decided from exit codes and Terraform's JSON, never from what a CLI prints for people.
 */
export class TerraformEngine {
  constructor(
    /** The project directory (holding cdktf.json and main.ts). */
    public readonly dir: string,
    /** The environment of every command: the toolchain's settings, provider endpoints and credentials. */
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** The synthesized output directory. */
  public get outdir(): string {
    return path.join(this.dir, "cdktf.out");
  }

  /** The working directory of `stack`. */
  public stackDir(stack: string): string {
    return path.join(this.outdir, "stacks", stack);
  }

  /** Runs the app command of cdktf.json once, writing every stack to cdktf.out; throws with its report on failure. */
  public async synth(extra: Record<string, string> = {}): Promise<ProcessRun> {
    const appCommand: string = JSON.parse(fs.readFileSync(path.join(this.dir, "cdktf.json"), "utf8")).app;
    const synth = await run("sh", ["-c", appCommand], {
      cwd: this.dir,
      env: {
        ...this.env,
        ...extra,
        CDKTF_OUTDIR: this.outdir,
        // The app command in cdktf.json (`node --import tsx main.ts`) finds tsx as under `npx cdktf`.
        PATH: `${path.join(PROJECT_ROOT, "node_modules", ".bin")}:${this.env.PATH ?? process.env.PATH}`,
      },
    });
    if (synth.code !== 0)
      throw new Error(`synth (${appCommand}) exited ${synth.code}:\n${synth.stderr}${synth.stdout}`);
    return synth;
  }

  /** The stacks of the last synth that `stacks` need, dependencies first (from cdktf's manifest.json). */
  public inDependencyOrder(stacks: readonly string[]): string[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(this.outdir, "manifest.json"), "utf8"));
    const ordered: string[] = [];
    const visit = (stack: string) => {
      if (ordered.includes(stack)) return;
      const entry = manifest.stacks[stack];
      if (!entry) throw new Error(`stack ${stack} is not in the synthesized app (${Object.keys(manifest.stacks)})`);
      // A dependency outside `stacks` is taken as deployed already (its state is read, not changed).
      for (const dependency of entry.dependencies as string[]) if (stacks.includes(dependency)) visit(dependency);
      ordered.push(stack);
    };
    stacks.forEach(visit);
    return ordered;
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

  /** Initializes the stack's directory (providers from the toolchain's mirror, its backend). */
  public async init(stack: string): Promise<void> {
    await this.terraform(stack, ["init", "-input=false", "-no-color"]);
  }

  /** Plans `stack` into a plan file; `lock: false` for read-only plans (e.g. by someone who may not lock). */
  public async plan(stack: string, options: { lock?: boolean } = {}): Promise<StackPlan> {
    const planFile = "flow.tfplan";
    const args = ["plan", "-input=false", "-no-color", "-detailed-exitcode", `-out=${planFile}`];
    if (options.lock === false) args.push("-lock=false");
    const result = await this.terraform(stack, args, [0, 2]);
    return { stack, changed: result.code === 2, planFile };
  }

  /** The resource changes of a plan file, from `terraform show -json`: every change that is not a no-op. */
  public async changes(plan: StackPlan): Promise<ResourceChange[]> {
    const shown = await this.terraform(plan.stack, ["show", "-json", plan.planFile]);
    const json = JSON.parse(shown.stdout) as {
      resource_changes?: Array<{ address: string; change: { actions: string[] } }>;
    };
    return (json.resource_changes ?? [])
      .filter((change) => !(change.change.actions.length === 1 && change.change.actions[0] === "no-op"))
      .map((change) => ({ address: change.address, actions: change.change.actions }));
  }

  /** Applies a plan file made by {@link plan}. */
  public async apply(plan: StackPlan): Promise<void> {
    await this.terraform(plan.stack, ["apply", "-input=false", "-no-color", plan.planFile]);
  }

  /**
   * Brings `stacks` (synthesized already) up to date, dependencies first: init, plan, and apply only where the plan
   * has changes. Stacks that do not depend on each other (the environments, once the pipeline is done) run side by
   * side. Returns the stacks that changed, in the order they finished.
   */
  public async deploy(stacks: readonly string[]): Promise<string[]> {
    const changed: string[] = [];
    for (const level of this.dependencyLevels(stacks)) {
      await Promise.all(
        level.map(async (stack) => {
          await this.init(stack);
          const plan = await this.plan(stack);
          if (!plan.changed) return;
          await this.apply(plan);
          changed.push(stack);
        }),
      );
    }
    return changed;
  }

  /** `stacks` in groups: each group depends only on earlier ones, so a group's stacks can run at once. */
  private dependencyLevels(stacks: readonly string[]): string[][] {
    const manifest = JSON.parse(fs.readFileSync(path.join(this.outdir, "manifest.json"), "utf8"));
    const levels: string[][] = [];
    const levelOf = new Map<string, number>();
    for (const stack of this.inDependencyOrder(stacks)) {
      const dependencies = (manifest.stacks[stack].dependencies as string[]).filter((d) => levelOf.has(d));
      const level = Math.max(-1, ...dependencies.map((d) => levelOf.get(d)!)) + 1;
      levelOf.set(stack, level);
      (levels[level] ??= []).push(stack);
    }
    return levels;
  }
}
