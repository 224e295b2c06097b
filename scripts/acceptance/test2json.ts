/**
 * Results from `go test -json` events (`go tool test2json`), never from the tests' prose: what a test printed can say
 * anything, the event's Action is what Go decided.
 */

/** One event of `go tool test2json`. */
export interface TestEvent {
  Time?: string;
  Action: string;
  Package?: string;
  Test?: string;
  Elapsed?: number;
  Output?: string;
}

/** What became of one test. */
export type TestResult = "passed" | "failed" | "skipped" | "timed out";

export interface TestOutcome {
  result: TestResult;
  seconds: number;
  /** Why, when no event of the test says it (a binary that stopped before the test ended, a name it does not have). */
  note?: string;
}

/** The events in test2json's output: one JSON object a line; anything else (there should be nothing) is skipped. */
export function parseEvents(text: string): TestEvent[] {
  const events: TestEvent[] = [];
  for (const line of text.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const event = JSON.parse(line) as TestEvent;
      if (typeof event.Action === "string") events.push(event);
    } catch {
      // a line cut short when the process was killed
    }
  }
  return events;
}

const ACTION_RESULT: Record<string, TestResult> = { pass: "passed", fail: "failed", skip: "skipped" };

/**
 * The outcome of the top-level test `name` (its subtests' events are not its own) in one run of a test binary.
 * `timedOut` says the harness stopped the run at its per-test limit; `wallSeconds` is how long the run took.
 */
export function testOutcome(
  events: readonly TestEvent[],
  name: string,
  run: { timedOut: boolean; wallSeconds: number },
): TestOutcome {
  if (run.timedOut) return { result: "timed out", seconds: run.wallSeconds };
  const end = events.filter((event) => event.Test === name && event.Action in ACTION_RESULT).at(-1);
  if (end) return { result: ACTION_RESULT[end.Action], seconds: end.Elapsed ?? run.wallSeconds };
  const started = events.some((event) => event.Test === name && event.Action === "run");
  return {
    result: "failed",
    seconds: run.wallSeconds,
    note: started ? "the test binary stopped before the test ended" : "the test binary ran no test of this name",
  };
}

/** A test that failed or timed out; a skipped one did not pass either, but nothing went wrong in it. */
export function notPassed(outcome: TestOutcome): boolean {
  return outcome.result === "failed" || outcome.result === "timed out";
}
