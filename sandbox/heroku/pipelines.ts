import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { newId, nowIso } from "../ids";
import type { PipelineRecord, StoreData } from "../store";
import { GENERATION } from "./catalog";
import { invalidParams } from "./errors";
import { bodyOf, findPipeline } from "./lookup";

/** The provider's and the API's pipeline name rule. */
const PIPELINE_NAME = /^[a-z][a-z0-9-]{2,29}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkPipelineName(data: StoreData, name: unknown, except?: PipelineRecord): string {
  if (typeof name !== "string" || !PIPELINE_NAME.test(name)) {
    throw invalidParams(
      "Name must start with a letter, be 3 to 30 characters long and can only contain lowercase letters, digits, and dashes.",
    );
  }
  if (data.pipelines.some((p) => p.name === name && p !== except)) throw invalidParams("Name is already taken");
  return name;
}

/** The pipeline as the Platform API renders it; `owner` is never null because the provider dereferences it. */
export function renderPipeline(pipeline: PipelineRecord) {
  return {
    created_at: pipeline.createdAt,
    id: pipeline.id,
    name: pipeline.name,
    owner: { id: pipeline.ownerId, type: pipeline.ownerType },
    updated_at: pipeline.updatedAt,
    generation: { ...GENERATION },
  };
}

/** Routes: create, read (id always, name only with apps), list, rename and delete pipelines. */
export function registerPipelineRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.post("/pipelines", async (request, reply) => {
    const data = store.data;
    const body = bodyOf(request);
    const name = checkPipelineName(data, body.name);
    const owner = (body.owner ?? { id: data.account.id, type: "user" }) as { id?: unknown; type?: unknown };
    if (typeof owner.id !== "string" || !UUID.test(owner.id)) throw invalidParams("Owner id must be a UUID.");
    if (owner.type !== "user" && owner.type !== "team") throw invalidParams("Owner type must be user or team.");
    const now = nowIso();
    const pipeline: PipelineRecord = {
      id: newId(),
      name,
      ownerId: owner.id,
      ownerType: owner.type,
      createdAt: now,
      updatedAt: now,
    };
    data.pipelines.push(pipeline);
    return reply.code(201).send(renderPipeline(pipeline));
  });

  server.get("/pipelines", async () => store.data.pipelines.map(renderPipeline));

  server.get<{ Params: { pipeline: string } }>("/pipelines/:pipeline", async (request) => {
    return renderPipeline(findPipeline(store.data, request.params.pipeline));
  });

  server.patch<{ Params: { pipeline: string } }>("/pipelines/:pipeline", async (request) => {
    const pipeline = findPipeline(store.data, request.params.pipeline);
    const body = bodyOf(request);
    if (body.name !== undefined) pipeline.name = checkPipelineName(store.data, body.name, pipeline);
    pipeline.updatedAt = nowIso();
    return renderPipeline(pipeline);
  });

  server.delete<{ Params: { pipeline: string } }>("/pipelines/:pipeline", async (request) => {
    const pipeline = findPipeline(store.data, request.params.pipeline);
    // Deleting a pipeline uncouples its apps; the apps themselves stay.
    store.data.couplings = store.data.couplings.filter((c) => c.pipelineId !== pipeline.id);
    store.data.pipelines = store.data.pipelines.filter((p) => p !== pipeline);
    return renderPipeline(pipeline);
  });
}
