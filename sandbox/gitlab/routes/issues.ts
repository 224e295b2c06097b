import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { createIssue, findIssue, issuesOf, updateIssue, type IssueFilter } from "../models/issues";
import { findProject } from "../models/projects";
import type { IssueRecord } from "../models/records";
import { paginate, paginationQuery } from "./pagination";
import { renderIssue } from "./render";
import { body, integer, nullableString, string } from "./schemas";

type IssueParams = { Params: { id: string; issue_iid: string } };

/** Labels as GitLab takes them: a comma-separated string, or an array of names. */
const labels = { type: ["string", "array"], items: { type: "string" } };
type Labels = string | string[] | undefined;

/** A label parameter as a list of names; undefined stays undefined (not given is not "no labels"). */
function labelList(value: Labels): string[] | undefined {
  return typeof value === "string" ? value.split(",") : value;
}

const params = body({ id: string, issue_iid: integer });

/** Routes: project issues — create, list with filters (state, labels, search), read and update (close/reopen). */
export function issueRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  const render = (issue: IssueRecord) => renderIssue(store.data, issue, baseUrl());

  server.post<{ Params: { id: string }; Body: { title: string; description?: string | null; labels?: Labels } }>(
    "/projects/:id/issues",
    { schema: { body: body({ title: string, description: nullableString, labels }, ["title"]) } },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const { title, description } = request.body;
      const issue = createIssue(store.data, project, { title, description, labels: labelList(request.body.labels) });
      return reply.code(201).send(render(issue));
    },
  );

  server.get<{
    Params: { id: string };
    Querystring: { state?: IssueFilter["state"]; labels?: string; search?: string };
  }>(
    "/projects/:id/issues",
    {
      schema: {
        querystring: body({
          state: { type: "string", enum: ["opened", "closed", "all"] },
          labels: string,
          search: string,
          ...paginationQuery,
        }),
      },
    },
    async (request, reply) => {
      const project = findProject(store.data, request.params.id);
      const { state, search } = request.query;
      const issues = issuesOf(store.data, project, { state, search, labels: labelList(request.query.labels) });
      return paginate(request, reply, issues, baseUrl()).map(render);
    },
  );

  server.get<IssueParams>("/projects/:id/issues/:issue_iid", { schema: { params } }, async (request) =>
    render(findIssue(store.data, findProject(store.data, request.params.id), request.params.issue_iid)),
  );

  server.put<
    IssueParams & {
      Body: {
        title?: string;
        description?: string | null;
        labels?: Labels;
        add_labels?: Labels;
        remove_labels?: Labels;
        state_event?: "close" | "reopen";
      };
    }
  >(
    "/projects/:id/issues/:issue_iid",
    {
      schema: {
        params,
        body: body({
          title: string,
          description: nullableString,
          labels,
          add_labels: labels,
          remove_labels: labels,
          state_event: { type: "string", enum: ["close", "reopen"] },
        }),
      },
    },
    async (request) => {
      const project = findProject(store.data, request.params.id);
      const issue = findIssue(store.data, project, request.params.issue_iid);
      const { title, description, state_event: stateEvent } = request.body;
      return render(
        updateIssue(store.data, project, issue, {
          title,
          description,
          stateEvent,
          labels: labelList(request.body.labels),
          addLabels: labelList(request.body.add_labels),
          removeLabels: labelList(request.body.remove_labels),
        }),
      );
    },
  );
}
