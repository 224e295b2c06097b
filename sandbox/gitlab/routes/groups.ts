import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { createGroup, deleteGroup, findGroup } from "../models/groups";
import type { Visibility } from "../models/records";
import { renderGroup } from "./render";
import { body, integer, nonEmptyString, string, visibility } from "./schemas";

type GroupParams = { Params: { id: string } };
type NewGroupBody = {
  name: string;
  path: string;
  description?: string;
  visibility?: Visibility;
  parent_id?: number | string;
};

const newGroupBody = body(
  { name: nonEmptyString, path: nonEmptyString, description: string, visibility, parent_id: integer },
  ["name", "path"],
);

/** Routes: groups and subgroups (`:id` is a numeric id or the percent-encoded full path). */
export function groupRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  server.post<{ Body: NewGroupBody }>("/groups", { schema: { body: newGroupBody } }, async (request, reply) => {
    const { name, path, description, visibility: level, parent_id: parentId } = request.body;
    const group = createGroup(store.data, {
      name,
      path,
      description,
      visibility: level,
      parentId: parentId === undefined ? undefined : Number(parentId),
    });
    return reply.code(201).send(renderGroup(group, baseUrl()));
  });

  server.get<GroupParams>("/groups/:id", async (request) =>
    renderGroup(findGroup(store.data, request.params.id), baseUrl()),
  );

  // GitLab deletes a group in the background and answers at once.
  server.delete<GroupParams>("/groups/:id", async (request, reply) => {
    deleteGroup(store.data, findGroup(store.data, request.params.id));
    return reply.code(202).send({ message: "202 Accepted" });
  });
}
