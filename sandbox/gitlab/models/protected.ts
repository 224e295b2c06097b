import type { StoreData } from "../../store";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { nextId } from "./projects";
import type { AccessLevelRecord, ProjectRecord, ProtectedEnvironmentRecord, ProtectedTagRecord } from "./records";

/** GitLab's names for the access levels the API reports in `access_level_description`. */
export const ACCESS_LEVEL_DESCRIPTIONS: Readonly<Record<number, string>> = {
  0: "No one",
  30: "Developers + Maintainers",
  40: "Maintainers",
  60: "Administrators",
};

/** One access level entry as a request describes it: a role, a user or a group. */
export interface AccessLevelInput {
  id?: number;
  access_level?: number;
  user_id?: number;
  group_id?: number;
  group_inheritance_type?: number;
  required_approvals?: number;
  _destroy?: boolean;
}

function accessLevelFrom(data: StoreData, item: AccessLevelInput): AccessLevelRecord {
  const entry: AccessLevelRecord = {
    id: nextId(data),
    accessLevel: null,
    userId: item.user_id ?? null,
    groupId: item.group_id ?? null,
    groupInheritanceType: item.group_inheritance_type ?? 0,
  };
  if (entry.userId === null && entry.groupId === null) {
    const level = item.access_level ?? 40;
    if (!(level in ACCESS_LEVEL_DESCRIPTIONS))
      throw new ValidationError({ access_level: ["is not included in the list"] });
    entry.accessLevel = level;
  }
  if (item.required_approvals !== undefined) entry.requiredApprovals = item.required_approvals;
  return entry;
}

/**
 * Applies an update list the way GitLab's nested attributes do: items with `id` update, items with `_destroy` remove,
 * items without `id` are added.
 */
function merge(data: StoreData, current: AccessLevelRecord[], items: AccessLevelInput[]): AccessLevelRecord[] {
  let result = [...current];
  for (const item of items) {
    const existing = item.id !== undefined ? result.find((e) => e.id === item.id) : undefined;
    if (item.id !== undefined && !existing) throw new ValidationError({ id: ["does not exist"] });
    if (existing && item._destroy === true) {
      result = result.filter((e) => e !== existing);
    } else if (existing) {
      const previous: AccessLevelInput = {
        access_level: existing.accessLevel ?? undefined,
        user_id: existing.userId ?? undefined,
        group_id: existing.groupId ?? undefined,
        group_inheritance_type: existing.groupInheritanceType,
        required_approvals: existing.requiredApprovals,
      };
      // A field the request leaves out arrives as undefined (the routes read every field): it is not named, so it
      // keeps its value instead of falling back to the default.
      const named = Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined));
      const replaced = { ...accessLevelFrom(data, { ...previous, ...named }), id: existing.id };
      result = result.map((e) => (e === existing ? replaced : e));
    } else {
      result.push(accessLevelFrom(data, item));
    }
  }
  return result;
}

export function protectedTagsOf(data: StoreData, project: ProjectRecord): ProtectedTagRecord[] {
  return data.gitlab.protectedTags.filter((t) => t.projectId === project.id);
}

export function findProtectedTag(data: StoreData, project: ProjectRecord, name: string): ProtectedTagRecord {
  const tag = data.gitlab.protectedTags.find((t) => t.projectId === project.id && t.name === name);
  if (!tag) throw new NotFoundError("Protected tag");
  return tag;
}

/**
 * Protects a tag pattern. `create_access_level` becomes the first entry of `create_access_levels`: the provider reads
 * it from there and treats an empty list as a licence problem.
 */
