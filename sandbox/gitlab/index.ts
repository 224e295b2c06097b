import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type ApiPluginOptions, installJsonBody, installRecorder, installValidator } from "../api-plugin";
import { gitlabAuthorized, jobTokenAuthorized, terraformStateAuthorized } from "../auth";
import type { Store } from "../store";
import { environmentRoutes } from "./routes/environments";
import { userOfToken } from "./models/users";
import { GitlabError, toGitlabError } from "./routes/exceptions";
import { groupRoutes } from "./routes/groups";
import { instanceRoutes } from "./routes/instance";
import { issueRoutes } from "./routes/issues";
import { memberRoutes } from "./routes/members";
import { mergeRequestRoutes } from "./routes/merge-requests";
import { noteRoutes } from "./routes/notes";
import { projectRoutes } from "./routes/projects";
import { protectedRoutes } from "./routes/protected";
import { pushRuleRoutes } from "./routes/push-rules";
import { terraformStateRoutes } from "./routes/terraform-state";
import { presentedToken, userRoutes } from "./routes/users";
import { variableRoutes } from "./routes/variables";

/** Where GitLab serves its REST API; the plugin is registered under it. */
export const GITLAB_API_PREFIX = "/api/v4";

/** How the GitLab API plugin is set up. */
export interface GitlabApiOptions extends ApiPluginOptions {
  store: Store;
  /**
   * The administrator's token clients present (Bearer / PRIVATE-TOKEN, or the Basic password for Terraform state). The
   * REST room also takes the personal access tokens the administrator creates for users (`POST
   * /users/:id/personal_access_tokens`), as those users.
   */
  token: string;
  /**
   * A CI job token (`CI_JOB_TOKEN`): accepted by the Terraform state backend and by the few REST routes GitLab opens
   * to job tokens, refused everywhere else.
   *
   * @default - none: only `token` is accepted.
   */
  jobToken?: string;
}

type Authorized = (request: FastifyRequest) => boolean;

/** Checks the credentials one kind of client sends, then lets armed faults act. */
function guard(options: GitlabApiOptions, authorized: Authorized, challenge?: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!authorized(request)) {
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
 * the REST resources the GitLab provider and CI scripts call (Bearer or PRIVATE-TOKEN; a job token only where a route
 * allows one), and the Terraform state backend (HTTP Basic, job token included; bodies kept byte for byte).
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
    const restAuthorized: Authorized = (request) =>
      gitlabAuthorized(request.headers, options.token) ||
      userOfToken(options.store.data, presentedToken(request)) !== undefined ||
      (request.routeOptions.config?.jobTokenAllowed === true && jobTokenAuthorized(request.headers, options.jobToken));
    rest.addHook("onRequest", guard(options, restAuthorized));
    instanceRoutes(rest, options.store);
    userRoutes(rest, options.store, options.baseUrl);
    groupRoutes(rest, options.store, options.baseUrl);
    projectRoutes(rest, options.store, options.baseUrl);
    memberRoutes(rest, options.store, options.baseUrl);
    pushRuleRoutes(rest, options.store);
    variableRoutes(rest, options.store);
    environmentRoutes(rest, options.store);
    protectedRoutes(rest, options.store);
    mergeRequestRoutes(rest, options.store, options.baseUrl);
    issueRoutes(rest, options.store, options.baseUrl);
    noteRoutes(rest, options.store, options.baseUrl);
  });

  await server.register(async (terraformState) => {
    // A state upload that is not JSON is the model's 422, not a parse error.
    installJsonBody(terraformState, () => undefined);
    const stateAuthorized: Authorized = (request) =>
      terraformStateAuthorized(request.headers, options.token, options.jobToken);
    terraformState.addHook("onRequest", guard(options, stateAuthorized, 'Basic realm="GitLab"'));
    terraformStateRoutes(terraformState, options.store);
  });
}
