// @ts-nocheck
import { INVALID_MESSAGE } from "../../api-plugin";
import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import {
  couple,
  couplingOfApp,
  createPipeline,
  deletePipeline,
  findCoupling,
  findPipeline,
  moveCoupling,
  renamePipeline,
  uncouple,
} from "../models/pipelines";
import { renderCoupling, renderPipeline } from "./render";
import { body, pipelineName, stage, string, uuid } from "./schemas";

type PipelineParams = { Params: { pipeline: string } };

const owner = body(
  {
    id: { ...uuid, [INVALID_MESSAGE]: "Owner id must be a UUID." },
    type: { type: "string", enum: ["user", "team"], [INVALID_MESSAGE]: "Owner type must be user or team." },
  },
  ["id", "type"],
);

/** Routes: pipelines (read by id always, by name only with apps) and their couplings. */
export function pipelineRoutes(server: FastifyInstance, store: Store): void {
  server.post<{ Body: { name: string; owner?: { id: string; type: "user" | "team" } } }>(
    "/pipelines",
    { schema: { body: body({ name: pipelineName, owner }, ["name"]) } },
    async (request, reply) => reply.code(201).send(renderPipeline(createPipeline(store.data, request.body))),
  );

  server.get("/pipelines", async () => store.data.pipelines.map(renderPipeline));

  server.get<PipelineParams>("/pipelines/:pipeline", async (request) =>
    renderPipeline(findPipeline(store.data, request.params.pipeline)),
  );

  server.patch<PipelineParams & { Body: { name?: string } }>(
    "/pipelines/:pipeline",
    { schema: { body: body({ name: pipelineName }) } },
    async (request) => {
      const pipeline = findPipeline(store.data, request.params.pipeline);
      return renderPipeline(renamePipeline(store.data, pipeline, request.body.name));
    },
  );

  server.delete<PipelineParams>("/pipelines/:pipeline", async (request) => {
    const pipeline = findPipeline(store.data, request.params.pipeline);
    deletePipeline(store.data, pipeline);
    return renderPipeline(pipeline);
  });

  server.post<{ Body: { app: string; pipeline: string; stage: string } }>(
    "/pipeline-couplings",
    { schema: { body: body({ app: string(), pipeline: string(), stage }, ["app", "pipeline", "stage"]) } },
    async (request, reply) => {
      const app = findApp(store.data, request.body.app);
      const coupling = couple(store.data, app, request.body.pipeline, request.body.stage);
      return reply.code(201).send(renderCoupling(coupling));
    },
  );

  server.get("/pipeline-couplings", async () => store.data.couplings.map(renderCoupling));

  server.get<{ Params: { id: string } }>("/pipeline-couplings/:id", async (request) =>
    renderCoupling(findCoupling(store.data, request.params.id)),
  );

  server.patch<{ Params: { id: string }; Body: { stage: string } }>(
    "/pipeline-couplings/:id",
    { schema: { body: body({ stage }, ["stage"]) } },
    async (request) => renderCoupling(moveCoupling(findCoupling(store.data, request.params.id), request.body.stage)),
  );

  server.delete<{ Params: { id: string } }>("/pipeline-couplings/:id", async (request) => {
    const coupling = findCoupling(store.data, request.params.id);
    uncouple(store.data, coupling);
    return renderCoupling(coupling);
  });

  // Per the schema this is a single coupling (an app is in at most one pipeline), not a list.
  server.get<{ Params: { app: string } }>("/apps/:app/pipeline-couplings", async (request) =>
    renderCoupling(couplingOfApp(store.data, findApp(store.data, request.params.app))),
  );

  server.get<PipelineParams>("/pipelines/:pipeline/pipeline-couplings", async (request) => {
    const pipeline = findPipeline(store.data, request.params.pipeline);
    return store.data.couplings.filter((c) => c.pipelineId === pipeline.id).map(renderCoupling);
  });
}
