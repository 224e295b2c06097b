/**
 * `ps:scale` (plugins/ps/subcommands.go, `scaleReport` and `scaleSet` at Dokku v0.34.9): with `type=quantity`
 * arguments it records the scale (the deploy job's step after a push); without, it prints the scale. The sandbox's
 * apps are never deployed, so nothing is restarted; Dokku 0.34.9's `ps:report` does not show the scale.
 */
import { verifyApp } from "../models/apps";
import { parseProcessTuples, scaleApp, sortedFormations } from "../models/ps";
import { padBytes } from "./columns";
import type { DokkuCommand } from "./command";
import { parseGoFlags } from "./go-flags";

const psScale: DokkuCommand = ({ data, args, out }) => {
  const parsed = parseGoFlags(
    "ps:scale",
    [{ name: "skip-deploy", kind: "bool", usage: "--skip-deploy: skip deploy of the app" }],
    args,
  );
  const app = verifyApp(data, parsed.args[0] ?? "");
  const tuples = parsed.args.slice(1);
  if (tuples.length === 0) {
    out.info1Quiet(`Scaling for ${app.name}`);
    const rows = [
      ...(out.isQuiet ? [] : ["proctype=qty", "--------=---"]),
      ...sortedFormations(app).map(({ processType, quantity }) => `${processType}=${quantity}`),
    ];
    for (const row of rows) {
      const [processType, quantity] = row.split("=");
      // Go's `common.RightPad(s, 5, " ")`, which counts bytes and never cuts.
      out.line(`${padBytes(`${processType}:`, 5)} ${quantity}`);
    }
    return;
  }
  // Dokku announces the scale before it reads the tuples, so a bad one is refused after this line.
  out.info1(`Scaling ${app.name} processes: ${tuples.join(" ")}`);
  scaleApp(app, parseProcessTuples(tuples));
};

/** The `ps` plugin's commands the sandbox runs. */
export const PS_COMMANDS: Record<string, DokkuCommand> = {
  "ps:scale": psScale,
};
