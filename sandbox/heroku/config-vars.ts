import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import type { AppRecord, StoreData } from "../store";
import { invalidParams } from "./errors";
import { bodyOf, findApp } from "./lookup";
import { createRelease } from "./releases";

/** Config var names the schema allows (`patternProperties: ^\w+$`). */
const CONFIG_VAR_NAME = /^\w+$/;

/**
 * Applies a change set (null deletes) to an app's config vars and records one release if anything changed, described
 * the way Heroku describes it ("Set A, B config vars", "Remove C config var").
 */
export function changeConfigVars(
  data: StoreData,
  app: AppRecord,
  changes: Record<string, string | null>,
  description?: string,
): void {
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
  if (set.length === 0 && removed.length === 0) return;
  const plural = (names: string[]): string => `${names.join(", ")} config var${names.length === 1 ? "" : "s"}`;
  const text = [set.length ? `Set ${plural(set)}` : "", removed.length ? `Remove ${plural(removed)}` : ""]
    .filter(Boolean)
    .join("; ");
  createRelease(data, app, description ?? text);
}

/** Routes: read and patch an app's config vars. */
export function registerConfigVarRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.get<{ Params: { app: string } }>("/apps/:app/config-vars", async (request) => {
    return { ...findApp(store.data, request.params.app).configVars };
  });

  server.patch<{ Params: { app: string } }>("/apps/:app/config-vars", async (request) => {
    const app = findApp(store.data, request.params.app);
    const body = bodyOf(request);
    const changes: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(body)) {
      if (!CONFIG_VAR_NAME.test(key)) throw invalidParams(`Invalid config var name: ${key}`);
      if (value !== null && typeof value !== "string") {
        throw invalidParams(`Config var ${key} must be a string or null.`);
      }
      changes[key] = value;
    }
    changeConfigVars(store.data, app, changes);
    return { ...app.configVars };
  });
}
