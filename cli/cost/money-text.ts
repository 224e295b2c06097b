import { type CostTotals, monthlyUsd } from "./stack-cost";
import type { CostChange } from "./plan-cost";

/** `usd` as people write prices: `$1,250`, `$7.50` (cents only when there are some). */
export function formatUsd(usd: number): string {
  const cents = Math.round(Math.abs(usd) * 100);
  const text = (cents / 100).toLocaleString("en-US", {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  });
  return `${usd < 0 && cents > 0 ? "−" : ""}$${text}`;
}

/** A difference with its sign: `+$50`, `−$25`, `±$0`. */
export function signedUsd(usd: number): string {
  if (Math.round(usd * 100) === 0) return "±$0";
  return usd > 0 ? `+${formatUsd(usd)}` : formatUsd(usd);
}

/** The known total, and how many items have no price: `$112`, `$112 + 2 unknown`. */
export function totalsText(totals: CostTotals): string {
  const known = formatUsd(monthlyUsd(totals));
  return totals.unknown > 0 ? `${known} + ${totals.unknown} unknown` : known;
}

/** The monthly difference a change makes (known prices only). */
export function differenceUsd(change: CostChange): number {
  return monthlyUsd(change.after) - monthlyUsd(change.before);
}

/** Before → after and the difference, per month: `$57 → $107 (+$50/month)`. */
export function costChangeText(change: CostChange): string {
  const unknown = change.before.unknown > 0 || change.after.unknown > 0 ? ", unknown prices left out" : "";
  return `${totalsText(change.before)} → ${totalsText(change.after)} (${signedUsd(differenceUsd(change))}/month${unknown})`;
}
