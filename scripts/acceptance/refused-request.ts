import type { RequestLogEntry } from "../../sandbox/request-log";

/** A request-log entry with the time the harness received it (milliseconds since the epoch). */
export interface LoggedRequest extends RequestLogEntry {
  at: number;
}

/** Each test runs alone: the requests received between its start and its end are its own. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** The first request of the window that the sandbox refused (status 400 or more), if any. */
export function firstRefused(log: readonly LoggedRequest[], window: TimeWindow): LoggedRequest | undefined {
  return log.find((entry) => entry.at >= window.from && entry.at <= window.to && entry.status >= 400);
}

/** How a refused request is shown in the table: `POST /apps/a/slugs → 404`. */
export function describeRefused(entry: LoggedRequest): string {
  return `${entry.method} ${entry.path} → ${entry.status}`;
}

/** A request-log line as a logged request received at `at`; undefined for a line that is not one. */
export function parseLogLine(line: string, at: number): LoggedRequest | undefined {
  try {
    const entry = JSON.parse(line) as Partial<RequestLogEntry>;
    if (typeof entry.method !== "string" || typeof entry.path !== "string" || typeof entry.status !== "number") {
      return undefined;
    }
    return { method: entry.method, path: entry.path, status: entry.status, ms: Number(entry.ms), at };
  } catch {
    return undefined;
  }
}
