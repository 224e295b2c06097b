import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import type { ProjectRecord, ProtectedTagRecord, StoreData } from "../store";
import { accessLevelFrom, accessLevelValue, listOfObjects, renderAccessLevel } from "./access-levels";
import { GitlabError, gitlabNotFound } from "./errors";
import { findProject, gitlabBody } from "./lookup";

/** The protected tag as GitLab renders it. */
export function renderProtectedTag(tag: ProtectedTagRecord) {
  return { name: tag.name, create_access_levels: tag.createAccessLevels.map(renderAccessLevel) };
}

function findTag(data: StoreData, project: ProjectRecord, name: string): ProtectedTagRecord {
  const tag = data.gitlab.protectedTags.find((t) => t.projectId === project.id && t.name === name);
  if (!tag) throw gitlabNotFound("Protected tag");
  return tag;
}

/** Routes: protected tags such as `v*` (path parameter arrives percent-decoded: `v%2A` → `v*`). */
export function registerProtectedTagRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.get<{ Params: { id: string } }>("/api/v4/projects/:id/protected_tags", async (request) => {
    const project = findProject(store.data, request.params.id);
    return store.data.gitlab.protectedTags.filter((t) => t.projectId === project.id).map(renderProtectedTag);
  });

  server.post<{ Params: { id: string } }>("/api/v4/projects/:id/protected_tags", async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    const body = gitlabBody(request);
    if (typeof body.name !== "string" || body.name === "")
      throw new GitlabError(400, "400 Bad request - name is missing");
    const name = body.name;
    if (store.data.gitlab.protectedTags.some((t) => t.projectId === project.id && t.name === name)) {
      throw new GitlabError(409, `Protected tag '${name}' already exists`);
    }
    // `create_access_level` is echoed as the first entry of `create_access_levels`: the provider reads it from there and
    // treats an empty list as a licence problem.
    const level = accessLevelValue(body.create_access_level ?? 40);
    const tag: ProtectedTagRecord = {
      projectId: project.id,
      name,
      createAccessLevels: [
        accessLevelFrom(store, { access_level: level }),
        ...listOfObjects(body.allowed_to_create, "allowed_to_create").map((item) => accessLevelFrom(store, item)),
      ],
    };
    store.data.gitlab.protectedTags.push(tag);
    return reply.code(201).send(renderProtectedTag(tag));
  });

  server.get<{ Params: { id: string; name: string } }>("/api/v4/projects/:id/protected_tags/:name", async (request) => {
    return renderProtectedTag(findTag(store.data, findProject(store.data, request.params.id), request.params.name));
  });

  server.delete<{ Params: { id: string; name: string } }>(
    "/api/v4/projects/:id/protected_tags/:name",
    async (request, reply) => {
      const tag = findTag(store.data, findProject(store.data, request.params.id), request.params.name);
      store.data.gitlab.protectedTags = store.data.gitlab.protectedTags.filter((t) => t !== tag);
      return reply.code(204).send();
    },
  );
}
