/**
 * A command line split into words as the shell on a Dokku server splits it: sshd runs the `dokku` user's forced command
 * (`dokku $SSH_ORIGINAL_COMMAND`, from its `authorized_keys` entry) through the login shell, bash. (Dokku then reads
 * the line once more itself, which `xargs-words.ts` models; a line is run only when both readings agree.) What the
 * sandbox supports is the quoting a client needs to pass any value: blanks between words, single quotes (Go's
 * `shellescape.Quote`, which the Terraform provider quotes every config value with, writes `it's` as `'it'"'"'s'`),
 * double quotes with their backslash escapes, and backslashes outside quotes.
 *
 * Anything that would make the shell do more than pass words along is refused, never run and never half-run: command
 * separators, pipes, background jobs, redirections, subshells, command substitution, parameter expansion, comments,
 * tilde and brace expansion, and an unterminated quote. Pattern characters (`*`, `?`, `[`) are kept as they are: Dokku
 * runs its command with globbing off (`set -f`).
 */

/** The words, or why the line is refused. */
export type ShellWords = { ok: true; words: string[] } | { ok: false; refusal: string };

/** Characters that end a word and start an operator when unquoted, with what the shell would do with them. */
const OPERATORS: Record<string, string> = {
  ";": "`;` separates commands",
  "&": "`&` runs a command in the background (and `&&` chains commands)",
  "|": "`|` pipes into another command (and `||` chains commands)",
  "<": "`<` redirects input",
  ">": "`>` redirects output",
  "(": "`(` starts a subshell",
  ")": "`)` ends a subshell",
  "\n": "a newline outside quotes separates commands",
};

/** What `$` followed by this text would expand, or undefined when the `$` is just a character. */
function expansionAt(rest: string): string | undefined {
  if (rest.startsWith("(")) return "`$(` substitutes a command's output";
  if (rest.startsWith("{")) return "`${` expands a parameter";
  if (/^[A-Za-z_0-9@*#?$!-]/.test(rest)) return `\`$${rest[0]}\` expands a parameter`;
  if (rest.startsWith("'")) return "`$'` starts bash's ANSI-C quoting";
  return undefined;
}

/** Splits `line` into words, or says which construct it refuses. */
export function splitShellWords(line: string): ShellWords {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  const refuse = (why: string): ShellWords => ({ ok: false, refusal: `${why}; the sandbox runs plain words only` });
  let at = 0;
  while (at < line.length) {
    const char = line[at];
    const expansion = char === "$" ? expansionAt(line.slice(at + 1)) : undefined;
    if (char === " " || char === "\t") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      at += 1;
    } else if (Object.hasOwn(OPERATORS, char)) {
      return refuse(OPERATORS[char]);
    } else if (char === "'") {
      const end = line.indexOf("'", at + 1);
      if (end < 0) return refuse("a single quote is not closed");
      word += line.slice(at + 1, end);
      inWord = true;
      at = end + 1;
    } else if (char === '"') {
      const quoted = readDoubleQuoted(line, at + 1);
      if (!quoted.ok) return refuse(quoted.refusal);
      word += quoted.text;
      inWord = true;
      at = quoted.end + 1;
    } else if (char === "\\") {
      if (at + 1 >= line.length) return refuse("a backslash ends the line, escaping nothing");
      // A backslash-newline joins two lines into one word; any other escaped character is taken as it is.
      if (line[at + 1] !== "\n") {
        word += line[at + 1];
        inWord = true;
      }
      at += 2;
    } else if (char === "`") {
      return refuse("a backquote substitutes a command's output");
    } else if (expansion !== undefined) {
      return refuse(expansion);
    } else if (!inWord && char === "#") {
      return refuse("`#` starts a comment, which would drop the rest of the line");
    } else if (!inWord && char === "~") {
      return refuse("`~` at the start of a word expands to a home directory");
    } else if (char === "{" || char === "}") {
      return refuse(`\`${char}\` is part of bash's brace expansion`);
    } else {
      word += char;
      inWord = true;
      at += 1;
    }
  }
  if (inWord) words.push(word);
  return { ok: true, words };
}

/**
 * The text of a double-quoted string starting at `from` (after the opening quote) and where it ends. A backslash
 * escapes only `$`, `` ` ``, `"`, `\` and a newline (which it removes); before anything else it stays. `$`-expansions
 * and backquotes are refused, as outside quotes.
 */
function readDoubleQuoted(
  line: string,
  from: number,
): { ok: true; text: string; end: number } | { ok: false; refusal: string } {
  let text = "";
  let at = from;
  while (at < line.length) {
    const char = line[at];
    const expansion = char === "$" && line[at + 1] !== "'" ? expansionAt(line.slice(at + 1)) : undefined;
    if (char === '"') return { ok: true, text, end: at };
    if (char === "\\" && at + 1 < line.length && '$`"\\\n'.includes(line[at + 1])) {
      if (line[at + 1] !== "\n") text += line[at + 1];
      at += 2;
    } else if (char === "`") {
      return { ok: false, refusal: "a backquote substitutes a command's output, also inside double quotes" };
    } else if (expansion !== undefined) {
      return { ok: false, refusal: `${expansion}, also inside double quotes` };
    } else {
      text += char;
      at += 1;
    }
  }
  return { ok: false, refusal: "a double quote is not closed" };
}
