import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { contextsOf, createContext, deleteContext, findContext, memberOwner } from "../models/contexts";
import { CircleciError } from "./exceptions";
import { pageTokenOf, paginate } from "./pagination";
import { renderContext, renderMessage } from "./render";
import { createContextBody, listContextsQuery } from "./schemas";

type ContextParams = { Params: { contextId: string } };
type ListQuery = { "owner-id"?: string; "owner-slug"?: string; "owner-type"?: string };

/** Routes: contexts — list an owner's, create, read, delete (with their variables and restrictions). */
export function contextRoutes(server: FastifyInstance, store: Store): void {
  server.get<{ Querystring: ListQuery }>(
    "/context",
    { schema: { querystring: listContextsQuery } },
    async (request) => {
      const query = request.query;
      if (query["owner-id"] === undefined && query["owner-slug"] === undefined) {
        throw new CircleciError(400, "Either owner-id or owner-slug is required");
      }
      const owner = memberOwner(store.data, {
        id: query["owner-id"],
        slug: query["owner-slug"],
        type: query["owner-type"],
      });
      return paginate(contextsOf(store.data, owner).map(renderContext), pageTokenOf(request.query));
    },
  );

  // CircleCI answers a new context with 200, not 201 (the document's only success status for it).
  server.post<{ Body: { name: string; owner: { id?: string; slug?: string; type?: string } } }>(
    "/context",
    { schema: { body: createContextBody } },
    async (request) =>
      renderContext(createContext(store.data, request.body.name, memberOwner(store.data, request.body.owner))),
  );

  server.get<ContextParams>("/context/:contextId", async (request) =>
    renderContext(findContext(store.data, request.params.contextId)),
  );

  server.delete<ContextParams>("/context/:contextId", async (request) => {
    deleteContext(store.data, findContext(store.data, request.params.contextId));
    return renderMessage("Context deleted.");
  });
}
