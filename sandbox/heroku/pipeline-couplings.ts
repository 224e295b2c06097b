import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { newId, nowIso } from "../ids";
import type { CouplingRecord, StoreData } from "../store";
import { invalidParams, notFound } from "./errors";
import { bodyOf, findApp, findPipeline } from "./lookup";

/** Stages the API accepts (the provider accepts all but `test`). */
const STAGES = ["test", "review", "development", "staging", "production"];

/** The coupling as the Platform API renders it. */
export function renderCoupling(coupling: CouplingRecord) {
  return {
    app: { id: coupling.appId },
    created_at: coupling.createdAt,
    id: coupling.id,
    pipeline: { id: coupling.pipelineId },
    stage: coupling.stage,
    updated_at: coupling.updatedAt,
  };
}

function findCoupling(data: StoreData, id: string): CouplingRecord {
  const coupling = data.couplings.find((c) => c.id === id);
  if (!coupling) throw notFound("pipeline coupling");
  return coupling;
}

function checkStage(stage: unknown): string {
  if (typeof stage !== "string" || !STAGES.includes(stage)) {
    throw invalidParams(`Stage must be one of ${STAGES.join(", ")}.`);
  }
  return stage;
}

/** Routes: couple apps to pipeline stages, read, list, move and uncouple them. */
export function registerCouplingRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.post("/pipeline-couplings", async (request, reply) => {
    const data = store.data;
    const body = bodyOf(request);
    const app = findApp(data, String(body.app ?? ""));
    // Couplings take the pipeline by id only; a name would be a client bug.
    const pipeline = data.pipelines.find((p) => p.id === body.pipeline);
    if (!pipeline) throw notFound("pipeline");
    const stage = checkStage(body.stage);
    if (data.couplings.some((c) => c.appId === app.id)) {
      throw invalidParams(`${app.name} is already a member of a pipeline.`);
    }
    const now = nowIso();
    const coupling: CouplingRecord = {
      id: newId(),
      appId: app.id,
      pipelineId: pipeline.id,
      stage,
      createdAt: now,
      updatedAt: now,
    };
    data.couplings.push(coupling);
    return reply.code(201).send(renderCoupling(coupling));
  });

  server.get("/pipeline-couplings", async () => store.data.couplings.map(renderCoupling));

  server.get<{ Params: { id: string } }>("/pipeline-couplings/:id", async (request) => {
    return renderCoupling(findCoupling(store.data, request.params.id));
  });

  server.patch<{ Params: { id: string } }>("/pipeline-couplings/:id", async (request) => {
    const coupling = findCoupling(store.data, request.params.id);
    coupling.stage = checkStage(bodyOf(request).stage);
    coupling.updatedAt = nowIso();
    return renderCoupling(coupling);
  });

  server.delete<{ Params: { id: string } }>("/pipeline-couplings/:id", async (request) => {
    const coupling = findCoupling(store.data, request.params.id);
    store.data.couplings = store.data.couplings.filter((c) => c !== coupling);
    return renderCoupling(coupling);
  });

  // Per the schema this is a single coupling (an app is in at most one pipeline), not a list.
  server.get<{ Params: { app: string } }>("/apps/:app/pipeline-couplings", async (request) => {
    const app = findApp(store.data, request.params.app);
    const coupling = store.data.couplings.find((c) => c.appId === app.id);
    if (!coupling) throw notFound("pipeline coupling");
    return renderCoupling(coupling);
  });

  server.get<{ Params: { pipeline: string } }>("/pipelines/:pipeline/pipeline-couplings", async (request) => {
    const pipeline = findPipeline(store.data, request.params.pipeline);
    return store.data.couplings.filter((c) => c.pipelineId === pipeline.id).map(renderCoupling);
  });
}
