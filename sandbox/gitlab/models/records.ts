/** What the GitLab model stores, Terraform states included. */

/** A GitLab project, addressed by numeric id or `namespace/path`. */
export interface ProjectRecord {
  id: number;
  path: string;
  namespaceId: number;
  namespacePath: string;
  createdAt: string;
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
