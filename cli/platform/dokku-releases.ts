import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { FlowManifestApp } from "../engine/manifest";
import { DokkuSsh, type DokkuCommandOutput, type DokkuSshSettings } from "./dokku-ssh";
import { codeSource } from "./heroku-api";

/** The branch Dokku deploys from unless an app says otherwise (`git:set <app> deploy-branch`). */
const DOKKU_DEPLOY_BRANCH = "master";

/**
 * Releases code to an app on a Dokku server, as a Dokku topology's deploy job does after `heroku-flow apply`, then
 * scales its processes to what the topology says (`ps:scale`: the provider cannot manage the scale). Where the code
 * comes from is `HEROKU_FLOW_CODE_PUSH`: `git` pushes HEAD as the write-up does, `git push dokku@<host>:<app>`;
 * `container` deploys the image `HEROKU_FLOW_IMAGE` (`git:from-image`, which the server pulls); `sandbox` is the
 * sandbox's simulated push (`sandbox:push`, declaring the process types and the commit).
 */
export class DokkuReleases {
  private readonly ssh: DokkuSsh;

  constructor(
    private readonly settings: DokkuSshSettings,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.ssh = new DokkuSsh(settings);
  }

  /** Releases the code to `app` and scales it; `commit` names what is released where the source says it. */
  public async release(
    app: FlowManifestApp,
    processTypes: Readonly<Record<string, string>>,
    commit?: string,
  ): Promise<void> {
    try {
      const source = codeSource(this.env);
      if (source === "git") await this.gitPush(app.name);
      else if (source === "container") await this.dokku(`git:from-image ${app.name} ${shellQuote(this.image())}`);
      else {
        const declared = Object.entries(processTypes).map(([type, command]) => shellQuote(`${type}=${command}`));
        await this.dokku(`sandbox:push ${app.name} ${commit ?? "-"} ${declared.join(" ")}`);
      }
      const scale = Object.entries(app.scale ?? {}).map(([type, quantity]) => `${type}=${quantity}`);
      if (scale.length > 0) await this.dokku(`ps:scale ${app.name} ${scale.join(" ")}`);
    } finally {
      await this.ssh.close();
    }
  }

  /** Runs a Dokku command; a non-zero exit is an error with what Dokku said. */
  private async dokku(command: string): Promise<DokkuCommandOutput> {
    const output = await this.ssh.run(command);
    if (output.status !== 0) {
      const said = `${output.stderr}${output.stdout}`.trim();
      const [subcommand, app] = command.split(" ");
      throw new Error(`dokku ${subcommand} ${app} failed (exit ${output.status})${said ? `: ${said}` : ""}`);
    }
    return output;
  }

  private image(): string {
    const image = this.env.HEROKU_FLOW_IMAGE;
    if (!image) throw new Error("HEROKU_FLOW_IMAGE is not set (the image a container release deploys)");
    return image;
  }

  /**
   * `git push dokku@<host>:<app>` of HEAD to Dokku's deploy branch, with the key and the pinned host key in files of
   * their own (readable by the user only, removed afterwards): ssh is told to use those and nothing else.
   */
  private async gitPush(app: string): Promise<void> {
    const { host, port, user, privateKey, knownHosts } = this.settings;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-dokku-"));
    try {
      const keyFile = path.join(dir, "key");
      const knownHostsFile = path.join(dir, "known_hosts");
      fs.writeFileSync(keyFile, privateKey.endsWith("\n") ? privateKey : `${privateKey}\n`, { mode: 0o600 });
      fs.writeFileSync(knownHostsFile, knownHosts, { mode: 0o600 });
      const ssh = [
        "ssh",
        `-i ${keyFile}`,
        "-o IdentitiesOnly=yes",
        "-o StrictHostKeyChecking=yes",
        `-o UserKnownHostsFile=${knownHostsFile}`,
        `-p ${port}`,
      ].join(" ");
      const target = `${user}@${host}:${app}`;
      const { status, stderr, error } = await run(
        "git",
        ["push", "--force", target, `HEAD:refs/heads/${DOKKU_DEPLOY_BRANCH}`],
        { ...this.env, GIT_SSH_COMMAND: ssh },
      );
      if (status !== 0) {
        const reason = error ? error.message : `exit ${status}`;
        throw new Error(`git push to ${target} failed (${reason})${stderr.trim() ? `: ${stderr.trim()}` : ""}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/**
 * Runs `command` with its output shown and its error output kept; asynchronous, so that the process goes on serving
 * (a sandbox in the same process answers the push).
 */
function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", (error) => resolve({ status: null, stderr, error }));
    child.once("close", (status) => resolve({ status, stderr }));
  });
}

/** `text` as one word of a POSIX shell command (Dokku's `authorized_keys` runs each command through one). */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'"'"'`)}'`;
}
