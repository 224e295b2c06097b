/** What every command handler is given, and how one ends without a model error. */
import type { DokkuData } from "../models/records";
import type { DokkuInvocation } from "./global-flags";
import type { DokkuOutput } from "./output";

/** A command's inputs: the server's state, its arguments (after the command's name) and where it writes. */
export interface CommandContext {
  data: DokkuData;
  args: string[];
  out: DokkuOutput;
  invocation: DokkuInvocation;
}

/** A command: it writes its output and returns, or throws to exit non-zero. */
export type DokkuCommand = (context: CommandContext) => void;

/**
 * A command ending with a status of its own: with a message, printed as Dokku's failures are (` !     message` on
 * stderr); without one, silently, as a shell plugin whose `read` finds no input does.
 */
export class CommandExit extends Error {
  public constructor(
    public readonly status: number,
    public readonly failure?: string,
  ) {
    super(failure ?? `exit ${status}`);
  }
}
