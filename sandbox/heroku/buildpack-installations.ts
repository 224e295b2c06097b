import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { nowIso } from "../ids";
import type { AppRecord } from "../store";
import { invalidParams } from "./errors";
import { bodyOf, findApp } from "./lookup";

/**
 * Buildpacks as `buildpack-installations` renders them. The provider compares `buildpack.name` with its config, so a
 * registry name ("heroku/python") or a URL comes back exactly as it was set.
 */
function renderBuildpacks(app: AppRecord) {
  return app.buildpacks.map((buildpack, index) => ({ ordinal: index, buildpack: { url: buildpack, name: buildpack } }));
}

/** Routes: list and replace an app's buildpacks. */
export function registerBuildpackRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.get<{ Params: { app: string } }>("/apps/:app/buildpack-installations", async (request) => {
    return renderBuildpacks(findApp(store.data, request.params.app));
  });

  server.put<{ Params: { app: string } }>("/apps/:app/buildpack-installations", async (request) => {
    const app = findApp(store.data, request.params.app);
    const updates = bodyOf(request).updates;
    if (!Array.isArray(updates)) throw invalidParams("updates must be a list of buildpacks.");
    app.buildpacks = updates.map((update: unknown) => {
      const buildpack = (update as { buildpack?: unknown } | null)?.buildpack;
      if (typeof buildpack !== "string" || buildpack.trim() === "") {
        throw invalidParams("Each update needs a buildpack name or URL.");
      }
      return buildpack;
    });
    app.updatedAt = nowIso();
    return renderBuildpacks(app);
  });
}
