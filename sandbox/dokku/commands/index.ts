/**
 * The sandbox's Dokku server behind its SSH front: one command line in (what the SSH client sent, Dokku's
 * `$SSH_ORIGINAL_COMMAND`), Dokku 0.34.9's output and exit status out. The line is split as the server's shell would
 * split it and checked against how Dokku itself re-reads it; a line either would read otherwise is refused, never run.
 * A refused command changes nothing: each command checks everything before it changes anything (the one exception,
 * as in Dokku, is `postgres:unlink` of an app whose variable is gone, which still clears the link).
 */
import { DokkuModelError } from "../models/errors";
import type { DokkuData } from "../models/records";
import { APPS_COMMANDS } from "./apps";
import { BUILDPACKS_COMMANDS } from "./buildpacks";
import { CommandExit, type DokkuCommand } from "./command";
import { isDokkuCommand } from "./command-names";
import { CONFIG_COMMANDS } from "./config";
import { DOMAINS_COMMANDS } from "./domains";
import { readDokkuInvocation } from "./global-flags";
import { GoFlagExit } from "./go-flags";
import { NGINX_COMMANDS } from "./nginx";
import { DokkuOutput, type DokkuCommandResult } from "./output";
import { PORTS_COMMANDS } from "./ports";
import { POSTGRES_COMMANDS } from "./postgres";
import { PS_COMMANDS } from "./ps";
import { SANDBOX_COMMANDS } from "./sandbox-push";
import { splitShellWords } from "./shell-words";
import { dokkuArgumentWords } from "./xargs-words";

export type { DokkuCommandResult } from "./output";

/** The Dokku release the server claims (`dokku version`); the provider requires 0.30 ≤ v < 0.36. */
export const DOKKU_VERSION = "0.34.9";

/** The status of a line the sandbox will not run: bash's for a syntax error, the nearest thing a shell has. */
const REFUSED_LINE_STATUS = 2;

const COMMANDS: Record<string, DokkuCommand> = {
  ...APPS_COMMANDS,
  ...BUILDPACKS_COMMANDS,
  ...CONFIG_COMMANDS,
  ...DOMAINS_COMMANDS,
  ...NGINX_COMMANDS,
  ...PORTS_COMMANDS,
  ...POSTGRES_COMMANDS,
  ...PS_COMMANDS,
  ...SANDBOX_COMMANDS,
};

/** `version`, `-v`, `--version` (`dokku_version`): the release as the server's `STABLE_VERSION` file holds it. */
const VERSION_WORDS = ["version", "-v", "--version"];

/** A sandbox refusal on stderr, in Dokku's failure format. */
function refused(why: string, status: number): DokkuCommandResult {
  return { stdout: "", stderr: ` !     sandbox: ${why}\n`, status };
}

/** The line's words when the shell and Dokku's own re-read agree on them; otherwise the refusal to answer with. */
function agreedWords(commandLine: string): { ok: true; words: string[] } | { ok: false; refusal: DokkuCommandResult } {
  const shell = splitShellWords(commandLine);
  if (!shell.ok) return { ok: false, refusal: refused(`refused: ${shell.refusal}`, REFUSED_LINE_STATUS) };
  const dokku = dokkuArgumentWords(commandLine);
  if (dokku.ok && JSON.stringify(dokku.words) === JSON.stringify(shell.words)) return shell;
  const how = dokku.ok ? `it would run ${JSON.stringify(dokku.words)}` : dokku.error;
  const why = `refused: Dokku re-reads the line with \`xargs -n 1\` and would not see the words a shell sees (${how})`;
  return { ok: false, refusal: refused(why, REFUSED_LINE_STATUS) };
}

/** How a server differs from the default. */
export interface DokkuServerOptions {
  /**
   * The release `version` claims: another one than Dokku 0.34.9 tests what a client does with a server it was not
   * tested against (the provider refuses below 0.30 and from 0.36).
   *
   * @default DOKKU_VERSION
   */
  readonly version?: string;
}

/** Runs one command line against the server's state, as the `dokku` user's SSH session does. */
export function runDokkuCommand(
  data: DokkuData,
  commandLine: string,
  options: DokkuServerOptions = {},
): DokkuCommandResult {
  const agreed = agreedWords(commandLine);
  if (!agreed.ok) return agreed.refusal;
  const words = agreed.words;
  if (words.length === 0) return refused("no command given (Dokku would print its help)", 1);
  const reading = readDokkuInvocation(words);
  if (!reading.ok) return refused(reading.refusal, 1);
  const { invocation } = reading;
  const out = new DokkuOutput(invocation.quiet);
  if (VERSION_WORDS.includes(invocation.command)) {
    out.line(`dokku version ${options.version ?? DOKKU_VERSION}`);
    return out.result(0);
  }
  const command = Object.hasOwn(COMMANDS, invocation.command) ? COMMANDS[invocation.command] : undefined;
  if (command === undefined) {
    if (isDokkuCommand(invocation.command)) {
      return refused(`\`${invocation.command}\` is a Dokku command the sandbox does not model`, 1);
    }
    // `execute_dokku_cmd`: no plugin took the command.
    out.warn(`\`${[invocation.command, ...invocation.args].join(" ")}\` is not a dokku command.`);
    out.warn("See `dokku help` for a list of available commands.");
    return out.result(1);
  }
  try {
    command({ data, args: invocation.args, out, invocation });
    return out.result(0);
  } catch (error) {
    if (error instanceof DokkuModelError) {
      out.warn(error.message);
      return out.result(error.exitStatus);
    }
    if (error instanceof CommandExit) {
      if (error.failure !== undefined) out.warn(error.failure);
      return out.result(error.status);
    }
    if (error instanceof GoFlagExit) {
      out.printStderr(error.stderr);
      return out.result(error.status);
    }
    throw error;
  }
}
