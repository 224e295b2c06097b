import { terraformVariableEnv } from "../../../constructs/flow/flow-names";
import { toolchainEnv } from "../flow-runner";
import { herokuAppNames, readStackConfig, requiredVariables, type StackConfig } from "../stack-config";
import { TerraformEngine } from "../terraform-engine";

/** How a flow command was started (the options every command shares). */
export interface SessionOptions {
  /**
   * The project directory (cdktf.json, main.ts).
   *
   * @default - the current directory (`npm run` starts scripts in the package's directory)
   */
  readonly dir?: string;
  /** How many stacks Terraform works on at once. */
  readonly parallelism?: number;
  /** Where progress and results are printed. */
  readonly out?: (line: string) => void;
}

/** Environment variable names whose values are credentials: never printed, redacted from anything Terraform says. */
const SECRET_VARIABLE = /(^TF_VAR_|TOKEN|KEY|PASSWORD|SECRET)/i;

/**
 * What every flow command shares: the toolchain's settings (prepared if needed), one {@link TerraformEngine} over the
 * project with progress lines per stack, and the credentials to redact from whatever is printed.
 */
export class FlowSession {
  public readonly print: (line: string) => void;
  /** How many stacks Terraform works on at once. */
  public readonly parallelism: number;
  private readonly dir: string;
  private toolchain?: Record<string, string>;
  private terraformEngine?: TerraformEngine;

  constructor(options: SessionOptions = {}) {
    this.print = options.out ?? ((line) => console.log(line));
    this.parallelism = options.parallelism ?? 4;
    this.dir = options.dir ?? process.cwd();
  }

  /**
   * The environment of every command: this process's, plus the toolchain's settings once Terraform is needed (the
   * toolchain is prepared then, not before: `flow note` needs no Terraform).
   */
  public get env(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.toolchain };
  }

  /** Terraform over the project, with a progress line per stack and step. */
  public get engine(): TerraformEngine {
    if (!this.terraformEngine) {
      this.toolchain = toolchainEnv();
      const started = process.hrtime.bigint();
      const elapsed = () => (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
      this.terraformEngine = new TerraformEngine(this.dir, this.env, {
        parallelism: this.parallelism,
        onProgress: (stack, step) => this.print(`  ${stack.padEnd(16)} ${step} (+${elapsed()} s)`),
      });
    }
    return this.terraformEngine;
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

  /** The synthesized configuration of `stack` (its cdk.tf.json). */
  public config(stack: string): StackConfig {
    return readStackConfig(this.engine.stackDir(stack));
  }

  /** The Heroku app `stack` declares (environment stacks declare one). */
  public herokuAppName(stack: string): string {
    const apps = herokuAppNames(this.config(stack));
    if (apps.length !== 1) {
      throw new Error(`stack ${stack} declares ${apps.length} Heroku apps; flow needs a stack with exactly one`);
    }
    return apps[0];
  }

  /**
   * The input variables `stack` requires (declared without a default) that the environment does not set as
   * `TF_VAR_<name>`: planning would stop at them. In GitLab CI this is how a protected variable looks in a pipeline of
   * an unprotected ref (a merge request).
   */
  public missingVariables(stack: string): string[] {
    return requiredVariables(this.config(stack))
      .map((name) => terraformVariableEnv(name))
      .filter((variable) => !this.env[variable]);
  }

  /** Refuses stacks the synthesized app does not have, naming those it has. */
  public checkStacks(stacks: readonly string[]): void {
    const known = this.engine.stacks();
    const unknown = stacks.filter((stack) => !known.includes(stack));
    if (unknown.length > 0) {
      throw new Error(`no stack named ${unknown.join(", ")}; the app has ${known.join(", ")}`);
    }
  }
}
