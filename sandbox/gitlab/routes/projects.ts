import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findProject } from "../models/projects";
import { NotFoundError } from "../models/errors";
import { renderProject, renderUser } from "./render";

/** Routes: the current user (the provider's early auth check), projects, and the push rule (absent, as on Free). */
export function projectRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  server.get("/user", async () => renderUser(baseUrl()));

  server.get<{ Params: { id: string } }>("/projects/:id", async (request) =>
    renderProject(findProject(store.data, request.params.id), baseUrl()),
  );

  server.get<{ Params: { id: string } }>("/projects/:id/push_rule", async (request) => {
    findProject(store.data, request.params.id);
    throw new NotFoundError("");
  });
}
