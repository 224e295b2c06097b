import type { StoreData } from "../../store";
import { ConflictError, RecordNotFoundError } from "./errors";
import type { GroupRecord, GroupShareRecord, ProjectRecord } from "./records";

/** The groups a project is shared with. */
export function sharesOf(data: StoreData, project: ProjectRecord): GroupShareRecord[] {
  return data.gitlab.groupShares.filter((s) => s.projectId === project.id);
}

/**
 * Shares a project with a group, whose members then get `groupAccess` on it. A project cannot be shared with the group
 * it lives in nor one above it, nor twice with the same group.
 */
export function shareProject(
  data: StoreData,
  project: ProjectRecord,
  group: GroupRecord,
  groupAccess: number,
  expiresAt: string | null,
): GroupShareRecord {
  const namespace = project.namespacePath;
  if (namespace === group.fullPath || namespace.startsWith(`${group.fullPath}/`)) {
    throw new ConflictError("Project cannot be shared with the group it is in or one of its ancestors.");
  }
  if (sharesOf(data, project).some((s) => s.groupId === group.id)) {
    throw new ConflictError("Group already shared with this group");
  }
  const share: GroupShareRecord = {
    id: Math.max(0, ...data.gitlab.groupShares.map((s) => s.id)) + 1,
    projectId: project.id,
    groupId: group.id,
    groupAccess,
    expiresAt,
  };
  data.gitlab.groupShares.push(share);
  return share;
}

/** Stops sharing a project with a group; a group it is not shared with is GitLab's bare "404 Not found". */
export function unshareProject(data: StoreData, project: ProjectRecord, groupId: string): void {
  const share = sharesOf(data, project).find((s) => String(s.groupId) === groupId);
  if (!share) throw new RecordNotFoundError();
  data.gitlab.groupShares = data.gitlab.groupShares.filter((s) => s !== share);
}
