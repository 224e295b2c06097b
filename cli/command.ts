/** A mistake in how a command was called (unknown command or flag, a missing argument): exit code 2. */
export class UsageError extends Error {}

/** What every command gets besides its arguments. */
export interface CommandContext {
  /** The project directory (cdktf.json, main.ts): the current directory. */
  readonly dir: string;
  /** The environment the command reads its settings from. */
  readonly env: NodeJS.ProcessEnv;
  /** Prints one line of progress or result. */
  readonly print: (line: string) => void;
}

/** One `heroku-flow` command: a thin entry point over the engine's modules. */
export interface Command {
  /** The command's name, e.g. `plan`. */
  readonly name: string;
  /** One line for `heroku-flow --help`. */
  readonly summary: string;
  /** The whole `heroku-flow <name> --help` text: usage, options, settings it reads, exit codes. */
  readonly help: string;
  /** Runs the command; resolves to its exit code. Throws UsageError for a bad call, Error for anything else. */
  run(args: readonly string[], context: CommandContext): Promise<number>;
}