export function protectTag(
  data: StoreData,
  project: ProjectRecord,
  name: string,
  createAccessLevel: number,
  allowedToCreate: AccessLevelInput[],
): ProtectedTagRecord {
  if (data.gitlab.protectedTags.some((t) => t.projectId === project.id && t.name === name)) {
    throw new ConflictError(`Protected tag '${name}' already exists`);
  }
  const tag: ProtectedTagRecord = {
    projectId: project.id,
    name,
    createAccessLevels: [
      accessLevelFrom(data, { access_level: createAccessLevel }),
      ...allowedToCreate.map((item) => accessLevelFrom(data, item)),
    ],
  };
  data.gitlab.protectedTags.push(tag);
  return tag;
}

export function unprotectTag(data: StoreData, tag: ProtectedTagRecord): void {
  data.gitlab.protectedTags = data.gitlab.protectedTags.filter((t) => t !== tag);
}

export function protectedEnvironmentsOf(data: StoreData, project: ProjectRecord): ProtectedEnvironmentRecord[] {
  return data.gitlab.protectedEnvironments.filter((e) => e.projectId === project.id);
}

export function findProtectedEnvironment(
  data: StoreData,
  project: ProjectRecord,
  name: string,
): ProtectedEnvironmentRecord {
  const found = data.gitlab.protectedEnvironments.find((e) => e.projectId === project.id && e.name === name);
  if (!found) throw new NotFoundError("Protected environment");
  return found;
}

/** GitLab's bounds of `required_approval_count` (`numericality: 0..5`). */
export const MAX_REQUIRED_APPROVAL_COUNT = 5;

function checkRequiredApprovalCount(count: number | undefined): void {
  if (count !== undefined && (count < 0 || count > MAX_REQUIRED_APPROVAL_COUNT)) {
    throw new ValidationError({
      required_approval_count: [`must be between 0 and ${MAX_REQUIRED_APPROVAL_COUNT}`],
    });
  }
}

/** Protects an environment (a Premium feature on GitLab; always available in the sandbox). */
export function protectEnvironment(
  data: StoreData,
  project: ProjectRecord,
  name: string,
  deployAccessLevels: AccessLevelInput[],
  approvalRules: AccessLevelInput[],
  requiredApprovalCount?: number,
): ProtectedEnvironmentRecord {
  if (data.gitlab.protectedEnvironments.some((e) => e.projectId === project.id && e.name === name)) {
    throw new ConflictError(`Protected environment '${name}' already exists`);
  }
  if (deployAccessLevels.length === 0) throw new ValidationError({ deploy_access_levels: ["is missing"] });
  checkRequiredApprovalCount(requiredApprovalCount);
  const environment: ProtectedEnvironmentRecord = {
    projectId: project.id,
    name,
    deployAccessLevels: deployAccessLevels.map((item) => accessLevelFrom(data, item)),
    approvalRules: approvalRules.map((item) => accessLevelFrom(data, item)),
    ...(requiredApprovalCount ? { requiredApprovalCount } : {}),
  };
  data.gitlab.protectedEnvironments.push(environment);
  return environment;
}

/**
 * Updates a protected environment's lists, all or nothing; it must keep at least one deploy access level. A required
 * approval count the request leaves out keeps its value.
 */
export function updateProtectedEnvironment(
  data: StoreData,
  environment: ProtectedEnvironmentRecord,
  deployAccessLevels: AccessLevelInput[],
  approvalRules: AccessLevelInput[],
  requiredApprovalCount?: number,
): ProtectedEnvironmentRecord {
  const deploy = merge(data, environment.deployAccessLevels, deployAccessLevels);
  const rules = merge(data, environment.approvalRules, approvalRules);
  if (deploy.length === 0) throw new ValidationError({ deploy_access_levels: ["is missing"] });
  checkRequiredApprovalCount(requiredApprovalCount);
  environment.deployAccessLevels = deploy;
  environment.approvalRules = rules;
  if (requiredApprovalCount !== undefined) environment.requiredApprovalCount = requiredApprovalCount;
  return environment;
}

export function unprotectEnvironment(data: StoreData, environment: ProtectedEnvironmentRecord): void {
  data.gitlab.protectedEnvironments = data.gitlab.protectedEnvironments.filter((e) => e !== environment);
}
