import * as fs from "fs";
import * as path from "path";
import { PROJECT_ROOT } from "../lib/project-root";

/** One part of the code under mutation testing (scripts/mutation/parts.json). */
export interface MutationPart {
  /** Stryker `mutate` globs. */
  readonly mutate: readonly string[];
  /** The score the part must reach, in percent; none: reported only. */
  readonly threshold?: number;
}

/** Several parts scored together (the sandbox's), and the score they must reach together. */
export interface MutationTotal {
  readonly parts: readonly string[];
  readonly threshold?: number;
}

interface PartsFile {
  readonly reportDirectory: string;
  readonly parts: Record<string, MutationPart>;
  readonly totals: Record<string, MutationTotal>;
}

/** The name of a Stryker run given its own `--mutate`: it leaves the parts' reports and incremental files alone. */
export const ADHOC_RUN = "adhoc";

/** scripts/mutation/parts.json, the one list of what is mutated (stryker.config.mjs reads it too). */
export function readParts(): PartsFile {
  return JSON.parse(fs.readFileSync(path.join(__dirname, "parts.json"), "utf8")) as PartsFile;
}

/** The JSON report a run writes (stryker.config.mjs names it the same way). */
export function reportFileOf(run: string, parts = readParts()): string {
  return path.join(PROJECT_ROOT, parts.reportDirectory, `${run}.json`);
}

/** A glob of parts.json as a regular expression: `**` and a slash is any folders (or none), `*` part of one name. */
function globPattern(glob: string): RegExp {
  const source = glob
    .split(/(\*\*\/|\*)/)
    .map((token) => {
      if (token === "**/") return "(?:.*/)?";
      if (token === "*") return "[^/]*";
      return token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  return new RegExp(`^${source}$`);
}

/** Whether `file` (relative to the project, `/`-separated) is mutated by `part`: one glob takes it, no `!` glob drops it. */
export function partIncludes(part: MutationPart, file: string): boolean {
  const excluded = part.mutate.filter((glob) => glob.startsWith("!")).map((glob) => glob.slice(1));
  const included = part.mutate.filter((glob) => !glob.startsWith("!"));
  return (
    included.some((glob) => globPattern(glob).test(file)) && !excluded.some((glob) => globPattern(glob).test(file))
  );
}
