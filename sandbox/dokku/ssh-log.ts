import type { RequestLogEntry } from "../request-log";
import { commandWords } from "./ssh-front";

/**
 * The request-log line of one Dokku command: method `SSH`, and as its path the subcommand and its first argument only
 * (`/config:set/songlist-staging`), since what follows may be config values; the exit status stands for the HTTP
 * status.
 */
export function sshLogLine(commandLine: string, status: number, started: bigint): string {
  const words = commandWords(commandLine);
  const entry: RequestLogEntry = {
    method: "SSH",
    path: `/${words.slice(0, 2).join("/")}`,
    status,
    ms: Math.round(Number(process.hrtime.bigint() - started) / 1e6),
  };
  return JSON.stringify(entry);
}
