import { nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { InvalidNoteError, RecordNotFoundError } from "./errors";
import { nextId } from "./projects";
import type { IssueRecord, MergeRequestRecord, NoteableType, NoteRecord, ProjectRecord } from "./records";

/** `Gitlab::Database::MAX_TEXT_SIZE_LIMIT`, the Note model's length limit, in characters (not UTF-16 units). */
export const MAX_NOTE_LENGTH = 1_000_000;

/** What a note hangs off: a merge request or an issue, with GitLab's class name. */
export interface Noteable {
  type: NoteableType;
  record: MergeRequestRecord | IssueRecord;
}

/** The order a notes list may ask for (`order_by`, `sort`); GitLab's default is newest first by creation. */
export interface NoteOrder {
  orderBy: "created_at" | "updated_at";
  sort: "asc" | "desc";
}

function isOf(noteable: Noteable) {
  return (note: NoteRecord) => note.noteableType === noteable.type && note.noteableId === noteable.record.id;
}

/** Characters as Ruby counts them: code points, so an emoji is one, not two. */
function characters(text: string): number {
  // Every code point is one or two UTF-16 units, so only a text longer than the limit in units needs counting.
  return text.length <= MAX_NOTE_LENGTH ? text.length : Array.from(text).length;
}

/** The Note model's validations on `note` (the body): present, and at most {@link MAX_NOTE_LENGTH} characters. */
function validate(body: string): void {
  if (body.trim() === "") throw new InvalidNoteError({ note: ["can't be blank"] });
  if (characters(body) > MAX_NOTE_LENGTH) {
    throw new InvalidNoteError({ note: [`is too long (maximum is ${MAX_NOTE_LENGTH} characters)`] });
  }
}

/** A noteable's notes, system notes included, in the requested order; equal times fall back to the id. */
export function notesOf(data: StoreData, noteable: Noteable, order: NoteOrder): NoteRecord[] {
  const key = (note: NoteRecord) => (order.orderBy === "updated_at" ? note.updatedAt : note.createdAt);
  const ascending = data.gitlab.notes
    .filter(isOf(noteable))
    .sort((a, b) => key(a).localeCompare(key(b)) || a.id - b.id);
  return order.sort === "asc" ? ascending : ascending.reverse();
}

/** Comments people wrote, which is what `user_notes_count` counts. */
export function userNotesCount(data: StoreData, noteable: Noteable): number {
  return data.gitlab.notes.filter((note) => isOf(noteable)(note) && !note.system).length;
}

export function findNote(data: StoreData, noteable: Noteable, noteId: string): NoteRecord {
  const note = data.gitlab.notes.find((n) => isOf(noteable)(n) && String(n.id) === noteId);
  if (!note) throw new RecordNotFoundError("note");
  return note;
}

function addNote(data: StoreData, project: ProjectRecord, noteable: Noteable, body: string, system: boolean) {
  const now = nowIso();
  const note: NoteRecord = {
    id: nextId(data),
    projectId: project.id,
    noteableType: noteable.type,
    noteableId: noteable.record.id,
    noteableIid: noteable.record.iid,
    body,
    system,
    createdAt: now,
    updatedAt: now,
  };
  data.gitlab.notes.push(note);
  // A comment is activity on the merge request or issue: GitLab touches it, and lists sorted by update show it.
  noteable.record.updatedAt = now;
  return note;
}

/** Comments on a merge request or issue; closed and merged ones still take comments, as on GitLab. */
export function createNote(data: StoreData, project: ProjectRecord, noteable: Noteable, body: string): NoteRecord {
  validate(body);
  return addNote(data, project, noteable, body, false);
}

/** The note GitLab writes itself when a merge request or issue changes state ("closed", "merged"). */
export function addSystemNote(data: StoreData, project: ProjectRecord, noteable: Noteable, body: string): NoteRecord {
  return addNote(data, project, noteable, body, true);
}

/**
 * Replaces a note's body in place (same id); `updated_at` moves, `created_at` stays. The same body again changes
 * nothing, not even `updated_at` (Rails saves no unchanged record), so a client that re-posts an unchanged plan leaves
 * no trace.
 */
export function updateNote(note: NoteRecord, body: string): NoteRecord {
  validate(body);
  if (body === note.body) return note;
  note.body = body;
  note.updatedAt = nowIso();
  return note;
}

export function deleteNote(data: StoreData, note: NoteRecord): void {
  data.gitlab.notes = data.gitlab.notes.filter((n) => n !== note);
}
