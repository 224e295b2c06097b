import { nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { ConflictError, NotFoundError } from "./errors";
import type { ProjectMemberRecord, ProjectRecord, UserRecord } from "./records";

/** GitLab's membership roles (`Gitlab::Access`): guest, reporter, developer, maintainer, owner. */
export const MEMBER_ACCESS_LEVELS = [10, 20, 30, 40, 50] as const;

/** The project's direct members, in the order they joined. */
export function membersOf(data: StoreData, project: ProjectRecord): ProjectMemberRecord[] {
  return data.gitlab.projectMembers.filter((m) => m.projectId === project.id);
}

/** Makes a user a direct member of a project; a user who already is one is a conflict. */
export function addProjectMember(
  data: StoreData,
  project: ProjectRecord,
  user: UserRecord,
  accessLevel: number,
  expiresAt: string | null,
): ProjectMemberRecord {
  if (membersOf(data, project).some((m) => m.userId === user.id)) throw new ConflictError("Member already exists");
  const member: ProjectMemberRecord = {
    projectId: project.id,
    userId: user.id,
    accessLevel,
    expiresAt,
    createdAt: nowIso(),
  };
  data.gitlab.projectMembers.push(member);
  return member;
}

/** A user's direct membership of a project. */
export function findProjectMember(data: StoreData, project: ProjectRecord, userId: string): ProjectMemberRecord {
  const member = membersOf(data, project).find((m) => String(m.userId) === userId);
  if (!member) throw new NotFoundError("Member");
  return member;
}

export function removeProjectMember(data: StoreData, member: ProjectMemberRecord): void {
  data.gitlab.projectMembers = data.gitlab.projectMembers.filter((m) => m !== member);
}

/**
 * The role a user has on a project: an administrator's is above every role; otherwise a direct membership's, if any.
 * (Roles through a group the project is shared with are not counted: the sandbox keeps no group members.)
 */
export function roleOn(data: StoreData, project: ProjectRecord, user: UserRecord, administrator: boolean): number {
  if (administrator) return 60;
  return membersOf(data, project).find((m) => m.userId === user.id)?.accessLevel ?? 0;
}
