/**
 * The Postgres plugin's option parser (`service_parse_args` in dokku-postgres 1.38.0's `common-functions`): each long
 * option is first replaced by its letter (`--alias` → `-a`; only the exact word), then bash's `getopts` reads the
 * letters. Like `getopts`, it stops at the first word that is not an option, and it skips letters it does not know
 * (bash prints a complaint for them, which the sandbox leaves out): so `--alias=X` is an unknown `-` and then `-a` with
 * `lias=X`.
 */

const LONG_OPTIONS: Record<string, string> = {
  "--alias": "-a",
  "--config-options": "-c",
  "--custom-env": "-C",
  "--database": "-d",
  "--image-version": "-I",
  "--initial-network": "-N",
  "--image": "-i",
  "--memory": "-m",
  "--no-restart": "-n",
  "--password": "-p",
  "--post-create-network": "-P",
  "--post-start-network": "-S",
  "--querystring": "-q",
  "--restart-apps": "-R",
  "--root-password": "-r",
  "--shm-size": "-s",
  "--user": "-u",
};

/**
 * The `getopts` option string. `n` is listed twice (`n` and `n:`); `getopts` uses the first, so `-n` takes no value.
 */
const OPTION_STRING = "na:c:C:d:i:I:m:n:N:p:P:q:R:r:s:S:u:";

/** Whether `getopts` expects a value after this letter. */
function takesValue(letter: string): boolean {
  const at = OPTION_STRING.indexOf(letter);
  return at >= 0 && OPTION_STRING[at + 1] === ":";
}

/** The options in `args`, by letter (a later one wins); a letter without a value maps to "". */
export function parseServiceArgs(args: string[]): Map<string, string> {
  const words = args.map((word) => (Object.hasOwn(LONG_OPTIONS, word) ? LONG_OPTIONS[word] : word));
  const options = new Map<string, string>();
  let at = 0;
  while (at < words.length) {
    const word = words[at];
    if (word === "--") break;
    if (!word.startsWith("-") || word === "-") break;
    at += 1;
    for (let position = 1; position < word.length; position += 1) {
      const letter = word[position];
      if (!OPTION_STRING.includes(letter) || letter === ":") continue;
      if (!takesValue(letter)) {
        options.set(letter, "");
      } else if (position + 1 < word.length) {
        options.set(letter, word.slice(position + 1));
        break;
      } else if (at < words.length) {
        options.set(letter, words[at]);
        at += 1;
        break;
      } else {
        // `getopts` complains that the option needs a value and goes on without it.
        break;
      }
    }
  }
  return options;
}
