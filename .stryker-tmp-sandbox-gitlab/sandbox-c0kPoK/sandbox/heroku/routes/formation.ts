// @ts-nocheck
import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import { DYNO_SIZES } from "../models/catalog";
import { findFormation, formationOf, scale } from "../models/formation";
import { stableId } from "../../ids";
import { renderFormation } from "./render";
import { body, quantity, string } from "./schemas";

type FormationParams = { Params: { app: string; formation: string } };
type ScaleBody = { quantity?: number; size?: string; dyno_size?: { name?: string; id?: string } };

/** A dyno size named by id resolves to its name; the model knows sizes by name. */
function sizeName(requested: ScaleBody): string | undefined {
  const wanted = requested.dyno_size?.name ?? requested.dyno_size?.id ?? requested.size;
  return DYNO_SIZES.find((s) => stableId("dyno-size", s.name) === wanted)?.name ?? wanted;
}

/** Routes: list, read and scale/resize process types. */
export function formationRoutes(server: FastifyInstance, store: Store): void {
  server.get<{ Params: { app: string } }>("/apps/:app/formation", async (request) => {
    const app = findApp(store.data, request.params.app);
    return formationOf(store.data, app).map((f) => renderFormation(store.data, f));
  });

  server.get<FormationParams>("/apps/:app/formation/:formation", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderFormation(store.data, findFormation(store.data, app, request.params.formation));
  });

  server.patch<FormationParams & { Body: ScaleBody }>(
    "/apps/:app/formation/:formation",
    { schema: { body: body({ quantity, size: string(), dyno_size: body({ name: string(), id: string() }) }) } },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      const formation = findFormation(store.data, app, request.params.formation);
      return renderFormation(
        store.data,
        scale(formation, { quantity: request.body.quantity, size: sizeName(request.body) }),
      );
    },
  );
}
