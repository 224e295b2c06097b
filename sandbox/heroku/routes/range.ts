/** A parsed Heroku `Range` header: `<field> [first]..[last]; max=N[,order=desc]`. */
export interface ListRange {
  field: string;
  first?: string;
  last?: string;
  max: number;
  order: "asc" | "desc";
}

/** Heroku's page size when the client does not ask for one. */
const DEFAULT_MAX = 200;

/**
 * Parses a Range header. heroku-go sends e.g. `version ..; max=1,order=desc` and the provider takes element 0 as the
 * newest release, so honouring `order` and `max` is what makes app create work.
 */
export function parseRange(header: string | undefined, defaultField: string): ListRange {
  const range: ListRange = { field: defaultField, max: DEFAULT_MAX, order: "asc" };
  if (!header) return range;
  const [spec, options = ""] = header.split(";", 2);
  const match = /^\s*([\w.]+)\s*(?:([^.\s]*)\.\.([^.\s]*))?\s*$/.exec(spec);
  if (match) {
    range.field = match[1];
    if (match[2]) range.first = match[2];
    if (match[3]) range.last = match[3];
  }
  for (const option of options.split(",")) {
    const [key, value] = option.split("=").map((s) => s.trim());
    if (key === "max" && Number.isInteger(Number(value)) && Number(value) > 0)
      range.max = Math.min(Number(value), 1000);
    // Ascending is the default: only `order=desc` changes it.
    if (key === "order" && value === "desc") range.order = "desc";
  }
  return range;
}

/** Applies a range to a list, comparing numbers numerically and everything else as strings. */
export function applyRange<T>(items: T[], range: ListRange, key: (item: T) => string | number): T[] {
  const compare = (a: string | number, b: string | number): number =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  const bound = (value: string, sample: string | number): string | number =>
    typeof sample === "number" ? Number(value) : value;
  // In a descending range the first bound is the highest key: bounds are compared in the range's own order.
  const inOrder = (a: string | number, b: string | number): number =>
    range.order === "desc" ? compare(b, a) : compare(a, b);
  let selected = [...items].sort((a, b) => compare(key(a), key(b)));
  if (range.order === "desc") selected.reverse();
  selected = selected.filter((item) => {
    const k = key(item);
    const inFirst = range.first === undefined || inOrder(k, bound(range.first, k)) >= 0;
    const inLast = range.last === undefined || inOrder(k, bound(range.last, k)) <= 0;
    return inFirst && inLast;
  });
  return selected.slice(0, range.max);
}
