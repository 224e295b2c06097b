/**
 * An app's domains and its vhost support (Dokku's `domains` plugin, plugins/domains/functions at v0.34.9, and the
 * nginx plugin's `pre-enable-vhost` / `pre-disable-vhost` triggers, which run when that support is switched).
 */
import { configValue, setConfigVars } from "./config";
import { InvalidError } from "./errors";
import { clearPortMaps } from "./ports";
import type { DokkuAppRecord } from "./records";

/** `is_valid_hostname`: the lowercased name is `_`, or letters, digits, `.`, `*` and `-` not ending in a dot. */
export function isValidHostname(domain: string): boolean {
  const lowered = domain.toLowerCase();
  return lowered === "_" || /^[a-z0-9.*-]*[a-z0-9*-]$/.test(lowered);
}

/** Refuses the first name that is not a hostname, before anything is written (as `domains_set` and `domains_add` do). */
function refuseInvalidHostnames(domains: string[]): void {
  const invalid = domains.find((domain) => !isValidHostname(domain));
  if (invalid !== undefined) throw new InvalidError(`${invalid} is invalid. exiting...`);
}

/** `is_app_vhost_enabled`: Dokku keeps the switch in the app's config, as `NO_VHOST=1` when off. */
export function isVhostEnabled(app: DokkuAppRecord): boolean {
  return configValue(app, "NO_VHOST") !== "1";
}

/**
 * Turns vhost support off (`disable_app_vhost`, as `apps:create` does when the server has no global domain): nginx's
 * trigger first forgets the proxy ports and port mappings, then `NO_VHOST=1` is set.
 */
export function disableVhost(app: DokkuAppRecord): void {
  forgetProxyPorts(app);
  setConfigVars(app, new Map([["NO_VHOST", "1"]]));
}

/**
 * Turns vhost support on (`domains_enable`, which adding or setting a domain does when it is off): nginx's trigger
 * forgets the proxy ports and port mappings, then `NO_VHOST=0` is set. With no global domain there is no default
 * domain to write, so the domains just given stay.
 */
function enableVhost(app: DokkuAppRecord): void {
  forgetProxyPorts(app);
  setConfigVars(app, new Map([["NO_VHOST", "0"]]));
}

/**
 * nginx's `pre-enable-vhost` / `pre-disable-vhost`: unset `DOKKU_PROXY_PORT` and `DOKKU_PROXY_SSL_PORT` and fire
 * `ports-clear`, so the next nginx build picks ports for the new setting. An app's port mappings are lost with them.
 */
function forgetProxyPorts(app: DokkuAppRecord): void {
  delete app.config.DOKKU_PROXY_PORT;
  delete app.config.DOKKU_PROXY_SSL_PORT;
  clearPortMaps(app);
}

/** `domains:set`: the app's domains become these (duplicates kept), and vhost support is switched on. */
export function setDomains(app: DokkuAppRecord, domains: string[]): void {
  refuseInvalidHostnames(domains);
  app.domains = [...domains];
  if (!isVhostEnabled(app)) enableVhost(app);
}

/** What `domains:add` did with one domain: Dokku says "Added" or "Skipping" for each. */
export interface DomainAddition {
  domain: string;
  added: boolean;
}

/** `domains:add`: each domain not already listed (exactly, case included) is appended; vhost support is switched on. */
export function addDomains(app: DokkuAppRecord, domains: string[]): DomainAddition[] {
  refuseInvalidHostnames(domains);
  const additions = domains.map((domain) => {
    const added = !app.domains.includes(domain);
    if (added) app.domains.push(domain);
    return { domain, added };
  });
  if (!isVhostEnabled(app)) enableVhost(app);
  return additions;
}

/**
 * `domains:remove`: every line equal to a given domain goes. Nothing is checked: removing a domain the app does not
 * have is not an error. (Dokku deletes the lines with `sed`, where the domain is a pattern and a `.` matches any
 * character; the sandbox compares exactly.)
 */
export function removeDomains(app: DokkuAppRecord, domains: string[]): void {
  app.domains = app.domains.filter((line) => !domains.includes(line));
}
