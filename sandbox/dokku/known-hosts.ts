import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The home directory a sandbox's Dokku clients run with, beside its run file: its `.ssh/known_hosts` pins the
 * sandbox's host key, so that the Dokku provider (which always reads and appends to `~/.ssh/known_hosts`) never touches
 * the user's own.
 */
export function dokkuHomeOf(runFile: string): string {
  return join(dirname(runFile), "dokku-home");
}

/**
 * Writes `home`'s `.ssh/known_hosts` with the one line that pins `hostPublicKey` for `host:port`, in the form
 * OpenSSH and Go's `knownhosts` read it (`[host]:port` for any port but 22).
 */
export function writeKnownHosts(home: string, host: string, port: number, hostPublicKey: string): void {
  const file = join(home, ".ssh", "known_hosts");
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const address = port === 22 ? host : `[${host}]:${port}`;
  writeFileSync(file, `${address} ${hostPublicKey}\n`, { mode: 0o600 });
}
