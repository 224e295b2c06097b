import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { renderApplicationSettings, renderMetadata, renderVersion } from "./render";
import { requireAdministrator } from "./users";

/** Routes: what the instance is (version, edition) and its settings (administrators only, as on GitLab). */
export function instanceRoutes(server: FastifyInstance, store: Store): void {
  server.get("/version", async () => renderVersion());

  server.get("/metadata", async () => renderMetadata());

  server.get("/application/settings", async (request) => {
    requireAdministrator(store, request);
    return renderApplicationSettings();
  });
}
