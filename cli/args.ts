import { parseArgs, type ParseArgsConfig } from "node:util";
import { type CommandContext, UsageError } from "./command";
import { FlowSession } from "./engine/flow-session";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** The options every Terraform command takes. */
export const SESSION_OPTIONS = {
  parallelism: { type: "string", default: "4" },
} as const satisfies Options;

/** The help lines of {@link SESSION_OPTIONS}. */
export const SESSION_HELP = "  --parallelism N      stacks Terraform works on at once (default 4)";

/** `args` parsed strictly: an unknown flag, a missing value or a stray argument is a usage error naming it. */
export function parseCommandArgs<T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: boolean; strict: true }>> {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split(". ")[0]} (see heroku-flow ${command} --help)`);
  }
}

/** `--parallelism` as a number; a value that is not a whole number >= 1 is a usage error naming the command. */
export function parallelismOf(command: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${command}: --parallelism "${text}" must be a whole number >= 1`);
  }
  return value;
}

/** What a session takes besides the project: a command's `--parallelism`, an environment of its own. */
export interface SessionSettings {
  /**
   * Stacks Terraform works on at once.
   * @default 4
   */
  readonly parallelism?: number;
  /**
   * The environment the session and Terraform see.
   * @default the context's environment
   */
  readonly env?: NodeJS.ProcessEnv;
}

/** A session over the project in `context`. */
export function sessionFor(context: CommandContext, settings: SessionSettings = {}): FlowSession {
  const { parallelism = 4, env = context.env } = settings;
  return new FlowSession({ dir: context.dir, env, print: context.print, parallelism });
}

/**
 * The stacks a command works on: the ones named, or with `--review ID` the review stacks made for that merge request
 * (the app is synthesized with `HEROKU_FLOW_REVIEW_ID` set to it, so they exist). Exactly one of the two.
 */
export function reviewEnv(command: string, context: CommandContext, review: string | undefined, stacks: string[]) {
  if (review !== undefined && stacks.length > 0) {
    throw new UsageError(`${command}: give stack names or --review ID, not both`);
  }
  if (review === undefined && stacks.length === 0) {
    throw new UsageError(`${command}: name the stacks (e.g. ${command} staging) or give --review ID`);
  }
  if (review !== undefined && review.trim() === "") throw new UsageError(`${command}: --review needs a review id`);
  return review === undefined ? context.env : { ...context.env, HEROKU_FLOW_REVIEW_ID: review };
}
