import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import type { AccessLevelRecord, ProjectRecord, ProtectedEnvironmentRecord, Store, StoreData } from "../store";
import { accessLevelFrom, listOfObjects, renderAccessLevel } from "./access-levels";
import { fieldErrors, GitlabError, gitlabNotFound } from "./errors";
import { findProject, gitlabBody } from "./lookup";

/** The protected environment as GitLab renders it. */
export function renderProtectedEnvironment(environment: ProtectedEnvironmentRecord) {
  return {
    name: environment.name,
    deploy_access_levels: environment.deployAccessLevels.map(renderAccessLevel),
    required_approval_count: 0,
    approval_rules: environment.approvalRules.map((rule) => ({
      ...renderAccessLevel(rule),
      required_approvals: rule.requiredApprovals ?? 1,
    })),
  };
}

function findProtected(data: StoreData, project: ProjectRecord, name: string): ProtectedEnvironmentRecord {
  const found = data.gitlab.protectedEnvironments.find((e) => e.projectId === project.id && e.name === name);
  if (!found) throw gitlabNotFound("Protected environment");
  return found;
}

/**
 * Applies an update list the way GitLab's nested attributes do: items with `id` update, items with `_destroy` remove,
 * items without `id` are added.
 */
function merge(store: Store, current: AccessLevelRecord[], items: Record<string, unknown>[]): AccessLevelRecord[] {
  let result = [...current];
  for (const item of items) {
    const existing = typeof item.id === "number" ? result.find((e) => e.id === item.id) : undefined;
    if (item.id !== undefined && !existing) throw fieldErrors({ id: ["does not exist"] });
    if (existing && (item._destroy === true || item._destroy === 1 || item._destroy === "true")) {
      result = result.filter((e) => e !== existing);
    } else if (existing) {
      const previous = {
        access_level: existing.accessLevel,
        user_id: existing.userId,
        group_id: existing.groupId,
        group_inheritance_type: existing.groupInheritanceType,
        required_approvals: existing.requiredApprovals,
      };
      Object.assign(existing, { ...accessLevelFrom(store, { ...previous, ...item }), id: existing.id });
    } else {
      result.push(accessLevelFrom(store, item));
    }
  }
  return result;
}

/** Routes: protected environments (a Premium feature on GitLab; always available in the sandbox). */
export function registerProtectedEnvironmentRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  const base = "/api/v4/projects/:id/protected_environments";

  server.get<{ Params: { id: string } }>(base, async (request) => {
    const project = findProject(store.data, request.params.id);
    return store.data.gitlab.protectedEnvironments
      .filter((e) => e.projectId === project.id)
      .map(renderProtectedEnvironment);
  });

  server.post<{ Params: { id: string } }>(base, async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    const body = gitlabBody(request);
    if (typeof body.name !== "string" || body.name === "")
      throw new GitlabError(400, "400 Bad request - name is missing");
    const name = body.name;
    if (store.data.gitlab.protectedEnvironments.some((e) => e.projectId === project.id && e.name === name)) {
      throw new GitlabError(409, `Protected environment '${name}' already exists`);
    }
    const deploy = listOfObjects(body.deploy_access_levels, "deploy_access_levels");
    if (deploy.length === 0) throw fieldErrors({ deploy_access_levels: ["is missing"] });
    const environment: ProtectedEnvironmentRecord = {
      projectId: project.id,
      name,
      deployAccessLevels: deploy.map((item) => accessLevelFrom(store, item)),
      approvalRules: listOfObjects(body.approval_rules, "approval_rules").map((item) => accessLevelFrom(store, item)),
    };
    store.data.gitlab.protectedEnvironments.push(environment);
    return reply.code(201).send(renderProtectedEnvironment(environment));
  });

  server.get<{ Params: { id: string; name: string } }>(`${base}/:name`, async (request) => {
    const project = findProject(store.data, request.params.id);
    return renderProtectedEnvironment(findProtected(store.data, project, request.params.name));
  });

  server.put<{ Params: { id: string; name: string } }>(`${base}/:name`, async (request) => {
    const project = findProject(store.data, request.params.id);
    const environment = findProtected(store.data, project, request.params.name);
    const body = gitlabBody(request);
    const deploy = merge(
      store,
      environment.deployAccessLevels,
      listOfObjects(body.deploy_access_levels, "deploy_access_levels"),
    );
    const rules = merge(store, environment.approvalRules, listOfObjects(body.approval_rules, "approval_rules"));
    if (deploy.length === 0) throw fieldErrors({ deploy_access_levels: ["is missing"] });
    environment.deployAccessLevels = deploy;
    environment.approvalRules = rules;
    return renderProtectedEnvironment(environment);
  });

  server.delete<{ Params: { id: string; name: string } }>(`${base}/:name`, async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    const environment = findProtected(store.data, project, request.params.name);
    store.data.gitlab.protectedEnvironments = store.data.gitlab.protectedEnvironments.filter((e) => e !== environment);
    return reply.code(204).send();
  });
}
