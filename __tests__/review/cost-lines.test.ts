/**
 * The cost of a merge request in the note and the console summary: a cost column and a total line whenever the stacks
 * were priced, a call-out beside the risk banner only above the threshold (either way), failed stacks named as not
 * counted, and notes of plans made without prices unchanged.
 */
import { costChangeOf } from "../../cli/cost/plan-cost";
import {
  failedStack,
  NOTE_MARKER,
  renderConsole,
  renderNote,
  summarizeStack,
  type NoteContext,
  type StackSummary,
} from "../../cli/review";
import { TEST_PRICES } from "../cli/cost/test-prices";
import { plan, resourceChange } from "./plan-fixtures";

const context: NoteContext = {
  headSha: "0123456789abcdef",
  onMerge: "`staging` is deployed.",
  onTag: "`production` is deployed.",
};

/** A stack whose web formation goes from `from` to `to` standard-1x dynos ($25 each), priced or not. */
function scaled(stack: string, from: number, to: number, priced = true): StackSummary {
  const web = (quantity: number) => ({ type: "web", size: "standard-1x", quantity });
  const json = plan({
    resource_changes: [resourceChange("heroku_formation.web", ["update"], { before: web(from), after: web(to) })],
  });
  return summarizeStack({ stack, plan: json, ...(priced ? { cost: costChangeOf(stack, json, TEST_PRICES) } : {}) });
}

test("the note: a cost column per stack and the total under the table; no call-out at or below $50", () => {
  const note = renderNote([scaled("staging", 1, 2), scaled("production", 2, 3)], context);
  const lines = note.split("\n");
  expect(lines[0]).toBe(NOTE_MARKER);
  expect(lines).toContain(
    "| Stack | Status | Create | Update | Replace | Delete | Forget | Import | Move | Outputs | Drift | Cost/month |",
  );
  expect(lines).toContain("| `staging` | changed | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | $25 → $50 (+$25/month) |");
  expect(lines).toContain("| `production` | changed | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | $50 → $75 (+$25/month) |");
  expect(lines).toContain("**Monthly cost:** $75 → $125 (+$50/month), at list prices.");
  expect(note).not.toContain("[!note]");
});

test("the note: above the threshold the cost is called out right after the risk banner, decreases too", () => {
  const up = renderNote([scaled("production", 2, 5)], context).split("\n\n");
  expect(up[2]).toBe("No deletions or replacements.");
  expect(up[3]).toBe("> [!note]\n> **Monthly cost +$75/month (above the $50/month threshold)**");
  const down = renderNote([scaled("production", 5, 2)], context);
  expect(down).toContain("**Monthly cost −$75/month (above the $50/month threshold)**");
  const ownThreshold = renderNote([scaled("production", 2, 5)], { ...context, costThresholdUsd: 100 });
  expect(ownThreshold).not.toContain("[!note]");
  const zero = renderNote([scaled("production", 2, 3)], { ...context, costThresholdUsd: 0 });
  expect(zero).toContain("**Monthly cost +$25/month (above the $0/month threshold)**");
});

test("the note: a failed stack has no cost and is named as not counted; unpriced plans keep the old table", () => {
  const note = renderNote([scaled("staging", 1, 2), failedStack("production", "boom")], context);
  expect(note).toContain("| `production` | failed | – | – | – | – | – | – | – | – | – | – |");
  expect(note).toContain("**Monthly cost:** $25 → $50 (+$25/month), at list prices; not counted: production.");
  const twoFailed = renderNote(
    [scaled("staging", 1, 2), failedStack("qa", "boom"), failedStack("production", "boom")],
    context,
  );
  expect(twoFailed).toContain("at list prices; not counted: qa, production.");
  const unpriced = renderNote([scaled("staging", 1, 2, false)], context);
  expect(unpriced).not.toContain("Cost/month");
  expect(unpriced).not.toContain("Monthly cost");
});

test("the console: the call-out after the risks above the threshold, then the cost per stack and in total", () => {
  const text = renderConsole([scaled("staging", 1, 1), scaled("production", 2, 5), failedStack("qa", "boom")]);
  const blocks = text.split("\n\n");
  expect(blocks[2]).toBe("No deletions or replacements.");
  expect(blocks[3]).toBe("Monthly cost +$75/month (above the $50/month threshold).");
  expect(blocks[4].split("\n")).toEqual([
    "Monthly cost: $75 → $150 (+$75/month), at list prices; not counted: qa",
    "  staging     $25 → $25 (±$0/month)",
    "  production  $50 → $125 (+$75/month)",
    "  qa          not counted",
  ]);
  expect(renderConsole([scaled("production", 2, 5)], { costThresholdUsd: 75 })).not.toContain("threshold");
});
