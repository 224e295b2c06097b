import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SandboxContext } from "./context";
import { GitlabError } from "./gitlab/errors";
import { findProject } from "./gitlab/lookup";
import { nowIso } from "./ids";
import type { LockInfo, StoreData, TerraformStateRecord } from "./store";

type StateRequest = FastifyRequest<{ Params: { id: string; name: string }; Querystring: { ID?: string } }>;

/** GitLab's limit on state names; they may not contain a slash (the router already guarantees that). */
const MAX_NAME = 255;

function stateOf(data: StoreData, request: StateRequest, create: boolean): TerraformStateRecord | undefined {
  const project = findProject(data, request.params.id);
  const name = request.params.name;
  if (name.length > MAX_NAME) throw new GitlabError(400, "400 Bad request - name is too long");
  let state = data.terraformStates.find((s) => s.projectId === project.id && s.name === name);
  if (!state && create) {
    state = { projectId: project.id, name, body: null, lock: null, updatedAt: nowIso() };
    data.terraformStates.push(state);
  }
  return state;
}

/** Answers 409 with the current holder's lock info, the body Terraform prints as "Lock Info". */
function conflict(reply: FastifyReply, lock: LockInfo): FastifyReply {
  return reply.code(409).type("application/json").send(JSON.stringify(lock));
}

/** The lock ID a request carries: `?ID=` (state upload) or the lock info body (unlock). */
function requestLockId(request: StateRequest): string | undefined {
  if (typeof request.query.ID === "string" && request.query.ID !== "") return request.query.ID;
  const body = request.body as Partial<LockInfo> | undefined;
  return body && typeof body === "object" && typeof body.ID === "string" ? body.ID : undefined;
}

/**
 * Routes: GitLab-managed Terraform state (`lib/api/terraform/state.rb`), the HTTP backend's address, lock and unlock
 * endpoints. The state is stored as the exact bytes Terraform uploaded.
 */
export function registerTerraformStateRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  const path = "/api/v4/projects/:id/terraform/state/:name";

  server.get(path, async (request: StateRequest, reply) => {
    const state = stateOf(store.data, request, false);
    if (!state || state.body === null) return reply.code(204).send();
    return reply.code(200).type("application/json").send(state.body);
  });

  server.post(path, async (request: StateRequest, reply) => {
    const state = stateOf(store.data, request, true) as TerraformStateRecord;
    if (state.lock && state.lock.ID !== request.query.ID) return conflict(reply, state.lock);
    const raw = request.rawBody ?? "";
    if (raw === "") return reply.code(204).send();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new GitlabError(422, "422 Unprocessable Entity - invalid JSON");
    }
    if (typeof parsed !== "object" || parsed === null || !("serial" in parsed)) {
      throw new GitlabError(422, "422 Unprocessable Entity - No serial in payload");
    }
    state.body = raw;
    state.updatedAt = nowIso();
    return reply.code(200).send();
  });

  server.delete(path, async (request: StateRequest, reply) => {
    const state = stateOf(store.data, request, false);
    if (!state) throw new GitlabError(404, "404 Not Found");
    if (state.lock && state.lock.ID !== request.query.ID) return conflict(reply, state.lock);
    store.data.terraformStates = store.data.terraformStates.filter((s) => s !== state);
    return reply.code(200).send();
  });

  server.post(`${path}/lock`, async (request: StateRequest, reply) => {
    const info = request.body as Partial<LockInfo> | undefined;
    if (!info || typeof info !== "object" || typeof info.ID !== "string" || info.ID === "") {
      throw new GitlabError(400, "400 Bad request - ID is missing");
    }
    const state = stateOf(store.data, request, true) as TerraformStateRecord;
    if (state.lock) return conflict(reply, state.lock);
    const keep = ["ID", "Operation", "Info", "Who", "Version", "Created", "Path"] as const;
    state.lock = Object.fromEntries(keep.map((k) => [k, info[k] ?? ""])) as unknown as LockInfo;
    return reply.code(200).send();
  });

  server.delete(`${path}/lock`, async (request: StateRequest, reply) => {
    const state = stateOf(store.data, request, false);
    if (!state || !state.lock) return reply.code(200).send();
    const id = requestLockId(request);
    // Without an ID the unlock is forced (`terraform force-unlock` sends the ID; GitLab also allows none).
    if (id !== undefined && id !== state.lock.ID) return conflict(reply, state.lock);
    state.lock = null;
    return reply.code(200).send();
  });
}
