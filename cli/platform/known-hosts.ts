import { createHmac } from "node:crypto";

/**
 * How `known_hosts` names a server: its host alone on port 22, `[host]:port` on any other (OpenSSH's rule, which Go's
 * `knownhosts` and the Dokku provider follow).
 */
export function knownHostsAddress(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/**
 * Whether `knownHosts` (a `known_hosts` file's text) pins `key` (the server's public key blob, as SSH sends it) for
 * `host:port`: a line that names the address, plainly (among comma-separated names) or hashed (`|1|salt|hash`, what
 * `HashKnownHosts` writes), with that key. Markers (`@cert-authority`, `@revoked`) and comments are not matches.
 */
export function knownHostsPin(
  knownHosts: string,
  host: string,
  port: number,
  key: Buffer,
): "pinned" | "other-key" | "unknown" {
  const address = knownHostsAddress(host, port);
  let named = false;
  for (const line of knownHosts.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3 || fields[0].startsWith("#") || fields[0].startsWith("@")) continue;
    if (!namesAddress(fields[0], address)) continue;
    named = true;
    if (fields[2] === key.toString("base64")) return "pinned";
  }
  return named ? "other-key" : "unknown";
}

function namesAddress(hosts: string, address: string): boolean {
  if (hosts.startsWith("|1|")) {
    const [, , salt, hash] = hosts.split("|");
    if (salt === undefined || hash === undefined) return false;
    return createHmac("sha1", Buffer.from(salt, "base64")).update(address).digest("base64") === hash;
  }
  return hosts.split(",").includes(address);
}
