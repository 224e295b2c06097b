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

/** A session over the project in `context`, with `--parallelism` checked. */
export function sessionFor(command: string, context: CommandContext, parallelism = "4", env = context.env) {
  const value = Number(parallelism);
  if (!Number.isInteger(value) || value < 1) {
    throw new UsageError(`${command}: --parallelism "${parallelism}" must be a whole number >= 1`);
  }
  return new FlowSession({ dir: context.dir, env, print: context.print, parallelism: value });
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
