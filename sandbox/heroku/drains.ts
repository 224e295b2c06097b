import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { newId, nowIso } from "../ids";
import type { AppRecord, DrainRecord, StoreData } from "../store";
import { invalidParams, notFound } from "./errors";
import { appRef, bodyOf, findApp } from "./lookup";

/** Log drains accept HTTP(S) and syslog endpoints only. */
const DRAIN_SCHEMES = new Set(["http:", "https:", "syslog:", "syslog+tls:"]);

/** The log drain as the Platform API renders it. */
export function renderDrain(data: StoreData, drain: DrainRecord) {
  return {
    addon: null,
    app: appRef(findApp(data, drain.appId)),
    created_at: drain.createdAt,
    id: drain.id,
    token: drain.token,
    updated_at: drain.updatedAt,
    url: drain.url,
  };
}

function findDrain(data: StoreData, app: AppRecord, idOrUrl: string): DrainRecord {
  const drain = data.drains.find(
    (d) => d.appId === app.id && (d.id === idOrUrl || d.url === idOrUrl || d.token === idOrUrl),
  );
  if (!drain) throw notFound("log drain");
  return drain;
}

function checkDrainUrl(url: unknown): string {
  let parsed: URL | undefined;
  try {
    parsed = typeof url === "string" ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || !DRAIN_SCHEMES.has(parsed.protocol) || parsed.hostname === "") {
    throw invalidParams(`Url ${String(url)} is invalid: use an http(s), syslog or syslog+tls URL.`);
  }
  return String(url);
}

/** Routes: add, read, list and remove log drains. */
export function registerDrainRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.post<{ Params: { app: string } }>("/apps/:app/log-drains", async (request, reply) => {
    const data = store.data;
    const app = findApp(data, request.params.app);
    const url = checkDrainUrl(bodyOf(request).url);
    if (data.drains.some((d) => d.appId === app.id && d.url === url)) throw invalidParams("Url has already been taken");
    const now = nowIso();
    const drain: DrainRecord = {
      id: newId(),
      appId: app.id,
      url,
      token: `d.${newId()}`,
      createdAt: now,
      updatedAt: now,
    };
    data.drains.push(drain);
    return reply.code(201).send(renderDrain(data, drain));
  });

  server.get<{ Params: { app: string } }>("/apps/:app/log-drains", async (request) => {
    const app = findApp(store.data, request.params.app);
    return store.data.drains.filter((d) => d.appId === app.id).map((d) => renderDrain(store.data, d));
  });

  server.get<{ Params: { app: string; drain: string } }>("/apps/:app/log-drains/:drain", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderDrain(store.data, findDrain(store.data, app, request.params.drain));
  });

  server.delete<{ Params: { app: string; drain: string } }>("/apps/:app/log-drains/:drain", async (request) => {
    const app = findApp(store.data, request.params.app);
    const drain = findDrain(store.data, app, request.params.drain);
    const rendered = renderDrain(store.data, drain);
    store.data.drains = store.data.drains.filter((d) => d !== drain);
    return rendered;
  });
}
