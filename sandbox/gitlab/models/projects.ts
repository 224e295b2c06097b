import { nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { BadRequestError, NotFoundError } from "./errors";
import type { ProjectRecord } from "./records";

/** Allocates the next GitLab integer id (every GitLab object shares one sequence here). */
export function nextId(data: StoreData): number {
  return data.gitlab.nextId++;
}

/**
 * The next `iid` of a project's merge requests or issues: they count per project from 1. Neither can be deleted
 * through the sandbox, so one past the highest never reuses a number, as GitLab never does.
 */
export function nextIid(records: readonly { projectId: number; iid: number }[], project: ProjectRecord): number {
  return records.reduce((max, r) => (r.projectId === project.id ? Math.max(max, r.iid) : max), 0) + 1;
}

/** Resolves `:id` — a numeric id or a `namespace/path` (already percent-decoded by the router). */
export function findProject(data: StoreData, id: string): ProjectRecord {
  const project = data.gitlab.projects.find((p) => String(p.id) === id || `${p.namespacePath}/${p.path}` === id);
  if (!project) throw new NotFoundError("Project");
  return project;
}

/** `namespace/path` of a project. */
export function fullPathOf(project: ProjectRecord): string {
  return `${project.namespacePath}/${project.path}`;
}

/**
 * Creates the project `namespace/path` unless it exists, and returns it. Projects are never created on first use, so
 * a typo in a project path fails like it does against GitLab instead of silently making a new project; a sandbox user
 * creates them up front (`--project`, `POST /sandbox/projects`).
 */
export function ensureProject(data: StoreData, fullPath: string): { project: ProjectRecord; created: boolean } {
  const slash = fullPath.lastIndexOf("/");
  if (slash <= 0 || slash === fullPath.length - 1 || !/^[\w.-]+(\/[\w.-]+)+$/.test(fullPath)) {
    throw new BadRequestError(`project path must be namespace/path: ${fullPath}`);
  }
  const namespacePath = fullPath.slice(0, slash);
  const path = fullPath.slice(slash + 1);
  const existing = data.gitlab.projects.find((p) => p.namespacePath === namespacePath && p.path === path);
  if (existing) return { project: existing, created: false };
  const sibling = data.gitlab.projects.find((p) => p.namespacePath === namespacePath);
  const project: ProjectRecord = {
    id: nextId(data),
    path,
    namespacePath,
    // Namespaces have their own id sequence, as in GitLab: the first project is id 1 in namespace id 1.
    namespaceId: sibling?.namespaceId ?? Math.max(0, ...data.gitlab.projects.map((p) => p.namespaceId)) + 1,
    createdAt: nowIso(),
  };
  data.gitlab.projects.push(project);
  return { project, created: true };
}
