import type { PlanAttributePath, ValueMask } from "./plan-json";

/**
 * Whether `mask` marks the value at `path`. Terraform sets `true` on the outermost value it means, so a `true` on any
 * step of the way covers everything under it (a sensitive map hides every entry).
 */
export function maskCovers(mask: ValueMask | undefined, path: PlanAttributePath): boolean {
  return maskAt(mask, path) === true;
}

/** The part of `mask` that mirrors the value at `path`: `true` when a step on the way covers it all. */
export function maskAt(mask: ValueMask | undefined, path: PlanAttributePath): ValueMask | undefined {
  let current: ValueMask | undefined = mask;
  for (const step of path) {
    if (current === true) return true;
    if (typeof current !== "object") return undefined; // undefined, or false: nothing under it
    current = Array.isArray(current)
      ? (current as readonly ValueMask[])[Number(step)]
      : (current as { readonly [key: string]: ValueMask })[String(step)];
  }
  return current;
}
