import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Store } from "../../store";
import { findProject } from "../models/projects";
import { createVariable, deleteVariable, findVariable, updateVariable, variablesOf } from "../models/variables";
import { renderVariable } from "./render";
import { body, booleanFlag, flag, nullableString, string } from "./schemas";

type VariableParams = { Params: { id: string; key: string } };
type VariableBody = {
  key?: string;
  value?: string | number;
  variable_type?: "env_var" | "file";
  protected?: boolean | string;
  masked?: boolean | string;
  masked_and_hidden?: boolean | string;
  raw?: boolean | string;
  environment_scope?: string;
  description?: string | null;
};

const fields = {
  key: { type: "string", minLength: 1 },
  value: { type: ["string", "number"] },
  variable_type: { type: "string", enum: ["env_var", "file"] },
  protected: booleanFlag,
  masked: booleanFlag,
  masked_and_hidden: booleanFlag,
  raw: booleanFlag,
  environment_scope: string,
  description: nullableString,
};

/** `filter[environment_scope]` from the query string, if given. */
function scopeFilter(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown>;
  const value =
    query["filter[environment_scope]"] ?? (query.filter as Record<string, unknown> | undefined)?.environment_scope;
  return typeof value === "string" ? value : undefined;
}

function input(requestBody: VariableBody) {
  return {
    value: requestBody.value === undefined ? undefined : String(requestBody.value),
    variableType: requestBody.variable_type,
    protected: flag(requestBody.protected),
    masked: flag(requestBody.masked),
    raw: flag(requestBody.raw),
    environmentScope: requestBody.environment_scope,
    description: requestBody.description,
  };
}

/** Routes: project-level CI/CD variables. */
export function variableRoutes(server: FastifyInstance, store: Store): void {
  server.get<{ Params: { id: string } }>("/projects/:id/variables", async (request) =>
    variablesOf(store.data, findProject(store.data, request.params.id)).map(renderVariable),
  );

  server.post<{ Params: { id: string }; Body: VariableBody & { key: string; value: string | number } }>(
    "/projects/:id/variables",
    { schema: { body: body(fields, ["key", "value"]) } },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const variable = createVariable(store.data, project, {
        ...input(request.body),
        key: request.body.key,
        value: String(request.body.value),
        // The provider sends `masked:false, masked_and_hidden:true` for hidden variables: hidden implies masked.
        hidden: flag(request.body.masked_and_hidden),
      });
      return reply.code(201).send(renderVariable(variable));
    },
  );

  server.get<VariableParams>("/projects/:id/variables/:key", async (request) => {
    const project = findProject(store.data, request.params.id);
    return renderVariable(findVariable(store.data, project, request.params.key, scopeFilter(request)));
  });

  server.put<VariableParams & { Body: VariableBody }>(
    "/projects/:id/variables/:key",
    { schema: { body: body(fields) } },
    async (request) => {
      const project = findProject(store.data, request.params.id);
      const variable = findVariable(store.data, project, request.params.key, scopeFilter(request));
      return renderVariable(updateVariable(store.data, variable, input(request.body)));
    },
  );

  server.delete<VariableParams>("/projects/:id/variables/:key", async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    deleteVariable(store.data, findVariable(store.data, project, request.params.key, scopeFilter(request)));
    return reply.code(204).send();
  });
}
