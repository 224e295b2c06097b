import { PROVIDERS, type ProviderName } from "./selection";
import type { TestOutcome, TestResult } from "./test2json";

/** A test that ran, with what it became and, for one that did not pass, the first request the sandbox refused. */
export interface TestReport {
  provider: ProviderName;
  test: string;
  outcome: TestOutcome;
  /** `METHOD path → status` of the first refused request while the test ran. */
  refused?: string;
}

/** Share of a provider's selected tests that must pass for the run to succeed. */
export const PASS_THRESHOLD = 0.95;

/** Counts that the summary line shows; a test that timed out counts as failed there. */
export interface ProviderCounts {
  passed: number;
  failed: number;
  skipped: number;
  timedOut: number;
  total: number;
}

export function countResults(reports: readonly TestReport[], provider: ProviderName): ProviderCounts {
  const of = (result: TestResult) =>
    reports.filter((report) => report.provider === provider && report.outcome.result === result).length;
  const timedOut = of("timed out");
  return {
    passed: of("passed"),
    failed: of("failed") + timedOut,
    skipped: of("skipped"),
    timedOut,
    total: reports.filter((report) => report.provider === provider).length,
  };
}

/** The last lines: one per provider that ran, `heroku: N passed, N failed, N skipped`. */
export function summaryLines(reports: readonly TestReport[]): string[] {
  return providersIn(reports).map((provider) => {
    const counts = countResults(reports, provider);
    return `${provider}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
  });
}

/** 0 when every provider that ran passed at least the threshold of its tests; 1 otherwise (or when none ran). */
export function exitCode(reports: readonly TestReport[], threshold: number = PASS_THRESHOLD): 0 | 1 {
  const providers = providersIn(reports);
  if (providers.length === 0) return 1;
  return providers.every((provider) => {
    const counts = countResults(reports, provider);
    return counts.passed >= threshold * counts.total;
  })
    ? 0
    : 1;
}

function providersIn(reports: readonly TestReport[]): ProviderName[] {
  return PROVIDERS.filter((provider) => reports.some((report) => report.provider === provider));
}

/**
 * The table: test, result, seconds, and for a test that did not pass the first request the sandbox refused (or, when
 * it refused none, why the result was decided without the test's own verdict).
 */
export function resultTable(reports: readonly TestReport[]): string {
  const headers = ["test", "result", "seconds", "first refused request"];
  const rows = reports.map((report) => {
    const failed = report.outcome.result === "failed" || report.outcome.result === "timed out";
    const detail = failed ? (report.refused ?? report.outcome.note ?? "none refused") : "";
    return [report.test, report.outcome.result, report.outcome.seconds.toFixed(1), detail];
  });
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join("  ")
      .trimEnd();
  return [format(headers), format(widths.map((width) => "-".repeat(width))), ...rows.map(format)].join("\n");
}
