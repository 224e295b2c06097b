import { nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { RecordNotFoundError, ValidationError } from "./errors";
import { addSystemNote, type Noteable } from "./notes";
import { nextId, nextIid } from "./projects";
import type { IssueRecord, ProjectRecord } from "./records";

/** What a create sends. */
export interface IssueInput {
  title: string;
  description?: string | null;
  labels?: string[];
}

/** What an update may change; `labels` replaces, `addLabels`/`removeLabels` edit, `stateEvent` closes or reopens. */
export interface IssueChanges {
  title?: string;
  description?: string | null;
  labels?: string[];
  addLabels?: string[];
  removeLabels?: string[];
  stateEvent?: "close" | "reopen";
}

/** Which issues a list wants. */
export interface IssueFilter {
  /** `all` or none means every state. */
  state?: "opened" | "closed" | "all";
  /**
   * Every listed label must be on the issue. GitLab's special values: `None` (no labels at all), `Any` (at least one).
   */
  labels?: string[];
  /** Case-insensitive substring of the title or the description. */
  search?: string;
}

export function asNoteable(issue: IssueRecord): Noteable {
  return { type: "Issue", record: issue };
}

/** Label names as GitLab keeps them: trimmed, no blanks, no duplicates, sorted by name. */
function labelSet(labels: string[]): string[] {
  return [...new Set(labels.map((label) => label.trim()).filter((label) => label !== ""))].sort();
}

function checkTitle(title: string): void {
  if (title.trim() === "") throw new ValidationError({ title: ["can't be blank"] });
}

export function createIssue(data: StoreData, project: ProjectRecord, input: IssueInput): IssueRecord {
  checkTitle(input.title);
  const now = nowIso();
  const issue: IssueRecord = {
    id: nextId(data),
    iid: nextIid(data.gitlab.issues, project),
    projectId: project.id,
    title: input.title,
    description: input.description ?? null,
    labels: labelSet(input.labels ?? []),
    state: "opened",
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  };
  data.gitlab.issues.push(issue);
  return issue;
}

/** An issue by its per-project `iid`; a missing one is ActiveRecord's "404 Not found". */
export function findIssue(data: StoreData, project: ProjectRecord, iid: string): IssueRecord {
  const issue = data.gitlab.issues.find((i) => i.projectId === project.id && String(i.iid) === iid);
  if (!issue) throw new RecordNotFoundError("issue");
  return issue;
}

function matchesLabels(issue: IssueRecord, wanted: string[]): boolean {
  if (wanted.length === 1 && wanted[0] === "None") return issue.labels.length === 0;
  if (wanted.length === 1 && wanted[0] === "Any") return issue.labels.length > 0;
  return wanted.every((label) => issue.labels.includes(label));
}

/** A project's issues matching a filter, newest first (GitLab's default `order_by=created_at&sort=desc`). */
export function issuesOf(data: StoreData, project: ProjectRecord, filter: IssueFilter = {}): IssueRecord[] {
  const search = filter.search?.toLowerCase();
  const wanted = labelSet(filter.labels ?? []);
  return data.gitlab.issues
    .filter(
      (i) =>
        i.projectId === project.id &&
        (filter.state === undefined || filter.state === "all" || i.state === filter.state) &&
        matchesLabels(i, wanted) &&
        (search === undefined ||
          i.title.toLowerCase().includes(search) ||
          (i.description ?? "").toLowerCase().includes(search)),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

/**
 * Changes an issue, all or nothing. Closing sets `closed_at`, reopening clears it; an event that does not apply
 * (closing a closed issue) is ignored, as GitLab's state machine ignores it.
 */
export function updateIssue(
  data: StoreData,
  project: ProjectRecord,
  issue: IssueRecord,
  changes: IssueChanges,
): IssueRecord {
  if (changes.title !== undefined) checkTitle(changes.title);
  const removed = new Set(labelSet(changes.removeLabels ?? []));
  const labels = labelSet([...(changes.labels ?? issue.labels), ...(changes.addLabels ?? [])]).filter(
    (label) => !removed.has(label),
  );
  const now = nowIso();
  let event: string | undefined;
  if (changes.stateEvent === "close" && issue.state === "opened") {
    Object.assign(issue, { state: "closed", closedAt: now });
    event = "closed";
  } else if (changes.stateEvent === "reopen" && issue.state === "closed") {
    Object.assign(issue, { state: "opened", closedAt: null });
    event = "reopened";
  }
  Object.assign(issue, {
    title: changes.title ?? issue.title,
    description: changes.description === undefined ? issue.description : changes.description,
    labels,
    updatedAt: now,
  });
  if (event) addSystemNote(data, project, asNoteable(issue), event);
  return issue;
}
