/** What the GitLab model stores, Terraform states included. */

/** A GitLab project, addressed by numeric id or `namespace/path`. */
export interface ProjectRecord {
  id: number;
  path: string;
  namespaceId: number;
  namespacePath: string;
  createdAt: string;
  /**
   * What `POST /projects` sets; a project made through the control route has none of them and renders as before: named
   * by its path, no description, private, in a group namespace, with a repository.
   */
  name?: string;
  description?: string;
  visibility?: Visibility;
  /** `user` for a project in a user's personal namespace (`POST /projects` without `namespace_id`). */
  namespaceKind?: "group" | "user";
  /** True for a project created without `initialize_with_readme`: no commit, no branch. */
  emptyRepo?: boolean;
}

/** GitLab's visibility levels of projects and groups. */
export type Visibility = "private" | "internal" | "public";

/** A user an administrator created (`POST /users`); the administrator who holds the sandbox's token is not stored. */
export interface UserRecord {
  id: number;
  username: string;
  name: string;
  email: string;
  state: "active";
  createdAt: string;
}

/**
 * A personal access token an administrator created for a user. Only the token's SHA-256 digest is kept, as GitLab
 * keeps it: the secret is shown once, in the answer to its creation.
 */
export interface PersonalAccessTokenRecord {
  id: number;
  userId: number;
  name: string;
  scopes: string[];
  digest: string;
  expiresAt: string | null;
  createdAt: string;
}

/** A top-level group or subgroup; its id is also its namespace's id. */
export interface GroupRecord {
  id: number;
  name: string;
  path: string;
  /** The parent's `fullPath` and this group's path, joined by `/`. */
  fullPath: string;
  parentId: number | null;
  description: string;
  visibility: Visibility;
  createdAt: string;
}

/** A user's direct membership of a project, with its role (10 guest … 50 owner). */
export interface ProjectMemberRecord {
  projectId: number;
  userId: number;
  accessLevel: number;
  expiresAt: string | null;
  createdAt: string;
}

/** The settings of a push rule, in GitLab's names: patterns (empty for none), checks, and a size limit in MB. */
export interface PushRuleSettings {
  commit_message_regex: string;
  commit_message_negative_regex: string;
  branch_name_regex: string;
  author_email_regex: string;
  file_name_regex: string;
  deny_delete_tag: boolean;
  member_check: boolean;
  prevent_secrets: boolean;
  commit_committer_check: boolean;
  commit_committer_name_check: boolean;
  reject_unsigned_commits: boolean;
  reject_non_dco_commits: boolean;
  max_file_size: number;
}

/** A project's push rule (Premium): at most one per project. */
export interface PushRuleRecord {
  id: number;
  projectId: number;
  settings: PushRuleSettings;
  createdAt: string;
}

/** A project shared with a group (`POST /projects/:id/share`): the group's members get `groupAccess` on it. */
export interface GroupShareRecord {
  id: number;
  projectId: number;
  groupId: number;
  groupAccess: number;
  expiresAt: string | null;
}

/** A GitLab project-level CI/CD variable; (projectId, key, environmentScope) is unique. */
export interface VariableRecord {
  projectId: number;
  key: string;
  value: string;
  variableType: "env_var" | "file";
  protected: boolean;
  masked: boolean;
  hidden: boolean;
  raw: boolean;
  environmentScope: string;
  description: string | null;
}

/** A GitLab environment. */
export interface EnvironmentRecord {
  id: number;
  projectId: number;
  name: string;
  slug: string;
  description: string | null;
  externalUrl: string | null;
  tier: string;
  state: "available" | "stopped";
  autoStopSetting: string;
  clusterAgentId: number | null;
  kubernetesNamespace: string | null;
  fluxResourcePath: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One access level entry of a protected tag or environment. */
export interface AccessLevelRecord {
  id: number;
  accessLevel: number | null;
  userId: number | null;
  groupId: number | null;
  groupInheritanceType: number;
  requiredApprovals?: number;
}

/** A protected tag pattern such as `v*`. */
export interface ProtectedTagRecord {
  projectId: number;
  name: string;
  createAccessLevels: AccessLevelRecord[];
}

/** A protected environment (Premium on real GitLab; always available here). */
export interface ProtectedEnvironmentRecord {
  projectId: number;
  name: string;
  deployAccessLevels: AccessLevelRecord[];
  approvalRules: AccessLevelRecord[];
  /** Approvals a deployment needs (GitLab's older, unified setting beside `approvalRules`); absent is 0. */
  requiredApprovalCount?: number;
}

/** Terraform's lock info, as the http backend sends it. */
export interface LockInfo {
  ID: string;
  Operation?: string;
  Info?: string;
  Who?: string;
  Version?: string;
  Created?: string;
  Path?: string;
}

/** One named Terraform state of a project (GitLab-managed Terraform state). */
export interface TerraformStateRecord {
  projectId: number;
  name: string;
  /** The raw state document, exactly as uploaded; null before the first upload. */
  body: string | null;
  lock: LockInfo | null;
  updatedAt: string;
}

/** A merge request; `iid` counts per project from 1, `id` is GitLab-wide. */
export interface MergeRequestRecord {
  id: number;
  iid: number;
  projectId: number;
  title: string;
  description: string | null;
  sourceBranch: string;
  targetBranch: string;
  state: "opened" | "closed" | "merged";
  /** HEAD of the source branch; the sandbox has no repositories, so a push is simulated through the control API. */
  sha: string;
  mergeCommitSha: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
}

/** An issue; `iid` counts per project from 1, `id` is GitLab-wide. */
export interface IssueRecord {
  id: number;
  iid: number;
  projectId: number;
  title: string;
  description: string | null;
  /** Label names, sorted as GitLab returns them. */
  labels: string[];
  state: "opened" | "closed";
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** What a note is attached to, by GitLab's class name. */
export type NoteableType = "MergeRequest" | "Issue";

/** A comment on a merge request or issue, or a system note GitLab writes on a state change. */
export interface NoteRecord {
  id: number;
  projectId: number;
  noteableType: NoteableType;
  /** The GitLab-wide id of the merge request or issue. */
  noteableId: number;
  noteableIid: number;
  body: string;
  /** System notes ("closed", "merged") are GitLab's own; they do not count as user notes. */
  system: boolean;
  createdAt: string;
  updatedAt: string;
}
