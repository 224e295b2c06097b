/**
 * The sandbox Dokku server's readers and layouts, on their own: Go's strconv and sort as Dokku's Go plugins use them,
 * ryanuber/columnize and bash's printf padding, pflag's flag parsing, and the Postgres plugin's getopts parsing.
 */
import { columnize, padBytes } from "../../sandbox/dokku/commands/columns";
import { GoFlagExit, goFlagIsTrue, parseGoFlags, type GoFlag } from "../../sandbox/dokku/commands/go-flags";
import { parseServiceArgs } from "../../sandbox/dokku/commands/service-args";
import { byteOrder, goAtoi, goQuote } from "../../sandbox/dokku/models/go-text";

describe("Go's strconv and sort", () => {
  // strconv.Atoi and its NumError texts (checked against Go's own), as ports' parsePortMapString prints them.
  test("Atoi takes a sign and digits within int64, nothing else, with Go's messages", () => {
    expect(goAtoi("+080")).toEqual({ ok: true, value: 80n });
    expect(goAtoi("-9223372036854775808")).toEqual({ ok: true, value: -(2n ** 63n) });
    expect(goAtoi("9223372036854775808")).toEqual({
      ok: false,
      error: 'strconv.Atoi: parsing "9223372036854775808": value out of range',
    });
    for (const text of ["", " 1", "1_000", "0x10", "1.0", "+"]) {
      expect(goAtoi(text)).toEqual({ ok: false, error: `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax` });
    }
  });

  // strconv.Quote, inside Atoi's NumError message.
  test("Quote escapes quotes, backslashes and controls", () => {
    expect(goQuote('a"b\\c\nd\te\x01é')).toBe('"a\\"b\\\\c\\nd\\te\\x01é"');
  });

  // sort.Strings, as config's Env.Keys, ports' listAppPortMaps and ps' FormationSlice order their lists.
  test("sort.Strings orders by UTF-8 bytes: capitals before lowercase, and astral characters after U+FFFF's neighbours", () => {
    expect(["b", "B", "a", "_"].sort(byteOrder)).toEqual(["B", "_", "a", "b"]);
    expect(["\u{1F600}", "\uFF5E"].sort(byteOrder)).toEqual(["\uFF5E", "\u{1F600}"]);
    expect(["\u{1F600}", "\uFF5E"].sort()).toEqual(["\u{1F600}", "\uFF5E"]);
  });
});

describe("columnize and printf", () => {
  // ryanuber/columnize Format, as config's prettyPrintEnvEntries and ports' listAppPortMaps configure it.
  test("columnize trims fields, pads all but a line's last column to the widest, with two spaces of glue", () => {
    expect(columnize(["a: x ", "long:y", "z"], { delimiter: ":", prefix: "> " })).toBe("> a     x\n> long  y\n> z");
    expect(columnize(["é|1", "ab|2"], { delimiter: "|" })).toBe("é   1\nab  2");
    expect(columnize([], { delimiter: "|" })).toBe("");
  });

  // bash's printf "%-Ns", as the domains, nginx and postgres reports pad their columns.
  test("bash's printf pads by bytes and never cuts", () => {
    expect(padBytes("é", 4)).toBe("é  ");
    expect(padBytes("abcdef", 3)).toBe("abcdef");
  });
});

/** A flag set with one flag of each kind. */
function sampleFlags(): GoFlag[] {
  return [
    { name: "force", kind: "bool", usage: "--force: force it" },
    { name: "index", kind: "int", usage: "--index: where" },
  ];
}

describe("pflag", () => {
  // pflag v1.0.5 parseArgs: interspersed flags, `--flag=value`, NoOptDefVal "true" for bools, `--` terminator.
  test("flags anywhere, =values, a bare bool is true, and -- ends the flags", () => {
    const parsed = parseGoFlags("x:y", sampleFlags(), [
      "a",
      "--index",
      "3",
      "b",
      "--force=false",
      "--",
      "--force",
      "-1",
    ]);
    expect(parsed.args).toEqual(["a", "b", "--force", "-1"]);
    expect(parsed.values).toEqual(
      new Map([
        ["index", "3"],
        ["force", "false"],
      ]),
    );
    expect(goFlagIsTrue(parsed, "force")).toBe(false);
    expect(goFlagIsTrue(parseGoFlags("x:y", sampleFlags(), ["--force"]), "force")).toBe(true);
    expect(parseGoFlags("x:y", sampleFlags(), ["-", ""]).args).toEqual(["-", ""]);
  });

  function exitOf(argv: string[]): GoFlagExit {
    try {
      parseGoFlags("x:y", sampleFlags(), argv);
    } catch (error) {
      if (error instanceof GoFlagExit) return error;
    }
    throw new Error("no exit");
  }

  // pflag v1.0.5: --help and -h (with no h flag) print the usage (FlagUsages) and Parse exits 0 on ErrHelp.
  test("help prints the usage, aligned and sorted, and exits 0", () => {
    const usage = "Usage of x:y:\n      --force       --force: force it\n      --index int   --index: where\n";
    expect(exitOf(["--help"])).toMatchObject({ stderr: usage, status: 0 });
    expect(exitOf(["-h"])).toMatchObject({ stderr: usage, status: 0 });
  });

  // pflag v1.0.5 failf (error, then usage) and Parse's ExitOnError (error again, exit 2).
  test.each([
    [["--nope"], "unknown flag: --nope"],
    [["-x"], "unknown shorthand flag: 'x' in -x"],
    [["---force"], "bad flag syntax: ---force"],
    [["--=x"], "bad flag syntax: --=x"],
    [["--index"], "flag needs an argument: --index"],
    [
      ["--force=maybe"],
      'invalid argument "maybe" for "--force" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    ],
  ])("%j: the error, the usage, the error again, status 2", (argv, message) => {
    const exit = exitOf(argv);
    expect(exit.status).toBe(2);
    expect(exit.stderr.startsWith(`${message}\nUsage of x:y:\n`)).toBe(true);
    expect(exit.stderr.endsWith(`\n${message}\n`)).toBe(true);
  });
});

describe("the Postgres plugin's getopts", () => {
  // dokku-postgres common-functions service_parse_args: the long-option case, then getopts' optstring.
  test("long options become letters; values follow or are attached; -n takes none", () => {
    expect(parseServiceArgs(["--alias", "x", "-qsslmode=on", "-n", "--image-version", "16"])).toEqual(
      new Map([
        ["a", "x"],
        ["q", "sslmode=on"],
        ["n", ""],
        ["I", "16"],
      ]),
    );
  });

  // bash getopts, as service_parse_args runs it (checked against bash 5.2's getopts).
  test("parsing stops at the first word that is not an option, and at --; unknown letters are skipped", () => {
    expect(parseServiceArgs(["word", "--alias", "x"])).toEqual(new Map());
    expect(parseServiceArgs(["--", "-a", "x"])).toEqual(new Map());
    // As bash's getopts: `--alias=z` is `-` (unknown) then `a` with the rest, `lias=z`, as its value.
    expect(parseServiceArgs(["-xa", "y", "--alias=z"])).toEqual(new Map([["a", "lias=z"]]));
    expect(parseServiceArgs(["-xa", "y"])).toEqual(new Map([["a", "y"]]));
    expect(parseServiceArgs(["-a"])).toEqual(new Map());
  });
});
