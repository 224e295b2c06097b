import type { Store, AccessLevelRecord } from "../store";
import { fieldErrors } from "./errors";

/** GitLab's names for the access levels the API reports in `access_level_description`. */
const DESCRIPTIONS: Record<number, string> = {
  0: "No one",
  30: "Developers + Maintainers",
  40: "Maintainers",
  60: "Administrators",
};

/** The numeric level for a number or one of the provider's names ("no one", "developer", "maintainer", "admin"). */
export function accessLevelValue(value: unknown): number {
  const names: Record<string, number> = { "no one": 0, developer: 30, maintainer: 40, admin: 60 };
  const level = typeof value === "string" && value in names ? names[value] : Number(value);
  if (!(level in DESCRIPTIONS)) throw fieldErrors({ access_level: ["is not included in the list"] });
  return level;
}

/** Builds an access level entry from a request item (`{access_level}`, `{user_id}` or `{group_id}`). */
export function accessLevelFrom(store: Store, item: Record<string, unknown>): AccessLevelRecord {
  const entry: AccessLevelRecord = {
    id: store.nextGitlabId(),
    accessLevel: null,
    userId: typeof item.user_id === "number" ? item.user_id : null,
    groupId: typeof item.group_id === "number" ? item.group_id : null,
    groupInheritanceType: typeof item.group_inheritance_type === "number" ? item.group_inheritance_type : 0,
  };
  if (entry.userId === null && entry.groupId === null) entry.accessLevel = accessLevelValue(item.access_level ?? 40);
  if (typeof item.required_approvals === "number") entry.requiredApprovals = item.required_approvals;
  return entry;
}

/** The entry as GitLab renders it. */
export function renderAccessLevel(entry: AccessLevelRecord) {
  const description =
    entry.accessLevel !== null
      ? DESCRIPTIONS[entry.accessLevel]
      : entry.userId !== null
        ? `User ${entry.userId}`
        : `Group ${entry.groupId}`;
  return {
    id: entry.id,
    access_level: entry.accessLevel,
    access_level_description: description,
    user_id: entry.userId,
    group_id: entry.groupId,
    group_inheritance_type: entry.groupInheritanceType,
    ...(entry.requiredApprovals !== undefined ? { required_approvals: entry.requiredApprovals } : {}),
  };
}

/** A request field that must be a list of objects (or absent). */
export function listOfObjects(value: unknown, field: string): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "object" || v === null)) {
    throw fieldErrors({ [field]: ["is invalid"] });
  }
  return value as Record<string, unknown>[];
}
