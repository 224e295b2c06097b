import { PROVIDERS, type ProviderName } from "./selection";
import { notPassed, type TestOutcome, type TestResult } from "./test2json";

/** A test that ran, with what it became and, for one that did not pass, the first request the sandbox refused. */
export interface TestReport {
  provider: ProviderName;
  test: string;
  outcome: TestOutcome;
  /** `METHOD path → status` of the first refused request while the test ran. */
  refused?: string;
  /** The attempt that did not pass, when the selection retries the test (`retry`); `outcome` is then the second. */
  firstAttempt?: { outcome: TestOutcome; refused?: string };
}

/** Share of a provider's selected tests that must pass for the run to succeed. */
export const PASS_THRESHOLD = 0.95;

/** Counts that the summary line shows; a test that timed out counts as failed there. */
export interface ProviderCounts {
  passed: number;
  failed: number;
  skipped: number;
  timedOut: number;
  /** Tests run a second time because their first attempt did not pass (whatever the second gave). */
  retried: number;
  total: number;
}

export function countResults(reports: readonly TestReport[], provider: ProviderName): ProviderCounts {
  const of = (result: TestResult) =>
    reports.filter((report) => report.provider === provider && report.outcome.result === result).length;
  const timedOut = of("timed out");
  const ofProvider = reports.filter((report) => report.provider === provider);
  return {
    passed: of("passed"),
    failed: of("failed") + timedOut,
    skipped: of("skipped"),
    timedOut,
    retried: ofProvider.filter((report) => report.firstAttempt !== undefined).length,
    total: ofProvider.length,
  };
}

/**
 * The last lines: one per provider that ran, `heroku: N passed, N failed, N skipped`, and `, N retried` when the
 * selection had some of its tests run a second time.
 */
export function summaryLines(reports: readonly TestReport[]): string[] {
  return providersIn(reports).map((provider) => {
    const counts = countResults(reports, provider);
    const retried = counts.retried > 0 ? `, ${counts.retried} retried` : "";
    return `${provider}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${retried}`;
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
 * it refused none, why the result was decided without the test's own verdict); for a retried test, what its first
 * attempt gave and why.
 */
export function resultTable(reports: readonly TestReport[]): string {
  const headers = ["test", "result", "seconds", "first refused request"];
  const rows = reports.map((report) => {
    const details = notPassed(report.outcome) ? [whyNotPassed(report)] : [];
    if (report.firstAttempt) {
      const first = report.firstAttempt;
      details.push(`retried; 1st attempt ${first.outcome.result}: ${whyNotPassed(first)}`);
    }
    return [report.test, report.outcome.result, report.outcome.seconds.toFixed(1), details.join("; ")];
  });
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join("  ")
      .trimEnd();
  return [format(headers), format(widths.map((width) => "-".repeat(width))), ...rows.map(format)].join("\n");
}

function whyNotPassed(attempt: { outcome: TestOutcome; refused?: string }): string {
  return attempt.refused ?? attempt.outcome.note ?? "none refused";
}
