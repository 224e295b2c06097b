import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createSandbox, type Sandbox } from "../../sandbox";
import type { StoreData } from "../../sandbox/store";
import { songlist } from "../../stacks/songlist";
import { CdktfRun, deployEnv, PROJECT_ROOT, runCdktf, Target } from "./flow-runner";
import { SandboxClient } from "./sandbox-client";

/** The stacks `npm start` deploys. */
export const MAIN_STACKS = ["pipeline", ...songlist.environments.map((environment) => environment.name)];

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
}

/**
 * A fresh sandbox on loopback (served from this process) and a scratch project directory whose cdktf app is
 * songlist's, with its own cdktf.out and Terraform state. Commands run the real cdktf CLI, the real Terraform and the
 * real providers from the toolchain's mirror. The end-to-end tests use one per scenario; the deploy benchmark one.
 */
export class SandboxProject {
  /** Starts a fresh sandbox and lays out a scratch project. */
  public static async create(options: SandboxProjectOptions = {}): Promise<SandboxProject> {
    if (!process.env.TF_CLI_CONFIG_FILE || !process.env.HEROKU_FLOW_PROVIDER_STATUS) {
      throw new Error(
        "the Terraform toolchain's settings are missing: run through `npm test`, `npm run test:e2e` or another npm " +
          "script that sources them (scripts/toolchain.sh --env)",
      );
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-project-"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "cdktf.json"), path.join(dir, "cdktf.json"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "package.json"), path.join(dir, "package.json"));
    fs.copyFileSync(path.join(PROJECT_ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"));
    // `cdktf synth` insists on the bindings' folder named in cdktf.json.
    fs.symlinkSync(path.join(PROJECT_ROOT, ".gen"), path.join(dir, ".gen"));
    const main = options.main ?? path.join(PROJECT_ROOT, "main.ts");
    fs.writeFileSync(path.join(dir, "main.ts"), `import ${JSON.stringify(main.replace(/\.ts$/, ""))};\n`);
    const project = new SandboxProject(dir, options.recordExchanges ?? false);
    await project.startSandbox(0);
    // The sandbox starts empty; GitLab projects are created up front, as on a real GitLab.
    await project.client.createProject(songlist.gitlabProject);
    return project;
  }

  public sandbox!: Sandbox;
  public client!: SandboxClient;
  public target!: Target;
  private readonly herokuApiKey = crypto.randomBytes(24).toString("base64url");
  private readonly gitlabToken = crypto.randomBytes(24).toString("base64url");

  private constructor(
    public readonly dir: string,
    private readonly recordExchanges: boolean,
  ) {}

  /** The sandbox's persisted state file. */
  public get stateFile(): string {
    return path.join(this.dir, "sandbox-state.json");
  }

  /** The environment of a cdktf run against this scenario's sandbox, plus `extra`. */
  public env(extra: Record<string, string> = {}): Record<string, string> {
    return { ...deployEnv(this.target), ...extra };
  }

  /** Runs the real cdktf CLI in the scratch project. */
  public cdktf(args: string[], extra: Record<string, string> = {}): Promise<CdktfRun> {
    return runCdktf(args, this.env(extra), { cwd: this.dir });
  }

  /** Like {@link cdktf}, but fails the test with cdktf's output when the command fails. */
  public async cdktfOk(args: string[], extra: Record<string, string> = {}): Promise<CdktfRun> {
    const run = await this.cdktf(args, extra);
    if (run.code !== 0) throw new Error(`cdktf ${args.join(" ")} exited ${run.code}:\n${run.output}`);
    return run;
  }

  /**
   * The first deploy of `stacks`, the way a team does it: with formation left out while the apps have no code, then
   * CI's first code push (simulated), then a deploy that takes over formation.
   */
  public async deploy(stacks: string[] = MAIN_STACKS, extra: Record<string, string> = {}): Promise<CdktfRun[]> {
    const flags = ["--auto-approve", "--skip-provider-lock"];
    // Without the pipeline stack in the run, cdktf must be told that its dependency exists already. (With it, the flag
    // would also drop the ordering, and an environment could read the pipeline's state before it is written.)
    if (!stacks.includes("pipeline")) flags.push("--ignore-missing-stack-dependencies");
    const runs = [await this.cdktfOk(["deploy", ...stacks, ...flags], { ...extra, HEROKU_FLOW_BOOTSTRAP: "true" })];
    const apps = (await this.state()).apps.filter((app) => Object.keys(app.processTypes).length === 0);
    for (const app of apps) await this.client.pushCode(app.name);
    runs.push(await this.cdktfOk(["deploy", ...stacks, ...flags], extra));
    return runs;
  }

  /** `cdktf diff <stack>`: its output, and whether Terraform found no changes. */
  public async diff(stack: string, extra: Record<string, string> = {}): Promise<CdktfRun & { noChanges: boolean }> {
    const run = await this.cdktfOk(["diff", stack, "--skip-provider-lock"], extra);
    return { ...run, noChanges: /No changes\. Your infrastructure matches the configuration\./.test(run.output) };
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
    const stateUrl = `${this.sandbox.gitlabUrl}projects/${encodeURIComponent(songlist.gitlabProject)}/terraform/state`;
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

  /** Stops the sandbox and starts it again on the same port from its state file, as after a crash or reboot. */
  public async restartSandbox(): Promise<void> {
    const port = Number(new URL(this.sandbox.url).port);
    await this.sandbox.close();
    await this.startSandbox(port);
  }

  public async close(): Promise<void> {
    await this.sandbox.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private async startSandbox(port: number): Promise<void> {
    this.sandbox = await createSandbox({
      port,
      stateFile: this.stateFile,
      herokuApiKey: this.herokuApiKey,
      gitlabToken: this.gitlabToken,
      recordExchanges: this.recordExchanges,
    });
    this.target = {
      herokuUrl: this.sandbox.herokuUrl,
      herokuApiKey: this.herokuApiKey,
      gitlabUrl: this.sandbox.gitlabUrl,
      gitlabToken: this.gitlabToken,
    };
    this.client = new SandboxClient(this.target);
  }
}

/** Resource addresses that a plan in `run` would create, update, replace or destroy, e.g. `heroku_app.App_1234`. */
export function plannedChanges(run: CdktfRun): string[] {
  return [
    ...run.output.matchAll(/# (\S+)(?: \([^)]*\))? (?:will be|must be) (created|updated in-place|destroyed|replaced)/g),
  ].map((match) => `${match[1]} ${match[2]}`);
}
