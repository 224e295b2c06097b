import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "./context";
import { Faults, FaultSpecError, type FaultSpec } from "./faults";
import { badRequest } from "./heroku/errors";
import { renderFormation } from "./heroku/formation";
import { bodyOf, findApp } from "./heroku/lookup";
import { pushCode } from "./heroku/push";
import { renderRelease } from "./heroku/releases";

/** The path of the unauthenticated health check. */
export const HEALTH_PATH = "/sandbox/health";

/**
 * Routes that control the sandbox itself rather than emulate an API: health, a dump of the state, the fault switch and
 * the simulated code push. All but health need the Heroku API key.
 */
export function registerControlRoutes(server: FastifyInstance, { store }: SandboxContext, faults: Faults): void {
  server.get(HEALTH_PATH, async () => ({ ok: true }));

  server.get("/sandbox/state", async () => store.data);

  server.get("/sandbox/faults", async () => faults.list());

  server.post("/sandbox/faults", async (request, reply) => {
    try {
      return reply.code(201).send(faults.add(bodyOf(request) as Partial<FaultSpec>));
    } catch (error) {
      if (error instanceof FaultSpecError) throw badRequest(error.message);
      throw error;
    }
  });

  server.delete("/sandbox/faults", async () => {
    faults.clear();
    return { cleared: true };
  });

  server.post<{ Params: { app: string } }>("/sandbox/apps/:app/push", async (request, reply) => {
    const app = findApp(store.data, request.params.app);
    const processTypes = bodyOf(request).process_types;
    if (typeof processTypes !== "object" || processTypes === null || Array.isArray(processTypes)) {
      throw badRequest("process_types must be an object of process type → command.");
    }
    const release = pushCode(store.data, app, processTypes as Record<string, unknown>);
    return reply.code(201).send({
      release: renderRelease(store.data, release),
      formation: store.data.formations.filter((f) => f.appId === app.id).map((f) => renderFormation(store.data, f)),
    });
  });
}
