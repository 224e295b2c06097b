import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findApp } from "../models/apps";
import type { ReleaseRecord } from "../models/records";
import { findRelease, releasesOf } from "../models/releases";
import { rollback } from "../models/rollback";
import { applyRange, parseRange } from "./range";
import { renderRelease } from "./render";
import { body, nullableString, string } from "./schemas";
import { INVALID_MESSAGE } from "../../api-plugin";
import { InvalidParamsError } from "../models/errors";
import { releaseSlug } from "../models/slugs";

type AppParams = { Params: { app: string } };

/**
 * Routes: an app's releases — list (honouring `Range`, so `version ..; order=desc` gives the newest first), info, and
 * create: from a slug (`{"slug": …}`, any app's) or a rollback (`{"release": …}`), the two bodies Heroku's schema gives
 * the one link.
 */
export function releaseRoutes(server: FastifyInstance, store: Store): void {
  server.get<AppParams>("/apps/:app/releases", async (request) => {
    const app = findApp(store.data, request.params.app);
    const range = parseRange(request.headers.range, "version");
    const key = (r: ReleaseRecord): string | number => (range.field === "id" ? r.id : r.version);
    return applyRange(releasesOf(store.data, app), range, key).map((r) => renderRelease(store.data, r));
  });

  server.get<{ Params: { app: string; release: string } }>("/apps/:app/releases/:release", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderRelease(store.data, findRelease(store.data, app, request.params.release));
  });

  // Heroku's schema names the rollback target by id; the version number is accepted too, as every release identity here
  // is. The provider always sends `slug`, and `oci_image` only for Fir apps, which the sandbox does not host.
  server.post<AppParams & { Body: { release?: string; slug?: string; description?: string | null } }>(
    "/apps/:app/releases",
    {
      schema: {
        body: body({
          release: string("Release must be a release id or version."),
          slug: string("Slug must be a slug id."),
          description: nullableString,
          oci_image: { type: "null", [INVALID_MESSAGE]: "OCI images can only be released to Fir apps." },
        }),
      },
    },
    async (request, reply) => {
      const app = findApp(store.data, request.params.app);
      const { release, slug, description } = request.body;
      if (release !== undefined) {
        return reply.code(201).send(renderRelease(store.data, rollback(store.data, app, release)));
      }
      if (slug === undefined) throw new InvalidParamsError("Missing required params: slug (or release, to roll back).");
      return reply.code(201).send(renderRelease(store.data, releaseSlug(store.data, app, slug, description)));
    },
  );
}
