import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import {
  createEnvironment,
  deleteEnvironment,
  environmentsOf,
  findEnvironment,
  stopEnvironment,
  updateEnvironment,
  type EnvironmentSettings,
} from "../models/environments";
import { findProject } from "../models/projects";
import { renderEnvironment } from "./render";
import { body, nullableInteger, nullableString } from "./schemas";

type EnvironmentParams = { Params: { id: string; env: string } };
type EnvironmentBody = {
  name?: string;
  description?: string | null;
  external_url?: string | null;
  tier?: string;
  auto_stop_setting?: string;
  cluster_agent_id?: number | null;
  kubernetes_namespace?: string | null;
  flux_resource_path?: string | null;
};

const settings = {
  description: nullableString,
  external_url: nullableString,
  tier: { type: "string", enum: ["production", "staging", "testing", "development", "other"] },
  auto_stop_setting: { type: "string", enum: ["always", "with_action"] },
  cluster_agent_id: nullableInteger,
  kubernetes_namespace: nullableString,
  flux_resource_path: nullableString,
};

function settingsOf(request: EnvironmentBody): EnvironmentSettings {
  return {
    description: request.description,
    externalUrl: request.external_url,
    tier: request.tier,
    autoStopSetting: request.auto_stop_setting,
    clusterAgentId: request.cluster_agent_id,
    kubernetesNamespace: request.kubernetes_namespace,
    fluxResourcePath: request.flux_resource_path,
  };
}

/** Routes: project environments, including stop and the stopped-before-delete rule. */
export function environmentRoutes(server: FastifyInstance, store: Store): void {
  server.get<{ Params: { id: string }; Querystring: { name?: string } }>(
    "/projects/:id/environments",
    async (request) =>
      environmentsOf(store.data, findProject(store.data, request.params.id), request.query.name).map(renderEnvironment),
  );

  server.post<{ Params: { id: string }; Body: EnvironmentBody & { name: string } }>(
    "/projects/:id/environments",
    { schema: { body: body({ name: { type: "string", pattern: "\\S" }, ...settings }, ["name"]) } },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const environment = createEnvironment(store.data, project, request.body.name, settingsOf(request.body));
      return reply.code(201).send(renderEnvironment(environment));
    },
  );

  server.get<EnvironmentParams>("/projects/:id/environments/:env", async (request) => {
    const project = findProject(store.data, request.params.id);
    return renderEnvironment(findEnvironment(store.data, project, request.params.env));
  });

  server.put<EnvironmentParams & { Body: EnvironmentBody }>(
    "/projects/:id/environments/:env",
    { schema: { body: body({ name: { type: "string" }, ...settings }) } },
    async (request) => {
      const project = findProject(store.data, request.params.id);
      const environment = findEnvironment(store.data, project, request.params.env);
      return renderEnvironment(updateEnvironment(environment, settingsOf(request.body)));
    },
  );

  server.post<EnvironmentParams>("/projects/:id/environments/:env/stop", async (request) => {
    const project = findProject(store.data, request.params.id);
    return renderEnvironment(stopEnvironment(findEnvironment(store.data, project, request.params.env)));
  });

  server.delete<EnvironmentParams>("/projects/:id/environments/:env", async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    deleteEnvironment(store.data, findEnvironment(store.data, project, request.params.env));
    return reply.code(204).send();
  });
}
