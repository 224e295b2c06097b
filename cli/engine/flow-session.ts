import * as path from "node:path";
import type { FlowManifest, FlowManifestApp, FlowManifestStack } from "./manifest";
import { readManifest, stacksNamed, terraformVariableEnv } from "./manifest";
import { readStackConfig, requiredVariables, type StackConfig } from "./stack-config";
import { TerraformEngine } from "./terraform-engine";
import { providersNeededBy, withProvidersFor } from "./ci-providers";
import { withDokkuProviderKey } from "./dokku-provider-key";
import { type HerokuOnlyCommand, requireHerokuPlatform } from "./platform-support";
import { toolchainEnv } from "./toolchain";

/** How a command was started (the options every command shares). */
export interface SessionOptions {
  /** The project directory (cdktf.json, main.ts). */
  readonly dir: string;
  /** The environment settings are read from. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * How many stacks Terraform works on at once.
   *
   * @default 4
   */
  readonly parallelism?: number;
  /** Where progress and results are printed. */
  readonly print: (line: string) => void;
}

/** Environment variable names whose values are credentials: never printed, redacted from anything Terraform says. */
const SECRET_VARIABLE = /(^TF_VAR_|TOKEN|KEY|PASSWORD|SECRET|CERT)/i;

/**
 * What every command shares: the toolchain's settings (prepared when Terraform is first needed, in offline mode), one
 * {@link TerraformEngine} over the project with progress lines per stack, the manifest of the last synth, and the
 * credentials to redact from whatever is printed.
 */
export class FlowSession {
  public readonly print: (line: string) => void;
  /** How many stacks Terraform works on at once. */
  public readonly parallelism: number;
  public readonly dir: string;
  private readonly baseEnv: NodeJS.ProcessEnv;
  private toolchain?: Record<string, string>;
  /** The providers built on request that the toolchain was prepared with, from the app's manifest. */
  private toolchainProviders?: string;
  private terraformEngine?: TerraformEngine;

  constructor(options: SessionOptions) {
    this.print = options.print;
    this.parallelism = options.parallelism ?? 4;
    this.dir = options.dir;
    this.baseEnv = withDokkuProviderKey(options.env);
  }

  /**
   * The environment of every command: the given one, plus the toolchain's settings once Terraform is needed (prepared
   * then, not before: `heroku-flow note` needs no Terraform).
   */
  public get env(): NodeJS.ProcessEnv {
    return { ...this.baseEnv, ...this.toolchain };
  }

  /** Terraform over the project, with a progress line per stack and step. */
  public get engine(): TerraformEngine {
    if (!this.terraformEngine) {
      this.prepareToolchainFor(this.lastManifest());
      const started = process.hrtime.bigint();
      const elapsed = () => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
      this.terraformEngine = new TerraformEngine(this.dir, this.env, {
        parallelism: this.parallelism,
        onProgress: (stack, step) => this.print(`  ${stack.padEnd(16)} ${step} (+${elapsed()} s)`),
        afterSynth: () => (this.prepareToolchainFor(this.lastManifest()) ? this.env : undefined),
      });
    }
    return this.terraformEngine;
  }

  /**
   * Prepares the toolchain (in offline mode) with the providers built on request that `manifest`'s app needs, unless it
   * was prepared with those already; whether it prepared it. The toolchain is prepared before the synth (which reads
   * the GitLab provider version it exports), so it is prepared from the last synth's manifest, and again after a synth
   * whose app needs another provider (the first synth of a CircleCI topology).
   */
  private prepareToolchainFor(manifest: FlowManifest | undefined): boolean {
    const providers = providersNeededBy(manifest).join(",");
    if (providers === this.toolchainProviders) return false; // (undefined until the first time)
    this.toolchain = toolchainEnv(withProvidersFor(this.baseEnv, manifest));
    this.toolchainProviders = providers;
    return true;
  }

  /** The manifest of the last synth, or undefined before the first (or one of another version, which a synth replaces). */
  private lastManifest(): FlowManifest | undefined {
    try {
      return readManifest(path.join(this.dir, "cdktf.out"));
    } catch {
      return undefined;
    }
  }

