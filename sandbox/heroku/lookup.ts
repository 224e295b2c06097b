import type { FastifyRequest } from "fastify";
import type { AddonRecord, AppRecord, PipelineRecord, StoreData } from "../store";
import { badRequest, notFound } from "./errors";

/** Resolves an app by UUID or name, as every `/apps/{app}` route of the Platform API allows. */
export function findApp(data: StoreData, idOrName: string): AppRecord {
  const app = data.apps.find((a) => a.id === idOrName || a.name === idOrName);
  if (!app) throw notFound("app");
  return app;
}

/** Resolves an add-on by UUID or name. */
export function findAddon(data: StoreData, idOrName: string): AddonRecord {
  const addon = data.addons.find((a) => a.id === idOrName || a.name === idOrName);
  if (!addon) throw notFound("add-on");
  return addon;
}

/**
 * Resolves a pipeline by UUID, or by name only while it has at least one coupling: the real API finds pipelines by
 * name through their apps, so an empty pipeline is invisible by name (provider issue #327, DESIGN decision 6).
 */
export function findPipeline(data: StoreData, idOrName: string): PipelineRecord {
  const byId = data.pipelines.find((p) => p.id === idOrName);
  if (byId) return byId;
  const byName = data.pipelines.find((p) => p.name === idOrName && data.couplings.some((c) => c.pipelineId === p.id));
  if (!byName) throw notFound("pipeline");
  return byName;
}

/** The request body as a JSON object; an absent body is `{}`, anything but an object is a 400. */
export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null || body === "") return {};
  if (typeof body !== "object" || Array.isArray(body)) throw badRequest("Request body must be a JSON object.");
  return body as Record<string, unknown>;
}

/** `{id, name}` of an app, as embedded in most responses. */
export function appRef(app: AppRecord): { id: string; name: string } {
  return { id: app.id, name: app.name };
}
