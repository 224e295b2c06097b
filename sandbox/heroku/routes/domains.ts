import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import { addDomain, domainsOf, findDomain, removeDomain, setSniEndpoint } from "../models/domains";
import { renderDomain } from "./render";
import { body, hostname, nullableString } from "./schemas";

type DomainParams = { Params: { app: string; domain: string } };

/** Routes: add, read, list, update and remove custom domains. */
export function domainRoutes(server: FastifyInstance, store: Store): void {
  server.post<{ Params: { app: string }; Body: { hostname: string; sni_endpoint?: string | null } }>(
    "/apps/:app/domains",
    { schema: { body: body({ hostname, sni_endpoint: nullableString }, ["hostname"]) } },
    async (request, reply) => {
      const app = findApp(store.data, request.params.app);
      const domain = addDomain(store.data, app, request.body.hostname, request.body.sni_endpoint ?? null);
      return reply.code(201).send(renderDomain(store.data, domain));
    },
  );

  server.get<{ Params: { app: string } }>("/apps/:app/domains", async (request) => {
    const app = findApp(store.data, request.params.app);
    return domainsOf(store.data, app).map((d) => renderDomain(store.data, d));
  });

  server.get<DomainParams>("/apps/:app/domains/:domain", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderDomain(store.data, findDomain(store.data, app, request.params.domain));
  });

  server.patch<DomainParams & { Body: { sni_endpoint?: string | null } }>(
    "/apps/:app/domains/:domain",
    { schema: { body: body({ sni_endpoint: nullableString }) } },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      const domain = findDomain(store.data, app, request.params.domain);
      return renderDomain(store.data, setSniEndpoint(store.data, domain, request.body.sni_endpoint ?? null));
    },
  );

  server.delete<DomainParams>("/apps/:app/domains/:domain", async (request) => {
    const app = findApp(store.data, request.params.app);
    const domain = findDomain(store.data, app, request.params.domain);
    const rendered = renderDomain(store.data, domain);
    removeDomain(store.data, domain);
    return rendered;
  });
}
