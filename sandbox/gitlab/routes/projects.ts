import type { FastifyInstance } from "fastify";
import type { Store, StoreData } from "../../store";
import { findGroup } from "../models/groups";
import { createProject, deleteProject, editProject, findProject } from "../models/projects";
import type { ProjectRecord, Visibility } from "../models/records";
import { sharesOf } from "../models/shares";
import { GitlabError } from "./exceptions";
import { renderProject } from "./render";
import { body, booleanFlag, flag, integer, string, visibility } from "./schemas";

type NewProjectBody = {
  name?: string;
  path?: string;
  namespace_id?: number | string;
  description?: string;
  visibility?: Visibility;
  initialize_with_readme?: boolean | string;
};

// Grape declares far more optional settings (features, merge options…); they are accepted and not kept.
const newProjectBody = body({
  name: string,
  path: string,
  namespace_id: integer,
  description: string,
  visibility,
  initialize_with_readme: booleanFlag,
});

/** The project with the groups it is shared with. */
function render(data: StoreData, project: ProjectRecord, baseUrl: string) {
  const shared = sharesOf(data, project).map((share) => ({ share, group: findGroup(data, share.groupId) }));
  return renderProject(project, baseUrl, shared);
}

/** Routes: projects, created, read, edited and deleted. */
export function projectRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  server.post<{ Body: NewProjectBody }>("/projects", { schema: { body: newProjectBody } }, async (request, reply) => {
    const { name, path, namespace_id: namespaceId, description, initialize_with_readme: readme } = request.body;
    if (!name && !path) {
      throw new GitlabError(400, { error: "name, path are missing, at least one parameter must be provided" });
    }
    const project = createProject(store.data, {
      name: name || undefined,
      path: path || undefined,
      namespaceId: namespaceId === undefined ? undefined : Number(namespaceId),
      description,
      visibility: request.body.visibility,
      initializeWithReadme: flag(readme),
    });
    return reply.code(201).send(render(store.data, project, baseUrl()));
  });

  server.get<{ Params: { id: string } }>("/projects/:id", async (request) =>
    render(store.data, findProject(store.data, request.params.id), baseUrl()),
  );

  server.put<{ Params: { id: string }; Body: Omit<NewProjectBody, "namespace_id" | "initialize_with_readme"> }>(
    "/projects/:id",
    { schema: { body: body({ name: string, path: string, description: string, visibility }) } },
    async (request) => {
      const project = findProject(store.data, request.params.id);
      const { name, path, description } = request.body;
      const changes = {
        name: name || undefined,
        path: path || undefined,
        description,
        visibility: request.body.visibility,
      };
      return render(store.data, editProject(store.data, project, changes), baseUrl());
    },
  );

  // GitLab deletes a project in the background and answers at once; the sandbox deletes it before answering.
  server.delete<{ Params: { id: string } }>("/projects/:id", async (request, reply) => {
    deleteProject(store.data, findProject(store.data, request.params.id));
    return reply.code(202).send({ message: "202 Accepted" });
  });
}
