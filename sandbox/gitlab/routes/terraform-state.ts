import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Store } from "../../store";
import { findProject } from "../models/projects";
import type { LockInfo } from "../models/records";
import { deleteState, findState, lockState, unlockState, uploadState } from "../models/terraform-states";
import { body, nonEmptyString } from "./schemas";

type StateRequest = FastifyRequest<{ Params: { id: string; name: string }; Querystring: { ID?: string } }>;

/** The lock ID a request carries: `?ID=` (state upload, delete) or the lock info body (unlock). */
function lockIdOf(request: StateRequest): string | undefined {
  if (request.query.ID) return request.query.ID;
  const info = request.body as Partial<LockInfo> | undefined;
  return typeof info?.ID === "string" ? info.ID : undefined;
}

/**
 * Routes: GitLab-managed Terraform state, the HTTP backend's address, lock and unlock endpoints
 * (`lib/api/terraform/state.rb`). Uploads are stored as the exact bytes Terraform sent.
 */
export function terraformStateRoutes(server: FastifyInstance, store: Store): void {
  const path = "/projects/:id/terraform/state/:name";
  const project = (request: StateRequest) => findProject(store.data, request.params.id);

  server.get(path, async (request: StateRequest, reply) => {
    const state = findState(store.data, project(request), request.params.name);
    if (!state || state.body === null) return reply.code(204).send();
    return reply.code(200).type("application/json").send(state.body);
  });

  server.post(path, async (request: StateRequest, reply) => {
    const lockId = request.query.ID || undefined;
    uploadState(store.data, project(request), request.params.name, request.rawBody ?? "", lockId);
    return reply.code(request.rawBody ? 200 : 204).send();
  });

  server.delete(path, async (request: StateRequest, reply) => {
    deleteState(store.data, project(request), request.params.name, request.query.ID || undefined);
    return reply.code(200).send();
  });

  server.post(
    `${path}/lock`,
    { schema: { body: body({ ID: nonEmptyString }, ["ID"]) } },
    async (request: StateRequest, reply) => {
      lockState(store.data, project(request), request.params.name, request.body as Partial<LockInfo>);
      return reply.code(200).send();
    },
  );

  server.delete(`${path}/lock`, async (request: StateRequest, reply) => {
    unlockState(store.data, project(request), request.params.name, lockIdOf(request));
    return reply.code(200).send();
  });
}
