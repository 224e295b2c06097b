import { nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { NotFoundError, SaveFailedError } from "./errors";
import { deleteProject, nextNamespaceId } from "./projects";
import type { GroupRecord, Visibility } from "./records";

/** GitLab's rule for namespace paths: letters, digits, `_`, `-`, `.`; not starting with `-` nor ending in `.git`. */
const PATH = /^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*$/;

/** What `POST /groups` takes. */
export interface NewGroup {
  name: string;
  path: string;
  description?: string;
  visibility?: Visibility;
  parentId?: number;
}

/** A group by numeric id or full path (`:id` of `/groups/:id`, percent-decoded). */
export function findGroup(data: StoreData, id: string | number): GroupRecord {
  const group = data.gitlab.groups.find((g) => String(g.id) === String(id) || g.fullPath === id);
  if (!group) throw new NotFoundError("Group");
  return group;
}

/**
 * Creates a group or, with `parentId`, a subgroup. Its id comes from the namespace sequence, since a group is a
 * namespace: a project created with `namespace_id` = the group's id lands in it. A path already used by a namespace
 * (a group, or one a project made through the control route lives in) is taken.
 */
export function createGroup(data: StoreData, input: NewGroup): GroupRecord {
  const parent = input.parentId === undefined ? undefined : findGroup(data, input.parentId);
  const errors: Record<string, string[]> = {};
  if (!PATH.test(input.path) || input.path.endsWith(".git")) {
    errors.path = ["can contain only letters, digits, '_', '-' and '.'. Cannot start with '-' or end in '.git'"];
  }
  const fullPath = parent ? `${parent.fullPath}/${input.path}` : input.path;
  const taken = (candidate: string): boolean =>
    data.gitlab.groups.some((g) => g.fullPath.toLowerCase() === candidate.toLowerCase()) ||
    data.gitlab.projects.some((p) => p.namespacePath.toLowerCase() === candidate.toLowerCase());
  if (!errors.path && taken(fullPath)) errors.path = ["has already been taken"];
  if (Object.keys(errors).length > 0) throw new SaveFailedError("group", errors);
  const group: GroupRecord = {
    id: nextNamespaceId(data),
    name: input.name,
    path: input.path,
    fullPath,
    parentId: parent?.id ?? null,
    description: input.description ?? "",
    visibility: input.visibility ?? parent?.visibility ?? "private",
    createdAt: nowIso(),
  };
  data.gitlab.groups.push(group);
  return group;
}

/** The group and every group below it. */
function withDescendants(data: StoreData, group: GroupRecord): GroupRecord[] {
  const children = data.gitlab.groups.filter((g) => g.parentId === group.id);
  return [group, ...children.flatMap((child) => withDescendants(data, child))];
}

/** Deletes a group with its subgroups, their projects and every share of a project with them. */
export function deleteGroup(data: StoreData, group: GroupRecord): void {
  const doomed = new Set(withDescendants(data, group).map((g) => g.id));
  for (const project of data.gitlab.projects.filter((p) => doomed.has(p.namespaceId))) deleteProject(data, project);
  data.gitlab.groups = data.gitlab.groups.filter((g) => !doomed.has(g.id));
  data.gitlab.groupShares = data.gitlab.groupShares.filter((s) => !doomed.has(s.groupId));
}
