/**
 * How Dokku's Go plugins read and order text: `strconv.Atoi` for numbers (port mappings, process counts), `strconv.Quote`
 * for a value inside an error message, and `sort.Strings` for the order of listed things.
 */

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** A parsed int64, or Go's error text for it. */
export type AtoiResult = { ok: true; value: bigint } | { ok: false; error: string };

/**
 * `strconv.Atoi` on a 64-bit server: an optional sign and decimal digits, nothing else (no spaces, no `_`), within
 * int64. The value is a bigint because Dokku prints out-of-range-for-a-port values back whole (`[hostPort=99999999999]`).
 */
export function goAtoi(text: string): AtoiResult {
  if (!/^[+-]?[0-9]+$/.test(text))
    return { ok: false, error: `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax` };
  const value = BigInt(text);
  if (value < INT64_MIN || value > INT64_MAX) {
    return { ok: false, error: `strconv.Atoi: parsing ${goQuote(text)}: value out of range` };
  }
  return { ok: true, value };
}

/** Go's `strconv.Quote` for the characters a command line can carry: quotes and backslashes escaped, controls as `\xNN`. */
export function goQuote(text: string): string {
  let quoted = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === "\\") quoted += `\\${char}`;
    else if (char === "\n") quoted += "\\n";
    else if (char === "\t") quoted += "\\t";
    else if (char === "\r") quoted += "\\r";
    else if (code < 0x20 || code === 0x7f) quoted += `\\x${code.toString(16).padStart(2, "0")}`;
    else quoted += char;
  }
  return `${quoted}"`;
}

/** Go's `sort.Strings` order: by UTF-8 bytes (JavaScript's default sort compares UTF-16 units, which differs above the BMP). */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
