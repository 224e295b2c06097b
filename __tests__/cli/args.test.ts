/**
 * The option parsing every command shares (cli/args.ts): the exact one-line usage error of an unknown flag, a missing
 * value, a stray argument, a bad `--parallelism` or `--review`, and what a good call hands on (the session's
 * directory, environment, printer and parallelism; the review id in the environment). Each guard is tested on both
 * sides, `--parallelism` at its boundary (1 passes, 0 does not).
 */
import { parallelismOf, parseCommandArgs, reviewEnv, SESSION_OPTIONS, sessionFor } from "../../cli/args";
import { type CommandContext, UsageError } from "../../cli/command";

const print = (_line: string): void => undefined;
const context: CommandContext = { dir: "/project", env: { HOME: "/home/someone", KEEP: "kept" }, print };

/** The error `action` throws, which must be a UsageError. */
function usageError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("no usage error was thrown");
}

describe("parseCommandArgs", () => {
  test("parses the options given, with their defaults, and positionals when allowed", () => {
    const parsed = parseCommandArgs("plan", ["a", "--parallelism", "2", "b"], SESSION_OPTIONS, true);
    expect(parsed.values).toEqual({ parallelism: "2" });
    expect(parsed.positionals).toEqual(["a", "b"]);
    expect(parseCommandArgs("plan", [], SESSION_OPTIONS).values).toEqual({ parallelism: "4" });
  });

  test("an unknown flag: the command, node's first sentence, and where help is", () => {
    expect(usageError(() => parseCommandArgs("plan", ["--bogus"], SESSION_OPTIONS))).toBe(
      "plan: Unknown option '--bogus' (see heroku-flow plan --help)",
    );
  });

  test("a flag without its value", () => {
    expect(usageError(() => parseCommandArgs("apply", ["--parallelism"], SESSION_OPTIONS))).toBe(
      "apply: Option '--parallelism <value>' argument missing (see heroku-flow apply --help)",
    );
  });

  test("a positional where none is allowed (the default): only the first sentence of node's message", () => {
    expect(usageError(() => parseCommandArgs("synth", ["extra"], {}))).toBe(
      "synth: Unexpected argument 'extra' (see heroku-flow synth --help)",
    );
  });

  test("a value given to a boolean flag", () => {
    expect(usageError(() => parseCommandArgs("toolchain", ["--env=1"], { env: { type: "boolean" } }))).toBe(
      "toolchain: Option '--env' does not take an argument (see heroku-flow toolchain --help)",
    );
  });

  test("the caller's array is not changed", () => {
    const args = Object.freeze(["--parallelism", "3"]);
    expect(parseCommandArgs("plan", args, SESSION_OPTIONS).values.parallelism).toBe("3");
    expect(args).toEqual(["--parallelism", "3"]);
  });
});

describe("parallelismOf", () => {
  test.each(["0", "-1", "1.5", "abc", "", " "])(
    "--parallelism %j is one line naming the command and the value",
    (value) => {
      expect(usageError(() => parallelismOf("plan", value))).toBe(
        `plan: --parallelism "${value}" must be a whole number >= 1`,
      );
    },
  );

  test("--parallelism 1 (the boundary) and 12 are taken as numbers", () => {
    expect(parallelismOf("plan", "1")).toBe(1);
    expect(parallelismOf("plan", "12")).toBe(12);
  });
});

describe("sessionFor", () => {
  test("by default: parallelism 4 and the context's directory, environment and printer", () => {
    const session = sessionFor(context);
    expect(session.parallelism).toBe(4);
    expect(session.dir).toBe("/project");
    expect(session.print).toBe(print);
    expect(session.env).toEqual(context.env);
  });

  test("a parallelism and an environment given replace the defaults", () => {
    const session = sessionFor(context, { parallelism: 2, env: { ONLY: "this" } });
    expect(session.parallelism).toBe(2);
    expect(session.env).toEqual({ ONLY: "this" });
  });
});

describe("reviewEnv", () => {
  test("stack names: the context's environment, as it is", () => {
    expect(reviewEnv("apply", context, undefined, ["staging"])).toBe(context.env);
  });

  test("--review ID: the context's environment with HEROKU_FLOW_REVIEW_ID set, the context's left alone", () => {
    expect(reviewEnv("apply", context, "42", [])).toEqual({ ...context.env, HEROKU_FLOW_REVIEW_ID: "42" });
    expect(context.env.HEROKU_FLOW_REVIEW_ID).toBeUndefined();
  });

  test("both stacks and --review: one line saying not both", () => {
    expect(usageError(() => reviewEnv("destroy", context, "42", ["staging"]))).toBe(
      "destroy: give stack names or --review ID, not both",
    );
  });

  test("neither: one line with an example", () => {
    expect(usageError(() => reviewEnv("apply", context, undefined, []))).toBe(
      "apply: name the stacks (e.g. apply staging) or give --review ID",
    );
  });

  test.each(["", "  "])("--review %j: one line saying it needs an id", (review) => {
    expect(usageError(() => reviewEnv("apply", context, review, []))).toBe("apply: --review needs a review id");
  });

  test("an id with spaces around it is kept as given", () => {
    expect(reviewEnv("apply", context, " 7 ", []).HEROKU_FLOW_REVIEW_ID).toBe(" 7 ");
  });
});
