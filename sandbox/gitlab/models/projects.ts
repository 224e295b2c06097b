import { nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { BadRequestError, NotFoundError, ValidationError } from "./errors";
import type { ProjectRecord, Visibility } from "./records";
import { ADMINISTRATOR } from "./users";

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
  const project: ProjectRecord = {
    id: nextId(data),
    path,
    namespacePath,
    namespaceId: namespaceIdOf(data, namespacePath),
    createdAt: nowIso(),
  };
  data.gitlab.projects.push(project);
  return { project, created: true };
}

/**
 * The next namespace id. Namespaces (groups, and the namespaces projects of the control route live in) have their own
 * id sequence, as in GitLab: the first project is id 1 in namespace id 1.
 */
export function nextNamespaceId(data: StoreData): number {
  const used = [...data.gitlab.projects.map((p) => p.namespaceId), ...data.gitlab.groups.map((g) => g.id)];
  return Math.max(0, ...used) + 1;
}

/** The id of the namespace at `path`: a group's, the one its projects already share, or a new one. */
function namespaceIdOf(data: StoreData, path: string): number {
  const group = data.gitlab.groups.find((g) => g.fullPath === path);
  const sibling = data.gitlab.projects.find((p) => p.namespacePath === path);
  return group?.id ?? sibling?.namespaceId ?? nextNamespaceId(data);
}

/** GitLab's rule for project names (`Gitlab::Regex.project_name_regex`, without its emoji). */
const PROJECT_NAME = /^[a-zA-Z0-9_][a-zA-Z0-9_. +-]*$/;

/** GitLab's rule for project paths: as for namespaces, and not ending in `.git` or `.atom`. */
const PROJECT_PATH = /^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$/;

/** What `POST /projects` takes: a name or a path (each defaults to the other), and where and how to create it. */
export interface NewProject {
  name?: string;
  path?: string;
  /** A group's id; none puts the project in the personal namespace of the administrator who holds the token. */
  namespaceId?: number;
  description?: string;
  visibility?: Visibility;
  initializeWithReadme?: boolean;
}

/** A path GitLab derives from a name (`parameterize`): lowercase, runs of anything else as one dash. */
function pathFromName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * A project's name and path must be well formed and free in its namespace (paths regardless of case); every failure is
 * reported at once, field by field, as GitLab's model validation does.
 */
function checkNames(data: StoreData, namespacePath: string, name: string, path: string, self?: ProjectRecord): void {
  const errors: Record<string, string[]> = {};
  if (!PROJECT_NAME.test(name)) {
    errors.name = [
      "can contain only letters, digits, emoji, '_', '.', '+', dashes, or spaces. It must start with a letter, digit, emoji, or '_'.",
    ];
  }
  if (!PROJECT_PATH.test(path) || /\.(git|atom)$/.test(path)) {
    errors.path = [
      "can contain only letters, digits, '_', '-' and '.'. Cannot start with '-', end in '.git' or end in '.atom'",
    ];
  }
  const siblings = data.gitlab.projects.filter((p) => p !== self && p.namespacePath === namespacePath);
  if (!errors.name && siblings.some((p) => (p.name ?? p.path) === name)) errors.name = ["has already been taken"];
  if (!errors.path && siblings.some((p) => p.path.toLowerCase() === path.toLowerCase())) {
    errors.path = ["has already been taken"];
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

/** Creates a project as `POST /projects` does. */
export function createProject(data: StoreData, input: NewProject): ProjectRecord {
  const name = input.name ?? input.path ?? "";
  const path = input.path ?? pathFromName(name);
  let namespacePath = ADMINISTRATOR.username;
  let namespaceKind: "group" | "user" = "user";
  if (input.namespaceId !== undefined) {
    const group = data.gitlab.groups.find((g) => g.id === input.namespaceId);
    if (!group) throw new NotFoundError("Namespace");
    namespacePath = group.fullPath;
    namespaceKind = "group";
  }
  checkNames(data, namespacePath, name, path);
  const project: ProjectRecord = {
    id: nextId(data),
    path,
    namespacePath,
    namespaceId: namespaceIdOf(data, namespacePath),
    createdAt: nowIso(),
    name,
    description: input.description ?? "",
    visibility: input.visibility ?? "private",
    namespaceKind,
    emptyRepo: input.initializeWithReadme !== true,
  };
  data.gitlab.projects.push(project);
  return project;
}

/** What `PUT /projects/:id` may change here; GitLab's other settings are accepted by the route and not kept. */
export interface ProjectChanges {
  name?: string;
  path?: string;
  description?: string;
  visibility?: Visibility;
}

/** Changes a project's name, path, description or visibility, by the rules of a create (its own names excepted). */
export function editProject(data: StoreData, project: ProjectRecord, changes: ProjectChanges): ProjectRecord {
  const name = changes.name ?? project.name ?? project.path;
  const path = changes.path ?? project.path;
  checkNames(data, project.namespacePath, name, path, project);
  project.name = name;
  project.path = path;
  if (changes.description !== undefined) project.description = changes.description;
  if (changes.visibility !== undefined) project.visibility = changes.visibility;
  return project;
}

/**
 * Deletes a project and everything that belongs to it: variables, environments and their protection, protected tags,
 * merge requests, issues and their notes, Terraform states, memberships, shares and the push rule.
 */
export function deleteProject(data: StoreData, project: ProjectRecord): void {
  const gitlab = data.gitlab;
  const elsewhere = <T extends { projectId: number }>(records: T[]): T[] =>
    records.filter((r) => r.projectId !== project.id);
  gitlab.projects = gitlab.projects.filter((p) => p !== project);
  gitlab.variables = elsewhere(gitlab.variables);
  gitlab.environments = elsewhere(gitlab.environments);
  gitlab.protectedTags = elsewhere(gitlab.protectedTags);
  gitlab.protectedEnvironments = elsewhere(gitlab.protectedEnvironments);
  gitlab.mergeRequests = elsewhere(gitlab.mergeRequests);
  gitlab.issues = elsewhere(gitlab.issues);
  gitlab.notes = elsewhere(gitlab.notes);
  gitlab.projectMembers = elsewhere(gitlab.projectMembers);
  gitlab.groupShares = elsewhere(gitlab.groupShares);
  gitlab.pushRules = elsewhere(gitlab.pushRules);
  data.terraformStates = elsewhere(data.terraformStates);
}
