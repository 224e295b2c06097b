import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import type { ReleaseRecord } from "../models/records";
import { findRelease, releasesOf } from "../models/releases";
import { rollback } from "../models/rollback";
import { applyRange, parseRange } from "./range";
import { renderRelease } from "./render";
import { body, string } from "./schemas";

type AppParams = { Params: { app: string } };

/**
 * Routes: an app's releases — list (honouring `Range`, so `version ..; order=desc` gives the newest first), info, and
 * rollback. Creating a release from a slug (`{"slug": ...}`) is not served: nothing in the sandbox builds slugs.
 */
export function releaseRoutes(server: FastifyInstance, store: Store): void {
  server.get<AppParams>("/apps/:app/releases", async (request) => {
    const app = findApp(store.data, request.params.app);
    const range = parseRange(request.headers.range, "version");
    const key = (r: ReleaseRecord): string | number => (range.field === "id" ? r.id : r.version);
    return applyRange(releasesOf(store.data, app), range, key).map((r) => renderRelease(store.data, r));
  });

  server.get<{ Params: { app: string; release: string } }>("/apps/:app/releases/:release", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderRelease(store.data, findRelease(store.data, app, request.params.release));
  });

  // Heroku's schema names the target by id; the version number is accepted too, as every release identity here is.
  server.post<AppParams & { Body: { release: string } }>(
    "/apps/:app/releases",
    { schema: { body: body({ release: string("Release must be a release id or version.") }, ["release"]) } },
    async (request, reply) => {
      const app = findApp(store.data, request.params.app);
      return reply.code(201).send(renderRelease(store.data, rollback(store.data, app, request.body.release)));
    },
  );
}
