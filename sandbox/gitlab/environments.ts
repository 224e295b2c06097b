import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { nowIso, randomHex } from "../ids";
import type { EnvironmentRecord, ProjectRecord, StoreData } from "../store";
import { fieldErrors, GitlabError, gitlabNotFound } from "./errors";
import { findProject, gitlabBody } from "./lookup";

const TIERS = ["production", "staging", "testing", "development", "other"];
const AUTO_STOP_SETTINGS = ["always", "with_action"];

/** GitLab's environment slug: lowercase, dashes for anything else, at most 24 characters, suffixed when altered. */
function slugify(name: string): string {
  let slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+/g, "-")
    .replace(/-$/, "");
  if (slug === "") slug = "env";
  if (slug !== name || slug.length > 24) slug = `${slug.slice(0, 17).replace(/-$/, "")}-${randomHex(6)}`;
  return slug;
}

/** GitLab guesses the tier from the name when none is given. */
function inferTier(name: string): string {
  if (/prod/i.test(name)) return "production";
  if (/stag|model|pre/i.test(name)) return "staging";
  if (/test|qa/i.test(name)) return "testing";
  if (/dev|review|trunk/i.test(name)) return "development";
  return "other";
}

/** The environment as GitLab renders it; `created_at`/`updated_at` are required (the provider dereferences them). */
export function renderEnvironment(environment: EnvironmentRecord) {
  return {
    id: environment.id,
    name: environment.name,
    slug: environment.slug,
    description: environment.description,
    external_url: environment.externalUrl,
    state: environment.state,
    tier: environment.tier,
    created_at: environment.createdAt,
    updated_at: environment.updatedAt,
    auto_stop_at: null,
    auto_stop_setting: environment.autoStopSetting,
    kubernetes_namespace: environment.kubernetesNamespace,
    flux_resource_path: environment.fluxResourcePath,
    cluster_agent: environment.clusterAgentId === null ? null : { id: environment.clusterAgentId },
  };
}

function findEnvironment(data: StoreData, project: ProjectRecord, id: string): EnvironmentRecord {
  const environment = data.gitlab.environments.find((e) => e.projectId === project.id && String(e.id) === id);
  if (!environment) throw gitlabNotFound("Environment");
  return environment;
}

/** Applies the optional fields of a create or update body, validating them like GitLab. */
function applyFields(environment: EnvironmentRecord, body: Record<string, unknown>): void {
  const errors: Record<string, string[]> = {};
  if (body.description !== undefined) environment.description = (body.description as string | null) || null;
  if (body.external_url !== undefined) {
    const url = (body.external_url as string | null) || null;
    if (url !== null && !/^https?:\/\/\S+$/.test(url))
      errors.external_url = ["is blocked: Only allowed schemes are http, https"];
    environment.externalUrl = url;
  }
  if (body.tier !== undefined && body.tier !== null) {
    if (!TIERS.includes(String(body.tier))) errors.tier = ["is not included in the list"];
    environment.tier = String(body.tier);
  }
  if (body.auto_stop_setting !== undefined && body.auto_stop_setting !== null) {
    if (!AUTO_STOP_SETTINGS.includes(String(body.auto_stop_setting)))
      errors.auto_stop_setting = ["is not included in the list"];
    environment.autoStopSetting = String(body.auto_stop_setting);
  }
  if (body.cluster_agent_id !== undefined)
    environment.clusterAgentId = (body.cluster_agent_id as number | null) ?? null;
  if (body.kubernetes_namespace !== undefined) {
    environment.kubernetesNamespace = (body.kubernetes_namespace as string | null) ?? null;
  }
  if (body.flux_resource_path !== undefined) {
    environment.fluxResourcePath = (body.flux_resource_path as string | null) ?? null;
  }
  if (Object.keys(errors).length) throw fieldErrors(errors);
}

/** Routes: project environments, including stop and the stopped-before-delete rule. */
export function registerEnvironmentRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.get<{ Params: { id: string } }>("/api/v4/projects/:id/environments", async (request) => {
    const project = findProject(store.data, request.params.id);
    const query = request.query as { name?: string };
    return store.data.gitlab.environments
      .filter((e) => e.projectId === project.id && (query.name === undefined || e.name === query.name))
      .map(renderEnvironment);
  });

  server.post<{ Params: { id: string } }>("/api/v4/projects/:id/environments", async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    const body = gitlabBody(request);
    if (typeof body.name !== "string" || body.name.trim() === "")
      throw new GitlabError(400, "400 Bad request - name is missing");
    const name = body.name;
    if (store.data.gitlab.environments.some((e) => e.projectId === project.id && e.name === name)) {
      throw fieldErrors({ name: ["has already been taken"] });
    }
    const now = nowIso();
    const environment: EnvironmentRecord = {
      id: store.nextGitlabId(),
      projectId: project.id,
      name,
      slug: slugify(name),
      description: null,
      externalUrl: null,
      tier: inferTier(name),
      state: "available",
      autoStopSetting: "always",
      clusterAgentId: null,
      kubernetesNamespace: null,
      fluxResourcePath: null,
      createdAt: now,
      updatedAt: now,
    };
    applyFields(environment, body);
    store.data.gitlab.environments.push(environment);
    return reply.code(201).send(renderEnvironment(environment));
  });

  server.get<{ Params: { id: string; env: string } }>("/api/v4/projects/:id/environments/:env", async (request) => {
    const project = findProject(store.data, request.params.id);
    return renderEnvironment(findEnvironment(store.data, project, request.params.env));
  });

  server.put<{ Params: { id: string; env: string } }>("/api/v4/projects/:id/environments/:env", async (request) => {
    const project = findProject(store.data, request.params.id);
    const environment = findEnvironment(store.data, project, request.params.env);
    const body = gitlabBody(request);
    // GitLab ignores renames through this endpoint; the name is fixed at creation.
    const candidate = { ...environment };
    applyFields(candidate, body);
    Object.assign(environment, candidate, { updatedAt: nowIso() });
    return renderEnvironment(environment);
  });

  server.post<{ Params: { id: string; env: string } }>(
    "/api/v4/projects/:id/environments/:env/stop",
    async (request) => {
      const project = findProject(store.data, request.params.id);
      const environment = findEnvironment(store.data, project, request.params.env);
      environment.state = "stopped";
      environment.updatedAt = nowIso();
      return renderEnvironment(environment);
    },
  );

  server.delete<{ Params: { id: string; env: string } }>(
    "/api/v4/projects/:id/environments/:env",
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const environment = findEnvironment(store.data, project, request.params.env);
      if (environment.state !== "stopped") {
        throw new GitlabError(403, "403 Forbidden - Environment must be stopped before deletion");
      }
      store.data.gitlab.environments = store.data.gitlab.environments.filter((e) => e !== environment);
      return reply.code(204).send();
    },
  );
}
