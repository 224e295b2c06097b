import type { StoreData } from "../../store";
import { asNoteable as issueNoteable } from "../models/issues";
import { asNoteable as mergeRequestNoteable } from "../models/merge-requests";
import { userNotesCount } from "../models/notes";
import { DEFAULT_BRANCH_PROTECTION, INSTANCE } from "../models/instance";
import { fullPathOf } from "../models/projects";
import { ACCESS_LEVEL_DESCRIPTIONS } from "../models/protected";
import type {
  AccessLevelRecord,
  EnvironmentRecord,
  GroupRecord,
  GroupShareRecord,
  IssueRecord,
  MergeRequestRecord,
  NoteRecord,
  PersonalAccessTokenRecord,
  ProjectMemberRecord,
  ProjectRecord,
  ProtectedEnvironmentRecord,
  ProtectedTagRecord,
  PushRuleRecord,
  UserRecord,
  VariableRecord,
} from "../models/records";
import { ADMINISTRATOR } from "../models/users";

/** Records as GitLab's REST API renders them (the fields the GitLab provider reads, and their neighbours). */

/** A group a project is shared with, as the project lists it. */
export interface SharedWithGroup {
  share: GroupShareRecord;
  group: GroupRecord;
}

/**
 * The project as `GET /projects/:id` renders it; `namespace` is required (the provider dereferences its id), and
 * `import_status` must be "none" or the provider waits for an import after creating one.
 */
export function renderProject(project: ProjectRecord, baseUrl: string, sharedWithGroups: SharedWithGroup[] = []) {
  const fullPath = `${project.namespacePath}/${project.path}`;
  const namespaceName = project.namespacePath.split("/").pop() ?? project.namespacePath;
  const name = project.name ?? project.path;
  const kind = project.namespaceKind ?? "group";
  return {
    id: project.id,
    name,
    path: project.path,
    name_with_namespace: `${namespaceName} / ${name}`,
    path_with_namespace: fullPath,
    description: project.description ?? "",
    default_branch: "main",
    visibility: project.visibility ?? "private",
    web_url: `${baseUrl}/${fullPath}`,
    http_url_to_repo: `${baseUrl}/${fullPath}.git`,
    ssh_url_to_repo: `git@127.0.0.1:${fullPath}.git`,
    archived: false,
    empty_repo: project.emptyRepo ?? false,
    import_status: "none",
    topics: [],
    created_at: project.createdAt,
    last_activity_at: project.createdAt,
    namespace: {
      id: project.namespaceId,
      name: namespaceName,
      path: namespaceName,
      kind,
      full_path: project.namespacePath,
      web_url: kind === "user" ? `${baseUrl}/${project.namespacePath}` : `${baseUrl}/groups/${project.namespacePath}`,
    },
    builds_access_level: "enabled",
    environments_access_level: "enabled",
    public_jobs: false,
    shared_with_groups: sharedWithGroups.map(({ share, group }) => ({
      group_id: group.id,
      group_name: group.name,
      group_full_path: group.fullPath,
      group_access_level: share.groupAccess,
      expires_at: share.expiresAt,
    })),
    ci_config_path: null,
  };
}

/** A project's share with a group (`Entities::ProjectGroupLink`). */
export function renderShare(share: GroupShareRecord) {
  return {
    id: share.id,
    project_id: share.projectId,
    group_id: share.groupId,
    group_access: share.groupAccess,
    expires_at: share.expiresAt,
  };
}

/** A group (`Entities::Group`), with the default branch protection the provider checks after creating a project. */
export function renderGroup(group: GroupRecord, baseUrl: string) {
  const parents = group.fullPath.split("/").slice(0, -1);
  return {
    id: group.id,
    name: group.name,
    path: group.path,
    description: group.description,
    visibility: group.visibility,
    full_name: [...parents, group.name].join(" / "),
    full_path: group.fullPath,
    web_url: `${baseUrl}/groups/${group.fullPath}`,
    parent_id: group.parentId,
    avatar_url: null,
    request_access_enabled: true,
    default_branch_protection: DEFAULT_BRANCH_PROTECTION,
    created_at: group.createdAt,
  };
}

/** A project member (`Entities::Member`): the user with the role. */
export function renderMember(member: ProjectMemberRecord, user: UserRecord, baseUrl: string) {
  return {
    ...renderAuthor(baseUrl, user),
    access_level: member.accessLevel,
    created_at: member.createdAt,
    expires_at: member.expiresAt,
    membership_state: "active",
  };
}

/** A personal access token; the secret only in the answer to its creation. */
export function renderPersonalAccessToken(record: PersonalAccessTokenRecord, token?: string) {
  return {
    id: record.id,
    name: record.name,
    revoked: false,
    created_at: record.createdAt,
    scopes: record.scopes,
    user_id: record.userId,
    last_used_at: null,
    active: true,
    expires_at: record.expiresAt,
    ...(token === undefined ? {} : { token }),
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
    required_approval_count: environment.requiredApprovalCount ?? 0,
    approval_rules: environment.approvalRules.map((rule) => ({
      ...renderAccessLevel(rule),
      required_approvals: rule.requiredApprovals ?? 1,
    })),
  };
}

/**
 * A user as an administrator sees it (`Entities::UserPublic`, in part): by default the administrator who holds the
 * sandbox's token, whom `GET /user` answers with. A project access token is a bot user on GitLab; here it is the
 * administrator too.
 */
export function renderUser(baseUrl: string, user: UserRecord = ADMINISTRATOR) {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: user.state,
    email: user.email,
    is_admin: user.id === ADMINISTRATOR.id,
    web_url: `${baseUrl}/${user.username}`,
  };
}

