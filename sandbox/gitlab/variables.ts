import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SandboxContext } from "../context";
import type { ProjectRecord, StoreData, VariableRecord } from "../store";
import { fieldErrors, GitlabError, gitlabNotFound } from "./errors";
import { booleanParam, findProject, gitlabBody, scopeFilter } from "./lookup";

/** GitLab's key rule. */
const KEY = /^[a-zA-Z0-9_]+$/;

/** `Ci::Maskable::REGEX`: masked and expanded values — Base64 alphabet plus `@ : . ~`, at least 8 characters. */
const MASKED = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;

/** `Ci::Maskable::MASK_AND_RAW_REGEX`: masked raw values — any non-whitespace, at least 8 characters. */
const MASKED_RAW = /^\S{8,}$/;

/** The variable as GitLab renders it; a hidden variable never shows its value. */
export function renderVariable(variable: VariableRecord) {
  return {
    variable_type: variable.variableType,
    key: variable.key,
    value: variable.hidden ? null : variable.value,
    protected: variable.protected,
    masked: variable.masked,
    hidden: variable.hidden,
    raw: variable.raw,
    environment_scope: variable.environmentScope,
    description: variable.description,
  };
}

function validate(variable: VariableRecord): void {
  const errors: Record<string, string[]> = {};
  if (!KEY.test(variable.key) || variable.key.length > 255) {
    errors.key = ["can contain only letters, digits and '_'."];
  }
  if (variable.masked && !(variable.raw ? MASKED_RAW : MASKED).test(variable.value)) errors.value = ["is invalid"];
  if (variable.variableType !== "env_var" && variable.variableType !== "file") {
    errors.variable_type = ["does not have a valid value"];
  }
  if (variable.environmentScope === "") errors.environment_scope = ["can't be blank"];
  if (Object.keys(errors).length) throw fieldErrors(errors);
}

/**
 * Finds the one variable a GET/PUT/DELETE addresses. Without `filter[environment_scope]`, a key defined in several
 * scopes is ambiguous and GitLab answers 409 (`find_variable` in `variables_helpers.rb`).
 */
function findVariable(data: StoreData, project: ProjectRecord, request: FastifyRequest<{ Params: { key: string } }>) {
  const scope = scopeFilter(request);
  const matches = data.gitlab.variables.filter(
    (v) =>
      v.projectId === project.id &&
      v.key === request.params.key &&
      (scope === undefined || v.environmentScope === scope),
  );
  if (matches.length === 0) throw gitlabNotFound("Variable");
  if (matches.length > 1) {
    throw new GitlabError(
      409,
      "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'",
    );
  }
  return matches[0];
}

function checkUnique(data: StoreData, variable: VariableRecord, except?: VariableRecord): void {
  const clash = data.gitlab.variables.some(
    (v) =>
      v !== except &&
      v.projectId === variable.projectId &&
      v.key === variable.key &&
      v.environmentScope === variable.environmentScope,
  );
  if (clash) throw fieldErrors({ key: [`(${variable.key}) has already been taken`] });
}

/** Routes: project-level CI/CD variables. */
export function registerVariableRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.get<{ Params: { id: string } }>("/api/v4/projects/:id/variables", async (request) => {
    const project = findProject(store.data, request.params.id);
    return store.data.gitlab.variables.filter((v) => v.projectId === project.id).map(renderVariable);
  });

  server.post<{ Params: { id: string } }>("/api/v4/projects/:id/variables", async (request, reply) => {
    const project = findProject(store.data, request.params.id);
    const body = gitlabBody(request);
    if (typeof body.key !== "string" || body.key === "") throw new GitlabError(400, "400 Bad request - key is missing");
    if (body.value === undefined || body.value === null)
      throw new GitlabError(400, "400 Bad request - value is missing");
    // The provider sends `masked:false, masked_and_hidden:true` for hidden variables: hidden implies masked.
    const hidden = booleanParam(body.masked_and_hidden, false);
    const variable: VariableRecord = {
      projectId: project.id,
      key: body.key,
      value: String(body.value),
      variableType: (body.variable_type ?? "env_var") as VariableRecord["variableType"],
      protected: booleanParam(body.protected, false),
      masked: hidden || booleanParam(body.masked, false),
      hidden,
      raw: booleanParam(body.raw, false),
      environmentScope: typeof body.environment_scope === "string" ? body.environment_scope : "*",
      description: typeof body.description === "string" && body.description !== "" ? body.description : null,
    };
    validate(variable);
    checkUnique(store.data, variable);
    store.data.gitlab.variables.push(variable);
    return reply.code(201).send(renderVariable(variable));
  });

  server.get<{ Params: { id: string; key: string } }>("/api/v4/projects/:id/variables/:key", async (request) => {
    return renderVariable(findVariable(store.data, findProject(store.data, request.params.id), request));
  });

  server.put<{ Params: { id: string; key: string } }>("/api/v4/projects/:id/variables/:key", async (request) => {
    const variable = findVariable(store.data, findProject(store.data, request.params.id), request);
    const body = gitlabBody(request);
    const masked = booleanParam(body.masked, variable.masked);
    if (variable.hidden && !masked) throw fieldErrors({ masked: ["cannot be unmasked for a hidden variable"] });
    const updated: VariableRecord = {
      ...variable,
      value: body.value === undefined || body.value === null ? variable.value : String(body.value),
      variableType: (body.variable_type ?? variable.variableType) as VariableRecord["variableType"],
      protected: booleanParam(body.protected, variable.protected),
      masked,
      raw: booleanParam(body.raw, variable.raw),
      environmentScope: typeof body.environment_scope === "string" ? body.environment_scope : variable.environmentScope,
      description: body.description === undefined ? variable.description : (body.description as string) || null,
    };
    validate(updated);
    checkUnique(store.data, updated, variable);
    Object.assign(variable, updated);
    return renderVariable(variable);
  });

  server.delete<{ Params: { id: string; key: string } }>(
    "/api/v4/projects/:id/variables/:key",
    async (request, reply) => {
      const variable = findVariable(store.data, findProject(store.data, request.params.id), request);
      store.data.gitlab.variables = store.data.gitlab.variables.filter((v) => v !== variable);
      return reply.code(204).send();
    },
  );
}
