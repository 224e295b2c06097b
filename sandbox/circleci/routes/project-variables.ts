import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findProjectBySlug } from "../models/projects";
import {
  deleteProjectVariable,
  findProjectVariable,
  projectVariablesOf,
  setProjectVariable,
} from "../models/project-variables";
import { pageTokenOf, paginate } from "./pagination";
import { renderMessage, renderProjectVariable } from "./render";
import { projectVariableBody } from "./schemas";

/**
 * A project slug spans three path segments (`gh/org/repo`): clients send it unescaped, as the provider does
 * (`/project/` + slug + `/envvar`).
 */
const PROJECT = "/project/:vcs/:organization/:repository";

type SlugParams = { vcs: string; organization: string; repository: string };

const slugOf = (params: SlugParams): string => `${params.vcs}/${params.organization}/${params.repository}`;

/** Routes: a project's environment variables — list and read (values masked), create or replace, delete. */
export function projectVariableRoutes(server: FastifyInstance, store: Store): void {
  server.get<{ Params: SlugParams }>(`${PROJECT}/envvar`, async (request) => {
    const project = findProjectBySlug(store.data, slugOf(request.params));
    return paginate(projectVariablesOf(store.data, project).map(renderProjectVariable), pageTokenOf(request.query));
  });

  server.post<{ Params: SlugParams; Body: { name: string; value: string } }>(
    `${PROJECT}/envvar`,
    { schema: { body: projectVariableBody } },
    async (request, reply) => {
      const project = findProjectBySlug(store.data, slugOf(request.params));
      const variable = setProjectVariable(store.data, project, request.body.name, request.body.value);
      return reply.code(201).send(renderProjectVariable(variable));
    },
  );

  server.get<{ Params: SlugParams & { name: string } }>(`${PROJECT}/envvar/:name`, async (request) => {
    const project = findProjectBySlug(store.data, slugOf(request.params));
    return renderProjectVariable(findProjectVariable(store.data, project, request.params.name));
  });

  server.delete<{ Params: SlugParams & { name: string } }>(`${PROJECT}/envvar/:name`, async (request) => {
    const project = findProjectBySlug(store.data, slugOf(request.params));
    deleteProjectVariable(store.data, findProjectVariable(store.data, project, request.params.name));
    return renderMessage("Environment variable deleted.");
  });
}
