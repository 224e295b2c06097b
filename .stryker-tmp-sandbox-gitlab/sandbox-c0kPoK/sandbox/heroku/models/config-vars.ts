// @ts-nocheck
import type { StoreData } from "../../store";
import type { AppRecord } from "./records";
import { createRelease } from "./releases";

/**
 * Applies a change set (null deletes) to an app's config vars and records one release if anything changed, described
 * the way Heroku describes it ("Set A, B config vars", "Remove C config var").
 */
export function changeConfigVars(
  data: StoreData,
  app: AppRecord,
  changes: Record<string, string | null>,
  description?: string,
): Record<string, string> {
  const set: string[] = [];
  const removed: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) {
      if (key in app.configVars) {
        delete app.configVars[key];
        removed.push(key);
      }
    } else if (app.configVars[key] !== value) {
      app.configVars[key] = value;
      set.push(key);
    }
  }
  if (set.length > 0 || removed.length > 0) {
    const plural = (names: string[]): string => `${names.join(", ")} config var${names.length === 1 ? "" : "s"}`;
    const text = [set.length ? `Set ${plural(set)}` : "", removed.length ? `Remove ${plural(removed)}` : ""]
      .filter(Boolean)
      .join("; ");
    createRelease(data, app, description ?? text);
  }
  return { ...app.configVars };
}
