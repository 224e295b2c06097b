/**
 * An app's process scale (Dokku's `ps` plugin, plugins/ps/functions.go at v0.34.9: `parseProcessTuples`,
 * `updateScale`, `getFormations`). The sandbox's apps have no Procfile, so any process type may be scaled, as Dokku
 * allows before the first deploy.
 */
import { InvalidError } from "./errors";
import { byteOrder, goAtoi } from "./go-text";
import type { DokkuAppRecord } from "./records";

/** One `type=quantity` of `ps:scale`. */
export interface Formation {
  processType: string;
  quantity: number;
}

/**
 * The `type=quantity` arguments: split at the first `=`, both sides trimmed, the quantity an integer (negative ones
 * included, as Dokku takes them); a type named twice keeps its first quantity.
 */
export function parseProcessTuples(tuples: string[]): Formation[] {
  const formations: Formation[] = [];
  for (const tuple of tuples) {
    const at = tuple.indexOf("=");
    if (at < 0) throw new InvalidError(`Missing count for process type ${tuple}`);
    const processType = tuple.slice(0, at).trim();
    const quantity = goAtoi(tuple.slice(at + 1).trim());
    if (!quantity.ok) throw new InvalidError(`Invalid count for process type ${tuple.slice(0, at)}`);
    if (formations.some((formation) => formation.processType === processType)) continue;
    formations.push({ processType, quantity: Number(quantity.value) });
  }
  return formations;
}

/**
 * Scales the app (`updateScale`): the given types take their quantities and the app's other non-zero types keep
 * theirs. A type scaled to 0 is remembered only until the next scale (Dokku's `scale.old`), so earlier zeros go.
 */
export function scaleApp(app: DokkuAppRecord, formations: Formation[]): void {
  const given = new Set(formations.map((formation) => formation.processType));
  const kept = Object.entries(app.scale).filter(([processType, quantity]) => !given.has(processType) && quantity !== 0);
  app.scale = Object.fromEntries([...formations.map((f) => [f.processType, f.quantity] as const), ...kept]);
}

/** The scale as `ps:scale <app>` lists it (`getFormations`): every type, zeros included, sorted by type. */
export function sortedFormations(app: DokkuAppRecord): Formation[] {
  return Object.entries(app.scale)
    .map(([processType, quantity]) => ({ processType, quantity }))
    .sort((a, b) => byteOrder(a.processType, b.processType));
}
