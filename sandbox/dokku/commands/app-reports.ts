/**
 * How the shell plugins' `*:report` commands choose what to report (`cmd-domains-report`, `cmd-nginx-report` at Dokku
 * v0.34.9): one app, or, with no app (or a `--flag` where the app goes), every app in turn, a failure for one printed
 * and the next reported.
 */
import { byteOrder } from "../models/go-text";
import type { DokkuAppRecord, DokkuData } from "../models/records";
import { verifyAppInShellPlugin } from "../models/apps";
import { DokkuModelError, NotFoundError } from "../models/errors";
import type { DokkuOutput } from "./output";

/** Reports one app (its info flag `""` for the whole report). */
export type SingleAppReport = (app: DokkuAppRecord, infoFlag: string) => void;

/** Runs `report` for what `args` name, as the plugins' `cmd-*-report` do. */
export function reportApps(data: DokkuData, out: DokkuOutput, args: string[], report: SingleAppReport): void {
  let [appName = "", infoFlag = ""] = args;
  if (appName.startsWith("--")) {
    infoFlag = appName;
    appName = "";
  }
  // The single-app report treats "true" as "no flag", which is how the all-apps loop asks for whole reports.
  const flag = infoFlag === "true" ? "" : infoFlag;
  if (appName !== "") {
    report(verifyAppInShellPlugin(data, appName), flag);
    return;
  }
  // `dokku_apps`, which refuses an empty server.
  if (data.apps.length === 0) throw new NotFoundError("You haven't deployed any applications yet");
  for (const app of [...data.apps].sort((a, b) => byteOrder(a.name, b.name))) {
    try {
      report(app, flag);
    } catch (error) {
      if (!(error instanceof DokkuModelError)) throw error;
      out.warn(error.message);
    }
  }
}
