import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { generatedName, newId, nowIso } from "../ids";
import type { AppRecord, DomainRecord, StoreData } from "../store";
import { invalidParams, notFound } from "./errors";
import { appRef, bodyOf, findApp } from "./lookup";

/** A DNS hostname with at least two labels, optionally a wildcard (`*.example.com`). */
const HOSTNAME = /^(\*\.)?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The domain as the Platform API renders it. */
export function renderDomain(data: StoreData, domain: DomainRecord) {
  const app = findApp(data, domain.appId);
  return {
    acm_status: app.acm ? "cert issued" : null,
    acm_status_reason: null,
    app: appRef(app),
    cname: domain.cname,
    created_at: domain.createdAt,
    hostname: domain.hostname,
    id: domain.id,
    kind: "custom",
    updated_at: domain.updatedAt,
    status: "succeeded",
    sni_endpoint: domain.sniEndpointId ? { id: domain.sniEndpointId, name: "sandbox-endpoint" } : null,
  };
}

function findDomain(data: StoreData, app: AppRecord, idOrHostname: string): DomainRecord {
  const domain = data.domains.find((d) => d.appId === app.id && (d.id === idOrHostname || d.hostname === idOrHostname));
  if (!domain) throw notFound("domain");
  return domain;
}

function sniEndpoint(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value !== "string") throw invalidParams("sni_endpoint must be an id or name.");
  return value;
}

/** Routes: add, read, list, update and remove custom domains. */
export function registerDomainRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.post<{ Params: { app: string } }>("/apps/:app/domains", async (request, reply) => {
    const data = store.data;
    const app = findApp(data, request.params.app);
    const body = bodyOf(request);
    const hostname = typeof body.hostname === "string" ? body.hostname.toLowerCase() : "";
    if (!HOSTNAME.test(hostname) || hostname.endsWith(".herokuapp.com")) {
      throw invalidParams(`Hostname ${String(body.hostname)} is invalid.`);
    }
    if (data.domains.some((d) => d.hostname === hostname)) {
      throw invalidParams(`${hostname} is currently in use by another app.`);
    }
    const now = nowIso();
    const domain: DomainRecord = {
      id: newId(),
      appId: app.id,
      hostname,
      cname: `${generatedName()}.herokudns.com`,
      sniEndpointId: sniEndpoint(body.sni_endpoint),
      createdAt: now,
      updatedAt: now,
    };
    data.domains.push(domain);
    return reply.code(201).send(renderDomain(data, domain));
  });

  server.get<{ Params: { app: string } }>("/apps/:app/domains", async (request) => {
    const app = findApp(store.data, request.params.app);
    return store.data.domains.filter((d) => d.appId === app.id).map((d) => renderDomain(store.data, d));
  });

  server.get<{ Params: { app: string; domain: string } }>("/apps/:app/domains/:domain", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderDomain(store.data, findDomain(store.data, app, request.params.domain));
  });

  server.patch<{ Params: { app: string; domain: string } }>("/apps/:app/domains/:domain", async (request) => {
    const app = findApp(store.data, request.params.app);
    const domain = findDomain(store.data, app, request.params.domain);
    domain.sniEndpointId = sniEndpoint(bodyOf(request).sni_endpoint);
    domain.updatedAt = nowIso();
    return renderDomain(store.data, domain);
  });

  server.delete<{ Params: { app: string; domain: string } }>("/apps/:app/domains/:domain", async (request) => {
    const app = findApp(store.data, request.params.app);
    const domain = findDomain(store.data, app, request.params.domain);
    const rendered = renderDomain(store.data, domain);
    store.data.domains = store.data.domains.filter((d) => d !== domain);
    return rendered;
  });
}