/** The user as embedded in notes, issues and merge requests (`UserBasic`: no email, no admin flag). */
export function renderAuthor(baseUrl: string, user: UserRecord = ADMINISTRATOR) {
  const { id, username, name, state, web_url: webUrl } = renderUser(baseUrl, user);
  return { id, username, name, state, locked: false, avatar_url: null, web_url: webUrl };
}

function projectWebUrl(data: StoreData, projectId: number, baseUrl: string): string {
  const project = data.gitlab.projects.find((p) => p.id === projectId);
  return `${baseUrl}/${project ? fullPathOf(project) : projectId}`;
}

/** The merge request (`Entities::MergeRequest`); `sha` is the source branch's HEAD, `iid` what URLs and notes use. */
export function renderMergeRequest(data: StoreData, mergeRequest: MergeRequestRecord, baseUrl: string) {
  const author = renderAuthor(baseUrl);
  const project = data.gitlab.projects.find((p) => p.id === mergeRequest.projectId);
  const reference = `!${mergeRequest.iid}`;
  return {
    id: mergeRequest.id,
    iid: mergeRequest.iid,
    project_id: mergeRequest.projectId,
    title: mergeRequest.title,
    description: mergeRequest.description,
    state: mergeRequest.state,
    created_at: mergeRequest.createdAt,
    updated_at: mergeRequest.updatedAt,
    merged_by: mergeRequest.state === "merged" ? author : null,
    merge_user: mergeRequest.state === "merged" ? author : null,
    merged_at: mergeRequest.mergedAt,
    closed_by: mergeRequest.state === "closed" ? author : null,
    closed_at: mergeRequest.closedAt,
    target_branch: mergeRequest.targetBranch,
    source_branch: mergeRequest.sourceBranch,
    user_notes_count: userNotesCount(data, mergeRequestNoteable(mergeRequest)),
    upvotes: 0,
    downvotes: 0,
    author,
    assignees: [],
    assignee: null,
    reviewers: [],
    source_project_id: mergeRequest.projectId,
    target_project_id: mergeRequest.projectId,
    labels: [],
    draft: false,
    work_in_progress: false,
    milestone: null,
    merge_when_pipeline_succeeds: false,
    merge_status: mergeRequest.state === "opened" ? "can_be_merged" : "cannot_be_merged",
    detailed_merge_status: mergeRequest.state === "opened" ? "mergeable" : "not_open",
    sha: mergeRequest.sha,
    merge_commit_sha: mergeRequest.mergeCommitSha,
    squash_commit_sha: null,
    discussion_locked: null,
    should_remove_source_branch: null,
    force_remove_source_branch: false,
    reference,
    references: {
      short: reference,
      relative: reference,
      full: `${project ? fullPathOf(project) : mergeRequest.projectId}${reference}`,
    },
    web_url: `${projectWebUrl(data, mergeRequest.projectId, baseUrl)}/-/merge_requests/${mergeRequest.iid}`,
    squash: false,
    has_conflicts: false,
    blocking_discussions_resolved: true,
  };
}

/** The issue (`Entities::Issue`); `user_notes_count` counts comments, not system notes. */
export function renderIssue(data: StoreData, issue: IssueRecord, baseUrl: string) {
  const author = renderAuthor(baseUrl);
  const project = data.gitlab.projects.find((p) => p.id === issue.projectId);
  return {
    id: issue.id,
    iid: issue.iid,
    project_id: issue.projectId,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    closed_by: issue.state === "closed" ? author : null,
    labels: issue.labels,
    milestone: null,
    assignees: [],
    assignee: null,
    author,
    type: "ISSUE",
    issue_type: "issue",
    user_notes_count: userNotesCount(data, issueNoteable(issue)),
    merge_requests_count: 0,
    upvotes: 0,
    downvotes: 0,
    due_date: null,
    confidential: false,
    discussion_locked: null,
    references: {
      short: `#${issue.iid}`,
      relative: `#${issue.iid}`,
      full: `${project ? fullPathOf(project) : issue.projectId}#${issue.iid}`,
    },
    web_url: `${projectWebUrl(data, issue.projectId, baseUrl)}/-/issues/${issue.iid}`,
  };
}

/** The note (`Entities::Note`). */
export function renderNote(note: NoteRecord, baseUrl: string) {
  return {
    id: note.id,
    type: null,
    body: note.body,
    attachment: null,
    author: renderAuthor(baseUrl),
    created_at: note.createdAt,
    updated_at: note.updatedAt,
    system: note.system,
    noteable_id: note.noteableId,
    noteable_type: note.noteableType,
    project_id: note.projectId,
    resolvable: false,
    confidential: false,
    internal: false,
    noteable_iid: note.noteableIid,
    commands_changes: {},
  };
}

/** `GET /version`: the version a client compares against. */
export function renderVersion() {
  return { version: INSTANCE.version, revision: INSTANCE.revision };
}

/** `GET /metadata`: the version and the edition (`enterprise`), with the Kubernetes agent server switched off. */
export function renderMetadata() {
  return {
    version: INSTANCE.version,
    revision: INSTANCE.revision,
    kas: { enabled: false, externalUrl: null, externalK8sProxyUrl: null, version: null },
    enterprise: INSTANCE.enterprise,
  };
}

/** `GET /application/settings` (administrators only), the settings a client reads before waiting on a new project. */
export function renderApplicationSettings() {
  return {
    id: 1,
    default_branch_protection: DEFAULT_BRANCH_PROTECTION,
    default_branch_name: "main",
    default_project_visibility: "private",
    default_group_visibility: "private",
    signup_enabled: false,
  };
}

/** A project's push rule (`EE::API::Entities::ProjectPushRule`). */
export function renderPushRule(rule: PushRuleRecord) {
  return { id: rule.id, project_id: rule.projectId, created_at: rule.createdAt, ...rule.settings };
}
