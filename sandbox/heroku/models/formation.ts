import { newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { checkQuantity, dynoSizeNamed } from "./catalog";
import { InvalidParamsError, NotFoundError } from "./errors";
import type { AppRecord, FormationRecord, ReleaseRecord } from "./records";
import { createRelease } from "./releases";

export function formationOf(data: StoreData, app: AppRecord): FormationRecord[] {
  return data.formations.filter((f) => f.appId === app.id);
}

/**
 * Finds a process type by formation id or by type name. Types exist only once a release declared them, so a codeless
 * app answers like Heroku: "Couldn't find that process type (web)." (DESIGN decision 10).
 */
export function findFormation(data: StoreData, app: AppRecord, idOrType: string): FormationRecord {
  const formation = data.formations.find((f) => f.appId === app.id && (f.id === idOrType || f.type === idOrType));
  if (!formation) throw new NotFoundError(`Couldn't find that process type (${idOrType}).`);
  return formation;
}

/**
 * Scales and/or resizes a process type; the combination is checked before anything changes. Every sandbox app runs in
 * the Common Runtime (it has no Private Space), where Heroku refuses the Private and Shield Space sizes.
 */
export function scale(formation: FormationRecord, changes: { quantity?: number; size?: string }): FormationRecord {
  const size = changes.size === undefined ? dynoSizeNamed(formation.size) : dynoSizeNamed(changes.size);
  if (size.privateSpaceOnly) {
    throw new InvalidParamsError(`${size.name} dynos can only be used by apps in a Private Space.`);
  }
  formation.quantity = checkQuantity(changes.quantity ?? formation.quantity, size);
  formation.size = size.name;
  formation.updatedAt = nowIso();
  return formation;
}

/**
 * Simulates a code deploy (`git push heroku main`): a new release with a slug whose Procfile declares `processTypes`.
 * New types get Heroku's defaults (one web dyno, no others, size Basic); existing types keep their scale; types the
 * new Procfile no longer declares disappear, as they do on Heroku.
 */
export function pushCode(data: StoreData, app: AppRecord, processTypes: Record<string, string>): ReleaseRecord {
  const entries = Object.entries(processTypes);
  if (entries.length === 0) throw new InvalidParamsError("A push must declare at least one process type.");
  const now = nowIso();
  data.formations = data.formations.filter((f) => f.appId !== app.id || Object.hasOwn(processTypes, f.type));
  for (const [type, command] of entries) {
    const existing = data.formations.find((f) => f.appId === app.id && f.type === type);
    if (existing) {
      existing.command = command;
      existing.updatedAt = now;
    } else {
      data.formations.push({
        id: newId(),
        appId: app.id,
        type,
        quantity: type === "web" ? 1 : 0,
        size: "Basic",
        command,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  app.processTypes = { ...processTypes };
  return createRelease(data, app, `Deploy ${newId().slice(0, 8)}`, newId());
}
