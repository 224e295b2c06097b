import type { AddressInfo } from "node:net";
import { type AuthContext, type Connection, type ParsedKey, Server, utils } from "ssh2";
import type { Faults } from "../faults";
import { publicKeyOf } from "./keys";

/** What one command of a session gives back: Dokku's output and the exit status the SSH client sees. */
export interface SshCommandResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** How the SSH front is set up. */
export interface DokkuSshFrontOptions {
  /**
   * Interface to listen on. Keep it on loopback: the front exists for one machine.
   *
   * @default "127.0.0.1"
   */
  readonly host?: string;
  /**
   * TCP port to listen on.
   *
   * @default 0 - an ephemeral port; read the chosen one from `DokkuSshFront.port`.
   */
  readonly port?: number;
  /** The server's host key, a private key in OpenSSH or PEM format (clients pin its public half in `known_hosts`). */
  readonly hostKey: string;
  /** The public keys (`ssh-ed25519 AAAA… comment`, as in `authorized_keys`) that may log in as user `dokku`. */
  readonly authorizedKeys: readonly string[];
  /** Runs one command line as Dokku would, against the sandbox's state, and persists what it changed. */
  readonly run: (commandLine: string) => SshCommandResult;
  /** The sandbox's faults: a command is matched as method `SSH`, path `/<subcommand>/<argument>/…`. */
  readonly faults: Faults;
}

/** A running SSH front. */
export interface DokkuSshFront {
  /** The port it listens on. */
  readonly port: number;
  /** The host it listens on. */
  readonly host: string;
  /** The host key's public half, as a `known_hosts` line wants it after the host: `ssh-ed25519 AAAA…`. */
  readonly hostPublicKey: string;
  /** Stops listening and ends every open session. */
  close(): Promise<void>;
}

/** The only user a Dokku server's commands run for: its `authorized_keys` hands every command to `dokku`. */
export const DOKKU_SSH_USER = "dokku";

/** What an injected `error` fault exits with, as a command Dokku refuses does. */
const FAULT_STATUS = 1;

/**
 * The sandbox's Dokku server as SSH clients see it: key authentication for user `dokku` only, and one command per
 * session (`exec`), which runs against the sandbox's state and answers with Dokku's output and exit status. No shell,
 * no port forwarding, no `git push` (the sandbox simulates code pushes elsewhere): a client asking for one is refused.
 * Each command's change is on disk before its exit status leaves, as with the HTTP APIs.
 */
export async function startDokkuSshFront(options: DokkuSshFrontOptions): Promise<DokkuSshFront> {
  const allowed = options.authorizedKeys.map(parsePublicKey);
  const hostPublicKey = publicKeyOf(options.hostKey, "the Dokku host key");
  const clients = new Set<Connection>();
  const server = new Server({ hostKeys: [options.hostKey] }, (client) => {
    clients.add(client);
    client.on("close", () => clients.delete(client));
    client.on("authentication", (context) => authenticate(context, allowed));
    client.on("ready", () => {
      client.on("session", (accept) => {
        const session = accept();
        session.on("exec", (acceptExec, _reject, info) => {
          const channel = acceptExec();
          void answer(info.command, options).then((outcome) => {
            if (outcome === "drop") {
              // No exit status: the client sees the session end mid-command, as when the server's connection dies.
              client.end();
              return;
            }
            if (outcome.stdout) channel.write(outcome.stdout);
            if (outcome.stderr) channel.stderr.write(outcome.stderr);
            channel.exit(outcome.status);
            channel.end();
          });
        });
        // A shell, a terminal or a subsystem (sftp) is not what a Dokku server offers its dokku user.
        session.on("shell", (_accept, reject) => reject());
        session.on("subsystem", (_accept, reject) => reject());
        session.on("pty", (acceptPty) => acceptPty?.());
      });
      client.on("tcpip", (_accept, reject) => reject());
    });
    // A client that goes away mid-session is the client's business; the server goes on serving the others.
    client.on("error", () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    host: address.address,
    hostPublicKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open connections would keep the server alive: end them, as a stopped server does.
        for (const client of clients) client.end();
      }),
  };
}

/** Runs a command with the faults applied: an injected error or drop comes before the command, which then never runs. */
async function answer(commandLine: string, options: DokkuSshFrontOptions): Promise<SshCommandResult | "drop"> {
  const fault = options.faults.due("SSH", faultPathOf(commandLine));
  if (fault?.action === "delay") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  if (fault?.action === "drop") return "drop";
  if (fault?.action === "error") {
    return { stdout: "", stderr: ` !     sandbox: injected fault ${fault.id}\n`, status: FAULT_STATUS };
  }
  return options.run(commandLine);
}

/** How faults name a command: `/<word>/<word>/…` of its words, e.g. `/config:set/songlist-staging/KEY=…`. */
export function faultPathOf(commandLine: string): string {
  return `/${commandWords(commandLine).join("/")}`;
}

/** A command line's words as far as faults and the log need them: split at whitespace, quotes left as they are. */
export function commandWords(commandLine: string): string[] {
  return commandLine.trim().split(/\s+/);
}

/** Accepts the user `dokku` with one of the allowed keys (after checking its signature), and nothing else. */
function authenticate(context: AuthContext, allowed: readonly ParsedKey[]): void {
  if (context.method !== "publickey" || context.username !== DOKKU_SSH_USER) {
    context.reject(["publickey"]);
    return;
  }
  const key = allowed.find(
    (candidate) => candidate.type === context.key.algo && candidate.getPublicSSH().equals(context.key.data),
  );
  if (key === undefined) {
    context.reject(["publickey"]);
    return;
  }
  // Without a signature the client only asks whether the key would do; with one, it must be the key's.
  if (context.signature === undefined || context.blob === undefined) {
    context.accept();
    return;
  }
  if (key.verify(context.blob, context.signature, context.hashAlgo) === true) context.accept();
  else context.reject(["publickey"]);
}

/** An `authorized_keys` line's key; a line that is not a public key is an error naming it. */
function parsePublicKey(line: string): ParsedKey {
  const parsed = utils.parseKey(line);
  const key = Array.isArray(parsed) ? parsed[0] : parsed;
  if (key instanceof Error || key === undefined) {
    throw new Error(`an authorized key cannot be read (${key?.message ?? "no key"}): ${line.slice(0, 30)}…`);
  }
  return key;
}
