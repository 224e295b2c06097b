/**
 * The words Dokku itself runs a command with. Whatever the login shell made of the line, Dokku's `dokku` script (at
 * v0.34.9) re-reads `$SSH_ORIGINAL_COMMAND` when it is set: `printf '%s' "$SSH_ORIGINAL_COMMAND" | xargs -n 1`, then
 * `readarray -t` of the output. So a line reaches Dokku as GNU xargs splits it, each word passed through `echo`:
 * - xargs separates words at blanks and newlines; single and double quotes group, with nothing escaped inside them
 *   (a backslash in double quotes is a backslash); a quote left open, or one holding a newline, stops xargs
 *   ("unmatched single quote"), after it has run `echo` for the words before: Dokku then runs a shortened command;
 * - a backslash outside quotes takes the next character as it is, a newline included, which `readarray` then splits;
 * - `echo` takes a word made of `-n`, `-e`, `-E` letters as its options (printing nothing, or an empty line) and prints
 *   its help for `--help` and `--version`.
 *
 * The sandbox runs a line only when these words are the shell's words, so it never runs something Dokku would read
 * otherwise.
 */

/** The words, or xargs's complaint. */
export type XargsWords = { ok: true; words: string[] } | { ok: false; error: string };

/** The words Dokku runs `line` with. */
export function dokkuArgumentWords(line: string): XargsWords {
  const xargs = splitLikeXargs(line);
  if (!xargs.ok) return xargs;
  const help = xargs.words.find((word) => word === "--help" || word === "--version");
  if (help !== undefined) return { ok: false, error: `echo prints its own ${help.slice(2)} text for \`${help}\`` };
  return { ok: true, words: echoEach(xargs.words) };
}

/** GNU xargs's default splitting (`read_line`: no `-0`, no `-d`). */
function splitLikeXargs(line: string): XargsWords {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: string | undefined;
  let escaped = false;
  for (const char of line) {
    if (escaped) {
      word += char;
      escaped = false;
    } else if (quote !== undefined) {
      if (char === "\n") return unmatched(quote);
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === " " || char === "\t" || char === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      inWord = true;
      if (char === "\\") escaped = true;
      else if (char === "'" || char === '"') quote = char;
      else word += char;
    }
  }
  if (quote !== undefined) return unmatched(quote);
  if (inWord) words.push(word);
  return { ok: true, words };
}

function unmatched(quote: string): XargsWords {
  const kind = quote === "'" ? "single" : "double";
  return {
    ok: false,
    error: `xargs: unmatched ${kind} quote; by default quotes are special to xargs unless you use the -0 option`,
  };
}

/**
 * What `echo` (GNU coreutils, one word per call) prints for each word, read back a line at a time: option words print
 * an empty line (`-e`, `-E`) or nothing (any with `n`), and a word holding a newline comes back as two.
 */
function echoEach(words: string[]): string[] {
  let printed = "";
  for (const word of words) {
    if (/^-[neE]+$/.test(word)) printed += word.includes("n") ? "" : "\n";
    else printed += `${word}\n`;
  }
  const lines = printed.split("\n");
  lines.pop();
  return lines;
}
