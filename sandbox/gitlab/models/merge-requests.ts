import { nowIso, randomHex } from "../../ids";
import type { StoreData } from "../../store";
import { BranchConflictError, ConflictError, NotAllowedError, RecordNotFoundError, ValidationError } from "./errors";
import { addSystemNote, type Noteable } from "./notes";
import { nextId, nextIid } from "./projects";
import type { MergeRequestRecord, ProjectRecord } from "./records";

/** What a create sends. */
export interface MergeRequestInput {
  title: string;
  sourceBranch: string;
  targetBranch: string;
  description?: string | null;
}

/** What an update may change; `stateEvent` closes or reopens. */
export interface MergeRequestChanges {
  title?: string;
  description?: string | null;
  targetBranch?: string;
  stateEvent?: "close" | "reopen";
}

/** Which merge requests a list wants; `state: "all"` or none means every state. */
export interface MergeRequestFilter {
  state?: "opened" | "closed" | "locked" | "merged" | "all";
  sourceBranch?: string;
  targetBranch?: string;
}

/** A commit SHA as Git prints it; the sandbox has no repositories, so heads are made up. */
const commitSha = (): string => randomHex(40);

export function asNoteable(mergeRequest: MergeRequestRecord): Noteable {
  return { type: "MergeRequest", record: mergeRequest };
}

function checkTitle(title: string): void {
  if (title.trim() === "") throw new ValidationError({ title: ["can't be blank"] });
}

/**
 * GitLab's `validate_branches`: source and target must differ, and one pair has at most one open merge request.
 * Both are conflicts, worded as GitLab words them. `mergeRequest` may be the changed copy of a stored record, which
 * `self` names so that it does not conflict with itself.
 */
function checkBranches(data: StoreData, mergeRequest: MergeRequestRecord, self?: MergeRequestRecord): void {
  if (mergeRequest.sourceBranch === mergeRequest.targetBranch) {
    throw new BranchConflictError(["You can't use same project/branch for source and target"]);
  }
  const open = data.gitlab.mergeRequests.find(
    (m) =>
      m !== mergeRequest &&
      m !== self &&
      m.projectId === mergeRequest.projectId &&
      m.state === "opened" &&
      m.sourceBranch === mergeRequest.sourceBranch &&
      m.targetBranch === mergeRequest.targetBranch,
  );
  if (open) {
    throw new BranchConflictError([`Another open merge request already exists for this source branch: !${open.iid}`]);
  }
}

export function createMergeRequest(data: StoreData, project: ProjectRecord, input: MergeRequestInput) {
  checkTitle(input.title);
  const now = nowIso();
  const mergeRequest: MergeRequestRecord = {
    id: 0,
    iid: nextIid(data.gitlab.mergeRequests, project),
    projectId: project.id,
    title: input.title,
    description: input.description ?? null,
    sourceBranch: input.sourceBranch,
    targetBranch: input.targetBranch,
    state: "opened",
    sha: commitSha(),
    mergeCommitSha: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    mergedAt: null,
  };
  checkBranches(data, mergeRequest);
  mergeRequest.id = nextId(data);
  data.gitlab.mergeRequests.push(mergeRequest);
  return mergeRequest;
}

/** A merge request by its per-project `iid`; a missing one is ActiveRecord's "404 Not found". */
export function findMergeRequest(data: StoreData, project: ProjectRecord, iid: string): MergeRequestRecord {
  const found = data.gitlab.mergeRequests.find((m) => m.projectId === project.id && String(m.iid) === iid);
  if (!found) throw new RecordNotFoundError("merge request");
  return found;
}

/** A project's merge requests, newest first (GitLab's default `order_by=created_at&sort=desc`). */
export function mergeRequestsOf(data: StoreData, project: ProjectRecord, filter: MergeRequestFilter = {}) {
  return data.gitlab.mergeRequests
    .filter(
      (m) =>
        m.projectId === project.id &&
        (filter.state === undefined || filter.state === "all" || m.state === filter.state) &&
        (filter.sourceBranch === undefined || m.sourceBranch === filter.sourceBranch) &&
        (filter.targetBranch === undefined || m.targetBranch === filter.targetBranch),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

/**
 * Changes title, description, target branch or state. A state event that does not apply (closing a merged merge
 * request, reopening an open one) is ignored, as GitLab's state machine ignores it, and the answer is still 200.
 */
export function updateMergeRequest(
  data: StoreData,
  project: ProjectRecord,
  mergeRequest: MergeRequestRecord,
  changes: MergeRequestChanges,
): MergeRequestRecord {
  const next = { ...mergeRequest };
  if (changes.title !== undefined) {
    checkTitle(changes.title);
    next.title = changes.title;
  }
  if (changes.description !== undefined) next.description = changes.description;
  if (changes.targetBranch !== undefined) next.targetBranch = changes.targetBranch;
  const now = nowIso();
  let event: string | undefined;
  if (changes.stateEvent === "close" && next.state === "opened") {
    Object.assign(next, { state: "closed", closedAt: now });
    event = "closed";
  } else if (changes.stateEvent === "reopen" && next.state === "closed") {
    Object.assign(next, { state: "opened", closedAt: null });
    event = "reopened";
  }
  if (next.state === "opened") checkBranches(data, next, mergeRequest);
  Object.assign(mergeRequest, next, { updatedAt: now });
  if (event) addSystemNote(data, project, asNoteable(mergeRequest), event);
  return mergeRequest;
}

/**
 * Merges an open merge request. GitLab refuses anything not open with 405, and a `sha` that is not the source branch's
 * HEAD with 409 — the guard a pipeline uses so it merges exactly what it tested.
 */
export function mergeMergeRequest(
  data: StoreData,
  project: ProjectRecord,
  mergeRequest: MergeRequestRecord,
  sha?: string,
): MergeRequestRecord {
  if (mergeRequest.state !== "opened") throw new NotAllowedError(`merge request is ${mergeRequest.state}`);
  if (sha !== undefined && sha !== mergeRequest.sha) {
    throw new ConflictError(`SHA does not match HEAD of source branch: ${mergeRequest.sha}`);
  }
  const now = nowIso();
  Object.assign(mergeRequest, { state: "merged", mergedAt: now, updatedAt: now, mergeCommitSha: commitSha() });
  addSystemNote(data, project, asNoteable(mergeRequest), "merged");
  return mergeRequest;
}

/** Simulates a push to the source branch: its HEAD moves to `sha` (random when not given), as `git push` would. */
export function pushToSourceBranch(mergeRequest: MergeRequestRecord, sha: string = commitSha()): MergeRequestRecord {
  mergeRequest.sha = sha;
  mergeRequest.updatedAt = nowIso();
  return mergeRequest;
}
