import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findProject } from "../models/projects";
import {
  findProtectedEnvironment,
  findProtectedTag,
  protectEnvironment,
  protectedEnvironmentsOf,
  protectedTagsOf,
  protectTag,
  unprotectEnvironment,
  unprotectTag,
  updateProtectedEnvironment,
} from "../models/protected";
import { renderProtectedEnvironment, renderProtectedTag } from "./render";
import {
  accessLevel,
  accessLevelInput,
  accessLevelList,
  accessLevelNumber,
  body,
  integer,
  nonEmptyString,
  type AccessLevelBody,
} from "./schemas";

type NameParams = { Params: { id: string; name: string } };
const list = (items: AccessLevelBody[] | null | undefined) => (items ?? []).map(accessLevelInput);

/** Routes: protected tags such as `v*` (the name arrives percent-decoded: `v%2A` → `v*`) and protected environments. */
export function protectedRoutes(server: FastifyInstance, store: Store): void {
  server.get<{ Params: { id: string } }>("/projects/:id/protected_tags", async (request) =>
    protectedTagsOf(store.data, findProject(store.data, request.params.id)).map(renderProtectedTag),
  );

  server.post<{
    Params: { id: string };
    Body: { name: string; create_access_level?: number | string; allowed_to_create?: AccessLevelBody[] | null };
  }>(
    "/projects/:id/protected_tags",
    {
      schema: {
        body: body({ name: nonEmptyString, create_access_level: accessLevel, allowed_to_create: accessLevelList }, [
          "name",
        ]),
      },
    },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const level = accessLevelNumber(request.body.create_access_level) ?? 40;
      const tag = protectTag(store.data, project, request.body.name, level, list(request.body.allowed_to_create));
      return reply.code(201).send(renderProtectedTag(tag));
    },
  );

  server.get<NameParams>("/projects/:id/protected_tags/:name", async (request) =>
    renderProtectedTag(findProtectedTag(store.data, findProject(store.data, request.params.id), request.params.name)),
  );

  server.delete<NameParams>("/projects/:id/protected_tags/:name", async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    unprotectTag(store.data, findProtectedTag(store.data, project, request.params.name));
    return reply.code(204).send();
  });

  type EnvironmentBody = {
    deploy_access_levels?: AccessLevelBody[] | null;
    approval_rules?: AccessLevelBody[] | null;
    required_approval_count?: number | string;
  };
  const environmentFields = {
    deploy_access_levels: accessLevelList,
    approval_rules: accessLevelList,
    required_approval_count: integer,
  };
  const approvalCount = (value: number | string | undefined) => (value === undefined ? undefined : Number(value));

  server.get<{ Params: { id: string } }>("/projects/:id/protected_environments", async (request) =>
    protectedEnvironmentsOf(store.data, findProject(store.data, request.params.id)).map(renderProtectedEnvironment),
  );

  server.post<{ Params: { id: string }; Body: EnvironmentBody & { name: string } }>(
    "/projects/:id/protected_environments",
    { schema: { body: body({ name: nonEmptyString, ...environmentFields }, ["name"]) } },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const {
        name,
        deploy_access_levels: deploy,
        approval_rules: rules,
        required_approval_count: count,
      } = request.body;
      const environment = protectEnvironment(
        store.data,
        project,
        name,
        list(deploy),
        list(rules),
        approvalCount(count),
      );
      return reply.code(201).send(renderProtectedEnvironment(environment));
    },
  );

  server.get<NameParams>("/projects/:id/protected_environments/:name", async (request) => {
    const project = findProject(store.data, request.params.id);
    return renderProtectedEnvironment(findProtectedEnvironment(store.data, project, request.params.name));
  });

  server.put<NameParams & { Body: EnvironmentBody }>(
    "/projects/:id/protected_environments/:name",
    { schema: { body: body({ name: { type: "string" }, ...environmentFields }) } },
    async (request) => {
      const project = findProject(store.data, request.params.id);
      const environment = findProtectedEnvironment(store.data, project, request.params.name);
      const { deploy_access_levels: deploy, approval_rules: rules, required_approval_count: count } = request.body;
      const updated = updateProtectedEnvironment(
        store.data,
        environment,
        list(deploy),
        list(rules),
        approvalCount(count),
      );
      return renderProtectedEnvironment(updated);
    },
  );

  server.delete<NameParams>("/projects/:id/protected_environments/:name", async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    unprotectEnvironment(store.data, findProtectedEnvironment(store.data, project, request.params.name));
    return reply.code(204).send();
  });
}
