/**
 * What the `dokku` script (Dokku v0.34.9) does with its words before it finds the command: `parse_args` looks at every
 * word for the global flags (`--quiet`, `--force`, `--trace`, `--app <app>`) and keeps every `--` word as the global
 * flags plugins may read; then flags at the front are shifted off, so the command is the first word left.
 */

/** A command as the `dokku` script hands it to a plugin. */
export interface DokkuInvocation {
  /** The command (`config:set`), or empty when no word is left. */
  command: string;
  /** The words after it. */
  args: string[];
  /** `--quiet` was given somewhere (`DOKKU_QUIET_OUTPUT`): the `*Quiet` log lines are dropped. */
  quiet: boolean;
  /** `--force` was given somewhere (`DOKKU_APPS_FORCE_DELETE`): destructive commands skip their confirmation. */
  force: boolean;
  /** Every word starting with `--`, in order (`DOKKU_GLOBAL_FLAGS`; the Postgres plugin looks for `--no-restart`). */
  globalFlags: string[];
}

/** The invocation, or why the sandbox will not run it. */
export type InvocationReading = { ok: true; invocation: DokkuInvocation } | { ok: false; refusal: string };

/** Global flags whose effect the sandbox does not reproduce: tracing every shell line, and naming the app apart. */
const UNMODELLED_GLOBAL_FLAGS = ["--trace", "--app"];

/** Reads the words as the `dokku` script does. */
export function readDokkuInvocation(words: string[]): InvocationReading {
  const unmodelled = words.find((word) => UNMODELLED_GLOBAL_FLAGS.includes(word));
  if (unmodelled !== undefined) return { ok: false, refusal: `the global flag ${unmodelled} is not modelled` };
  const remaining = [...words];
  if (words[0]?.startsWith("--")) {
    // The script loops over the words as given but shifts the current first one: a `--version` it skips over stays
    // first, and the next flag shifts it off instead of itself.
    for (const word of words) {
      if (word === "--version") continue;
      if (!word.startsWith("--")) break;
      remaining.shift();
    }
  }
  return {
    ok: true,
    invocation: {
      command: remaining[0] ?? "",
      args: remaining.slice(1),
      quiet: words.includes("--quiet"),
      force: words.includes("--force"),
      globalFlags: words.filter((word) => word.startsWith("--")),
    },
  };
}
