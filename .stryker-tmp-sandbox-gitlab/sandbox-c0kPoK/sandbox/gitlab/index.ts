// @ts-nocheck
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type ApiPluginOptions, installJsonBody, installRecorder, installValidator } from "../api-plugin";
import { gitlabAuthorized, terraformStateAuthorized } from "../auth";
import type { Store } from "../store";
import { environmentRoutes } from "./routes/environments";
import { GitlabError, toGitlabError } from "./routes/exceptions";
import { projectRoutes } from "./routes/projects";
import { protectedRoutes } from "./routes/protected";
import { terraformStateRoutes } from "./routes/terraform-state";
import { variableRoutes } from "./routes/variables";

/** Where GitLab serves its REST API; the plugin is registered under it. */
export const GITLAB_API_PREFIX = "/api/v4";

/** How the GitLab API plugin is set up. */
export interface GitlabApiOptions extends ApiPluginOptions {
  store: Store;
  /** The token clients must present (Bearer / PRIVATE-TOKEN, or the Basic password for Terraform state). */
  token: string;
}

type Authorized = (headers: FastifyRequest["headers"], token: string) => boolean;

/** Checks the credentials one kind of client sends, then lets armed faults act. */
function guard(options: GitlabApiOptions, authorized: Authorized, challenge?: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!authorized(request.headers, options.token)) {
      if (challenge) reply.header("www-authenticate", challenge);
      return reply.code(401).send({ message: "401 Unauthorized" });
    }
    const answered = await options.faults.apply(request, reply, (status) => ({ message: `${status} Sandbox fault` }));
    if (answered) return reply;
  };
}

/**
 * The GitLab REST API (register it with `prefix: GITLAB_API_PREFIX`): its own error shape (`{message}` from models,
 * `{error}` from parameter checks) and not-found answer, and two rooms with their own credentials and body handling —
 * the REST resources the GitLab provider calls (Bearer or PRIVATE-TOKEN), and the Terraform state backend (HTTP Basic,
 * bodies kept byte for byte).
 */
export async function gitlabApi(server: FastifyInstance, options: GitlabApiOptions): Promise<void> {
  installValidator(server, { coerceTypes: false });
  installRecorder(server, "gitlab", options);
  server.addHook("preValidation", async (request) => {
    if (request.body === undefined) request.body = {};
  });
  server.setErrorHandler((error, request, reply) => {
    const answer = toGitlabError(error);
    if (answer.status === 500) request.log.error(error);
    return reply.code(answer.status).send(answer.body);
  });
  server.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: "404 Not Found" }));

  await server.register(async (rest) => {
    installJsonBody(rest, () => new GitlabError(400, { message: "400 Bad request - malformed JSON body" }));
    rest.addHook("onRequest", guard(options, gitlabAuthorized));
    projectRoutes(rest, options.store, options.baseUrl);
    variableRoutes(rest, options.store);
    environmentRoutes(rest, options.store);
    protectedRoutes(rest, options.store);
  });

  await server.register(async (terraformState) => {
    // A state upload that is not JSON is the model's 422, not a parse error.
    installJsonBody(terraformState, () => undefined);
    terraformState.addHook("onRequest", guard(options, terraformStateAuthorized, 'Basic realm="GitLab"'));
    terraformStateRoutes(terraformState, options.store);
  });
}
