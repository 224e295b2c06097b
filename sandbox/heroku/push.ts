import { newId, nowIso } from "../ids";
import type { AppRecord, ReleaseRecord, StoreData } from "../store";
import { invalidParams } from "./errors";
import { createRelease } from "./releases";

/** The formation-type rule from the schema (`definitions.formation.definitions.type.pattern`). */
const PROCESS_TYPE = /^[-\w]{1,128}$/;

/**
 * Simulates a code deploy (`git push heroku main`): a new release with a slug whose Procfile declares `processTypes`.
 * New types get Heroku's defaults (one web dyno, no others, size Basic); existing types keep their scale; types the
 * new Procfile no longer declares disappear, as they do on Heroku.
 */
export function pushCode(data: StoreData, app: AppRecord, processTypes: Record<string, unknown>): ReleaseRecord {
  const entries = Object.entries(processTypes);
  if (entries.length === 0) throw invalidParams("A push must declare at least one process type.");
  for (const [type, command] of entries) {
    if (!PROCESS_TYPE.test(type)) throw invalidParams(`Invalid process type: ${type}`);
    if (typeof command !== "string" || command.trim() === "")
      throw invalidParams(`Process type ${type} needs a command.`);
  }
  const now = nowIso();
  data.formations = data.formations.filter((f) => f.appId !== app.id || declares(processTypes, f.type));
  for (const [type, command] of entries) {
    const existing = data.formations.find((f) => f.appId === app.id && f.type === type);
    if (existing) {
      existing.command = String(command);
      existing.updatedAt = now;
    } else {
      data.formations.push({
        id: newId(),
        appId: app.id,
        type,
        quantity: type === "web" ? 1 : 0,
        size: "Basic",
        command: String(command),
        createdAt: now,
        updatedAt: now,
      });
    }
  }
  app.processTypes = Object.fromEntries(entries.map(([type, command]) => [type, String(command)]));
  return createRelease(data, app, `Deploy ${newId().slice(0, 8)}`, newId());
}

function declares(processTypes: Record<string, unknown>, type: string): boolean {
  return Object.prototype.hasOwnProperty.call(processTypes, type);
}
