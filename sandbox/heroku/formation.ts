import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { nowIso } from "../ids";
import type { AppRecord, FormationRecord, StoreData } from "../store";
import { canonicalDynoSize, checkQuantity, dynoSizeRef } from "./catalog";
import { HerokuError } from "./errors";
import { appRef, bodyOf, findApp } from "./lookup";

/** The formation entry as the Platform API renders it; the provider reads the deprecated `size`. */
export function renderFormation(data: StoreData, formation: FormationRecord) {
  return {
    app: appRef(findApp(data, formation.appId)),
    command: formation.command,
    created_at: formation.createdAt,
    dyno_size: dynoSizeRef(formation.size),
    id: formation.id,
    quantity: formation.quantity,
    size: formation.size,
    type: formation.type,
    updated_at: formation.updatedAt,
  };
}

/**
 * Finds a process type by formation id or by type name. Types exist only once a release declared them, so a codeless
 * app answers like Heroku: "Couldn't find that process type (web)." (DESIGN decision 10).
 */
function findFormation(data: StoreData, app: AppRecord, idOrType: string): FormationRecord {
  const formation = data.formations.find((f) => f.appId === app.id && (f.id === idOrType || f.type === idOrType));
  if (!formation) throw new HerokuError(404, "not_found", `Couldn't find that process type (${idOrType}).`);
  return formation;
}

/** Routes: list, read and scale/resize process types. */
export function registerFormationRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.get<{ Params: { app: string } }>("/apps/:app/formation", async (request) => {
    const app = findApp(store.data, request.params.app);
    return store.data.formations.filter((f) => f.appId === app.id).map((f) => renderFormation(store.data, f));
  });

  server.get<{ Params: { app: string; formation: string } }>("/apps/:app/formation/:formation", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderFormation(store.data, findFormation(store.data, app, request.params.formation));
  });

  server.patch<{ Params: { app: string; formation: string } }>("/apps/:app/formation/:formation", async (request) => {
    const app = findApp(store.data, request.params.app);
    const formation = findFormation(store.data, app, request.params.formation);
    const body = bodyOf(request);
    const dynoSize = body.dyno_size as { name?: unknown; id?: unknown } | undefined;
    const requestedSize = dynoSize?.name ?? dynoSize?.id ?? body.size;
    // Validate the combination before changing anything, so a rejected request leaves the formation as it was.
    const size =
      requestedSize === undefined || requestedSize === null ? formation.size : canonicalDynoSize(requestedSize);
    const quantity = body.quantity === undefined ? formation.quantity : body.quantity;
    formation.quantity = checkQuantity(quantity, size);
    formation.size = size;
    formation.updatedAt = nowIso();
    return renderFormation(store.data, formation);
  });
}
