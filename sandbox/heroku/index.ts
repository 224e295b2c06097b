import type { FastifyInstance } from "fastify";
import { type ApiPluginOptions, installJsonBody, installRecorder, installValidator } from "../api-plugin";
import { herokuAuthorized } from "../auth";
import type { Store } from "../store";
import { addonRoutes } from "./routes/addons";
import { appRoutes } from "./routes/apps";
import { catalogRoutes } from "./routes/catalog";
import { domainRoutes } from "./routes/domains";
import { drainRoutes } from "./routes/drains";
import { badRequest, HerokuError, NOT_FOUND_BODY, toHerokuError } from "./routes/exceptions";
import { formationRoutes } from "./routes/formation";
import { pipelineRoutes } from "./routes/pipelines";
import { promotionRoutes } from "./routes/promotions";
import { releaseRoutes } from "./routes/releases";
import { isSlugUpload, slugRoutes } from "./routes/slugs";
import { sniEndpointRoutes } from "./routes/sni-endpoints";
import { teamRoutes } from "./routes/teams";

/** How the Heroku API plugin is set up. */
export interface HerokuApiOptions extends ApiPluginOptions {
  store: Store;
  /** The API key clients must present (HTTP Basic password, or Bearer). */
  apiKey: string;
}

/** The URL table: each module registers the routes of one area of the Platform API. */
const ROUTES = [
  catalogRoutes,
  appRoutes,
  releaseRoutes,
  addonRoutes,
  pipelineRoutes,
  promotionRoutes,
  formationRoutes,
  domainRoutes,
  drainRoutes,
  sniEndpointRoutes,
  teamRoutes,
];

/**
 * The Heroku Platform API, served at the root like api.heroku.com: its own credentials check, body parsing, route
 * schema validation, error shape (`{id, message}`) and not-found answer. Models (`./models`) decide what happens;
 * routes (`./routes`) only translate the wire format.
 */
export async function herokuApi(server: FastifyInstance, options: HerokuApiOptions): Promise<void> {
  installJsonBody(server, (_request, error) => badRequest(`Malformed JSON in request body: ${error.message}`));
  installValidator(server, { coerceTypes: false });
  installRecorder(server, "heroku", options);

  server.addHook("onRequest", async (request, reply) => {
    // A slug upload is signed by its presigned URL, as an S3 upload is; it carries no API key.
    if (!isSlugUpload(request.url) && !herokuAuthorized(request.headers, options.apiKey)) {
      return reply.code(401).send({ id: "unauthorized", message: "Invalid credentials provided." });
    }
    const answered = await options.faults.apply(request, reply, (status) =>
      new HerokuError(status, "service_unavailable", `Sandbox fault: injected ${status}.`).toJSON(),
    );
    if (answered) return reply;
  });
  // heroku-go sends no body on some writes (`POST /apps/{app}/acm`); a schema then sees an empty object.
  server.addHook("preValidation", async (request) => {
    if (request.body === undefined) request.body = {};
  });

  server.setErrorHandler((error, request, reply) => {
    const answer = toHerokuError(error);
    if (answer.status === 500) request.log.error(error);
    return reply.code(answer.status).send(answer.toJSON());
  });
  server.setNotFoundHandler((_request, reply) => reply.code(404).send(NOT_FOUND_BODY));

  for (const routes of ROUTES) routes(server, options.store);
  slugRoutes(server, options.store, options.baseUrl);
}
