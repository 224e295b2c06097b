/**
 * Records as the sandbox's GitLab API renders them, in-process on the hand-built state: each whole object, value by
 * value — what the GitLab provider reads (the namespace id, access level descriptions, a hidden variable's missing
 * value) and what the merge-request review reads (iid, sha, references, who closed or merged).
 */
import {
  renderAccessLevel,
  renderAuthor,
  renderEnvironment,
  renderIssue,
  renderMergeRequest,
  renderNote,
  renderProject,
  renderProtectedEnvironment,
  renderProtectedTag,
  renderUser,
  renderVariable,
} from "../../sandbox/gitlab/routes/render";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

const AT = "2026-01-01T00:00:00Z";
const BASE = "http://127.0.0.1:9";

let data: StoreData;
beforeEach(() => {
  data = consistentState();
});

const author = {
  id: 1,
  username: "root",
  name: "Sandbox Administrator",
  state: "active",
  locked: false,
  avatar_url: null,
  web_url: `${BASE}/root`,
};

test("the user who holds the token, and as an author", () => {
  expect(renderUser(BASE)).toEqual({
    id: 1,
    username: "root",
    name: "Sandbox Administrator",
    state: "active",
    email: "root@sandbox.example",
    is_admin: true,
    web_url: `${BASE}/root`,
  });
  expect(renderAuthor(BASE)).toEqual(author);
});

test("a project with its namespace, whose last segment names it", () => {
  const project = { id: 3, path: "app", namespacePath: "group/sub", namespaceId: 7, createdAt: AT };
  expect(renderProject(project, BASE)).toEqual({
    id: 3,
    name: "app",
    path: "app",
    name_with_namespace: "sub / app",
    path_with_namespace: "group/sub/app",
    description: "",
    default_branch: "main",
    visibility: "private",
    web_url: `${BASE}/group/sub/app`,
    http_url_to_repo: `${BASE}/group/sub/app.git`,
    ssh_url_to_repo: "git@127.0.0.1:group/sub/app.git",
    archived: false,
    empty_repo: false,
    import_status: "none",
    topics: [],
    created_at: AT,
    last_activity_at: AT,
    namespace: {
      id: 7,
      name: "sub",
      path: "sub",
      kind: "group",
      full_path: "group/sub",
      web_url: `${BASE}/groups/group/sub`,
    },
    builds_access_level: "enabled",
    environments_access_level: "enabled",
    public_jobs: false,
    shared_with_groups: [],
    ci_config_path: null,
  });
});

test("a variable with every setting; a hidden one never shows its value", () => {
  const [plain, secret] = data.gitlab.variables;
  expect(renderVariable(secret)).toEqual({
    variable_type: "env_var",
    key: "HEROKU_API_KEY",
    value: "api-secret",
    protected: true,
    masked: true,
    hidden: false,
    raw: true,
    environment_scope: "*",
    description: null,
  });
  expect(renderVariable({ ...plain, hidden: true, description: "d", variableType: "file" })).toMatchObject({
    value: null,
    hidden: true,
    description: "d",
    variable_type: "file",
  });
});

test("an environment with its settings; a cluster agent by id", () => {
  const [staging] = data.gitlab.environments;
  expect(renderEnvironment(staging)).toEqual({
    id: 2,
    name: "staging",
    slug: "staging",
    description: null,
    external_url: "https://songlist-staging-0123456789ab.herokuapp.com/",
    state: "available",
    tier: "staging",
    created_at: AT,
    updated_at: AT,
    auto_stop_at: null,
    auto_stop_setting: "always",
    kubernetes_namespace: null,
    flux_resource_path: null,
    cluster_agent: null,
  });
  const agent = { ...staging, clusterAgentId: 5, kubernetesNamespace: "ns", fluxResourcePath: "p", description: "d" };
  expect(renderEnvironment(agent)).toMatchObject({
    cluster_agent: { id: 5 },
    kubernetes_namespace: "ns",
    flux_resource_path: "p",
    description: "d",
  });
});

describe("access levels", () => {
  test.each([
    [0, "No one"],
    [30, "Developers + Maintainers"],
    [40, "Maintainers"],
    [60, "Administrators"],
  ])("a role of %i is %s", (accessLevel, description) => {
    const entry = { id: 1, accessLevel, userId: null, groupId: null, groupInheritanceType: 0 };
    expect(renderAccessLevel(entry)).toEqual({
      id: 1,
      access_level: accessLevel,
      access_level_description: description,
      user_id: null,
      group_id: null,
      group_inheritance_type: 0,
    });
  });

  test("a user or a group is described by its id; required approvals only when set", () => {
    const user = { id: 2, accessLevel: null, userId: 9, groupId: null, groupInheritanceType: 0 };
    expect(renderAccessLevel(user)).toMatchObject({
      access_level: null,
      access_level_description: "User 9",
      user_id: 9,
    });
    expect(renderAccessLevel(user)).not.toHaveProperty("required_approvals");
    const group = { id: 3, accessLevel: null, userId: null, groupId: 4, groupInheritanceType: 1, requiredApprovals: 2 };
    expect(renderAccessLevel(group)).toMatchObject({
      access_level_description: "Group 4",
      group_id: 4,
      group_inheritance_type: 1,
      required_approvals: 2,
    });
  });

  test("a protected tag lists who may create it; a protected environment its deployers and approval rules", () => {
    expect(renderProtectedTag(data.gitlab.protectedTags[0])).toEqual({
      name: "v*",
      create_access_levels: [
        {
          id: 3,
          access_level: 40,
          access_level_description: "Maintainers",
          user_id: null,
          group_id: null,
          group_inheritance_type: 0,
        },
      ],
    });
    const production = data.gitlab.protectedEnvironments[0];
    production.approvalRules.push({ id: 6, accessLevel: 30, userId: null, groupId: null, groupInheritanceType: 0 });
    const rendered = renderProtectedEnvironment(production);
    expect(rendered).toMatchObject({ name: "production", required_approval_count: 0 });
    expect(rendered.deploy_access_levels).toEqual([expect.objectContaining({ id: 4, access_level: 40 })]);
    expect(rendered.approval_rules.map((rule) => [rule.id, rule.required_approvals])).toEqual([
      [5, 1],
      [6, 1],
    ]);
    production.approvalRules[0].requiredApprovals = 3;
    expect(renderProtectedEnvironment(production).approval_rules[0].required_approvals).toBe(3);
  });
});

