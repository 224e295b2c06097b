/**
 * An app's port mappings (Dokku's `ports` plugin, plugins/ports/functions.go at v0.34.9): how `scheme:host:container`
 * is read, which mappings may sit together, and how they are kept.
 */
import { InvalidError, UsageError } from "./errors";
import { byteOrder, goAtoi } from "./go-text";
import type { DokkuAppRecord, DokkuPortMapRecord } from "./records";

/**
 * The scheme Dokku gives a bare host port (`ports:remove app 80`): such an entry removes every mapping of that host
 * port and is never stored (`PortMap.AllowsPersistence`).
 */
export const BARE_PORT_SCHEME = "__internal__";

/** A mapping as Dokku prints and stores it (`PortMap.String`). */
export function portMapText(portMap: DokkuPortMapRecord): string {
  return `${portMap.scheme}:${portMap.hostPort}:${portMap.containerPort}`;
}

/** Dokku's range check (`inRange(value, 0, 65536)`): 1 to 65535. */
function isPort(value: bigint): boolean {
  return value > 0n && value < 65536n;
}

/**
 * The mappings in the arguments (`parsePortMapString`): the arguments joined by spaces and split again, so an argument
 * with a space is two; each `scheme:host:container`, or a bare host port. None at all, or the first bad one, is refused
 * with Dokku's message, which names the part that failed.
 */
export function parsePortMaps(args: string[]): DokkuPortMapRecord[] {
  if (args.length === 0) throw new UsageError("No port mapping specified");
  return args
    .join(" ")
    .trim()
    .split(" ")
    .map((text) => {
      const parts = splitN(text, ":", 3);
      if (parts.length === 1) {
        const hostPort = goAtoi(text);
        if (!hostPort.ok) throw new InvalidError(`Invalid port map ${text} [err=${hostPort.error}]`);
        if (!isPort(hostPort.value)) throw new InvalidError(`Invalid port map ${text} [hostPort=${hostPort.value}]`);
        return { scheme: BARE_PORT_SCHEME, hostPort: Number(hostPort.value), containerPort: 0 };
      }
      if (parts.length !== 3) throw new InvalidError(`Invalid port map ${text} [len=${parts.length}]`);
      const hostPort = goAtoi(parts[1]);
      if (!hostPort.ok) throw new InvalidError(`Invalid port map ${text} [err=${hostPort.error}]`);
      const containerPort = goAtoi(parts[2]);
      if (!containerPort.ok) throw new InvalidError(`Invalid port map ${text} [err=${containerPort.error}]`);
      if (!isPort(hostPort.value)) throw new InvalidError(`Invalid port map ${text} [hostPort=${hostPort.value}]`);
      if (!isPort(containerPort.value)) {
        throw new InvalidError(`Invalid port map ${text} [containerPort=${containerPort.value}]`);
      }
      return { scheme: parts[0], hostPort: Number(hostPort.value), containerPort: Number(containerPort.value) };
    });
}

/** Go's `strings.SplitN`: at most `n` parts, the last holding the rest. */
function splitN(text: string, separator: string, n: number): string[] {
  const parts = text.split(separator);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(separator)];
}

/** Refuses mappings that share a scheme and host port (`reusesSchemeHostPort`), naming the first pair reused. */
function refuseReusedSchemeHostPort(portMaps: DokkuPortMapRecord[], context: string): void {
  const seen = new Set<string>();
  for (const portMap of portMaps) {
    const key = `${portMap.scheme}:${portMap.hostPort}`;
    if (seen.has(key)) {
      throw new InvalidError(`Error validating ${context}: The same scheme:host-port is being reused: ${key}`);
    }
    seen.add(key);
  }
}

/** Stores the mappings as Dokku's `setPortMaps` does: bare ports dropped, sorted by their text. */
function storePortMaps(app: DokkuAppRecord, portMaps: DokkuPortMapRecord[]): void {
  refuseReusedSchemeHostPort(portMaps, "port mappings");
  app.ports = portMaps
    .filter((portMap) => portMap.scheme !== BARE_PORT_SCHEME)
    .sort((a, b) => byteOrder(portMapText(a), portMapText(b)));
}

/** Adds mappings (`CommandAdd`): refused when they reuse a scheme and host port among themselves or with the app's. */
export function addPortMaps(app: DokkuAppRecord, portMaps: DokkuPortMapRecord[]): void {
  refuseReusedSchemeHostPort(portMaps, "new port mappings");
  refuseReusedSchemeHostPort([...app.ports, ...portMaps], "all port mappings");
  storePortMaps(app, [...app.ports, ...portMaps]);
}

/**
 * Removes mappings (`removePortMaps`): each one equal to a given mapping, and every one on a given bare host port.
 * Removing a mapping the app does not have is not an error.
 */
export function removePortMaps(app: DokkuAppRecord, portMaps: DokkuPortMapRecord[]): void {
  const removedTexts = new Set(portMaps.filter((p) => p.scheme !== BARE_PORT_SCHEME).map(portMapText));
  const removedHostPorts = new Set(portMaps.filter((p) => p.scheme === BARE_PORT_SCHEME).map((p) => p.hostPort));
  storePortMaps(
    app,
    app.ports.filter((portMap) => !removedTexts.has(portMapText(portMap)) && !removedHostPorts.has(portMap.hostPort)),
  );
}

/** Forgets every mapping (the `ports-clear` trigger, which vhost support being switched on or off fires). */
export function clearPortMaps(app: DokkuAppRecord): void {
  app.ports = [];
}
