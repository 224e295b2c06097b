import { ACCESS_LEVEL_DESCRIPTIONS } from "../models/protected";
import type {
  AccessLevelRecord,
  EnvironmentRecord,
  ProjectRecord,
  ProtectedEnvironmentRecord,
  ProtectedTagRecord,
  VariableRecord,
} from "../models/records";

/** Records as GitLab's REST API renders them (the fields the GitLab provider reads, and their neighbours). */

/** The project as `GET /projects/:id` renders it; `namespace` is required (the provider dereferences its id). */
export function renderProject(project: ProjectRecord, baseUrl: string) {
  const fullPath = `${project.namespacePath}/${project.path}`;
  const namespaceName = project.namespacePath.split("/").pop() ?? project.namespacePath;
  return {
    id: project.id,
    name: project.path,
    path: project.path,
    name_with_namespace: `${namespaceName} / ${project.path}`,
    path_with_namespace: fullPath,
    description: "",
    default_branch: "main",
    visibility: "private",
    web_url: `${baseUrl}/${fullPath}`,
    http_url_to_repo: `${baseUrl}/${fullPath}.git`,
    ssh_url_to_repo: `git@127.0.0.1:${fullPath}.git`,
    archived: false,
    empty_repo: false,
    topics: [],
    created_at: project.createdAt,
    last_activity_at: project.createdAt,
    namespace: {
      id: project.namespaceId,
      name: namespaceName,
      path: namespaceName,
      kind: "group",
      full_path: project.namespacePath,
      web_url: `${baseUrl}/groups/${project.namespacePath}`,
    },
    builds_access_level: "enabled",
    environments_access_level: "enabled",
    public_jobs: false,
    shared_with_groups: [],
    ci_config_path: null,
  };
}

/** The variable; a hidden variable never shows its value. */
export function renderVariable(variable: VariableRecord) {
  return {
    variable_type: variable.variableType,
    key: variable.key,
    value: variable.hidden ? null : variable.value,
    protected: variable.protected,
    masked: variable.masked,
    hidden: variable.hidden,
    raw: variable.raw,
    environment_scope: variable.environmentScope,
    description: variable.description,
  };
}

/** The environment; `created_at`/`updated_at` are required (the provider dereferences them). */
export function renderEnvironment(environment: EnvironmentRecord) {
  return {
    id: environment.id,
    name: environment.name,
    slug: environment.slug,
    description: environment.description,
    external_url: environment.externalUrl,
    state: environment.state,
    tier: environment.tier,
    created_at: environment.createdAt,
    updated_at: environment.updatedAt,
    auto_stop_at: null,
    auto_stop_setting: environment.autoStopSetting,
    kubernetes_namespace: environment.kubernetesNamespace,
    flux_resource_path: environment.fluxResourcePath,
    cluster_agent: environment.clusterAgentId === null ? null : { id: environment.clusterAgentId },
  };
}

export function renderAccessLevel(entry: AccessLevelRecord) {
  const description =
    entry.accessLevel !== null
      ? ACCESS_LEVEL_DESCRIPTIONS[entry.accessLevel]
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

export function renderProtectedTag(tag: ProtectedTagRecord) {
  return { name: tag.name, create_access_levels: tag.createAccessLevels.map(renderAccessLevel) };
}

export function renderProtectedEnvironment(environment: ProtectedEnvironmentRecord) {
  return {
    name: environment.name,
    deploy_access_levels: environment.deployAccessLevels.map(renderAccessLevel),
    required_approval_count: 0,
    approval_rules: environment.approvalRules.map((rule) => ({
      ...renderAccessLevel(rule),
      required_approvals: rule.requiredApprovals ?? 1,
    })),
  };
}
