/** What the GitLab model stores, Terraform states included. */
// @ts-nocheck


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