/**
 * Over HTTP: what the GitLab provider's own acceptance tests call before and after each test — the instance's version
 * and edition, projects created and deleted through the API, users and their personal access tokens, groups, project
 * members and shares — with GitLab's status codes, bodies and error shapes.
 */
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox({ projects: ["songlist/songlist"] });
});
afterAll(async () => {
  await t?.sandbox.close();
});

const base = () => t.sandbox.gitlabUrl.replace(/\/api\/v4\/?$/, "");
let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}`;

async function newUser(username = unique("acctest-user")) {
  const created = await t.gitlab("POST", "/users", {
    name: username,
    username,
    email: `${username}@example.com`,
    password: "a-long-password",
    skip_confirmation: true,
  });
  expect(created.status).toBe(201);
  return created.body;
}

async function newGroup(path = unique("acctest-group")) {
  const created = await t.gitlab("POST", "/groups", { name: path, path, visibility: "public" });
  expect(created.status).toBe(201);
  return created.body;
}

async function newProject(body: Record<string, unknown> = {}) {
  const created = await t.gitlab("POST", "/projects", { name: unique("acctest"), ...body });
  expect(created.status).toBe(201);
  return created.body;
}

describe("the instance", () => {
  test("an Enterprise Edition whose version parses as major.minor", async () => {
    const version = await t.gitlab("GET", "/version");
    expect(version).toMatchObject({ status: 200, body: { version: "18.6.0-ee" } });
    expect(version.body.revision).toMatch(/^[0-9a-f]+$/);
    const metadata = await t.gitlab("GET", "/metadata");
    expect(metadata.body).toEqual({
      version: "18.6.0-ee",
      revision: version.body.revision,
      kas: { enabled: false, externalUrl: null, externalK8sProxyUrl: null, version: null },
      enterprise: true,
    });
  });

  test("application settings are the administrator's; default branches are fully protected", async () => {
    expect((await t.gitlab("GET", "/application/settings")).body).toMatchObject({ default_branch_protection: 2 });
    expect((await t.gitlab("GET", "/version", undefined, { authorization: "Bearer nope" })).status).toBe(401);
  });
});

describe("projects", () => {
  test("created in the administrator's namespace, read back, deleted with 202 and then gone", async () => {
    const created = await t.gitlab("POST", "/projects", {
      name: "Acctest Project",
      description: "Terraform acceptance tests",
      visibility: "public",
      initialize_with_readme: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Acctest Project",
      path: "acctest-project",
      path_with_namespace: "root/acctest-project",
      name_with_namespace: "root / Acctest Project",
      description: "Terraform acceptance tests",
      visibility: "public",
      empty_repo: false,
      import_status: "none",
      default_branch: "main",
      namespace: { name: "root", kind: "user", full_path: "root", web_url: `${base()}/root` },
      shared_with_groups: [],
    });
    const id = created.body.id;
    expect((await t.gitlab("GET", "/projects/root%2Facctest-project")).body.id).toBe(id);
    expect(await t.gitlab("DELETE", `/projects/${id}`)).toMatchObject({
      status: 202,
      body: { message: "202 Accepted" },
    });
    expect(await t.gitlab("GET", `/projects/${id}`)).toMatchObject({
      status: 404,
      body: { message: "404 Project Not Found" },
    });
    expect((await t.gitlab("DELETE", `/projects/${id}`)).status).toBe(404);
  });

  test("edited (200): the name is always sent; settings the sandbox does not keep are accepted", async () => {
    const project = await newProject({ visibility: "public" });
    const edited = await t.gitlab("PUT", `/projects/${project.id}`, {
      name: project.name,
      description: "changed",
      request_access_enabled: true,
    });
    expect(edited).toMatchObject({
      status: 200,
      body: { name: project.name, description: "changed", visibility: "public" },
    });
    expect((await t.gitlab("GET", `/projects/${project.id}`)).body.description).toBe("changed");
    expect(await t.gitlab("PUT", `/projects/${project.id}`, { path: "-bad" })).toMatchObject({ status: 400 });
    expect((await t.gitlab("PUT", "/projects/9999", { name: "x" })).status).toBe(404);
  });

  test("in a group by namespace_id; the group's projects share its namespace", async () => {
    const group = await newGroup();
    const project = await newProject({ path: "in-group", namespace_id: group.id });
    expect(project).toMatchObject({
      path_with_namespace: `${group.full_path}/in-group`,
      empty_repo: true,
      visibility: "private",
      namespace: { id: group.id, kind: "group", full_path: group.full_path },
    });
  });

  test("refusals: no name nor path (Grape), a taken name, an unknown namespace, a bad visibility", async () => {
    expect(await t.gitlab("POST", "/projects", { description: "x" })).toMatchObject({
      status: 400,
      body: { error: "name, path are missing, at least one parameter must be provided" },
    });
    const taken = await newProject();
    expect(await t.gitlab("POST", "/projects", { name: taken.name })).toMatchObject({
      status: 400,
      body: { message: { name: ["has already been taken"], path: ["has already been taken"] } },
    });
    expect(await t.gitlab("POST", "/projects", { name: "x", namespace_id: 9999 })).toMatchObject({
      status: 404,
      body: { message: "404 Namespace Not Found" },
    });
    expect(await t.gitlab("POST", "/projects", { name: "x", visibility: "secret" })).toMatchObject({
      status: 400,
      body: { error: "visibility does not have a valid value" },
    });
  });

  test("projects made through the control route stay as they were", async () => {
    expect((await t.gitlab("GET", "/projects/songlist%2Fsonglist")).body).toMatchObject({
      name: "songlist",
      visibility: "private",
      empty_repo: false,
      namespace: { kind: "group" },
    });
  });
});

describe("users and personal access tokens", () => {
  test("an administrator creates, reads and deletes a user", async () => {
    const user = await newUser("acctest-alice");
    expect(user).toEqual({
      id: user.id,
      username: "acctest-alice",
      name: "acctest-alice",
      state: "active",
      email: "acctest-alice@example.com",
      is_admin: false,
      web_url: `${base()}/acctest-alice`,
    });
    expect((await t.gitlab("GET", `/users/${user.id}`)).body).toEqual(user);
    expect((await t.gitlab("GET", "/users/1")).body.username).toBe("root");
    expect((await t.gitlab("DELETE", `/users/${user.id}`)).status).toBe(204);
    expect(await t.gitlab("GET", `/users/${user.id}`)).toMatchObject({
      status: 404,
      body: { message: "404 User Not Found" },
    });
  });

  test("refusals: a taken username (409), no password choice and missing fields (Grape's 400)", async () => {
    const user = await newUser();
    const again = { name: "x", username: user.username, email: "fresh@example.com", password: "a-long-password" };
    expect(await t.gitlab("POST", "/users", again)).toMatchObject({
      status: 409,
      body: { message: "Username has already been taken" },
    });
    expect(await t.gitlab("POST", "/users", { ...again, username: "fresh", password: undefined })).toMatchObject({
      status: 400,
      body: {
        error: "password, reset_password, force_random_password are missing, at least one parameter must be provided",
      },
    });
    expect(await t.gitlab("POST", "/users", { name: "x", username: "y" })).toMatchObject({
      status: 400,
      body: { error: "email is missing" },
    });
    expect(
      await t.gitlab("POST", "/users", { ...again, username: "short-pw", email: "s@example.com", password: "short" }),
    ).toMatchObject({
      status: 400,
      body: { message: { password: ["is too short (minimum is 8 characters)"] } },
    });
  });

  test("a user's personal access token signs in as that user, who is no administrator", async () => {
    const user = await newUser();
    const created = await t.gitlab("POST", `/users/${user.id}/personal_access_tokens`, {
      name: "acctest",
      scopes: ["api"],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "acctest",
      scopes: ["api"],
      user_id: user.id,
      active: true,
      revoked: false,
    });
    const asUser = { authorization: `Bearer ${created.body.token}` };
    expect((await t.gitlab("GET", "/user", undefined, asUser)).body).toMatchObject({ id: user.id, is_admin: false });
    expect((await t.gitlab("GET", "/projects/songlist%2Fsonglist", undefined, asUser)).status).toBe(200);
    for (const [method, path] of [
      ["GET", "/application/settings"],
      ["POST", "/users"],
      ["DELETE", "/users/1"],
    ]) {
      const body =
        method === "POST"
          ? { name: "n", username: "n", email: "n@example.com", password: "a-long-password" }
          : undefined;
      expect(await t.gitlab(method, path, body, asUser)).toMatchObject({
        status: 403,
        body: { message: "403 Forbidden" },
      });
    }
    expect((await t.gitlab("GET", "/state", undefined, asUser)).status).toBe(404);
    expect((await t.gitlab("DELETE", `/users/${user.id}`)).status).toBe(204);
    expect((await t.gitlab("GET", "/user", undefined, asUser)).status).toBe(401);
  });

  test("a token needs a name and known scopes", async () => {
    const user = await newUser();
    expect(
      await t.gitlab("POST", `/users/${user.id}/personal_access_tokens`, { name: "x", scopes: ["sudo-all"] }),
    ).toMatchObject({ status: 400 });
    expect(await t.gitlab("POST", `/users/${user.id}/personal_access_tokens`, { scopes: ["api"] })).toMatchObject({
      status: 400,
      body: { error: "name is missing" },
    });
    expect((await t.gitlab("POST", "/users/9999/personal_access_tokens", { name: "x", scopes: ["api"] })).status).toBe(
      404,
    );
  });
});

describe("groups", () => {
  test("created (201), read by id and by path, deleted (202) with their subgroups", async () => {
    const group = await newGroup("acctest-platform");
    expect(group).toEqual({
      id: group.id,
      name: "acctest-platform",
      path: "acctest-platform",
      description: "",
      visibility: "public",
      full_name: "acctest-platform",
      full_path: "acctest-platform",
      web_url: `${base()}/groups/acctest-platform`,
      parent_id: null,
      avatar_url: null,
      request_access_enabled: true,
      default_branch_protection: 2,
      created_at: group.created_at,
    });
    const sub = await t.gitlab("POST", "/groups", { name: "Tools", path: "tools", parent_id: group.id });
    expect(sub.body).toMatchObject({
      full_path: "acctest-platform/tools",
      full_name: "acctest-platform / Tools",
      visibility: "public",
    });
    expect((await t.gitlab("GET", "/groups/acctest-platform%2Ftools")).body.id).toBe(sub.body.id);
    expect(await t.gitlab("DELETE", `/groups/${group.id}`)).toMatchObject({
      status: 202,
      body: { message: "202 Accepted" },
    });
    expect(await t.gitlab("GET", `/groups/${sub.body.id}`)).toMatchObject({
      status: 404,
      body: { message: "404 Group Not Found" },
    });
  });

  test("a taken path fails to save, worded as GitLab does", async () => {
    const group = await newGroup();
    expect(await t.gitlab("POST", "/groups", { name: "again", path: group.path })).toMatchObject({
      status: 400,
      body: { message: 'Failed to save group {:path=>["has already been taken"]}' },
    });
    expect(await t.gitlab("POST", "/groups", { name: "no path" })).toMatchObject({
      status: 400,
      body: { error: "path is missing" },
    });
  });
});

describe("members and shares", () => {
  test("a user joins a project (201) once (409); the members list shows the role", async () => {
    const project = await newProject();
    const user = await newUser();
    const added = await t.gitlab("POST", `/projects/${project.id}/members`, { user_id: user.id, access_level: 30 });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: user.id,
      username: user.username,
      name: user.name,
      state: "active",
      locked: false,
      avatar_url: null,
      web_url: user.web_url,
      access_level: 30,
      created_at: added.body.created_at,
      expires_at: null,
      membership_state: "active",
    });
    expect(
      await t.gitlab("POST", `/projects/${project.id}/members`, { user_id: user.id, access_level: 30 }),
    ).toMatchObject({
      status: 409,
      body: { message: "Member already exists" },
    });
    expect((await t.gitlab("GET", `/projects/${project.id}/members`)).body).toEqual([added.body]);
    expect(
      await t.gitlab("POST", `/projects/${project.id}/members`, { user_id: 9999, access_level: 30 }),
    ).toMatchObject({
      status: 404,
      body: { message: "404 User Not Found" },
    });
    expect(
      await t.gitlab("POST", `/projects/${project.id}/members`, { user_id: user.id, access_level: 35 }),
    ).toMatchObject({
      status: 400,
      body: { error: "access_level does not have a valid value" },
    });
    expect((await t.gitlab("DELETE", `/projects/${project.id}/members/${user.id}`)).status).toBe(204);
    expect((await t.gitlab("GET", `/projects/${project.id}/members`)).body).toEqual([]);
  });

  test("a project shared with a group (201) lists it; sharing twice is a conflict; unsharing is 204", async () => {
    const project = await newProject();
    const group = await newGroup();
    const shared = await t.gitlab("POST", `/projects/${project.id}/share`, { group_id: group.id, group_access: 40 });
    expect(shared).toMatchObject({ status: 201 });
    expect(shared.body).toEqual({
      id: shared.body.id,
      project_id: project.id,
      group_id: group.id,
      group_access: 40,
      expires_at: null,
    });
    expect((await t.gitlab("GET", `/projects/${project.id}`)).body.shared_with_groups).toEqual([
      {
        group_id: group.id,
        group_name: group.name,
        group_full_path: group.full_path,
        group_access_level: 40,
        expires_at: null,
      },
    ]);
    expect(
      await t.gitlab("POST", `/projects/${project.id}/share`, { group_id: group.id, group_access: 30 }),
    ).toMatchObject({
      status: 409,
      body: { message: "Group already shared with this group" },
    });
    expect(await t.gitlab("POST", `/projects/${project.id}/share`, { group_id: 9999, group_access: 30 })).toMatchObject(
      {
        status: 404,
        body: { message: "404 Group Not Found" },
      },
    );
    expect((await t.gitlab("DELETE", `/projects/${project.id}/share/${group.id}`)).status).toBe(204);
    expect((await t.gitlab("DELETE", `/projects/${project.id}/share/${group.id}`)).status).toBe(404);
  });

  test("protected environments and tags take the members and groups as deploy and create access", async () => {
    const project = await newProject();
    const user = await newUser();
    const group = await newGroup();
    await t.gitlab("POST", `/projects/${project.id}/members`, { user_id: user.id, access_level: 30 });
    await t.gitlab("POST", `/projects/${project.id}/share`, { group_id: group.id, group_access: 40 });
    await t.gitlab("POST", `/projects/${project.id}/environments`, { name: "production" });
    const protectedEnvironment = await t.gitlab("POST", `/projects/${project.id}/protected_environments`, {
      name: "production",
      deploy_access_levels: [{ access_level: 30 }, { user_id: user.id }, { group_id: group.id }],
      approval_rules: [],
    });
    expect(protectedEnvironment.status).toBe(201);
    expect(protectedEnvironment.body.deploy_access_levels).toMatchObject([
      { access_level: 30 },
      { user_id: user.id, group_id: null },
      { group_id: group.id, user_id: null },
    ]);
    const tag = await t.gitlab("POST", `/projects/${project.id}/protected_tags`, {
      name: "v*",
      create_access_level: 30,
      allowed_to_create: [{ user_id: user.id }, { group_id: group.id }],
    });
    expect(tag.body.create_access_levels).toHaveLength(3);
    expect((await t.gitlab("DELETE", `/projects/${project.id}`)).status).toBe(202);
    const state = (await t.heroku("GET", "/sandbox/state")).body;
    expect(state.gitlab.protectedEnvironments.some((e: { projectId: number }) => e.projectId === project.id)).toBe(
      false,
    );
    expect(state.gitlab.projectMembers.some((m: { projectId: number }) => m.projectId === project.id)).toBe(false);
  });
});

describe("push rules", () => {
  test("none (null), added (201) once (422), edited (200), deleted (204); only maintainers see them", async () => {
    const project = await newProject();
    const rule = `/projects/${project.id}/push_rule`;
    expect(await t.gitlab("GET", rule)).toMatchObject({ status: 200, body: null });
    const added = await t.gitlab("POST", rule, { author_email_regex: "@example\\.com$", deny_delete_tag: "true" });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      id: added.body.id,
      project_id: project.id,
      created_at: added.body.created_at,
      commit_message_regex: "",
      commit_message_negative_regex: "",
      branch_name_regex: "",
      author_email_regex: "@example\\.com$",
      file_name_regex: "",
      deny_delete_tag: true,
      member_check: false,
      prevent_secrets: false,
      commit_committer_check: false,
      commit_committer_name_check: false,
      reject_unsigned_commits: false,
      reject_non_dco_commits: false,
      max_file_size: 0,
    });
    expect(await t.gitlab("POST", rule, { member_check: true })).toMatchObject({
      status: 422,
      body: { message: "Project push rule exists" },
    });
    const edited = await t.gitlab("PUT", rule, { max_file_size: 10, deny_delete_tag: false });
    expect(edited.body).toMatchObject({
      author_email_regex: "@example\\.com$",
      max_file_size: 10,
      deny_delete_tag: false,
    });
    expect((await t.gitlab("GET", rule)).body).toEqual(edited.body);

    const user = await newUser();
    const token = await t.gitlab("POST", `/users/${user.id}/personal_access_tokens`, { name: "t", scopes: ["api"] });
    const asUser = { authorization: `Bearer ${token.body.token}` };
    expect(await t.gitlab("GET", rule, undefined, asUser)).toMatchObject({
      status: 403,
      body: { message: "403 Forbidden" },
    });
    await t.gitlab("POST", `/projects/${project.id}/members`, { user_id: user.id, access_level: 40 });
    expect((await t.gitlab("GET", rule, undefined, asUser)).status).toBe(200);

    expect((await t.gitlab("DELETE", rule)).status).toBe(204);
    expect(await t.gitlab("DELETE", rule)).toMatchObject({ status: 404, body: { message: "404 Push Rule Not Found" } });
    expect(await t.gitlab("PUT", rule, {})).toMatchObject({ status: 404 });
    expect(await t.gitlab("POST", rule, { max_file_size: "big" })).toMatchObject({
      status: 400,
      body: { error: "max_file_size is invalid" },
    });
  });
});
