import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findGroup } from "../models/groups";
import { addProjectMember, findProjectMember, membersOf, removeProjectMember } from "../models/members";
import { findProject } from "../models/projects";
import { shareProject, unshareProject } from "../models/shares";
import { findUser } from "../models/users";
import { paginate, paginationQuery } from "./pagination";
import { renderMember, renderShare } from "./render";
import { body, integer, memberAccessLevel, nullableDate } from "./schemas";

type MemberBody = { user_id: number | string; access_level: number | string; expires_at?: string | null };
type ShareBody = { group_id: number | string; group_access: number | string; expires_at?: string | null };

const memberBody = body({ user_id: integer, access_level: memberAccessLevel, expires_at: nullableDate }, [
  "user_id",
  "access_level",
]);
const shareBody = body({ group_id: integer, group_access: memberAccessLevel, expires_at: nullableDate }, [
  "group_id",
  "group_access",
]);

/** Routes: a project's direct members, and the groups it is shared with. */
export function memberRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  server.get<{ Params: { id: string } }>(
    "/projects/:id/members",
    { schema: { querystring: { type: "object", properties: paginationQuery } } },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const members = membersOf(store.data, project).map((m) =>
        renderMember(m, findUser(store.data, m.userId), baseUrl()),
      );
      return paginate(request, reply, members, baseUrl());
    },
  );

  server.post<{ Params: { id: string }; Body: MemberBody }>(
    "/projects/:id/members",
    { schema: { body: memberBody } },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const user = findUser(store.data, request.body.user_id);
      const { access_level: level, expires_at: expiresAt } = request.body;
      const member = addProjectMember(store.data, project, user, Number(level), expiresAt ?? null);
      return reply.code(201).send(renderMember(member, user, baseUrl()));
    },
  );

  server.delete<{ Params: { id: string; user_id: string } }>(
    "/projects/:id/members/:user_id",
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      removeProjectMember(store.data, findProjectMember(store.data, project, request.params.user_id));
      return reply.code(204).send();
    },
  );

  server.post<{ Params: { id: string }; Body: ShareBody }>(
    "/projects/:id/share",
    { schema: { body: shareBody } },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const group = findGroup(store.data, Number(request.body.group_id));
      const { group_access: access, expires_at: expiresAt } = request.body;
      const share = shareProject(store.data, project, group, Number(access), expiresAt ?? null);
      return reply.code(201).send(renderShare(share));
    },
  );

  server.delete<{ Params: { id: string; group_id: string } }>(
    "/projects/:id/share/:group_id",
    async (request, reply) => {
      unshareProject(store.data, findProject(store.data, request.params.id), request.params.group_id);
      return reply.code(204).send();
    },
  );
}
