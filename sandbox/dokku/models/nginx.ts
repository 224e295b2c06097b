/**
 * An app's nginx properties (Dokku's `nginx-vhosts` plugin at v0.34.9: `subcommands/set`, and `nginx_vhosts.go` for
 * each property's app, computed and global value). The server's global properties are Dokku's defaults; the sandbox
 * does not model `nginx:set --global`.
 */
import { InvalidError, UsageError } from "./errors";
import type { DokkuAppRecord } from "./records";

/** The keys `nginx:set` accepts, in the order its refusal lists them. */
export const NGINX_PROPERTY_KEYS = [
  "access-log-format",
  "access-log-path",
  "bind-address-ipv4",
  "bind-address-ipv6",
  "client-max-body-size",
  "disable-custom-config",
  "error-log-path",
  "hsts",
  "hsts-include-subdomains",
  "hsts-preload",
  "hsts-max-age",
  "nginx-conf-sigil-path",
  "proxy-read-timeout",
  "proxy-buffer-size",
  "proxy-buffering",
  "proxy-buffers",
  "proxy-busy-buffers-size",
  "underscore-in-headers",
  "x-forwarded-for-value",
  "x-forwarded-port-value",
  "x-forwarded-proto-value",
  "x-forwarded-ssl",
] as const;

/** Keys that may also be set for the whole server; Dokku does not check that the app exists when one of them is set. */
export const GLOBAL_NGINX_PROPERTY_KEYS: readonly string[] = ["hsts", "nginx-conf-sigil-path"];

/**
 * Refuses a key `nginx:set` does not know, with its message. Whether the app exists is checked afterwards, and only for
 * keys that are not global ones.
 */
export function validateNginxPropertyKey(key: string): void {
  if (key === "") throw new UsageError("No key specified");
  if (!(NGINX_PROPERTY_KEYS as readonly string[]).includes(key)) {
    throw new InvalidError(`Invalid key specified, valid keys include: ${NGINX_PROPERTY_KEYS.join(", ")}`);
  }
}

/** `nginx:set app key value` writes the property; an empty value deletes it. */
export function setNginxProperty(app: DokkuAppRecord, key: string, value: string): void {
  validateNginxPropertyKey(key);
  const kept = Object.entries(app.nginx).filter(([existing]) => existing !== key);
  app.nginx = Object.fromEntries(value === "" ? kept : [...kept, [key, value]]);
}

/**
 * The server's page size, from which nginx's buffer defaults are computed (`os.Getpagesize()`): 4 KiB, as on the
 * x86-64 and most arm64 servers Dokku runs on.
 */
const PAGE_SIZE_KIB = 4;

/** Where nginx logs go (`getLogRoot`): nginx's own directory, OpenResty not being installed. */
const NGINX_LOG_ROOT = "/var/log/nginx";

/** A property's global value: Dokku's default for it, the server having no global properties set. */
function globalNginxValue(app: DokkuAppRecord, key: string): string {
  const defaults: Record<string, string> = {
    "access-log-path": `${NGINX_LOG_ROOT}/${app.name}-access.log`,
    "bind-address-ipv6": "::",
    "client-max-body-size": "1m",
    "disable-custom-config": "false",
    "error-log-path": `${NGINX_LOG_ROOT}/${app.name}-error.log`,
    "hsts-include-subdomains": "true",
    "hsts-max-age": "15724800",
    "hsts-preload": "false",
    hsts: "true",
    "nginx-conf-sigil-path": "nginx.conf.sigil",
    "proxy-buffer-size": `${PAGE_SIZE_KIB}k`,
    "proxy-buffering": "on",
    "proxy-buffers": `8 ${PAGE_SIZE_KIB}k`,
    "proxy-busy-buffers-size": `${PAGE_SIZE_KIB * 2}k`,
    "proxy-read-timeout": "60s",
    "underscore-in-headers": "off",
    "x-forwarded-for-value": "$remote_addr",
    "x-forwarded-port-value": "$server_port",
    "x-forwarded-proto-value": "$scheme",
  };
  return Object.hasOwn(defaults, key) ? defaults[key] : "";
}

/** A property as set on the app, or empty. */
export function appNginxValue(app: DokkuAppRecord, key: string): string {
  return Object.hasOwn(app.nginx, key) ? app.nginx[key] : "";
}

/** The three values `nginx:report` shows for a property: the app's, the one in effect, and the server's. */
export interface NginxPropertyValues {
  app: string;
  computed: string;
  global: string;
}

/** A property's values: the computed one is the app's when set, else the global one. */
export function nginxPropertyValues(app: DokkuAppRecord, key: string): NginxPropertyValues {
  const appValue = appNginxValue(app, key);
  const globalValue = globalNginxValue(app, key);
  return { app: appValue, computed: appValue !== "" ? appValue : globalValue, global: globalValue };
}
