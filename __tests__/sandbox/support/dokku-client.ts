/**
 * The client side of the sandbox's Dokku server, as the Dokku tests use it: a server over a fresh state, and
 * TypeScript equivalents of what the Terraform provider (aaronstillwell/terraform-provider-dokku 0.5.2,
 * `internal/provider`) sends and how it reads the output, named after the Go functions they mirror. They keep the
 * provider's quirks (a config line without `:` panics in Go, and throws here), so a test shows what the provider would
 * really make of Dokku's output.
 */
import { runDokkuCommand, type DokkuCommandResult } from "../../../sandbox/dokku/commands";
import { emptyDokkuData, type DokkuData } from "../../../sandbox/dokku/models/records";

/** A Dokku server over a fresh state, and a way to run a command line on it. */
export interface DokkuTestServer {
  data: DokkuData;
  run(commandLine: string): DokkuCommandResult;
  /** Runs each line and fails on the first that does not exit 0 (for setting a scene). */
  given(...commandLines: string[]): void;
}

export function dokkuServer(): DokkuTestServer {
  const data = emptyDokkuData();
  const run = (commandLine: string): DokkuCommandResult => runDokkuCommand(data, commandLine);
  return {
    data,
    run,
    given(...commandLines) {
      for (const line of commandLines) {
        const result = run(line);
        if (result.status !== 0) throw new Error(`${line} exited ${result.status}: ${result.stderr}`);
      }
    },
  };
}

/** Runs a line that must be refused, and returns its result after checking that the state did not change. */
export function refusedWithoutChange(server: DokkuTestServer, commandLine: string): DokkuCommandResult {
  const before = structuredClone(server.data);
  const result = server.run(commandLine);
  expect(result.status).not.toBe(0);
  expect(server.data).toEqual(before);
  return result;
}

/** Go's `shellescape.Quote` (al.essio.dev/pkg/shellescape 1.5.0): single quotes unless only safe characters. */
export function shellescapeQuote(value: string): string {
  if (value === "") return "''";
  if (!/[^\w@%+=:,./-]/.test(value)) return value;
  return `'${value.replace(/'/g, `'"'"'`)}'`;
}

/** `DokkuApp.configVarsStr` (dokku.go): `KEY=<quoted value>` pairs, space-separated, as `config:set` gets them. */
export function configVarsStr(configVars: Record<string, string>): string {
  return Object.entries(configVars)
    .map(([key, value]) => `${key}=${shellescapeQuote(value)}`)
    .join(" ");
}

/** `providerConfigure` (provider.go): the version found in `version`'s output, and whether it is in the tested range. */
export function detectedVersion(stdout: string): { version: string; tested: boolean } {
  const version = /[0-9]+\.[0-9]+\.[0-9]+/.exec(stdout)?.[0] ?? "";
  const [major, minor] = version.split(".").map(Number);
  return { version, tested: major === 0 && minor >= 30 && minor < 36 };
}

/** `readAppConfig` (dokku.go): drop the first line, split each line at `:`, the key and the rest trimmed. */
export function readAppConfig(stdout: string): Record<string, string> {
  const config = new Map<string, string>();
  for (const line of stdout.split("\n").slice(1)) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    const parts = trimmed.split(":");
    if (parts.length < 2) throw new Error(`readAppConfig: index out of range [1] with length 1 (${trimmed})`);
    const value = parts[1].length > 1 ? parts.slice(1).join(":") : parts[1];
    config.set(parts[0].trim(), value.trim());
  }
  return Object.fromEntries(config);
}

/** `readAppDomains` (dokku.go): the `Domains app vhosts` line's value split at spaces. */
export function readAppDomains(stdout: string): string[] | undefined {
  for (const line of stdout.split("\n").slice(1)) {
    const parts = line.split(":");
    if (parts[0].trim() === "Domains app vhosts") {
      const list = (parts[1] ?? "").trim();
      return list === "" ? [] : list.split(" ");
    }
  }
  return undefined;
}

/** `readAppBuildpacks` (dokku.go): every non-empty line after the first, trimmed. */
export function readAppBuildpacks(stdout: string): string[] {
  return stdout
    .split("\n")
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** `readAppPorts` (dokku.go): none when the status is not 0 or there are two lines or fewer; else 3-column rows. */
export function readAppPorts(result: DokkuCommandResult): string[] {
  const lines = result.stdout.split("\n");
  if (lines.length <= 2 || result.status > 0) return [];
  return lines
    .slice(2)
    .map((line) => line.split(" ").filter((part) => part.trim() !== ""))
    .filter((parts) => parts.length === 3)
    .map((parts) => parts.join(":"));
}

/** `parseKeyValues` (util.go): `key: value` lines into a map, the value's own colons kept. */
export function parseKeyValues(lines: string[]): Record<string, string> {
  const values = new Map<string, string>();
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.length === 0) continue;
    const parts = trimmed.split(":");
    if (parts.length < 2) throw new Error(`parseKeyValues: index out of range [1] with length 1 (${trimmed})`);
    const value = parts[1].length > 1 ? parts.slice(1).join(":") : parts[1];
    values.set(parts[0].trim(), value.trim());
  }
  return Object.fromEntries(values);
}

/** `readAppNginxReport` (dokku.go): the app's bind addresses, `0.0.0.0` and `::` when the lines are missing. */
export function readAppNginxReport(stdout: string): { bindAddressIpv4: string; bindAddressIpv6: string } {
  const options = parseKeyValues(stdout.split("\n").slice(1));
  return {
    bindAddressIpv4: options["Nginx bind address ipv4"] ?? "0.0.0.0",
    bindAddressIpv6: options["Nginx bind address ipv6"] ?? "::",
  };
}

/** `getServiceInfo` (dokku_generic_service.go): undefined when the status is not 0, else lowercased keys to values. */
export function getServiceInfo(result: DokkuCommandResult): Record<string, string> | undefined {
  if (result.status > 0) return undefined;
  const info = new Map<string, string>();
  for (const line of result.stdout.split("\n").slice(1)) {
    const parts = line.split(":");
    info.set(parts[0].toLowerCase().trim(), parts.slice(1).join(":").trim());
  }
  return Object.fromEntries(info);
}

/** `dockerImageAndVersion` (util.go): split at `:`, the first two parts. */
export function dockerImageAndVersion(text: string): [string, string] {
  const parts = text.split(":");
  return [parts[0], parts[1]];
}

/** What `dokkuServiceRead` (dokku_generic_service.go) sets from a service's info. */
export interface ServiceRead {
  stopped: boolean;
  image?: string;
  imageVersion?: string;
  exposed?: string;
}

/** `dokkuServiceRead`: stopped when `exited` or `missing`; image and version only when running; the exposed host part. */
export function dokkuServiceRead(info: Record<string, string>): ServiceRead {
  const read: ServiceRead = { stopped: info.status === "exited" || info.status === "missing" };
  if (!read.stopped && info.version !== undefined)
    [read.image, read.imageVersion] = dockerImageAndVersion(info.version);
  const exposed = info["exposed ports"];
  if (exposed !== undefined && exposed !== "-") {
    const port = exposed.split("->");
    if (port.length < 2) throw new Error(`invalid port mapping format: ${exposed}`);
    read.exposed = port[1].trim();
  }
  return read;
}
