import type { FastifyInstance } from "fastify";
import { INVALID_MESSAGE, installJsonBody, installValidator } from "./api-plugin";
import { herokuAuthorized } from "./auth";
import { CircleciModelError } from "./circleci/models/errors";
import { ensureProject as ensureCircleciProject, organizationOf } from "./circleci/models/projects";
import { type Faults, FaultSpecError, type FaultSpec } from "./faults";
import { GitlabModelError } from "./gitlab/models/errors";
import { findMergeRequest, pushToSourceBranch } from "./gitlab/models/merge-requests";
import { ensureProject, findProject } from "./gitlab/models/projects";
import { findApp } from "./heroku/models/apps";
import { formationOf, pushCode } from "./heroku/models/formation";
import { badRequest, HerokuError, toHerokuError } from "./heroku/routes/exceptions";
import { renderFormation, renderRelease, renderTeam } from "./heroku/routes/render";
import { processType, teamName } from "./heroku/routes/schemas";
import { joinTeam } from "./heroku/models/teams";
import type { Store } from "./store";

/** Where the control routes live. */
export const CONTROL_PREFIX = "/sandbox";

/** The path of the unauthenticated health check. */
export const HEALTH_PATH = `${CONTROL_PREFIX}/health`;

/** How the control plugin is set up. */
export interface ControlOptions {
  store: Store;
  faults: Faults;
  /** The Heroku API key: the control routes are the sandbox operator's, who holds it. */
  apiKey: string;
}

const faultSchema = {
  type: "object",
  required: ["path", "action"],
  properties: {
    path: { type: "string", minLength: 1 },
    method: { type: "string" },
    action: { type: "string", enum: ["error", "delay", "drop"] },
    status: { type: "integer" },
    nth: { type: "integer", minimum: 0 },
    times: { type: "integer", minimum: 0 },
    delayMs: { type: "integer", minimum: 0 },
  },
};

const pushSchema = {
  type: "object",
  required: ["process_types"],
  properties: {
    process_types: {
      type: "object",
      minProperties: 1,
      propertyNames: { pattern: processType },
      additionalProperties: { type: "string", pattern: "\\S" },
    },
    // The commit pushed, as git names it: the build's slug records it, as Heroku's does.
    commit: {
      type: "string",
      pattern: "^[0-9a-f]{40}$",
      [INVALID_MESSAGE]: "Commit must be a full commit SHA: 40 lowercase hex digits.",
    },
  },
};

const sourcePushSchema = {
  type: "object",
  properties: { sha: { type: "string", pattern: "^[0-9a-f]{40}$" } },
};

/**
 * Routes that control the sandbox rather than emulate an API (registered with `prefix: CONTROL_PREFIX`): health, a
 * dump of the state, reset, the GitLab and CircleCI projects a scenario needs, the fault switch, the simulated code
 * push (of a named commit, when given), and the simulated push to a merge request's source branch (the sandbox has no
 * repositories to push to). All but health need the Heroku API key; errors come in Heroku's shape.
 */
export async function controlRoutes(server: FastifyInstance, { store, faults, apiKey }: ControlOptions): Promise<void> {
  installJsonBody(server, (_request, error) => badRequest(`Malformed JSON in request body: ${error.message}`));
  installValidator(server, { coerceTypes: false });
  server.addHook("onRequest", async (request, reply) => {
    if (request.url.split("?")[0] === HEALTH_PATH) return;
    if (!herokuAuthorized(request.headers, apiKey)) {
      return reply.code(401).send({ id: "unauthorized", message: "Invalid credentials provided." });
    }
  });
  server.addHook("preValidation", async (request) => {
    if (request.body === undefined) request.body = {};
  });
  server.setErrorHandler((error, _request, reply) => {
    const answer =
      error instanceof FaultSpecError
        ? badRequest(error.message)
        : error instanceof GitlabModelError || error instanceof CircleciModelError
          ? new HerokuError(422, "invalid_params", error.message)
          : toHerokuError(error);
    return reply.code(answer.status).send(answer.toJSON());
  });

  server.get("/health", async () => ({ ok: true }));

  server.get("/state", async () => store.data);

  server.post("/reset", async () => {
    store.reset();
    faults.clear();
    return { reset: true };
  });

  server.post<{ Body: { path: string } }>(
    "/projects",
    { schema: { body: { type: "object", required: ["path"], properties: { path: { type: "string" } } } } },
    async (request, reply) => {
      const { project, created } = ensureProject(store.data, request.body.path);
      return reply.code(created ? 201 : 200).send({ id: project.id, path_with_namespace: request.body.path });
    },
  );

  // CircleCI answers 404 for a project it does not follow; the sandbox follows only those created here.
  // Its organization (named, or the slug's) is one the sandbox's user is a member of: contexts may belong to it.
  server.post<{ Body: { slug: string; id?: string; name?: string; organizationId?: string } }>(
    "/circleci/projects",
    {
      schema: {
        body: {
          type: "object",
          required: ["slug"],
          properties: {
            slug: { type: "string" },
            id: { type: "string" },
            name: { type: "string", minLength: 1 },
            organizationId: { type: "string" },
          },
        },
      },
    },
    async (request, reply) => {
      const { slug, ...input } = request.body;
      const { project, created } = ensureCircleciProject(store.data, slug, input);
      return reply.code(created ? 201 : 200).send({
        id: project.id,
        slug: project.slug,
        name: project.name,
        organizationId: organizationOf(project),
      });
    },
  );

  // The Heroku teams the API key's user belongs to: Heroku refuses a team app, or `GET /teams/{team}`, in any other.
  server.post<{ Body: { name: string } }>(
    "/teams",
    { schema: { body: { type: "object", required: ["name"], properties: { name: teamName } } } },
    async (request, reply) => {
      const known = store.data.teams.some((team) => team.name === request.body.name);
      return reply.code(known ? 200 : 201).send(renderTeam(joinTeam(store.data, request.body.name)));
    },
  );

  server.get("/faults", async () => faults.list());

  server.post<{ Body: FaultSpec }>("/faults", { schema: { body: faultSchema } }, async (request, reply) =>
    reply.code(201).send(faults.add(request.body)),
  );

  server.delete("/faults", async () => {
    faults.clear();
    return { cleared: true };
  });

  server.post<{ Params: { app: string }; Body: { process_types: Record<string, string>; commit?: string } }>(
    "/apps/:app/push",
    { schema: { body: pushSchema } },
    async (request, reply) => {
      const app = findApp(store.data, request.params.app);
      const release = pushCode(store.data, app, request.body.process_types, request.body.commit);
      return reply.code(201).send({
        release: renderRelease(store.data, release),
        formation: formationOf(store.data, app).map((f) => renderFormation(store.data, f)),
      });
    },
  );

  server.post<{ Params: { project: string; iid: string }; Body: { sha?: string } }>(
    "/projects/:project/merge_requests/:iid/push",
    { schema: { body: sourcePushSchema } },
    async (request) => {
      const project = findProject(store.data, request.params.project);
      const mergeRequest = pushToSourceBranch(
        findMergeRequest(store.data, project, request.params.iid),
        request.body.sha,
      );
      return { iid: mergeRequest.iid, sha: mergeRequest.sha };
    },
  );
}
