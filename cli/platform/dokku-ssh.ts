import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Client } from "ssh2";
import { withDokkuProviderKey } from "../engine/dokku-provider-key";
import { knownHostsAddress, knownHostsPin } from "./known-hosts";

/** A Dokku server as `heroku-flow` reaches it over SSH: the settings the Dokku provider reads, and the host keys. */
export interface DokkuSshSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** The private key (OpenSSH or PEM text). */
  readonly privateKey: string;
  /** The `known_hosts` text the server's host key must be pinned in. */
  readonly knownHosts: string;
}

/** What a Dokku command gave back. */
export interface DokkuCommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/**
 * The server from the environment: `DOKKU_SSH_HOST`, `DOKKU_SSH_PORT` (default 22) and `DOKKU_SSH_USER` (default
 * `dokku`), as the Dokku provider reads them; the key from `DOKKU_SSH_CERT` (the key itself, or a path to it) or from
 * `DOKKU_SSH_PRIVATE_KEY_BASE64` (the GitLab variable a Dokku topology's deploy job gets); the host key from
 * `DOKKU_SSH_KNOWN_HOSTS` (`known_hosts` lines, e.g. from `ssh-keyscan`) or else `~/.ssh/known_hosts`. What is missing is
 * an error naming the variable.
 */
export function dokkuSshSettings(env: NodeJS.ProcessEnv): DokkuSshSettings {
  const host = env.DOKKU_SSH_HOST;
  if (!host) throw new Error("DOKKU_SSH_HOST is not set (the Dokku server, which the Dokku provider reads too)");
  const port = Number(env.DOKKU_SSH_PORT || 22);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`DOKKU_SSH_PORT: ${JSON.stringify(env.DOKKU_SSH_PORT)} must be a port number from 1 to 65535`);
  }
  return {
    host,
    port,
    user: env.DOKKU_SSH_USER || "dokku",
    privateKey: privateKeyOf(env),
    knownHosts: env.DOKKU_SSH_KNOWN_HOSTS ?? readIfExists(path.join(env.HOME || os.homedir(), ".ssh", "known_hosts")),
  };
}

function privateKeyOf(env: NodeJS.ProcessEnv): string {
  const cert = withDokkuProviderKey(env).DOKKU_SSH_CERT;
  if (!cert) {
    throw new Error(
      "DOKKU_SSH_CERT is not set, nor DOKKU_SSH_PRIVATE_KEY_BASE64 (the SSH key of the Dokku server's dokku user)",
    );
  }
  // The provider's rule: the key itself, or else a path to it.
  return cert.includes("PRIVATE KEY") ? cert : fs.readFileSync(cert, "utf8");
}

function readIfExists(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}

/**
 * Runs Dokku commands on one server over one SSH connection, opened on the first command. The server must prove the
 * host key `known_hosts` pins for it: an unknown server, or one with another key, is refused before any command.
 */
export class DokkuSsh {
  private connection?: Promise<Client>;

  constructor(private readonly settings: DokkuSshSettings) {}

  /** Runs `command` (e.g. `ps:scale songlist web=2`) and gives back its output and exit status. */
  public async run(command: string): Promise<DokkuCommandOutput> {
    const client = await this.connect();
    return new Promise((resolve, reject) => {
      client.exec(command, (error, channel) => {
        if (error) return reject(error);
        let stdout = "";
        let stderr = "";
        let status: number | undefined;
        channel.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        channel.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        channel.on("exit", (code: number | null) => (status = code ?? undefined));
        channel.on("close", () => {
          if (status === undefined) {
            reject(
              new Error(`the Dokku server ended the session of \`${commandName(command)}\` without an exit status`),
            );
          } else resolve({ stdout, stderr, status });
        });
      });
    });
  }

  /** Closes the connection, if one was opened. */
  public async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (connection) (await connection.catch(() => undefined))?.end();
  }

  private connect(): Promise<Client> {
    this.connection ??= new Promise<Client>((resolve, reject) => {
      const { host, port, user, privateKey, knownHosts } = this.settings;
      const address = knownHostsAddress(host, port);
      let refusal: Error | undefined;
      const client = new Client();
      client.once("ready", () => resolve(client));
      client.once("error", (error) =>
        reject(refusal ?? new Error(`cannot reach the Dokku server ${address}: ${error.message}`)),
      );
      client.connect({
        host,
        port,
        username: user,
        privateKey,
        hostVerifier: (key: Buffer) => {
          const pin = knownHostsPin(knownHosts, host, port, key);
          if (pin === "pinned") return true;
          refusal = new Error(
            pin === "other-key"
              ? `the Dokku server ${address} shows a host key other than the one known_hosts pins for it: refused`
              : `the Dokku server ${address} is not in known_hosts: set DOKKU_SSH_KNOWN_HOSTS to its line ` +
                `(ssh-keyscan -p ${port} ${host})`,
          );
          return false;
        },
      });
    });
    return this.connection;
  }
}

/** A command's first word, for messages: what follows may be config values. */
function commandName(command: string): string {
  return command.trim().split(/\s+/)[0] ?? "";
}
