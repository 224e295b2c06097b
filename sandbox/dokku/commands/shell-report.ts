/**
 * The report the shell plugins print (`cmd-domains-report-single`, `cmd-nginx-report-single` at Dokku v0.34.9,
 * `service_info` in dokku-postgres 1.38.0): a header, then one `Key:  value` line per flag, the key made from the flag's
 * name (`--domains-app-vhosts` → `Domains app vhosts:`) and padded with `printf`; or, given one flag, just its value.
 */
import { InvalidError, NotFoundError } from "../models/errors";
import { padBytes } from "./columns";
import type { DokkuOutput } from "./output";

/** How one plugin prints its report. */
export interface ShellReportStyle {
  /** The header line (`=====> ...`, dropped under `--quiet`). */
  header: string;
  /** The key column's `printf` width: 30 for Dokku's reports, 20 for the Postgres plugin's. */
  keyWidth: number;
  /**
   * Whether a flag whose value is empty prints an empty line (the Postgres plugin echoes it) instead of nothing.
   *
   * @default false
   */
  printsEmptyValue?: boolean;
  /**
   * A failure for a matched flag whose value is empty (nginx's "not deployed").
   *
   * @default - none
   */
  emptyValueFailure?: string;
}

/** A report line's key: the flag without `--`, dashes made spaces, the first letter capitalised, then a colon. */
function reportKey(flag: string): string {
  const words = flag.slice(2).replace(/-/g, " ");
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}:`;
}

/**
 * Prints the report of `values` (flag → value, in the plugin's order), or the one value `infoFlag` names. An unknown
 * flag is refused with the list of valid ones.
 */
export function printShellReport(
  out: DokkuOutput,
  values: [flag: string, value: string][],
  style: ShellReportStyle,
  infoFlag = "",
): void {
  if (infoFlag === "") {
    out.info2Quiet(style.header);
    for (const [flag, value] of values)
      out.verbose(`${padBytes(reportKey(flag), style.keyWidth)} ${padBytes(value, 25)}`);
    return;
  }
  const match = values.find(([flag]) => flag === infoFlag);
  if (match === undefined) {
    throw new InvalidError(`Invalid flag passed, valid flags:${values.map(([flag]) => ` ${flag}`).join("")}`);
  }
  const [, value] = match;
  if (value !== "" || style.printsEmptyValue) out.line(value);
  if (value === "" && style.emptyValueFailure !== undefined) throw new NotFoundError(style.emptyValueFailure);
}
