import * as crypto from "node:crypto";
import { generateKeyPair } from "../../sandbox/dokku/keys";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createSandbox, type Sandbox } from "../../sandbox";
import type { StoreData } from "../../sandbox/store";
import { type DokkuTopologyConfig, FlowNames, TopologyConfig } from "../../constructs";
import { writeKnownHosts } from "../../sandbox/dokku/known-hosts";
import { songlist } from "../../stacks/songlist";
import { deployWithBootstrap, DeployOutcome } from "../../cli/engine/deploy-sequence";
import { deployEnv, type Target } from "../../cli/engine/target-env";
import { SandboxClient } from "../../cli/platform/sandbox-client";
import { ResourceChange, TerraformEngine } from "../../cli/engine/terraform-engine";
import { CdktfRun, PROJECT_ROOT, runCdktf } from "./cdktf-runner";

/** The stacks `npm start` deploys: songlist's pipeline and long-lived environments. */
export const MAIN_STACKS = new FlowNames(songlist).longLivedStacks;

/** Options for {@link SandboxProject.create}. */
export interface SandboxProjectOptions {
  /**
   * Record the sandbox's Heroku exchanges (see `Sandbox.exchanges`).
   *
   * @default false
   */
  readonly recordExchanges?: boolean;

  /**
   * The cdktf app's entry file.
   *
   * @default - the project's main.ts
   */
  readonly main?: string;

  /**
   * The topology the app deploys, whose names (stacks, deploy-key variables) the scenario uses. A Dokku topology gets
   * the sandbox's Dokku server (its SSH front) and a home whose `known_hosts` pins it.
   *
   * @default - songlist
   */
  readonly topology?: TopologyConfig | DokkuTopologyConfig;
}

/**
 * A fresh sandbox on loopback (served from this process, with Heroku's, GitLab's and CircleCI's APIs) and a scratch
 * project directory whose cdktf app is songlist's, with its own cdktf.out and Terraform state. Commands run the real cdktf CLI, the real Terraform and the
 * real providers from the toolchain's mirror. The end-to-end tests use one per scenario; the deploy benchmark one.
 */
