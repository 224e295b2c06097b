/**
 * `nginx:set` and `nginx:report` (plugins/nginx-vhosts/subcommands/set and `command-functions` at Dokku v0.34.9). The
 * provider sets `bind-address-ipv4` and `bind-address-ipv6` and reads them back from the report's
 * `Nginx bind address ipv4/ipv6` lines.
 */
import { verifyAppInShellPlugin, findApp } from "../models/apps";
import {
  GLOBAL_NGINX_PROPERTY_KEYS,
  nginxPropertyValues,
  setNginxProperty,
  validateNginxPropertyKey,
} from "../models/nginx";
import type { DokkuAppRecord } from "../models/records";
import { InvalidError } from "../models/errors";
import { reportApps } from "./app-reports";
import { CommandExit, type DokkuCommand } from "./command";
import { printShellReport } from "./shell-report";

/**
 * The order of the report's properties (`cmd-nginx-report-single`): each with its computed and global value after it,
 * and the last visit before `nginx-conf-sigil-path`.
 */
const REPORTED_PROPERTIES = [
  "access-log-format",
  "access-log-path",
  "bind-address-ipv4",
  "bind-address-ipv6",
  "client-max-body-size",
  "disable-custom-config",
  "error-log-path",
  "hsts-include-subdomains",
  "hsts-max-age",
  "hsts-preload",
  "hsts",
  "last-visited-at",
  "nginx-conf-sigil-path",
  "proxy-buffer-size",
  "proxy-buffering",
  "proxy-buffers",
  "proxy-busy-buffers-size",
  "proxy-read-timeout",
  "underscore-in-headers",
  "x-forwarded-for-value",
  "x-forwarded-port-value",
  "x-forwarded-proto-value",
  "x-forwarded-ssl",
];

/**
 * The report's flags and values. The last visit is the access log's modification time, read from the app's own
 * `access-log-path`; an app never deployed has no log, so it is empty.
 */
function nginxReportValues(app: DokkuAppRecord): [string, string][] {
  return REPORTED_PROPERTIES.flatMap((key): [string, string][] => {
    if (key === "last-visited-at") return [["--nginx-last-visited-at", ""]];
    const values = nginxPropertyValues(app, key);
    return [
      [`--nginx-${key}`, values.app],
      [`--nginx-computed-${key}`, values.computed],
      [`--nginx-global-${key}`, values.global],
    ];
  });
}

const nginxReport: DokkuCommand = ({ data, args, out }) => {
  reportApps(data, out, args, (app, infoFlag) =>
    printShellReport(
      out,
      nginxReportValues(app),
      { header: `${app.name} nginx information`, keyWidth: 30, emptyValueFailure: "not deployed" },
      infoFlag,
    ),
  );
};

/**
 * Checks the key, then the app (only for keys that are not global ones, which Dokku writes without looking for the
 * app), then sets or, given no value, unsets.
 */
const nginxSet: DokkuCommand = ({ data, args, out }) => {
  const [appName = "", key = "", value = ""] = args;
  validateNginxPropertyKey(key);
  let app: DokkuAppRecord | undefined;
  if (GLOBAL_NGINX_PROPERTY_KEYS.includes(key)) {
    app = appName === "--global" ? undefined : findApp(data, appName);
    if (!app) throw new CommandExit(1, `sandbox: setting ${key} for ${appName || "nothing"} is not modelled`);
  } else {
    if (appName === "--global") throw new InvalidError(`The key '${key}' cannot be set globally`);
    app = verifyAppInShellPlugin(data, appName);
  }
  out.info2Quiet(value === "" ? `Unsetting ${key}` : `Setting ${key} to ${value}`);
  setNginxProperty(app, key, value);
};

/** The `nginx` commands the sandbox runs. */
export const NGINX_COMMANDS: Record<string, DokkuCommand> = {
  "nginx:report": nginxReport,
  "nginx:set": nginxSet,
};