describe("merge requests, issues and notes", () => {
  test("an open merge request: mergeable, its references and URL by iid, comments counted", () => {
    expect(renderMergeRequest(data, data.gitlab.mergeRequests[0], BASE)).toEqual({
      id: 6,
      iid: 1,
      project_id: 1,
      title: "Scale web",
      description: null,
      state: "opened",
      created_at: AT,
      updated_at: AT,
      merged_by: null,
      merge_user: null,
      merged_at: null,
      closed_by: null,
      closed_at: null,
      target_branch: "main",
      source_branch: "feature/scale",
      user_notes_count: 1,
      upvotes: 0,
      downvotes: 0,
      author,
      assignees: [],
      assignee: null,
      reviewers: [],
      source_project_id: 1,
      target_project_id: 1,
      labels: [],
      draft: false,
      work_in_progress: false,
      milestone: null,
      merge_when_pipeline_succeeds: false,
      merge_status: "can_be_merged",
      detailed_merge_status: "mergeable",
      sha: "abc123",
      merge_commit_sha: null,
      squash_commit_sha: null,
      discussion_locked: null,
      should_remove_source_branch: null,
      force_remove_source_branch: false,
      reference: "!1",
      references: { short: "!1", relative: "!1", full: "songlist/songlist!1" },
      web_url: `${BASE}/songlist/songlist/-/merge_requests/1`,
      squash: false,
      has_conflicts: false,
      blocking_discussions_resolved: true,
    });
  });

  test("merged: by the token's user, not mergeable; closed: closed by it; a gone project by its id", () => {
    const mr = data.gitlab.mergeRequests[0];
    Object.assign(mr, { state: "merged", mergedAt: AT, mergeCommitSha: "def" });
    expect(renderMergeRequest(data, mr, BASE)).toMatchObject({
      merged_by: author,
      merge_user: author,
      closed_by: null,
      merged_at: AT,
      merge_commit_sha: "def",
      merge_status: "cannot_be_merged",
      detailed_merge_status: "not_open",
    });
    Object.assign(mr, { state: "closed", closedAt: AT });
    expect(renderMergeRequest(data, mr, BASE)).toMatchObject({ merged_by: null, merge_user: null, closed_by: author });
    data.gitlab.projects = [];
    expect(renderMergeRequest(data, mr, BASE)).toMatchObject({
      references: { full: "1!1" },
      web_url: `${BASE}/1/-/merge_requests/1`,
    });
  });

  test("a merge request of another project: its references and URL by that project's path", () => {
    data.gitlab.projects.push({ id: 2, path: "reporting", namespaceId: 101, namespacePath: "data", createdAt: AT });
    const mr = { ...data.gitlab.mergeRequests[0], id: 7, projectId: 2 };
    expect(renderMergeRequest(data, mr, BASE)).toMatchObject({
      project_id: 2,
      references: { full: "data/reporting!1" },
      web_url: `${BASE}/data/reporting/-/merge_requests/1`,
    });
  });

  test("an issue with its labels; closed by the token's user; comments counted, system notes not", () => {
    const issue = data.gitlab.issues[0];
    expect(renderIssue(data, issue, BASE)).toEqual({
      id: 7,
      iid: 1,
      project_id: 1,
      title: "Drift in staging",
      description: null,
      state: "opened",
      created_at: AT,
      updated_at: AT,
      closed_at: null,
      closed_by: null,
      labels: ["drift", "staging"],
      milestone: null,
      assignees: [],
      assignee: null,
      author,
      type: "ISSUE",
      issue_type: "issue",
      user_notes_count: 0,
      merge_requests_count: 0,
      upvotes: 0,
      downvotes: 0,
      due_date: null,
      confidential: false,
      discussion_locked: null,
      references: { short: "#1", relative: "#1", full: "songlist/songlist#1" },
      web_url: `${BASE}/songlist/songlist/-/issues/1`,
    });
    Object.assign(issue, { state: "closed", closedAt: AT });
    expect(renderIssue(data, issue, BASE)).toMatchObject({ closed_by: author, closed_at: AT });
    data.gitlab.projects = [];
    expect(renderIssue(data, issue, BASE)).toMatchObject({
      references: { full: "1#1" },
      web_url: `${BASE}/1/-/issues/1`,
    });
  });

  test("a note with what it is on", () => {
    expect(renderNote(data.gitlab.notes[0], BASE)).toEqual({
      id: 8,
      type: null,
      body: "plan: 1 to change",
      attachment: null,
      author,
      created_at: AT,
      updated_at: AT,
      system: false,
      noteable_id: 6,
      noteable_type: "MergeRequest",
      project_id: 1,
      resolvable: false,
      confidential: false,
      internal: false,
      noteable_iid: 1,
      commands_changes: {},
    });
  });
});
