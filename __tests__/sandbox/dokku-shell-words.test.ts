/**
 * How the sandbox's Dokku server reads a command line: split as the server's shell would (sandbox/dokku/commands/
 * shell-words.ts), then held to the words Dokku's own `dokku` script re-reads from `$SSH_ORIGINAL_COMMAND` with
 * `xargs -n 1` (dokku at v0.34.9, the `SSH_ORIGINAL_COMMAND` branch); anything else is refused before it runs.
 */
import { splitShellWords } from "../../sandbox/dokku/commands/shell-words";
import { dokkuArgumentWords } from "../../sandbox/dokku/commands/xargs-words";
import { configVarsStr, dokkuServer, refusedWithoutChange, shellescapeQuote } from "./support/dokku-client";

function wordsOf(line: string): string[] {
  const split = splitShellWords(line);
  if (!split.ok) throw new Error(`refused: ${split.refusal}`);
  return split.words;
}

function refusalOf(line: string): string {
  const split = splitShellWords(line);
  if (split.ok) throw new Error(`not refused: ${JSON.stringify(split.words)}`);
  return split.refusal;
}

describe("splitting a line into words", () => {
  // bash word splitting of the unquoted line: blanks (space, tab) separate words.
  test("blanks separate words, however many; a line of blanks has none", () => {
    expect(wordsOf("config:show  songlist-staging\t ")).toEqual(["config:show", "songlist-staging"]);
    expect(wordsOf("   ")).toEqual([]);
  });

  // bash single quotes: no escapes inside; adjacent quoted and unquoted parts make one word.
  test("single quotes keep everything, join with what touches them, and an empty pair is an empty word", () => {
    expect(wordsOf("a'b c'd")).toEqual(["ab cd"]);
    expect(wordsOf("x '' y")).toEqual(["x", "", "y"]);
    expect(wordsOf("'a;b|c&d$(e)`f`>g<h#i~j{k}\\l'")).toEqual(["a;b|c&d$(e)`f`>g<h#i~j{k}\\l"]);
  });

  // bash double quotes (POSIX 2.2.3): backslash escapes only $ ` " \ and newline.
  test('double quotes group; a backslash escapes only $ ` " \\ and a newline, and stays before anything else', () => {
    expect(wordsOf('"a b"')).toEqual(["a b"]);
    expect(wordsOf('"a\\"b"')).toEqual(['a"b']);
    expect(wordsOf('"a\\\\b"')).toEqual(["a\\b"]);
    expect(wordsOf('"a\\$b"')).toEqual(["a$b"]);
    expect(wordsOf('"a\\`b"')).toEqual(["a`b"]);
    expect(wordsOf('"a\\xb"')).toEqual(["a\\xb"]);
    expect(wordsOf('"a\\\nb"')).toEqual(["ab"]);
    expect(wordsOf('"it\'s"')).toEqual(["it's"]);
    expect(wordsOf('"a$ b$"')).toEqual(["a$ b$"]);
  });

  // bash's backslash outside quotes (POSIX 2.2.1), line continuation included.
  test("a backslash outside quotes takes the next character as it is, and joins lines at a newline", () => {
    expect(wordsOf("a\\ b")).toEqual(["a b"]);
    expect(wordsOf("\\'x")).toEqual(["'x"]);
    expect(wordsOf("a\\;b")).toEqual(["a;b"]);
    expect(wordsOf("a\\\nb")).toEqual(["ab"]);
  });

  // dokku runs its re-read words under `set -f`, so patterns stay as written; a `$` before a blank is literal.
  test("pattern characters and a lone $ are plain characters (Dokku runs with globbing off)", () => {
    expect(wordsOf("a* b? [c] d$ $")).toEqual(["a*", "b?", "[c]", "d$", "$"]);
  });

  // bash operators and expansions (POSIX 2.3, 2.6) the sandbox refuses to run.
  test.each([
    ["apps:create x; rm -rf /", /`;` separates commands/],
    ["apps:create x & y", /`&` runs a command in the background/],
    ["apps:create x && y", /`&` runs a command in the background/],
    ["apps:create x | y", /`\|` pipes into another command/],
    ["apps:create x || y", /`\|` pipes into another command/],
    ["apps:create x > y", /`>` redirects output/],
    ["apps:create x 2>&1", /`>` redirects output/],
    ["apps:create x < y", /`<` redirects input/],
    ["apps:create (x)", /`\(` starts a subshell/],
    ["apps:create x)", /`\)` ends a subshell/],
    ["apps:create $(id)", /`\$\(` substitutes a command's output/],
    ['apps:create "$(id)"', /`\$\(` substitutes a command's output, also inside double quotes/],
    ["apps:create `id`", /a backquote substitutes a command's output/],
    ['apps:create "`id`"', /a backquote substitutes a command's output, also inside double quotes/],
    ["apps:create $HOME", /`\$H` expands a parameter/],
    ["apps:create ${HOME}", /`\$\{` expands a parameter/],
    ['apps:create "$1"', /`\$1` expands a parameter, also inside double quotes/],
    ["apps:create $'x'", /`\$'` starts bash's ANSI-C quoting/],
    ["apps:create 'x", /a single quote is not closed/],
    ['apps:create "x', /a double quote is not closed/],
    ["apps:create x\\", /a backslash ends the line/],
    ["apps:create x #comment", /`#` starts a comment/],
    ["apps:create ~", /`~` at the start of a word expands to a home directory/],
    ["apps:create {a,b}", /`\{` is part of bash's brace expansion/],
    ["apps:create a\napps:create b", /a newline outside quotes separates commands/],
  ])("%j is refused", (line, why) => {
    expect(refusalOf(line)).toMatch(why);
    expect(refusalOf(line)).toMatch(/the sandbox runs plain words only$/);
  });

  // bash: `#` starts a comment and `~` a tilde expansion only at the start of a word.
  test("# and ~ inside a word are plain characters", () => {
    expect(wordsOf("a#b c~d")).toEqual(["a#b", "c~d"]);
  });
});

describe("the provider's quoting (Go's shellescape.Quote) reaches Dokku whole", () => {
  // shellescape 1.5.0 Quote, as dokku.go configVarsStr quotes each value; dokku's `xargs -n 1` re-read agrees.
  test.each([
    ["plain", "plain"],
    ["spaces", "a value with spaces"],
    ["quotes", `it's "quoted"`],
    ["dollar", "$HOME and $(id) and ${X}"],
    ["equals", "a=b=c"],
    ["colons and slashes", "postgres://u:p@h:5432/db"],
    ["shell operators", "a;b|c&d>e<f`g`"],
    ["empty", ""],
  ])("%s: the shell's words and Dokku's are KEY=<value>", (_, value) => {
    const line = `config:set app ${configVarsStr({ KEY: value })}`;
    expect(wordsOf(line)).toEqual(["config:set", "app", `KEY=${value}`]);
    expect(dokkuArgumentWords(line)).toEqual({ ok: true, words: ["config:set", "app", `KEY=${value}`] });
  });

  // shellescape 1.5.0 Quote: the safe set [\w@%+=:,./-] stays bare.
  test("shellescape.Quote leaves safe values bare and wraps the rest, closing around each single quote", () => {
    expect(shellescapeQuote("abc_1@%+=:,./-")).toBe("abc_1@%+=:,./-");
    expect(shellescapeQuote("it's")).toBe(`'it'"'"'s'`);
    expect(shellescapeQuote("")).toBe("''");
  });

  // dokku: SSH_ORIGINAL_COMMAND goes through `xargs -n 1`, which stops at a quoted newline (checked against GNU xargs
  // 4.9).
  test("a value with a newline splits for the shell but not for Dokku's xargs, so the line is refused, changing nothing", () => {
    const line = `config:set app ${configVarsStr({ A: "1", B: "two\nlines" })}`;
    expect(wordsOf(line)).toEqual(["config:set", "app", "A=1", "B=two\nlines"]);
    expect(dokkuArgumentWords(line)).toEqual({
      ok: false,
      error: "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option",
    });
    const server = dokkuServer();
    server.given("apps:create app");
    const result = refusedWithoutChange(server, line);
    expect(result).toEqual({
      stdout: "",
      stderr:
        " !     sandbox: refused: Dokku re-reads the line with `xargs -n 1` and would not see the words a shell sees " +
        "(xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option)\n",
      status: 2,
    });
  });
});

describe("where Dokku's xargs reads a line otherwise than the shell, the line is refused", () => {
  // dokku's `printf '%s' "$SSH_ORIGINAL_COMMAND" | xargs -n 1` and `readarray -t`: GNU xargs quoting and coreutils
  // echo.
  test.each([
    ['config:set app K="a\\"b"', "xargs: unmatched double quote"],
    ['config:set app K="a\\\\b"', '["config:set","app","K=a\\\\\\\\b"]'],
    ["config:set app a\\\nb", '["config:set","app","a","b"]'],
    ["config:set app -n K=v", '["config:set","app","K=v"]'],
    ["config:set app -e", '["config:set","app",""]'],
    ["config:set app --help", "echo prints its own help text for `--help`"],
    ["config:set app --version", "echo prints its own version text for `--version`"],
  ])("%j", (line, how) => {
    const server = dokkuServer();
    server.given("apps:create app");
    const result = refusedWithoutChange(server, line);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(" !     sandbox: refused: Dokku re-reads the line with `xargs -n 1`");
    expect(result.stderr).toContain(how);
  });

  // GNU xargs read_line (4.9): blanks and newlines separate, quotes group without escapes; echo eats -n/-e/-E words.
  test("xargs's own rules: blanks and newlines separate, quotes group without escapes, a trailing backslash is lost", () => {
    expect(dokkuArgumentWords("a  'b c' \"d\\e\"\nf g\\")).toEqual({ ok: true, words: ["a", "b c", "d\\e", "f", "g"] });
    expect(dokkuArgumentWords("a '' -nx -E")).toEqual({ ok: true, words: ["a", "", "-nx", ""] });
  });
});

describe("a refused line runs nothing", () => {
  // Whatever the reason for refusing, nothing runs.
  test.each([
    "apps:create one; apps:create two",
    "apps:create one && apps:create two",
    "apps:create $(echo one)",
    "apps:create 'one",
  ])("%j creates no app and exits 2 with the reason", (line) => {
    const server = dokkuServer();
    const result = refusedWithoutChange(server, line);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^ !     sandbox: refused: .*; the sandbox runs plain words only\n$/);
    expect(server.data.apps).toEqual([]);
  });
});
