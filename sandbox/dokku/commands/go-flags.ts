/**
 * How Dokku's Go subcommands read their arguments: `github.com/spf13/pflag` v1.0.5 with `ExitOnError` (every
 * `src/subcommands/subcommands.go` at v0.34.9). Flags may come anywhere among the arguments, `--` ends them, a bool
 * flag takes `--flag` or `--flag=value`, an int flag `--flag N` or `--flag=N`. A flag the subcommand does not define
 * stops it before it does anything: pflag prints the error, the usage, and the error again, and exits 2; `--help`
 * prints the usage and exits 0. (pflag is not part of Dokku's repository; this follows its v1.0.5 `parseArgs`,
 * `failf` and `FlagUsages`.)
 */
import { goQuote } from "../models/go-text";

/** A flag a subcommand defines. */
export interface GoFlag {
  name: string;
  kind: "bool" | "int";
  /** Its usage text, as the subcommand gives it (`"--force: force destroy without confirmation"`). */
  usage: string;
}

/** The arguments left once flags are taken out, and each flag's value as given (`true` for a bare bool flag). */
export interface ParsedGoFlags {
  args: string[];
  values: Map<string, string>;
}

/** pflag ending the subcommand: what it wrote to stderr and the status it exits with. */
export class GoFlagExit extends Error {
  public constructor(
    public readonly stderr: string,
    public readonly status: number,
  ) {
    super(stderr);
  }
}

/** What `strconv.ParseBool` reads as true, and as false. */
const TRUE_TEXTS = ["1", "t", "T", "TRUE", "true", "True"];
const FALSE_TEXTS = ["0", "f", "F", "FALSE", "false", "False"];

/** `Usage of <name>:` and one line per flag, sorted, their usages aligned (`FlagUsages`). */
function usage(setName: string, flags: GoFlag[]): string {
  const heads = [...flags]
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((flag) => ({ head: `      --${flag.name}${flag.kind === "int" ? " int" : ""}`, usage: flag.usage }));
  const width = Math.max(0, ...heads.map(({ head }) => head.length + 1));
  const lines = heads.map(({ head, usage: text }) => `${head} ${" ".repeat(width - head.length)} ${text}\n`);
  return `Usage of ${setName}:\n${lines.join("")}`;
}

/** Reads `argv` as the subcommand's flag set named `setName` (`apps:destroy`) would. */
export function parseGoFlags(setName: string, flags: GoFlag[], argv: string[]): ParsedGoFlags {
  const fail = (message: string): never => {
    throw new GoFlagExit(`${message}\n${usage(setName, flags)}${message}\n`, 2);
  };
  const args: string[] = [];
  const values = new Map<string, string>();
  const rest = [...argv];
  while (rest.length > 0) {
    const word = rest.shift() ?? "";
    if (word.length < 2 || !word.startsWith("-")) {
      args.push(word);
    } else if (word === "--") {
      args.push(...rest.splice(0));
    } else if (word.startsWith("--")) {
      const text = word.slice(2);
      if (text.startsWith("-") || text.startsWith("=")) fail(`bad flag syntax: ${word}`);
      const equals = text.indexOf("=");
      const name = equals < 0 ? text : text.slice(0, equals);
      const flag = flags.find((candidate) => candidate.name === name);
      if (flag === undefined) {
        if (name === "help") throw new GoFlagExit(usage(setName, flags), 0);
        fail(`unknown flag: --${name}`);
      } else {
        let value = equals < 0 ? undefined : text.slice(equals + 1);
        if (value === undefined && flag.kind === "bool") value = "true";
        if (value === undefined) value = rest.length > 0 ? rest.shift() : fail(`flag needs an argument: ${word}`);
        values.set(name, checkedValue(flag, value ?? "", fail));
      }
    } else {
      if (word[1] === "h") throw new GoFlagExit(usage(setName, flags), 0);
      fail(`unknown shorthand flag: '${word[1]}' in ${word}`);
    }
  }
  return { args, values };
}

/**
 * The value if the flag's type takes it (`strconv.ParseBool`, `strconv.ParseInt`), else pflag's complaint. Ints are
 * read in decimal: pflag's `ParseInt(s, 0, 64)` also takes `0x`, `0o`, `0b` and a leading-zero octal, which no client
 * of the sandbox sends.
 */
function checkedValue(flag: GoFlag, value: string, fail: (message: string) => never): string {
  const parser = flag.kind === "bool" ? "ParseBool" : "ParseInt";
  const valid = flag.kind === "bool" ? [...TRUE_TEXTS, ...FALSE_TEXTS].includes(value) : /^[+-]?[0-9]+$/.test(value);
  if (!valid) {
    const quoted = goQuote(value);
    fail(`invalid argument ${quoted} for "--${flag.name}" flag: strconv.${parser}: parsing ${quoted}: invalid syntax`);
  }
  return value;
}

/** Whether a bool flag was given true. */
export function goFlagIsTrue(parsed: ParsedGoFlags, name: string): boolean {
  return TRUE_TEXTS.includes(parsed.values.get(name) ?? "false");
}