export class SandboxProject {
  /** Starts a fresh sandbox and lays out a scratch project. */
  public static async create(options: SandboxProjectOptions = {}): Promise<SandboxProject> {
    if (!process.env.TF_CLI_CONFIG_FILE || !process.env.HEROKU_FLOW_PROVIDER_STATUS) {
      throw new Error(
        "the Terraform toolchain's settings are missing: run through `npm test`, `npm run test:e2e` or another npm " +
          "script that sources them (cli/toolchain.sh --env)",
      );
    }
    const topology = options.topology ?? songlist;
    const { gitlabProject, ci } = topology;
    const platform = topology.platform === "dokku" ? "dokku" : undefined;
    if (gitlabProject === undefined && ci?.provider !== "circleci") {
      throw new Error("SandboxProject deploys a topology with a CI side: its gitlabProject or its CircleCI side");
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-project-"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "cdktf.json"), path.join(dir, "cdktf.json"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "package.json"), path.join(dir, "package.json"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"));
    // `cdktf synth` insists on the bindings' folder named in cdktf.json.
    fs.symlinkSync(path.join(PROJECT_ROOT, ".gen"), path.join(dir, ".gen"));
    // `npx heroku-flow` runs the package's own bin (package.json `bin`) from the scratch project as from a checkout.
    fs.symlinkSync(path.join(PROJECT_ROOT, "dist"), path.join(dir, "dist"));
    fs.symlinkSync(path.join(PROJECT_ROOT, "cli"), path.join(dir, "cli"));
    const main = options.main ?? path.join(PROJECT_ROOT, "main.ts");
    fs.writeFileSync(path.join(dir, "main.ts"), `import ${JSON.stringify(main.replace(/\.ts$/, ""))};\n`);
    const project = new SandboxProject(
      dir,
      options.recordExchanges ?? false,
      new FlowNames(topology),
      gitlabProject,
      platform,
    );
    await project.startSandbox(0);
    // The sandbox starts empty; the topology's project is created up front, as it exists on a real GitLab or CircleCI.
    if (gitlabProject !== undefined) await project.client.createProject(gitlabProject);
    if (ci?.provider === "circleci") await project.client.createCircleciProject(ci);
    return project;
  }

  public sandbox!: Sandbox;
  public client!: SandboxClient;
  public target!: Target;
  private readonly herokuApiKey = crypto.randomBytes(24).toString("base64url");
  private readonly gitlabToken = crypto.randomBytes(24).toString("base64url");
  private readonly circleciToken = crypto.randomBytes(24).toString("base64url");
  /** The CI job token GitLab would give a job (accepted by the Terraform state API only). */
  public readonly jobToken = crypto.randomBytes(24).toString("base64url");
  private readonly outputs: string[] = [];

  private constructor(
    public readonly dir: string,
    private readonly recordExchanges: boolean,
    /** The names of the topology the app deploys. */
    public readonly names: FlowNames,
    /** The GitLab project of the topology the app deploys (the sandbox gets it on start); none on the CircleCI side. */
    private readonly topologyGitlabProject: string | undefined,
    /** The topology's platform: `dokku` for a Dokku server (the sandbox's SSH front), absent for Heroku. */
    public readonly platform: "dokku" | undefined,
  ) {}

  /** The key the sandbox's Dokku server accepts for its `dokku` user, and the server's host key. */
  private readonly dokkuKeys = {
    user: generateKeyPair(),
    host: generateKeyPair(),
  };

  /** The GitLab project of the topology the app deploys; an error for a topology on the CircleCI side. */
  public get gitlabProject(): string {
    if (this.topologyGitlabProject === undefined) throw new Error("this scenario's topology has no GitLab project");
    return this.topologyGitlabProject;
  }

  /** The sandbox's persisted state file. */
  public get stateFile(): string {
    return path.join(this.dir, "sandbox-state.json");
  }

  /** The environment of a cdktf run against this scenario's sandbox, plus `extra`. */
  public env(extra: Record<string, string> = {}): Record<string, string> {
    return { ...deployEnv(this.target, this.names.deployKeyVariables, [], this.platform), ...extra };
  }

  /** Runs the real cdktf CLI in the scratch project. */
  public async cdktf(args: string[], extra: Record<string, string> = {}): Promise<CdktfRun> {
    const run = await runCdktf(args, this.env(extra), { cwd: this.dir });
    this.outputs.push(run.output);
    return run;
  }

  /** Everything every cdktf command of this scenario printed, for tests that search it (e.g. for secrets). */
  public get transcript(): string {
    return this.outputs.join("\n");
  }

  /** The Heroku API key the GitLab deploy-key variables hold in this scenario (sensitive: must never be printed). */
  public get deployKey(): string {
    return this.herokuApiKey;
  }

  /** Like {@link cdktf}, but fails the test with cdktf's output when the command fails. */
  public async cdktfOk(args: string[], extra: Record<string, string> = {}): Promise<CdktfRun> {
    const run = await this.cdktf(args, extra);
    if (run.code !== 0) throw new Error(`cdktf ${args.join(" ")} exited ${run.code}:\n${run.output}`);
    return run;
  }

  /** Terraform driven directly in this project, with this scenario's environment plus `extra`. */
  public engine(extra: Record<string, string> = {}): TerraformEngine {
    return new TerraformEngine(this.dir, { ...process.env, ...this.env(extra) });
  }

  /**
   * Deploys `stacks` the way a team's first deploy goes (the project's one deploy sequence): formation left out while
   * an app has no code, CI's first code push (simulated), then formation taken over; later calls only apply changes.
   */
  public deploy(
    stacks: string[] = this.names.longLivedStacks,
    extra: Record<string, string> = {},
  ): Promise<DeployOutcome> {
    return deployWithBootstrap(this.engine(extra), () => this.client, stacks, { env: extra });
  }

  /**
   * `cdktf diff <stack>` as a user runs it (its output, for what people read), then whether anything would change and
   * what, from Terraform's own exit code and plan JSON in the directory cdktf just planned in.
   */
  public async diff(
    stack: string,
    extra: Record<string, string> = {},
  ): Promise<CdktfRun & { noChanges: boolean; changes: ResourceChange[] }> {
    const run = await this.cdktfOk(["diff", stack, "--skip-provider-lock"], extra);
    const engine = this.engine(extra);
    return engine.discardingPlans([stack], async () => {
      const plan = await engine.plan(stack, { lock: false });
      const changes = plan.changed ? await engine.changes(plan) : [];
      return { ...run, noChanges: !plan.changed, changes };
    });
  }

  /** Everything the sandbox holds (secret values included). */
  public async state(): Promise<StoreData> {
    const response = await this.client.heroku("GET", "/sandbox/state");
    if (response.status !== 200) throw new Error(`GET /sandbox/state: ${response.status}`);
    return response.body as StoreData;
  }

  /** A call to the sandbox's GitLab Terraform state API, authenticated as Terraform's http backend is. */
  public async terraformStateApi(
    method: string,
    stateName: string,
    suffix = "",
    body?: unknown,
  ): Promise<{ status: number; text: string }> {
    const stateUrl = `${this.sandbox.gitlabUrl}projects/${encodeURIComponent(this.gitlabProject)}/terraform/state`;
    const response = await fetch(`${stateUrl}/${stateName}${suffix}`, {
      method,
      headers: {
        Authorization: `Basic ${Buffer.from(`gitlab-ci-token:${this.gitlabToken}`).toString("base64")}`,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        Connection: "close",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  }

  /** The settings that put every stack's state in the sandbox's GitLab-managed Terraform state. */
  public gitlabStateEnv(): Record<string, string> {
    return {
      HEROKU_FLOW_STATE_BACKEND: "gitlab",
      TF_HTTP_USERNAME: "gitlab-ci-token",
      TF_HTTP_PASSWORD: this.gitlabToken,
    };
  }

  /**
   * Stops the sandbox and starts it again on the same ports from its state file, as after a crash or reboot; its Dokku
   * server claiming `dokkuVersion`, when given (a server upgraded past what the provider was tested with).
   */
  public async restartSandbox(dokkuVersion?: string): Promise<void> {
    const port = Number(new URL(this.sandbox.url).port);
    await this.sandbox.close();
    await this.startSandbox(port, this.sandbox.dokku?.port, dokkuVersion);
  }

  public async close(): Promise<void> {
    await this.sandbox.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** The home the Dokku provider runs with here: its `.ssh/known_hosts` pins the sandbox's Dokku server. */
  public get dokkuHome(): string {
    return path.join(this.dir, "dokku-home");
  }

  private async startSandbox(port: number, dokkuPort = 0, dokkuVersion?: string): Promise<void> {
    this.sandbox = await createSandbox({
      port,
      stateFile: this.stateFile,
      herokuApiKey: this.herokuApiKey,
      gitlabToken: this.gitlabToken,
      gitlabJobToken: this.jobToken,
      circleciToken: this.circleciToken,
      recordExchanges: this.recordExchanges,
      dokku:
        this.platform === "dokku"
          ? {
              authorizedKeys: [this.dokkuKeys.user.public],
              hostKey: this.dokkuKeys.host.private,
              port: dokkuPort,
              version: dokkuVersion,
            }
          : undefined,
    });
    const dokku = this.sandbox.dokku;
    if (dokku) writeKnownHosts(this.dokkuHome, dokku.host, dokku.port, dokku.hostPublicKey);
    this.target = {
      herokuUrl: this.sandbox.herokuUrl,
      herokuApiKey: this.herokuApiKey,
      gitlabUrl: this.sandbox.gitlabUrl,
      gitlabToken: this.gitlabToken,
      circleciUrl: this.sandbox.circleciUrl,
      circleciToken: this.circleciToken,
      ...(dokku
        ? {
            dokku: {
              host: dokku.host,
              port: dokku.port,
              privateKey: this.dokkuKeys.user.private,
              home: this.dokkuHome,
            },
          }
        : {}),
    };
    this.client = new SandboxClient(this.target);
  }
}

/**
 * The arguments of an unattended `cdktf deploy` or `cdktf destroy` of `stacks` in a sandbox project: no prompt, and no
 * provider lock check (the toolchain's mirror serves the providers). `alone` is for one stack whose dependencies exist
 * already, as the README's one-environment deploy (`--ignore-missing-stack-dependencies`).
 */
export function applyArgs(
  command: "deploy" | "destroy",
  stacks: readonly string[],
  options: { alone?: boolean } = {},
): string[] {
  const flags = ["--auto-approve", "--skip-provider-lock"];
  if (options.alone) flags.push("--ignore-missing-stack-dependencies");
  return [command, ...stacks, ...flags];
}

/** Each change as `<address> <actions>`, e.g. `heroku_app.App_1234 update` or `heroku_addon.Db_5678 delete+create`. */
export function plannedChanges(diff: { changes: readonly ResourceChange[] }): string[] {
  return diff.changes.map((change) => `${change.address} ${change.actions.join("+")}`);
}
