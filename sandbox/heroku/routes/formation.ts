import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import { DYNO_SIZES } from "../models/catalog";
import { findFormation, formationOf, releaseImages, scale } from "../models/formation";
import { stableId } from "../../ids";
import { renderFormation } from "./render";
import { body, dockerImage, processTypeName, quantity, string } from "./schemas";

type FormationParams = { Params: { app: string; formation: string } };
type ImageUpdate = { type: string; docker_image: string };
type ScaleBody = { quantity?: number; size?: string; dyno_size?: { name?: string; id?: string } };

/** A dyno size named by id resolves to its name; the model knows sizes by name. */
function sizeName(requested: ScaleBody): string | undefined {
  const wanted = requested.dyno_size?.name ?? requested.dyno_size?.id ?? requested.size;
  return DYNO_SIZES.find((s) => stableId("dyno-size", s.name) === wanted)?.name ?? wanted;
}

/**
 * The body of a container release: Heroku's formation batch update (`{"updates": [{"type", ...}]}`) whose entries
 * name a Docker image instead of a scale. `docker_image` is not in Heroku's published Platform API schema (its
 * `formation/definitions/update` allows only `type`, `quantity` and `dyno_size`); Heroku documents it in the Dev
 * Center's "Container Registry & Runtime (Docker Deploys)", section "Releasing an image" (the API variant, sent with
 * `Accept: application/vnd.heroku+json; version=3.docker-releases`, which the sandbox does not insist on).
 */
const imageReleaseBody = body(
  {
    updates: {
      type: "array",
      minItems: 1,
      items: {
        ...body({ type: processTypeName, docker_image: dockerImage }, ["type", "docker_image"]),
        additionalProperties: false,
      },
    },
  },
  ["updates"],
);

/**
 * Routes: list, read and scale/resize process types, and release Docker images to them. The batch update serves only
 * its container-release form: scaling goes through the one-type route, the only one the provider and flow call.
 */
export function formationRoutes(server: FastifyInstance, store: Store): void {
  server.get<{ Params: { app: string } }>("/apps/:app/formation", async (request) => {
    const app = findApp(store.data, request.params.app);
    return formationOf(store.data, app).map((f) => renderFormation(store.data, f));
  });

  server.get<FormationParams>("/apps/:app/formation/:formation", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderFormation(store.data, findFormation(store.data, app, request.params.formation));
  });

  server.patch<{ Params: { app: string }; Body: { updates: ImageUpdate[] } }>(
    "/apps/:app/formation",
    { schema: { body: imageReleaseBody } },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      const images = Object.fromEntries(request.body.updates.map((update) => [update.type, update.docker_image]));
      releaseImages(store.data, app, images);
      // Heroku answers a batch update with the process types it updated.
      return Object.keys(images).map((type) => renderFormation(store.data, findFormation(store.data, app, type)));
    },
  );

  server.patch<FormationParams & { Body: ScaleBody }>(
    "/apps/:app/formation/:formation",
    { schema: { body: body({ quantity, size: string(), dyno_size: body({ name: string(), id: string() }) }) } },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      const formation = findFormation(store.data, app, request.params.formation);
      return renderFormation(
        store.data,
        scale(formation, { quantity: request.body.quantity, size: sizeName(request.body) }),
      );
    },
  );
}
