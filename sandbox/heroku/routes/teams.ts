import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findTeam } from "../models/teams";
import { renderTeam } from "./render";

/** Routes: the teams the API key's user belongs to (others answer 404, as Heroku hides them). */
export function teamRoutes(server: FastifyInstance, store: Store): void {
  server.get("/teams", async () => store.data.teams.map(renderTeam));

  server.get<{ Params: { team: string } }>("/teams/:team", async (request) =>
    renderTeam(findTeam(store.data, request.params.team)),
  );
}
