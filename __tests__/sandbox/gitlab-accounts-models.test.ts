/**
 * The sandbox's GitLab model of what the GitLab provider's own acceptance tests set up before each test — projects
 * created and deleted through the API, users and their personal access tokens, groups, project members and projects
 * shared with groups — called in-process on a hand-built state: each rule's edge on its own, where the HTTP tests
 * (gitlab-accounts.test.ts) show the routes reach them.
 */
import { createHash } from "node:crypto";
import {
  AlreadyExistsError,
  ConflictError,
  NotFoundError,
  RecordNotFoundError,
  SaveFailedError,
  ValidationError,
} from "../../sandbox/gitlab/models/errors";
import { createGroup, deleteGroup, findGroup } from "../../sandbox/gitlab/models/groups";
import {
  addProjectMember,
  findProjectMember,
  membersOf,
  removeProjectMember,
  roleOn,
} from "../../sandbox/gitlab/models/members";
import {
  createProject,
  deleteProject,
  editProject,
  ensureProject,
  findProject,
  nextNamespaceId,
} from "../../sandbox/gitlab/models/projects";
import { addPushRule, deletePushRule, editPushRule, pushRuleOf } from "../../sandbox/gitlab/models/push-rules";
import { shareProject, sharesOf, unshareProject } from "../../sandbox/gitlab/models/shares";
import {
  ADMINISTRATOR,
  createPersonalAccessToken,
  createUser,
  deleteUser,
  findUser,
  userOfToken,
  usersOf,
} from "../../sandbox/gitlab/models/users";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

let data: StoreData;
beforeEach(() => {
  data = consistentState();
});

const songlist = () => findProject(data, "1");
const newUser = (username: string) => ({ username, name: username, email: `${username}@example.com` });

describe("users", () => {
  test("the administrator is always there, first; created users count their ids on from the highest", () => {
    expect(usersOf(data).map((u) => u.id)).toEqual([1, 2]);
    expect(findUser(data, "1")).toBe(ADMINISTRATOR);
    expect(findUser(data, 2).username).toBe("reviewer");
    const user = createUser(data, { ...newUser("tester"), password: "long-enough" });
    expect(user).toMatchObject({ id: 3, username: "tester", state: "active" });
    expect(() => findUser(data, "99")).toThrow(new NotFoundError("User"));
  });

  test("usernames and emails are unique regardless of case, the administrator's included", () => {
    expect(() => createUser(data, newUser("ROOT"))).toThrow(new ConflictError("Username has already been taken"));
    expect(() => createUser(data, { ...newUser("other"), email: "Reviewer@Example.com" })).toThrow(
      new ConflictError("Email has already been taken"),
    );
  });

  test("a bad username, email and short password are reported together", () => {
    expect(() => createUser(data, { username: "-bad", name: "x", email: "nope", password: "short" })).toThrow(
      ValidationError,
    );
    try {
      createUser(data, { username: "-bad", name: "x", email: "nope", password: "short" });
    } catch (error) {
      expect(Object.keys((error as ValidationError).fields).sort()).toEqual(["email", "password", "username"]);
    }
    expect(() => createUser(data, newUser("repo.git"))).toThrow(ValidationError);
  });

  test("deleting a user takes their memberships and tokens; the administrator cannot be deleted", () => {
    deleteUser(data, findUser(data, 2));
    expect(data.gitlab.users).toEqual([]);
    expect(data.gitlab.projectMembers).toEqual([]);
    expect(data.gitlab.personalAccessTokens).toEqual([]);
    expect(() => deleteUser(data, ADMINISTRATOR)).toThrow(new NotFoundError("User"));
  });
});

describe("personal access tokens", () => {
  test("only the digest is kept; the token finds its user until it expires", () => {
    const { record, token } = createPersonalAccessToken(data, findUser(data, 2), "ci", ["api"], null);
    expect(token).toMatch(/^glpat-/);
    expect(record.digest).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(data)).not.toContain(token);
    expect(record.id).toBe(2);
    expect(userOfToken(data, token)?.id).toBe(2);
    expect(userOfToken(data, "reviewer-token")?.username).toBe("reviewer");
    expect(userOfToken(data, "guess")).toBeUndefined();
    expect(userOfToken(data, undefined)).toBeUndefined();
    record.expiresAt = "2000-01-01";
    expect(userOfToken(data, token)).toBeUndefined();
  });

  test("the administrator has the sandbox's own token, not a personal one", () => {
    expect(() => createPersonalAccessToken(data, ADMINISTRATOR, "x", ["api"], null)).toThrow(ValidationError);
  });
});

