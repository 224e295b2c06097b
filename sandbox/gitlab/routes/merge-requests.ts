import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import {
  createMergeRequest,
  findMergeRequest,
  mergeMergeRequest,
  mergeRequestsOf,
  updateMergeRequest,
  type MergeRequestFilter,
} from "../models/merge-requests";
import { findProject } from "../models/projects";
import { JOB_TOKEN_ALLOWED } from "./job-token";
import { paginate, paginationQuery } from "./pagination";
import { renderMergeRequest } from "./render";
import { body, booleanFlag, integer, nullableString, string } from "./schemas";

type MergeRequestParams = { Params: { id: string; merge_request_iid: string } };

const params = body({ id: string, merge_request_iid: integer });
const stateEvent = { type: "string", enum: ["close", "reopen"] };

/**
 * Routes: merge requests of a project — create, read, list by state or branch, update (title, description, target
 * branch, close/reopen) and merge. Reading is open to a CI job token, as on GitLab.
 */
export function mergeRequestRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  const render = (mergeRequest: Parameters<typeof renderMergeRequest>[1]) =>
    renderMergeRequest(store.data, mergeRequest, baseUrl());

  server.post<{
    Params: { id: string };
    Body: { title: string; source_branch: string; target_branch: string; description?: string | null };
  }>(
    "/projects/:id/merge_requests",
    {
      schema: {
        body: body({ source_branch: string, target_branch: string, title: string, description: nullableString }, [
          "source_branch",
          "target_branch",
          "title",
        ]),
      },
    },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const { title, source_branch: sourceBranch, target_branch: targetBranch, description } = request.body;
      const mergeRequest = createMergeRequest(store.data, project, { title, sourceBranch, targetBranch, description });
      return reply.code(201).send(render(mergeRequest));
    },
  );

  server.get<{
    Params: { id: string };
    Querystring: { state?: MergeRequestFilter["state"]; source_branch?: string; target_branch?: string };
  }>(
    "/projects/:id/merge_requests",
    {
      ...JOB_TOKEN_ALLOWED,
      schema: {
        querystring: body({
          state: { type: "string", enum: ["opened", "closed", "locked", "merged", "all"] },
          source_branch: string,
          target_branch: string,
          ...paginationQuery,
        }),
      },
    },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const { state, source_branch: sourceBranch, target_branch: targetBranch } = request.query;
      const all = mergeRequestsOf(store.data, project, { state, sourceBranch, targetBranch });
      return paginate(request, reply, all, baseUrl()).map(render);
    },
  );

  server.get<MergeRequestParams>(
    "/projects/:id/merge_requests/:merge_request_iid",
    { ...JOB_TOKEN_ALLOWED, schema: { params } },
    async (request) => {
      const project = findProject(store.data, request.params.id);
      return render(findMergeRequest(store.data, project, request.params.merge_request_iid));
    },
  );

  server.put<
    MergeRequestParams & {
      Body: { title?: string; description?: string | null; target_branch?: string; state_event?: "close" | "reopen" };
    }
  >(
    "/projects/:id/merge_requests/:merge_request_iid",
    {
      schema: {
        params,
        body: body({ title: string, description: nullableString, target_branch: string, state_event: stateEvent }),
      },
    },
    async (request) => {
      const project = findProject(store.data, request.params.id);
      const mergeRequest = findMergeRequest(store.data, project, request.params.merge_request_iid);
      const { title, description, target_branch: targetBranch, state_event: event } = request.body;
      return render(
        updateMergeRequest(store.data, project, mergeRequest, { title, description, targetBranch, stateEvent: event }),
      );
    },
  );

  server.put<MergeRequestParams & { Body: { sha?: string } }>(
    "/projects/:id/merge_requests/:merge_request_iid/merge",
    {
      schema: {
        params,
        body: body({
          sha: string,
          merge_commit_message: string,
          should_remove_source_branch: booleanFlag,
          squash: booleanFlag,
        }),
      },
    },
    async (request) => {
      const project = findProject(store.data, request.params.id);
      const mergeRequest = findMergeRequest(store.data, project, request.params.merge_request_iid);
      return render(mergeMergeRequest(store.data, project, mergeRequest, request.body.sha));
    },
  );
}
