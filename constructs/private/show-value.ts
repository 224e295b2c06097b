/**
 * How a value reads in a report: JSON where JSON shows it faithfully, otherwise a word for it (JSON shows `NaN` and
 * `Infinity` as `null`, and `undefined` or a function not at all).
 */
export function showValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "function") return "a function";
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return value.toString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // A cycle: name its kind rather than fail the report.
    return Array.isArray(value) ? "an array" : "an object";
  }
}
