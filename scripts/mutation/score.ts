/**
 * Prints the mutation score per part from Stryker's JSON report and exits non-zero when a part is below its
 * threshold. Run after Stryker by `npm run test:mutation`; reads only the JSON (mutation-testing-report-schema), never
 * Stryker's text output.
 *
 *   tsx scripts/mutation/score.ts [report.json …]   (default: the report of each part in parts.json that has one)
 *
 * Several reports (one per part, or runs with `--mutate` on different folders) are read as one; a file in more than
 * one counts once, from the last report that has it.
 */
import * as fs from "fs";
import * as path from "path";
import { table } from "../lib/report";
import { PROJECT_ROOT } from "../lib/project-root";
import { partIncludes, readParts, reportFileOf } from "./mutation-parts";

/** The statuses of mutation-testing-report-schema that count, and how. */
const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

/** A row of the table: the files it groups, and the score it must reach (none: reported only). */
export interface Group {
  readonly name: string;
  readonly includes: (file: string) => boolean;
  readonly threshold?: number;
}

const { parts, totals } = readParts();

/** One row per part of parts.json, then one per total (several parts together), each with its threshold. */
export const GROUPS: readonly Group[] = [
  ...Object.entries(parts).map(([name, part]) => ({
    name,
    includes: (file: string) => partIncludes(part, file),
    threshold: part.threshold,
  })),
  ...Object.entries(totals).map(([name, total]) => ({
    name: `${name} (${total.parts.length} parts)`,
    includes: (file: string) => total.parts.some((part) => partIncludes(parts[part], file)),
    threshold: total.threshold,
  })),
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

function scoreTable(rows: readonly Score[]): string {
  return table(
    ["part", "score", "threshold", "killed", "survived", "ignored"],
    rows.map((row) => [
      row.group.name,
      row.score === undefined ? "-" : `${row.score.toFixed(1)}%`,
      row.group.threshold === undefined ? "" : `${row.group.threshold}%`,
      String(row.detected),
      String(row.undetected),
      String(row.ignored),
    ]),
  );
}

/** Reads the reports as one (a file in several counts from the last), prints the table and fails below a threshold. */
export function printScores(reportFiles: readonly string[]): number {
  const reports = reportFiles.map((file) => JSON.parse(fs.readFileSync(file, "utf8")) as Report);
  const rows = scores({ files: Object.assign({}, ...reports.map((report) => report.files)) }, PROJECT_ROOT);
  console.log(scoreTable(rows));
  for (const row of failures(rows)) {
    console.error(`${row.group.name}: mutation score ${row.score?.toFixed(1)}% is below ${row.group.threshold}%`);
  }
  return failures(rows).length ? 1 : 0;
}

if (require.main === module) {
  const given = process.argv.slice(2);
  const files = given.length
    ? given
    : Object.keys(parts)
        .map((part) => reportFileOf(part))
        .filter(fs.existsSync);
  const missing = given.filter((file) => !fs.existsSync(file));
  if (missing.length || files.length === 0) {
    console.error(
      `No Stryker JSON report at ${missing.join(", ") || "reports/mutation/<part>.json"}: run npm run test:mutation (the json reporter writes it).`,
    );
    process.exit(2);
  }
  process.exit(printScores(files));
}