describe("groups", () => {
  test("a group takes the next namespace id, and a subgroup nests its path under its parent's", () => {
    expect(nextNamespaceId(data)).toBe(101);
    const group = createGroup(data, { name: "Platform", path: "platform", visibility: "public" });
    expect(group).toMatchObject({ id: 101, fullPath: "platform", parentId: null, visibility: "public" });
    const sub = createGroup(data, { name: "Tools", path: "tools", parentId: 101 });
    expect(sub).toMatchObject({ id: 102, fullPath: "platform/tools", parentId: 101, visibility: "public" });
    expect(findGroup(data, "platform/tools")).toBe(sub);
    expect(findGroup(data, 101)).toBe(group);
    expect(() => findGroup(data, "nope")).toThrow(new NotFoundError("Group"));
    expect(() => createGroup(data, { name: "x", path: "y", parentId: 999 })).toThrow(new NotFoundError("Group"));
  });

  test("a path a namespace already uses, or one GitLab refuses, is not saved", () => {
    expect(() => createGroup(data, { name: "Songlist", path: "SONGLIST" })).toThrow(
      new SaveFailedError("group", { path: ["has already been taken"] }),
    );
    ensureProject(data, "legacy/app");
    expect(() => createGroup(data, { name: "Legacy", path: "legacy" })).toThrow(SaveFailedError);
    expect(() => createGroup(data, { name: "Bad", path: "-bad" })).toThrow(SaveFailedError);
    expect(() => createGroup(data, { name: "Bad", path: "bad.git" })).toThrow(SaveFailedError);
  });

  test("deleting a group deletes its subgroups, their projects and the shares with them", () => {
    const group = createGroup(data, { name: "Platform", path: "platform" });
    const sub = createGroup(data, { name: "Tools", path: "tools", parentId: group.id });
    const inside = createProject(data, { name: "cli", namespaceId: sub.id });
    const other = createGroup(data, { name: "Other", path: "other" });
    shareProject(data, songlist(), sub, 30, null);
    shareProject(data, songlist(), other, 30, null);
    deleteGroup(data, group);
    expect(data.gitlab.groups.map((g) => g.path)).toEqual(["songlist", "other"]);
    expect(data.gitlab.projects).not.toContain(inside);
    expect(sharesOf(data, songlist()).map((s) => s.groupId)).toEqual([other.id]);
  });
});

describe("projects created through the API", () => {
  test("without a namespace, in the administrator's personal namespace; the path defaults from the name", () => {
    const project = createProject(data, { name: "My App", description: "d", visibility: "public" });
    expect(project).toMatchObject({
      id: 10,
      name: "My App",
      path: "my-app",
      namespacePath: "root",
      namespaceKind: "user",
      namespaceId: 101,
      description: "d",
      visibility: "public",
      emptyRepo: true,
    });
    const second = createProject(data, { path: "second", initializeWithReadme: true });
    expect(second).toMatchObject({ name: "second", namespaceId: 101, emptyRepo: false, visibility: "private" });
    expect(findProject(data, "root/second")).toBe(second);
  });

  test("in a group by its id; an unknown namespace is not found", () => {
    const project = createProject(data, { name: "api", namespaceId: 100 });
    expect(project).toMatchObject({ namespacePath: "songlist", namespaceId: 100, namespaceKind: "group" });
    expect(() => createProject(data, { name: "x", namespaceId: 555 })).toThrow(new NotFoundError("Namespace"));
  });

  test("name and path must be free in the namespace and well formed", () => {
    expect(() => createProject(data, { name: "songlist", namespaceId: 100 })).toThrow(
      new ValidationError({ name: ["has already been taken"], path: ["has already been taken"] }),
    );
    expect(() => createProject(data, { name: "Fresh", path: "SongList", namespaceId: 100 })).toThrow(
      new ValidationError({ path: ["has already been taken"] }),
    );
    expect(() => createProject(data, { name: "-dash" })).toThrow(ValidationError);
    expect(() => createProject(data, { name: "ok", path: "feed.atom" })).toThrow(ValidationError);
    expect(() => createProject(data, {})).toThrow(ValidationError);
  });

  test("an edit changes name, path, description and visibility by the same rules, its own names excepted", () => {
    const project = createProject(data, { name: "app" });
    createProject(data, { name: "taken" });
    expect(editProject(data, project, { name: "app" })).toBe(project);
    editProject(data, project, { name: "App 2", path: "app-2", description: "new", visibility: "internal" });
    expect(project).toMatchObject({ name: "App 2", path: "app-2", description: "new", visibility: "internal" });
    expect(() => editProject(data, project, { path: "TAKEN" })).toThrow(
      new ValidationError({ path: ["has already been taken"] }),
    );
    expect(() => editProject(data, project, { name: "-x" })).toThrow(ValidationError);
    expect(project.path).toBe("app-2");
    const legacy = songlist();
    editProject(data, legacy, { description: "kept" });
    expect(legacy).toMatchObject({ name: "songlist", path: "songlist", description: "kept" });
  });

  test("a control-route project next to a group takes the group's namespace id", () => {
    const group = createGroup(data, { name: "Platform", path: "platform" });
    expect(ensureProject(data, "platform/web").project.namespaceId).toBe(group.id);
    expect(ensureProject(data, "fresh/web").project.namespaceId).toBe(group.id + 1);
  });

  test("deleting a project deletes everything that belongs to it, and nothing else", () => {
    const other = createProject(data, { name: "other" });
    data.gitlab.variables.push({ ...data.gitlab.variables[0], projectId: other.id });
    deleteProject(data, songlist());
    const gitlab = data.gitlab;
    expect(gitlab.projects).toEqual([other]);
    for (const records of [
      gitlab.environments,
      gitlab.protectedTags,
      gitlab.protectedEnvironments,
      gitlab.mergeRequests,
      gitlab.issues,
      gitlab.notes,
      gitlab.projectMembers,
      data.terraformStates,
    ]) {
      expect(records).toEqual([]);
    }
    expect(gitlab.variables.map((v) => v.projectId)).toEqual([other.id]);
  });
});

