import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findContext } from "../models/contexts";
import {
  contextVariablesOf,
  deleteContextVariable,
  findContextVariable,
  putContextVariable,
} from "../models/context-variables";
import { pageTokenOf, paginate } from "./pagination";
import { renderContextVariable, renderMessage } from "./render";
import { contextVariableBody } from "./schemas";

type VariableParams = { Params: { contextId: string; name: string } };

/** Routes: a context's environment variables — list (names only), add or update, remove. */
export function contextVariableRoutes(server: FastifyInstance, store: Store): void {
  server.get<{ Params: { contextId: string } }>("/context/:contextId/environment-variable", async (request) => {
    const context = findContext(store.data, request.params.contextId);
    return paginate(contextVariablesOf(store.data, context).map(renderContextVariable), pageTokenOf(request.query));
  });

  server.put<VariableParams & { Body: { value: string } }>(
    "/context/:contextId/environment-variable/:name",
    { schema: { body: contextVariableBody } },
    async (request) => {
      const context = findContext(store.data, request.params.contextId);
      return renderContextVariable(putContextVariable(store.data, context, request.params.name, request.body.value));
    },
  );

  server.delete<VariableParams>("/context/:contextId/environment-variable/:name", async (request) => {
    const context = findContext(store.data, request.params.contextId);
    deleteContextVariable(store.data, findContextVariable(store.data, context, request.params.name));
    return renderMessage("Environment variable deleted.");
  });
}
