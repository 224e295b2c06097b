/** `ports:list`, `ports:add`, `ports:remove` (plugins/ports/subcommands.go and `listAppPortMaps` at Dokku v0.34.9). */
import { verifyApp } from "../models/apps";
import { NotFoundError } from "../models/errors";
import { byteOrder } from "../models/go-text";
import { addPortMaps, parsePortMaps, portMapText, removePortMaps } from "../models/ports";
import { columnize } from "./columns";
import type { DokkuCommand } from "./command";
import { parseGoFlags } from "./go-flags";
import { rebuildNginxConfig } from "./nginx-build";

/**
 * The mappings in three columns under a header row, which is itself split at its colons and sorted in with the
 * mappings (its `-` sorts first); the header is left out under `--quiet`. An app without mappings is an error.
 */
const portsList: DokkuCommand = ({ data, args, out }) => {
  const app = verifyApp(data, parseGoFlags("ports:list", [], args).args[0] ?? "");
  if (app.ports.length === 0) throw new NotFoundError("No port mappings configured for app");
  const lines = [...(out.isQuiet ? [] : ["-----> scheme:host port:container port"]), ...app.ports.map(portMapText)];
  lines.sort(byteOrder);
  out.info1Quiet(`Port mappings for ${app.name}`);
  out.line(columnize(lines, { delimiter: ":", prefix: "    " }));
};

/** Adds silently, then nginx's build runs (and says what it says). */
const portsAdd: DokkuCommand = ({ data, args, out }) => {
  const parsed = parseGoFlags("ports:add", [], args);
  const app = verifyApp(data, parsed.args[0] ?? "");
  addPortMaps(app, parsePortMaps(parsed.args.slice(1)));
  rebuildNginxConfig(out, app);
};

/** Removes silently, then nginx's build runs. */
const portsRemove: DokkuCommand = ({ data, args, out }) => {
  const parsed = parseGoFlags("ports:remove", [], args);
  const app = verifyApp(data, parsed.args[0] ?? "");
  removePortMaps(app, parsePortMaps(parsed.args.slice(1)));
  rebuildNginxConfig(out, app);
};

/** The `ports` plugin's commands the sandbox runs. */
export const PORTS_COMMANDS: Record<string, DokkuCommand> = {
  "ports:list": portsList,
  "ports:add": portsAdd,
  "ports:remove": portsRemove,
};