describe("members and shares", () => {
  test("a user joins a project once, and can leave it", () => {
    const user = createUser(data, newUser("dev"));
    const member = addProjectMember(data, songlist(), user, 30, "2030-01-01");
    expect(member).toMatchObject({ projectId: 1, userId: user.id, accessLevel: 30, expiresAt: "2030-01-01" });
    expect(membersOf(data, songlist()).map((m) => m.userId)).toEqual([2, user.id]);
    expect(() => addProjectMember(data, songlist(), user, 40, null)).toThrow(
      new ConflictError("Member already exists"),
    );
    expect(findProjectMember(data, songlist(), String(user.id))).toBe(member);
    removeProjectMember(data, member);
    expect(() => findProjectMember(data, songlist(), String(user.id))).toThrow(new NotFoundError("Member"));
  });

  test("a project is shared with a group once, never with its own group or one above it", () => {
    const group = createGroup(data, { name: "Platform", path: "platform" });
    const share = shareProject(data, songlist(), group, 40, null);
    expect(share).toEqual({ id: 1, projectId: 1, groupId: group.id, groupAccess: 40, expiresAt: null });
    expect(() => shareProject(data, songlist(), group, 30, null)).toThrow(
      new ConflictError("Group already shared with this group"),
    );
    expect(() => shareProject(data, songlist(), findGroup(data, 100), 30, null)).toThrow(
      new ConflictError("Project cannot be shared with the group it is in or one of its ancestors."),
    );
    const sub = createGroup(data, { name: "Sub", path: "sub", parentId: group.id });
    const nested = createProject(data, { name: "nested", namespaceId: sub.id });
    expect(() => shareProject(data, nested, group, 30, null)).toThrow(ConflictError);
    unshareProject(data, songlist(), String(group.id));
    expect(sharesOf(data, songlist())).toEqual([]);
    expect(() => unshareProject(data, songlist(), String(group.id))).toThrow(RecordNotFoundError);
  });
});

describe("push rules", () => {
  test("one per project, starting empty; an edit keeps what it does not name; gone with the project", () => {
    expect(pushRuleOf(data, songlist())).toBeUndefined();
    const rule = addPushRule(data, songlist(), { author_email_regex: "foo" });
    expect(rule.settings).toMatchObject({ author_email_regex: "foo", member_check: false, max_file_size: 0 });
    expect(() => addPushRule(data, songlist(), {})).toThrow(new AlreadyExistsError("Project push rule exists"));
    editPushRule(data, songlist(), { member_check: true });
    expect(pushRuleOf(data, songlist())?.settings).toMatchObject({ author_email_regex: "foo", member_check: true });
    deletePushRule(data, songlist());
    expect(() => deletePushRule(data, songlist())).toThrow(new NotFoundError("Push Rule"));
    expect(() => editPushRule(data, songlist(), {})).toThrow(new NotFoundError("Push Rule"));
    addPushRule(data, songlist(), {});
    deleteProject(data, songlist());
    expect(data.gitlab.pushRules).toEqual([]);
  });

  test("a role on a project: the administrator's above all, a member's own, nobody's none", () => {
    expect(roleOn(data, songlist(), ADMINISTRATOR, true)).toBe(60);
    expect(roleOn(data, songlist(), findUser(data, 2), false)).toBe(30);
    expect(roleOn(data, songlist(), createUser(data, newUser("stranger")), false)).toBe(0);
  });
});
