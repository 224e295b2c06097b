import { spawn } from "node:child_process";
import type { TimeWindow } from "./refused-request";
import { parseEvents, testOutcome, type TestOutcome } from "./test2json";

/** How one test is run: its binary, the package directory it runs in, its environment and its time limit. */
export interface TestRun {
  /** Go's test2json (in `go env GOTOOLDIR`). */
  test2json: string;
  binary: string;
  /** The test's Go package path, as test2json labels its events. */
  packageName: string;
  /** The package's directory in the extracted tree: tests read their fixtures relative to it. */
  cwd: string;
  test: string;
  env: Record<string, string>;
  limitSeconds: number;
}

/** Go's own `-test.timeout` is only a backstop behind the harness's limit, for a harness that died mid-test. */
const GO_TIMEOUT_MARGIN_SECONDS = 60;

/** A test name as an anchored `-test.run` pattern that matches it alone (not its longer-named siblings). */
export function runPattern(test: string): string {
  return `^${test}$`;
}

/**
 * Runs one test alone in its own process group, through Go's test2json so that its result comes as events, and
 * stops the whole group (Terraform included) when it outlives its limit.
 */
export function runTest(run: TestRun): Promise<{ outcome: TestOutcome; window: TimeWindow }> {
  const args = [
    "-t",
    "-p",
    run.packageName,
    run.binary,
    "-test.v=test2json",
    `-test.run=${runPattern(run.test)}`,
    "-test.count=1",
    `-test.timeout=${run.limitSeconds + GO_TIMEOUT_MARGIN_SECONDS}s`,
  ];
  return new Promise((resolve, reject) => {
    const from = Date.now();
    const child = spawn(run.test2json, args, {
      cwd: run.cwd,
      env: run.env,
      detached: true,
      stdio: ["ignore", "pipe", "ignore"],
    });
    let output = "";
    let timedOut = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // already gone
      }
    }, run.limitSeconds * 1000);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", () => {
      clearTimeout(timer);
      const to = Date.now();
      const outcome = testOutcome(parseEvents(output), run.test, { timedOut, wallSeconds: (to - from) / 1000 });
      resolve({ outcome, window: { from, to } });
    });
  });
}
