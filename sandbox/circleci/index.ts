import type { FastifyInstance } from "fastify";
import { type ApiPluginOptions, installJsonBody, installRecorder, installValidator } from "../api-plugin";
import { circleciAuthorized } from "../auth";
import type { Store } from "../store";
import { contextVariableRoutes } from "./routes/context-variables";
import { contextRoutes } from "./routes/contexts";
import { CircleciError, toCircleciError } from "./routes/exceptions";
import { projectVariableRoutes } from "./routes/project-variables";
import { restrictionRoutes } from "./routes/restrictions";

export { CIRCLECI_API_PREFIX } from "./prefix";

/** How the CircleCI API plugin is set up. */
export interface CircleciApiOptions extends ApiPluginOptions {
  store: Store;
  /**
   * The personal API token clients must present (`Circle-Token`).
   *
   * @default - none: every request is refused with 401.
   */
  token?: string;
}

/**
 * CircleCI's API v2 (register it with `prefix: CIRCLECI_API_PREFIX`) for the calls the CircleCI provider makes:
 * project environment variables, contexts, their variables and their restrictions. Its own credential check, error
 * shape (`{"message": ...}`) and not-found answer.
 */
export async function circleciApi(server: FastifyInstance, options: CircleciApiOptions): Promise<void> {
  installValidator(server, { coerceTypes: false });
  installRecorder(server, "circleci", options);
  installJsonBody(server, (_request, error) => new CircleciError(400, `Invalid JSON body: ${error.message}`));
  server.addHook("onRequest", async (request, reply) => {
    if (request.headers["circle-token"] === undefined && request.headers.authorization === undefined) {
      return reply.code(401).send({ message: "You must log in first." });
    }
    if (options.token === undefined || !circleciAuthorized(request.headers, options.token)) {
      return reply.code(401).send({ message: "Invalid token provided." });
    }
    const answered = await options.faults.apply(request, reply, (status) => ({ message: `${status} Sandbox fault` }));
    if (answered) return reply;
  });
  server.addHook("preValidation", async (request) => {
    if (request.body === undefined) request.body = {};
  });
  server.setErrorHandler((error, request, reply) => {
    const answer = toCircleciError(error);
    if (answer.status === 500) request.log.error(error);
    return reply.code(answer.status).send(answer.toJSON());
  });
  server.setNotFoundHandler((_request, reply) => reply.code(404).send({ message: "Not found" }));

  contextRoutes(server, options.store);
  contextVariableRoutes(server, options.store);
  restrictionRoutes(server, options.store);
  projectVariableRoutes(server, options.store);
}
