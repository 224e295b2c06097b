/**
 * `domains:report`, `domains:set`, `domains:add`, `domains:remove` (plugins/domains/subcommands/* and
 * `internal-functions` at Dokku v0.34.9). The server has no global domain, which the report's global lines show.
 */
import { verifyAppInShellPlugin } from "../models/apps";
import { addDomains, isVhostEnabled, removeDomains, setDomains } from "../models/domains";
import { UsageError } from "../models/errors";
import type { DokkuAppRecord, DokkuData } from "../models/records";
import { reportApps } from "./app-reports";
import type { DokkuCommand } from "./command";
import { rebuildNginxConfig } from "./nginx-build";
import { printShellReport } from "./shell-report";

/** The report's flags and values: the app's switch and domains (space-separated), then the server's. */
function domainsReportValues(app: DokkuAppRecord | undefined): [string, string][] {
  const appValues: [string, string][] = app
    ? [
        ["--domains-app-enabled", String(isVhostEnabled(app))],
        ["--domains-app-vhosts", app.domains.join(" ")],
      ]
    : [];
  return [...appValues, ["--domains-global-enabled", "false"], ["--domains-global-vhosts", ""]];
}

/** The app a domains change names, after the subcommand's own check that a domain is given. */
function appForDomainChange(data: DokkuData, args: string[]): DokkuAppRecord {
  const [appName = "", domain = ""] = args;
  if (domain === "") {
    // The usage line quotes the function's first two arguments, which by then are the app and the missing domain.
    throw new UsageError(`Please specify a domain name. Usage: dokku ${appName} ${domain} <domain> [<domain> ...]`);
  }
  return verifyAppInShellPlugin(data, appName);
}

const domainsReport: DokkuCommand = ({ data, args, out }) => {
  const [first = "", second = ""] = args;
  if (first === "--global") {
    const infoFlag = second === "true" ? "" : second;
    printShellReport(
      out,
      domainsReportValues(undefined),
      { header: "Global domains information", keyWidth: 30 },
      infoFlag,
    );
    return;
  }
  reportApps(data, out, args, (app, infoFlag) =>
    printShellReport(
      out,
      domainsReportValues(app),
      { header: `${app.name} domains information`, keyWidth: 30 },
      infoFlag,
    ),
  );
};

const domainsSet: DokkuCommand = ({ data, args, out }) => {
  const app = appForDomainChange(data, args);
  const domains = args.slice(1);
  setDomains(app, domains);
  out.info1(`Set ${domains.join(" ")} for ${app.name}`);
  rebuildNginxConfig(out, app);
};

const domainsAdd: DokkuCommand = ({ data, args, out }) => {
  const app = appForDomainChange(data, args);
  for (const { domain, added } of addDomains(app, args.slice(1))) {
    out.info1(added ? `Added ${domain} to ${app.name}` : `Skipping: ${domain} already added to ${app.name}`);
  }
  rebuildNginxConfig(out, app);
};

const domainsRemove: DokkuCommand = ({ data, args, out }) => {
  const app = appForDomainChange(data, args);
  const domains = args.slice(1);
  removeDomains(app, domains);
  for (const domain of domains) out.info1(`Removed ${domain} from ${app.name}`);
  rebuildNginxConfig(out, app);
};

/** The `domains` plugin's commands the sandbox runs. */
export const DOMAINS_COMMANDS: Record<string, DokkuCommand> = {
  "domains:report": domainsReport,
  "domains:set": domainsSet,
  "domains:add": domainsAdd,
  "domains:remove": domainsRemove,
};
