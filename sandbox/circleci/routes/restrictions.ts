import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findContext } from "../models/contexts";
import { projectById } from "../models/projects";
import { createRestriction, deleteRestriction, findRestriction, restrictionsOf } from "../models/restrictions";
import type { ContextRestrictionRecord } from "../models/records";
import { CircleciError } from "./exceptions";
import { pageTokenOf, paginate } from "./pagination";
import { renderListedRestriction, renderMessage, renderRestriction } from "./render";
import { restrictionBody, restrictionParams } from "./schemas";

type RestrictionBody = { project_id?: string; restriction_type?: string; restriction_value?: string };

/**
 * The type and value a body asks for: both new fields, or the deprecated `project_id` alone, which the document
 * describes as mutually exclusive with them and meaning a project restriction.
 */
function requested(body: RestrictionBody): { type: string; value: string } {
  const { project_id: projectId, restriction_type: type, restriction_value: value } = body;
  if (projectId !== undefined) {
    if (type !== undefined || value !== undefined) {
      throw new CircleciError(400, "project_id is mutually exclusive with restriction_type and restriction_value");
    }
    return { type: "project", value: projectId };
  }
  if (type === undefined || value === undefined) {
    throw new CircleciError(400, "restriction_type and restriction_value are required");
  }
  return { type, value };
}

/** Routes: a context's restrictions — list, create, delete. */
export function restrictionRoutes(server: FastifyInstance, store: Store): void {
  const projectOf = (restriction: ContextRestrictionRecord) =>
    restriction.type === "project" ? projectById(store.data, restriction.value) : undefined;

  server.get<{ Params: { contextId: string } }>(
    "/context/:contextId/restrictions",
    { schema: { params: restrictionParams } },
    async (request) => {
      const context = findContext(store.data, request.params.contextId);
      const listed = restrictionsOf(store.data, context).map((r) => renderListedRestriction(r, projectOf(r)));
      return paginate(listed, pageTokenOf(request.query));
    },
  );

  server.post<{ Params: { contextId: string }; Body: RestrictionBody }>(
    "/context/:contextId/restrictions",
    { schema: { params: restrictionParams, body: restrictionBody } },
    async (request, reply) => {
      const context = findContext(store.data, request.params.contextId);
      const { type, value } = requested(request.body);
      const restriction = createRestriction(store.data, context, type, value);
      return reply.code(201).send(renderRestriction(restriction, projectOf(restriction)));
    },
  );

  server.delete<{ Params: { contextId: string; restrictionId: string } }>(
    "/context/:contextId/restrictions/:restrictionId",
    { schema: { params: restrictionParams } },
    async (request) => {
      const context = findContext(store.data, request.params.contextId);
      deleteRestriction(store.data, findRestriction(store.data, context, request.params.restrictionId));
      return renderMessage("Context restriction deleted.");
    },
  );
}
