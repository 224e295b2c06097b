/**
 * `config:show`, `config:set`, `config:unset` (plugins/config/src/subcommands/subcommands.go, `SubShow`, `SetMany`
 * and `UnsetMany` at Dokku v0.34.9). The sandbox has no global environment: `--global` is not modelled, and neither is
 * `--encoded`.
 */
import { verifyApp } from "../models/apps";
import {
  parseEnvPairs,
  restartsAfterConfigChange,
  setConfigVars,
  sortedConfig,
  unsetConfigVars,
  type UnsetOutcome,
} from "../models/config";
import type { DokkuAppRecord } from "../models/records";
import { columnize } from "./columns";
import { CommandExit, type DokkuCommand } from "./command";
import { goFlagIsTrue, parseGoFlags, type GoFlag, type ParsedGoFlags } from "./go-flags";
import type { DokkuOutput } from "./output";

const GLOBAL: GoFlag = { name: "global", kind: "bool", usage: "--global: use the global environment" };
const NO_RESTART: GoFlag = { name: "no-restart", kind: "bool", usage: "--no-restart: no restart" };

/** Refuses the flags whose effect the sandbox does not reproduce. */
function refuseUnmodelledFlags(parsed: ParsedGoFlags, names: string[]): void {
  const given = names.find((name) => goFlagIsTrue(parsed, name));
  if (given !== undefined) throw new CommandExit(1, `sandbox: --${given} is not modelled`);
}

/** `prettyPrintEnvEntries`: `KEY:` and value in two columns, keys sorted. */
function prettyConfig(entries: [string, string][], prefix = ""): string {
  return columnize(
    entries.map(([key, value]) => `${key}:\x00${value}`),
    { delimiter: "\x00", prefix },
  );
}

/** What a change prints after it is made: the restart Dokku starts (a no-op for an app not deployed) unless told not to. */
export function printRestart(out: DokkuOutput, app: DokkuAppRecord, restart: boolean): void {
  if (restart && restartsAfterConfigChange(app)) out.info1(`Restarting app ${app.name}`);
}

/** What `config:set` prints for the entries it set (`SetMany`), without the restart. */
export function printConfigSet(out: DokkuOutput, entries: Map<string, string>): void {
  out.info1Quiet("Setting config vars");
  // SetMany prints the entries with a plain Println, checking DOKKU_QUIET_OUTPUT itself.
  if (!out.isQuiet) out.line(prettyConfig(sortedConfig(Object.fromEntries(entries)), "       "));
}

const configShow: DokkuCommand = ({ data, args, out }) => {
  const parsed = parseGoFlags(
    "config:show",
    [
      GLOBAL,
      {
        name: "merged",
        kind: "bool",
        usage: "--merged: display the app's environment merged with the global environment",
      },
    ],
    args,
  );
  refuseUnmodelledFlags(parsed, ["global"]);
  const app = verifyApp(data, parsed.args[0] ?? "");
  // The server's global environment is empty, so `--merged` shows the app's alone.
  out.info2Quiet(`${app.name} env vars`);
  out.line(prettyConfig(sortedConfig(app.config)));
};

const configSet: DokkuCommand = ({ data, args, out }) => {
  const parsed = parseGoFlags(
    "config:set",
    [GLOBAL, { name: "encoded", kind: "bool", usage: "--encoded: interpret VALUEs as base64" }, NO_RESTART],
    args,
  );
  refuseUnmodelledFlags(parsed, ["global", "encoded"]);
  const app = verifyApp(data, parsed.args[0] ?? "");
  const entries = parseEnvPairs(parsed.args.slice(1));
  setConfigVars(app, entries);
  printConfigSet(out, entries);
  printRestart(out, app, !goFlagIsTrue(parsed, "no-restart"));
};

const configUnset: DokkuCommand = ({ data, args, out }) => {
  const parsed = parseGoFlags("config:unset", [GLOBAL, NO_RESTART], args);
  refuseUnmodelledFlags(parsed, ["global"]);
  const app = verifyApp(data, parsed.args[0] ?? "");
  printConfigUnset(out, unsetConfigVars(app, parsed.args.slice(1)));
  printRestart(out, app, !goFlagIsTrue(parsed, "no-restart"));
};

/** What `config:unset` prints for each key (`UnsetMany`), without the restart. */
export function printConfigUnset(out: DokkuOutput, outcomes: UnsetOutcome[]): void {
  for (const { key, wasSet } of outcomes) {
    out.info1Quiet(wasSet ? `Unsetting ${key}` : `Skipping ${key}, it is not set in the environment`);
  }
}

/** The `config` plugin's commands the sandbox runs. */
export const CONFIG_COMMANDS: Record<string, DokkuCommand> = {
  "config:show": configShow,
  "config:set": configSet,
  "config:unset": configUnset,
};
