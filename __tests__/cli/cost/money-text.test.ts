/** How amounts read: whole dollars without cents, cents only when there are some, a sign on differences. */
import { formatUsd, signedUsd, totalsText } from "../../../cli/cost/money-text";
import { combineTotals } from "../../../cli/cost/stack-cost";

test.each([
  [0, "$0"],
  [7, "$7"],
  [7.5, "$7.50"],
  [0.28, "$0.28"],
  [1250, "$1,250"],
  [-25, "−$25"],
  [-0.001, "$0"],
])("formatUsd(%p) is %p", (usd, text) => {
  expect(formatUsd(usd)).toBe(text);
});

test.each([
  [50, "+$50"],
  [-93, "−$93"],
  [0, "±$0"],
  [0.004, "±$0"],
  [0.5, "+$0.50"],
])("signedUsd(%p) is %p", (usd, text) => {
  expect(signedUsd(usd)).toBe(text);
});

test("totals add units, count a per-account plan once across stacks and keep the unknowns' count", () => {
  const staging = { usageUsd: 12, perAccountUsd: { eco: 5 }, unknown: 1 };
  const qa = { usageUsd: 7, perAccountUsd: { eco: 5 }, unknown: 0 };
  const total = combineTotals([staging, qa]);
  expect(total).toEqual({ usageUsd: 19, perAccountUsd: { eco: 5 }, unknown: 1 });
  expect(totalsText(total)).toBe("$24 + 1 unknown");
  expect(totalsText(combineTotals([]))).toBe("$0");
});
