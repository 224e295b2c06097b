import type { FastifyInstance } from "fastify";
import type { Store, StoreData } from "../../store";
import { asNoteable as issueNoteable, findIssue } from "../models/issues";
import { asNoteable as mergeRequestNoteable, findMergeRequest } from "../models/merge-requests";
import { createNote, deleteNote, findNote, notesOf, updateNote, type Noteable, type NoteOrder } from "../models/notes";
import { findProject } from "../models/projects";
import type { ProjectRecord } from "../models/records";
import { GitlabError } from "./exceptions";
import { JOB_TOKEN_ALLOWED } from "./job-token";
import { paginate, paginationQuery } from "./pagination";
import { renderNote } from "./render";
import { body, booleanFlag, integer, string } from "./schemas";

/** One kind of noteable: its path segment, how to find one by iid, and whether a job token may read its notes. */
interface NoteableKind {
  path: string;
  find(data: StoreData, project: ProjectRecord, iid: string): Noteable;
  jobTokenReads: boolean;
}

/** The noteables the sandbox has; GitLab's notes API loops over its noteable types the same way. */
const KINDS: NoteableKind[] = [
  {
    path: "merge_requests",
    find: (data, project, iid) => mergeRequestNoteable(findMergeRequest(data, project, iid)),
    jobTokenReads: true,
  },
  { path: "issues", find: (data, project, iid) => issueNoteable(findIssue(data, project, iid)), jobTokenReads: false },
];

type NotesParams = { Params: { id: string; noteable_id: string } };
type NoteParams = { Params: { id: string; noteable_id: string; note_id: string } };

const listParams = body({ id: string, noteable_id: integer });
const noteParams = body({ id: string, noteable_id: integer, note_id: integer });

/**
 * Routes: notes (comments) of merge requests and issues — list (paginated, newest first unless asked otherwise), read,
 * create, update in place, delete. Bodies over GitLab's 1,000,000-character limit are refused in the notes API's own
 * words. A CI job token may read merge request notes and write none.
 */
export function noteRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  for (const kind of KINDS) {
    const base = `/projects/:id/${kind.path}/:noteable_id/notes`;
    const readable = kind.jobTokenReads ? JOB_TOKEN_ALLOWED : {};
    const noteable = (params: { id: string; noteable_id: string }) =>
      kind.find(store.data, findProject(store.data, params.id), params.noteable_id);

    server.get<NotesParams & { Querystring: { order_by?: NoteOrder["orderBy"]; sort?: NoteOrder["sort"] } }>(
      base,
      {
        ...readable,
        schema: {
          params: listParams,
          querystring: body({
            order_by: { type: "string", enum: ["created_at", "updated_at"] },
            sort: { type: "string", enum: ["asc", "desc"] },
            ...paginationQuery,
          }),
        },
      },
      async (request, reply) => {
        const order = { orderBy: request.query.order_by ?? "created_at", sort: request.query.sort ?? "desc" } as const;
        const notes = notesOf(store.data, noteable(request.params), order);
        return paginate(request, reply, notes, baseUrl()).map((note) => renderNote(note, baseUrl()));
      },
    );

    server.get<NoteParams>(`${base}/:note_id`, { ...readable, schema: { params: noteParams } }, async (request) =>
      renderNote(findNote(store.data, noteable(request.params), request.params.note_id), baseUrl()),
    );

    server.post<NotesParams & { Body: { body: string } }>(
      base,
      {
        schema: {
          params: listParams,
          body: body({ body: string, internal: booleanFlag, confidential: booleanFlag }, ["body"]),
        },
      },
      async (request, reply) => {
        const project = findProject(store.data, request.params.id);
        const target = kind.find(store.data, project, request.params.noteable_id);
        return reply.code(201).send(renderNote(createNote(store.data, project, target, request.body.body), baseUrl()));
      },
    );

    server.put<NoteParams & { Body: { body?: string } }>(
      `${base}/:note_id`,
      { schema: { params: noteParams, body: body({ body: string }) } },
      async (request) => {
        const note = findNote(store.data, noteable(request.params), request.params.note_id);
        const text = request.body.body;
        // Grape's `allow_blank: false` answers before the model sees the note; absent, nothing changes.
        if (text === "") throw new GitlabError(400, { error: "body is empty" });
        return renderNote(text === undefined ? note : updateNote(note, text), baseUrl());
      },
    );

    server.delete<NoteParams>(`${base}/:note_id`, { schema: { params: noteParams } }, async (request, reply) => {
      deleteNote(store.data, findNote(store.data, noteable(request.params), request.params.note_id));
      return reply.code(204).send();
    });
  }
}
