/** Code-unit order: the same on every machine whatever its locale, so that notes are byte-for-byte reproducible. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
