/**
 * Prints the mutation score per folder from Stryker's JSON report and exits non-zero when a folder is below its
 * threshold. Run after Stryker by `npm run test:mutation`; reads only the JSON (mutation-testing-report-schema), never
 * Stryker's text output.
 *
 *   tsx scripts/mutation/score.ts [report.json …]   (default: reports/mutation/mutation.json)
 *
 * Several reports (runs with `--mutate` on different folders) are read as one; a file in more than one counts once,
 * from the last report that has it.
 */
import * as fs from "fs";
import * as path from "path";

/** The statuses of mutation-testing-report-schema that count, and how. */
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** A row of the table: the files it groups, and the score it must reach (none: reported only). */
export interface Group {
  readonly name: string;
  readonly includes: (file: string) => boolean;
  readonly threshold?: number;
}

const inSandbox = (file: string): boolean => file.startsWith("sandbox/");
const inSandboxApi = (file: string): boolean => /^sandbox\/(heroku|gitlab)\//.test(file);

export const GROUPS: readonly Group[] = [
  { name: "constructs/", includes: (file) => file.startsWith("constructs/"), threshold: 80 },
  { name: "sandbox/heroku/", includes: (file) => file.startsWith("sandbox/heroku/") },
  { name: "sandbox/gitlab/", includes: (file) => file.startsWith("sandbox/gitlab/") },
  { name: "sandbox/ (other)", includes: (file) => inSandbox(file) && !inSandboxApi(file) },
  { name: "sandbox/ (all)", includes: inSandbox, threshold: 75 },
  { name: "scripts/lib/review/", includes: (file) => file.startsWith("scripts/lib/review/") },
];

export interface Score {
  readonly group: Group;
  readonly detected: number;
  readonly undetected: number;
  readonly ignored: number;
  /** Detected over detected + undetected, in percent; undefined when the group has no valid mutant. */
  readonly score?: number;
}

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

/** Scores of every group, from a parsed report whose file keys are relative to `root` (or absolute below it). */
export function scores(report: Report, root: string): Score[] {
  const mutants = Object.entries(report.files).flatMap(([file, { mutants }]) => {
    const relative = path.isAbsolute(file) ? path.relative(root, file) : file;
    return mutants.map((mutant) => ({ file: relative.split(path.sep).join("/"), status: mutant.status }));
  });
  return GROUPS.map((group) => {
    const mine = mutants.filter((mutant) => group.includes(mutant.file));
    const detected = mine.filter((mutant) => DETECTED.has(mutant.status)).length;
    const undetected = mine.filter((mutant) => UNDETECTED.has(mutant.status)).length;
    const ignored = mine.filter((mutant) => mutant.status === "Ignored").length;
    const valid = detected + undetected;
    return { group, detected, undetected, ignored, score: valid ? (100 * detected) / valid : undefined };
  });
}

/** Groups below their threshold. A group without mutants passes: the run did not measure it (`--mutate`). */
export function failures(rows: readonly Score[]): Score[] {
  return rows.filter(
    (row) => row.group.threshold !== undefined && row.score !== undefined && row.score < row.group.threshold,
  );
}

function table(rows: readonly Score[]): string {
  const header = ["folder", "score", "threshold", "killed", "survived", "ignored"];
  const body = rows.map((row) => [
    row.group.name,
    row.score === undefined ? "-" : `${row.score.toFixed(1)}%`,
    row.group.threshold === undefined ? "" : `${row.group.threshold}%`,
    String(row.detected),
    String(row.undetected),
    String(row.ignored),
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...body].map((cells) => cells[column].length)));
  return [header, ...body]
    .map((cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join("  "))
    .join("\n");
}

if (require.main === module) {
  const root = path.resolve(__dirname, "..", "..");
  const files = process.argv.slice(2);
  const reports = (files.length ? files : [path.join(root, "reports", "mutation", "mutation.json")]).map((file) => {
    if (!fs.existsSync(file)) {
      console.error(`No Stryker JSON report at ${file}: run npm run test:mutation (the json reporter writes it).`);
      process.exit(2);
    }
    return JSON.parse(fs.readFileSync(file, "utf8")) as Report;
  });
  const rows = scores({ files: Object.assign({}, ...reports.map((report) => report.files)) }, root);
  console.log(table(rows));
  for (const row of failures(rows)) {
    console.error(`${row.group.name}: mutation score ${row.score?.toFixed(1)}% is below ${row.group.threshold}%`);
  }
  process.exit(failures(rows).length ? 1 : 0);
}