  /** The manifest of the last synth. */
  public get manifest(): FlowManifest {
    return this.engine.manifest();
  }

  /** Every credential in the environment (values of at least 8 characters): what {@link redact} hides. */
  public get secrets(): string[] {
    return Object.entries(this.env)
      .filter(([name, value]) => SECRET_VARIABLE.test(name) && value !== undefined && value.length >= 8)
      .map(([, value]) => value!)
      .sort((a, b) => b.length - a.length);
  }

  /** `text` with every credential and every value in `more` replaced by `****`. */
  public redact(text: string, more: readonly string[] = []): string {
    return [...more, ...this.secrets]
      .filter((secret) => secret.length > 0)
      .sort((a, b) => b.length - a.length)
      .reduce((result, secret) => result.split(secret).join("****"), text);
  }

  /** The synthesized Terraform configuration of `stack` (its cdk.tf.json). */
  public config(stack: string): StackConfig {
    return readStackConfig(this.engine.stackDir(stack));
  }

  /** The manifest's entry of `stack`; an unknown stack is an error naming the stacks there are. */
  public stack(stack: string): FlowManifestStack {
    return stacksNamed(this.manifest, [stack])[0];
  }

  /** The Heroku app `stack` declares (environment and review stacks declare one); refused on Dokku, saying why. */
  public herokuAppName(stack: string, command: HerokuOnlyCommand): string {
    requireHerokuPlatform(this.manifest, command);
    return this.appOf(stack).name;
  }

  /** The one app `stack` declares (environment and review stacks declare one), on either platform. */
  public appOf(stack: string): FlowManifestApp {
    const { apps } = this.stack(stack);
    if (apps.length !== 1) {
      throw new Error(`stack ${stack} declares ${apps.length} apps; this command needs a stack with exactly one`);
    }
    return apps[0];
  }

  /**
   * Why Terraform cannot plan `stacks` here, in one line, or undefined when it can: the input variables they require
   * (declared without a default: the deploy keys) that the environment does not set as `TF_VAR_<name>`. Every command
   * asks before running Terraform, which would stop at the first such variable with a multi-line text, after planning
   * the stacks before it. In GitLab CI this is how a protected variable looks in a pipeline of an unprotected ref (a
   * merge request).
   */
  public unsetVariables(stacks: readonly string[]): string | undefined {
    const unset = [
      ...new Set(
        stacks.flatMap((stack) =>
          requiredVariables(this.config(stack))
            .map((name) => terraformVariableEnv(name))
            .filter((variable) => !this.env[variable]),
        ),
      ),
    ];
    if (unset.length === 0) return undefined;
    return (
      `${unset.join(", ")} ${unset.length > 1 ? "are" : "is"} not set in this job ` +
      "(a protected CI/CD variable reaches pipelines of protected branches and tags only)"
    );
  }

  /**
   * Stops a command that changes `stacks` before Terraform runs, in one line, when {@link unsetVariables} says it
   * could not plan them: nothing is planned or applied.
   */
  public requireVariables(stacks: readonly string[]): void {
    const unset = this.unsetVariables(stacks);
    if (unset) throw new Error(`${stacks.join(", ")} not planned, nothing applied: ${unset}`);
  }

  /** Refuses stacks the synthesized app does not have, naming those it has. */
  public checkStacks(stacks: readonly string[]): void {
    stacksNamed(this.manifest, stacks);
  }

  /**
   * The review stacks of the last synth made for `reviewId` (synthesized with `HEROKU_FLOW_REVIEW_ID` set to it): how
   * the review commands find a merge request's stack without knowing how its name is made.
   */
  public reviewStacks(reviewId: string): string[] {
    const stacks = this.manifest.stacks.filter((stack) => stack.kind === "review" && stack.reviewId === reviewId);
    if (stacks.length === 0) throw new Error(`the app has no review stack for review id ${JSON.stringify(reviewId)}`);
    return stacks.map((stack) => stack.name);
  }
}
