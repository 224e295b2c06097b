import type { FastifyInstance } from "fastify";
import { INVALID_MESSAGE } from "../../api-plugin";
import type { Store } from "../../store";
import { createPromotion, readPromotion } from "../models/promotions";
import { renderPromotion, renderPromotionTarget } from "./render";
import { body, idReference } from "./schemas";

type PromotionBody = {
  pipeline: { id: string };
  source: { app: { id: string }; release?: { id: string } };
  targets: { app: { id: string } }[];
};

type PromotionParams = { Params: { id: string } };

/** `definitions.pipeline-promotion`'s create schema: the pipeline, the source app (and release) and targets by id. */
const createSchema = body(
  {
    pipeline: idReference("Pipeline must be given by its id (a UUID)."),
    source: body(
      {
        app: idReference("Source app must be given by its id (a UUID)."),
        release: idReference("Source release must be given by its id (a UUID)."),
      },
      ["app"],
    ),
    targets: {
      type: "array",
      items: body({ app: idReference("Each target app must be given by its id (a UUID).") }, ["app"]),
      [INVALID_MESSAGE]: "Targets must be a list of apps to promote to.",
    },
  },
  ["pipeline", "source", "targets"],
);

/**
 * Routes: pipeline promotions — create (answered pending, as Heroku does: it does not wait), info, and the list of
 * the promotion's targets. Reads advance a pending promotion (see `models/promotions.ts`).
 */
export function promotionRoutes(server: FastifyInstance, store: Store): void {
  server.post<{ Body: PromotionBody }>(
    "/pipeline-promotions",
    { schema: { body: createSchema } },
    async (request, reply) => {
      const { pipeline, source, targets } = request.body;
      const promotion = createPromotion(store.data, {
        pipeline: pipeline.id,
        sourceApp: source.app.id,
        sourceRelease: source.release?.id,
        targetApps: targets.map((target) => target.app.id),
      });
      return reply.code(201).send(renderPromotion(promotion));
    },
  );

  server.get<PromotionParams>("/pipeline-promotions/:id", async (request) =>
    renderPromotion(readPromotion(store.data, request.params.id)),
  );

  server.get<PromotionParams>("/pipeline-promotions/:id/promotion-targets", async (request) => {
    const promotion = readPromotion(store.data, request.params.id);
    return promotion.targets.map((target) => renderPromotionTarget(promotion, target));
  });
}
