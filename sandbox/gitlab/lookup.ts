import type { FastifyRequest } from "fastify";
import type { ProjectRecord, StoreData } from "../store";
import { GitlabError, gitlabNotFound } from "./errors";

/** Resolves `:id` — a numeric id or a `namespace/path` (already percent-decoded by the router). */
export function findProject(data: StoreData, id: string): ProjectRecord {
  const project = data.gitlab.projects.find((p) => String(p.id) === id || `${p.namespacePath}/${p.path}` === id);
  if (!project) throw gitlabNotFound("Project");
  return project;
}

/** The request body as a JSON object; an absent body is `{}`. */
export function gitlabBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  if (body === undefined || body === null || body === "") return {};
  if (typeof body !== "object" || Array.isArray(body))
    throw new GitlabError(400, "400 Bad request - body must be an object");
  return body as Record<string, unknown>;
}

/** A boolean parameter as GitLab (Grape) coerces it: true/false or "true"/"false". */
export function booleanParam(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  return value === true || value === "true";
}

/** `filter[environment_scope]` from the query string, if given. */
export function scopeFilter(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown>;
  const value =
    query["filter[environment_scope]"] ?? (query.filter as Record<string, unknown> | undefined)?.environment_scope;
  return typeof value === "string" ? value : undefined;
}
