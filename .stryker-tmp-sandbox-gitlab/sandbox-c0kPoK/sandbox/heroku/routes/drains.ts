// @ts-nocheck
import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import { addDrain, drainsOf, findDrain, removeDrain } from "../models/drains";
import { renderDrain } from "./render";
import { body, string } from "./schemas";

type DrainParams = { Params: { app: string; drain: string } };

/** Routes: add, read, list and remove log drains. */
export function drainRoutes(server: FastifyInstance, store: Store): void {
  server.post<{ Params: { app: string }; Body: { url: string } }>(
    "/apps/:app/log-drains",
    { schema: { body: body({ url: string("Url is invalid: use an http(s), syslog or syslog+tls URL.") }, ["url"]) } },
    async (request, reply) => {
      const drain = addDrain(store.data, findApp(store.data, request.params.app), request.body.url);
      return reply.code(201).send(renderDrain(store.data, drain));
    },
  );

  server.get<{ Params: { app: string } }>("/apps/:app/log-drains", async (request) => {
    const app = findApp(store.data, request.params.app);
    return drainsOf(store.data, app).map((d) => renderDrain(store.data, d));
  });

  server.get<DrainParams>("/apps/:app/log-drains/:drain", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderDrain(store.data, findDrain(store.data, app, request.params.drain));
  });

  server.delete<DrainParams>("/apps/:app/log-drains/:drain", async (request) => {
    const app = findApp(store.data, request.params.app);
    const drain = findDrain(store.data, app, request.params.drain);
    const rendered = renderDrain(store.data, drain);
    removeDrain(store.data, drain);
    return rendered;
  });
}
