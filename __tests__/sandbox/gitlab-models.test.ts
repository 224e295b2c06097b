/**
 * The sandbox's GitLab model of projects, CI/CD variables, environments and protected tags and environments, called
 * in-process on a hand-built state: each rule's edge on its own, where the HTTP tests (gitlab.test.ts) show the routes
 * reach them.
 */
import {
  createEnvironment,
  deleteEnvironment,
  environmentsOf,
  findEnvironment,
  stopEnvironment,
  updateEnvironment,
} from "../../sandbox/gitlab/models/environments";
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  BadRequestError,
} from "../../sandbox/gitlab/models/errors";
import { ensureProject, findProject, fullPathOf, nextIid } from "../../sandbox/gitlab/models/projects";
import {
  findProtectedEnvironment,
  findProtectedTag,
  protectEnvironment,
  protectedEnvironmentsOf,
  protectedTagsOf,
  protectTag,
  unprotectEnvironment,
  unprotectTag,
  updateProtectedEnvironment,
} from "../../sandbox/gitlab/models/protected";
import {
  createVariable,
  deleteVariable,
  findVariable,
  updateVariable,
  variablesOf,
} from "../../sandbox/gitlab/models/variables";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

let data: StoreData;
beforeEach(() => {
  data = consistentState();
});
const songlist = () => data.gitlab.projects[0];
const other = () => ensureProject(data, "other/tools").project;

/** An access level as the model stores a role entry. */
const role = (id: number, accessLevel: number) => ({
  id,
  accessLevel,
  userId: null,
  groupId: null,
  groupInheritanceType: 0,
});

describe("projects", () => {
  test("found by numeric id or full path; anything else is not found", () => {
    expect(findProject(data, "1")).toBe(songlist());
    expect(findProject(data, "songlist/songlist")).toBe(songlist());
    expect(() => findProject(data, "songlist")).toThrow(new NotFoundError("Project"));
    expect(fullPathOf(songlist())).toBe("songlist/songlist");
  });

  test("ensured once: a new namespace gets the next namespace id, a sibling shares its namespace's", () => {
    const first = ensureProject(data, "other/tools");
    expect(first.created).toBe(true);
    expect(first.project).toMatchObject({ id: 10, namespacePath: "other", path: "tools", namespaceId: 101 });
    expect(ensureProject(data, "other/tools")).toEqual({ project: first.project, created: false });
    expect(ensureProject(data, "songlist/docs").project).toMatchObject({ id: 11, namespaceId: 100 });
    expect(ensureProject(data, "group/sub/app").project).toMatchObject({ namespacePath: "group/sub", path: "app" });
  });

  test.each(["songlist", "/songlist", "songlist/", "song list/app", "a//b"])("the path %p is refused", (path) => {
    expect(() => ensureProject(data, path)).toThrow(
      new BadRequestError(`project path must be namespace/path: ${path}`),
    );
  });

  test("iids count per project from one past the highest", () => {
    const records = [
      { projectId: 1, iid: 4 },
      { projectId: 2, iid: 9 },
      { projectId: 1, iid: 2 },
    ];
    expect(nextIid(records, songlist())).toBe(5);
    expect(nextIid(records, other())).toBe(1);
  });
});

describe("CI/CD variables", () => {
  test("created with GitLab's defaults; hidden implies masked; a blank description is none", () => {
    const variable = createVariable(data, songlist(), { key: "DEPLOY_TOKEN", value: "not-secret", description: "" });
    expect(variable).toEqual({
      projectId: 1,
      key: "DEPLOY_TOKEN",
      value: "not-secret",
      variableType: "env_var",
      protected: false,
      masked: false,
      hidden: false,
      raw: false,
      environmentScope: "*",
      description: null,
    });
    const hidden = createVariable(data, songlist(), {
      key: "H",
      value: "abcdefgh",
      hidden: true,
      variableType: "file",
    });
    expect(hidden).toMatchObject({ masked: true, hidden: true, variableType: "file" });
  });

  test.each([
    ["a key with a dash", { key: "DEPLOY-TOKEN", value: "v" }, { key: ["can contain only letters, digits and '_'."] }],
    ["a masked value shorter than 8", { key: "K", value: "abc1234", masked: true }, { value: ["is invalid"] }],
    ["a masked value with a space", { key: "K", value: "abc 12345", masked: true }, { value: ["is invalid"] }],
    ["a masked value with $", { key: "K", value: "abc$12345", masked: true }, { value: ["is invalid"] }],
    [
      "a masked raw value with a space",
      { key: "K", value: "abc 12345", masked: true, raw: true },
      { value: ["is invalid"] },
    ],
    ["a blank scope", { key: "K", value: "v", environmentScope: "" }, { environment_scope: ["can't be blank"] }],
    [
      "several at once",
      { key: "K-1", value: "short", masked: true, environmentScope: "" },
      {
        key: ["can contain only letters, digits and '_'."],
        value: ["is invalid"],
        environment_scope: ["can't be blank"],
      },
    ],
  ])("refused: %s", (_, input, fields) => {
    expect(() => createVariable(data, songlist(), input)).toThrow(new ValidationError(fields));
    expect(variablesOf(data, songlist())).toHaveLength(2);
  });

  test("a masked raw value may hold what a masked value may not; an unmasked value anything", () => {
    expect(createVariable(data, songlist(), { key: "A", value: "abc$12345", masked: true, raw: true }).raw).toBe(true);
    expect(createVariable(data, songlist(), { key: "B", value: "a b" }).value).toBe("a b");
    expect(createVariable(data, songlist(), { key: "C", value: "user@host:~.1", masked: true }).masked).toBe(true);
  });

  test("a key is unique per project and scope", () => {
    expect(() =>
      createVariable(data, songlist(), { key: "HEROKU_APP_NAME", value: "x", environmentScope: "staging" }),
    ).toThrow(new ValidationError({ key: ["(HEROKU_APP_NAME) has already been taken"] }));
    createVariable(data, songlist(), { key: "HEROKU_APP_NAME", value: "p", environmentScope: "production" });
    createVariable(data, other(), { key: "HEROKU_APP_NAME", value: "o", environmentScope: "staging" });
    expect(variablesOf(data, other()).map((v) => v.value)).toEqual(["o"]);
  });

  test("found by key, narrowed by scope; a key in two scopes without a scope is ambiguous", () => {
    createVariable(data, songlist(), { key: "HEROKU_APP_NAME", value: "p", environmentScope: "production" });
    expect(() => findVariable(data, songlist(), "HEROKU_APP_NAME")).toThrow(
      new ConflictError(
        "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'",
      ),
    );
    expect(findVariable(data, songlist(), "HEROKU_APP_NAME", "production").value).toBe("p");
    expect(findVariable(data, songlist(), "HEROKU_API_KEY").value).toBe("api-secret");
    expect(() => findVariable(data, songlist(), "HEROKU_API_KEY", "staging")).toThrow(new NotFoundError("Variable"));
    expect(() => findVariable(data, other(), "HEROKU_API_KEY")).toThrow(NotFoundError);
  });

  test("an update changes what it names, keeps the rest, and is all or nothing", () => {
    const variable = data.gitlab.variables[0];
    updateVariable(data, variable, { value: "songlist-stage", description: "the app" });
    expect(variable).toMatchObject({ value: "songlist-stage", description: "the app", environmentScope: "staging" });
    updateVariable(data, variable, { protected: true, variableType: "file", environmentScope: "review/*" });
    expect(variable).toMatchObject({ protected: true, variableType: "file", environmentScope: "review/*" });
    expect(updateVariable(data, variable, { description: "" }).description).toBeNull();
    expect(updateVariable(data, variable, {}).value).toBe("songlist-stage");
    expect(() => updateVariable(data, variable, { masked: true, value: "short" })).toThrow(ValidationError);
    createVariable(data, songlist(), { key: "HEROKU_APP_NAME", value: "p", environmentScope: "production" });
    expect(() => updateVariable(data, variable, { environmentScope: "production" })).toThrow(
      new ValidationError({ key: ["(HEROKU_APP_NAME) has already been taken"] }),
    );
    expect(variable).toMatchObject({ key: "HEROKU_APP_NAME", value: "songlist-stage", masked: false });
    expect(updateVariable(data, variable, { raw: true, masked: true, value: "with$dollar" })).toMatchObject({
      raw: true,
      masked: true,
    });
  });

  test("a hidden variable cannot be unmasked; it may change otherwise", () => {
    const hidden = createVariable(data, songlist(), { key: "H", value: "abcdefgh", hidden: true });
    expect(() => updateVariable(data, hidden, { masked: false })).toThrow(
      new ValidationError({ masked: ["cannot be unmasked for a hidden variable"] }),
    );
    expect(updateVariable(data, hidden, { value: "ijklmnop" })).toMatchObject({ value: "ijklmnop", masked: true });
  });

  test("deleting one variable leaves the others", () => {
    deleteVariable(data, data.gitlab.variables[0]);
    expect(data.gitlab.variables.map((v) => v.key)).toEqual(["HEROKU_API_KEY"]);
  });

  test("a variable's update that does not name the description keeps it", () => {
    const variable = data.gitlab.variables[0];
    updateVariable(data, variable, { description: "the app" });
    expect(updateVariable(data, variable, { value: "songlist-stage" }).description).toBe("the app");
  });
});

describe("environments", () => {
  test.each([
    ["production", "production", "production"],
    ["stage", "stage", "staging"],
    ["pre-release", "pre-release", "staging"],
    ["model", "model", "staging"],
    ["qa", "qa", "testing"],
    ["test", "test", "testing"],
    ["dev", "dev", "development"],
    ["trunk", "trunk", "development"],
    ["sandbox", "sandbox", "other"],
  ])("%s: slug %s, tier %s", (name, slug, tier) => {
    expect(createEnvironment(data, songlist(), name, {})).toMatchObject({ name, slug, tier, state: "available" });
  });

  test.each([
    ["review/Feature_X", /^review-feature-x-[0-9a-f]{6}$/],
    ["Production", /^production-[0-9a-f]{6}$/],
    ["1st-env", /^st-env-[0-9a-f]{6}$/],
    ["---", /^env-[0-9a-f]{6}$/],
    ["a-very-long-environment-name-indeed", /^a-very-long-envir-[0-9a-f]{6}$/],
    ["review-app-", /^review-app-[0-9a-f]{6}$/],
  ])("a name that is not its own slug, %s, gets a suffixed slug", (name, slug) => {
    expect(createEnvironment(data, songlist(), name, {}).slug).toMatch(slug);
  });

  test("a name taken in the project is refused; another project may use it", () => {
    expect(() => createEnvironment(data, songlist(), "staging", {})).toThrow(
      new ValidationError({ name: ["has already been taken"] }),
    );
    expect(createEnvironment(data, other(), "staging", {}).projectId).toBe(10);
  });

  test("settings are applied on create; blank strings are none; only http(s) URLs", () => {
    const review = createEnvironment(data, songlist(), "review", {
      description: "",
      externalUrl: "https://review.example/",
      tier: "testing",
      autoStopSetting: "with_action",
      clusterAgentId: 3,
      kubernetesNamespace: "ns",
      fluxResourcePath: "flux/path",
    });
    expect(review).toMatchObject({
      id: 10,
      description: null,
      externalUrl: "https://review.example/",
      tier: "testing",
      autoStopSetting: "with_action",
      clusterAgentId: 3,
      kubernetesNamespace: "ns",
      fluxResourcePath: "flux/path",
    });
    for (const externalUrl of ["ftp://x.example", "javascript:alert(1)", "https://a b"]) {
      expect(() => createEnvironment(data, songlist(), "bad", { externalUrl })).toThrow(
        new ValidationError({ external_url: ["is blocked: Only allowed schemes are http, https"] }),
      );
    }
    expect(environmentsOf(data, songlist()).map((e) => e.name)).toEqual(["staging", "review"]);
  });

  test("an update keeps what it does not name and the name; a refused URL changes nothing", () => {
    const staging = data.gitlab.environments[0];
    updateEnvironment(staging, { description: "the staging app" });
    expect(staging).toMatchObject({ description: "the staging app", tier: "staging", externalUrl: expect.any(String) });
    updateEnvironment(staging, { externalUrl: "", tier: "other", clusterAgentId: null });
    expect(staging).toMatchObject({ externalUrl: null, tier: "other", description: "the staging app" });
    expect(() => updateEnvironment(staging, { externalUrl: "ssh://x", description: "changed" })).toThrow(
      ValidationError,
    );
    expect(staging.description).toBe("the staging app");
    expect(staging.name).toBe("staging");
  });

  test("found by id within the project, listed by name; deleted only once stopped", () => {
    const staging = data.gitlab.environments[0];
    expect(findEnvironment(data, songlist(), "2")).toBe(staging);
    expect(() => findEnvironment(data, other(), "2")).toThrow(new NotFoundError("Environment"));
    expect(environmentsOf(data, songlist(), "staging")).toEqual([staging]);
    expect(environmentsOf(data, songlist(), "production")).toEqual([]);
    expect(() => deleteEnvironment(data, staging)).toThrow(
      new ForbiddenError("Environment must be stopped before deletion"),
    );
    expect(stopEnvironment(staging).state).toBe("stopped");
    deleteEnvironment(data, staging);
    expect(data.gitlab.environments).toEqual([]);
  });

  test("an external URL must start with its scheme: text before https:// is refused", () => {
    expect(() => createEnvironment(data, songlist(), "qa", { externalUrl: "see https://qa.example/" })).toThrow(
      new ValidationError({ external_url: ["is blocked: Only allowed schemes are http, https"] }),
    );
  });
});

describe("protected tags", () => {
  test("the create access level comes first, then the allowed entries; a pattern once per project", () => {
    const tag = protectTag(data, songlist(), "release-*", 30, [
      { user_id: 7 },
      { group_id: 8, group_inheritance_type: 1 },
    ]);
    expect(tag.createAccessLevels).toEqual([
      role(10, 30),
      { id: 11, accessLevel: null, userId: 7, groupId: null, groupInheritanceType: 0 },
      { id: 12, accessLevel: null, userId: null, groupId: 8, groupInheritanceType: 1 },
    ]);
    expect(() => protectTag(data, songlist(), "v*", 40, [])).toThrow(
      new ConflictError("Protected tag 'v*' already exists"),
    );
    expect(protectTag(data, other(), "v*", 0, []).createAccessLevels).toEqual([role(14, 0)]);
  });

  test("an access level GitLab does not have is refused", () => {
    expect(() => protectTag(data, songlist(), "x", 50, [])).toThrow(
      new ValidationError({ access_level: ["is not included in the list"] }),
    );
    expect(() => protectTag(data, songlist(), "x", 40, [{ access_level: 20 }])).toThrow(ValidationError);
    expect(protectedTagsOf(data, songlist()).map((t) => t.name)).toEqual(["v*"]);
  });

  test("found by name within the project; unprotected alone", () => {
    expect(findProtectedTag(data, songlist(), "v*").name).toBe("v*");
    expect(() => findProtectedTag(data, other(), "v*")).toThrow(new NotFoundError("Protected tag"));
    protectTag(data, songlist(), "w*", 40, []);
    unprotectTag(data, findProtectedTag(data, songlist(), "v*"));
    expect(protectedTagsOf(data, songlist()).map((t) => t.name)).toEqual(["w*"]);
  });
});

describe("protected environments", () => {
  test("deploy levels default to Maintainers, approval rules keep their required approvals; one per name", () => {
    const review = protectEnvironment(
      data,
      songlist(),
      "review",
      [{}, { access_level: 30 }],
      [{ access_level: 40, required_approvals: 2 }],
    );
    expect(review.deployAccessLevels).toEqual([role(10, 40), role(11, 30)]);
    expect(review.approvalRules).toEqual([{ ...role(12, 40), requiredApprovals: 2 }]);
    expect(() => protectEnvironment(data, songlist(), "production", [{}], [])).toThrow(
      new ConflictError("Protected environment 'production' already exists"),
    );
    expect(() => protectEnvironment(data, songlist(), "qa", [], [])).toThrow(
      new ValidationError({ deploy_access_levels: ["is missing"] }),
    );
    expect(protectedEnvironmentsOf(data, songlist()).map((e) => e.name)).toEqual(["production", "review"]);
    expect(protectedEnvironmentsOf(data, other())).toEqual([]);
  });

  test("an update adds entries without an id, changes those with one, removes those marked _destroy", () => {
    const production = findProtectedEnvironment(data, songlist(), "production");
    updateProtectedEnvironment(
      data,
      production,
      [{ access_level: 30 }, { id: 4, _destroy: true }],
      [{ id: 5, required_approvals: 3 }, { user_id: 9 }],
    );
    expect(production.deployAccessLevels).toEqual([role(10, 30)]);
    expect(production.approvalRules).toEqual([
      { ...role(5, 40), requiredApprovals: 3 },
      { id: 12, accessLevel: null, userId: 9, groupId: null, groupInheritanceType: 0 },
    ]);
  });

  test("a changed entry keeps what it does not name; a user entry has no role", () => {
    const production = findProtectedEnvironment(data, songlist(), "production");
    updateProtectedEnvironment(data, production, [{ id: 4, group_inheritance_type: 1 }], [{ id: 5, user_id: 3 }]);
    expect(production.deployAccessLevels).toEqual([{ ...role(4, 40), groupInheritanceType: 1 }]);
    expect(production.approvalRules).toEqual([
      { id: 5, accessLevel: null, userId: 3, groupId: null, groupInheritanceType: 0, requiredApprovals: 1 },
    ]);
  });

  test("a field given as undefined is not named: the entry keeps it rather than taking the default", () => {
    const production = findProtectedEnvironment(data, songlist(), "production");
    updateProtectedEnvironment(data, production, [{ id: 4, access_level: 30 }], []);
    updateProtectedEnvironment(data, production, [{ id: 4, access_level: undefined, _destroy: false }], []);
    expect(production.deployAccessLevels).toEqual([role(4, 30)]);
  });

  test("all or nothing: an unknown id, or no deploy level left, changes nothing", () => {
    const production = findProtectedEnvironment(data, songlist(), "production");
    const before = structuredClone(production);
    expect(() => updateProtectedEnvironment(data, production, [{ access_level: 30 }], [{ id: 99 }])).toThrow(
      new ValidationError({ id: ["does not exist"] }),
    );
    expect(() => updateProtectedEnvironment(data, production, [{ id: 4, _destroy: true }], [])).toThrow(
      new ValidationError({ deploy_access_levels: ["is missing"] }),
    );
    expect(() => updateProtectedEnvironment(data, production, [{ id: 4, access_level: 45 }], [])).toThrow(
      new ValidationError({ access_level: ["is not included in the list"] }),
    );
    expect(production).toEqual(before);
  });

  test("found by name within the project; unprotected alone", () => {
    expect(() => findProtectedEnvironment(data, other(), "production")).toThrow(
      new NotFoundError("Protected environment"),
    );
    protectEnvironment(data, songlist(), "staging", [{}], []);
    unprotectEnvironment(data, findProtectedEnvironment(data, songlist(), "production"));
    expect(protectedEnvironmentsOf(data, songlist()).map((e) => e.name)).toEqual(["staging"]);
  });
});

describe("each project keeps its own records", () => {
  test("a project of the same path in another namespace is a new project", () => {
    const created = ensureProject(data, "other/songlist");
    expect(created.created).toBe(true);
    expect(created.project).toMatchObject({ namespacePath: "other", path: "songlist" });
    expect(created.project.id).not.toBe(songlist().id);
  });

  test("another project's protected tags and environments are neither listed, found nor in the way", () => {
    expect(protectedTagsOf(data, other())).toEqual([]);
    expect(() => findProtectedTag(data, other(), "v*")).toThrow(NotFoundError);
    expect(protectEnvironment(data, other(), "production", [{}], [])).toMatchObject({
      projectId: other().id,
      name: "production",
    });
    expect(protectedEnvironmentsOf(data, songlist())).toHaveLength(1);
  });

  test("deleting a stopped environment leaves every other environment", () => {
    const review = createEnvironment(data, songlist(), "review", {});
    deleteEnvironment(data, stopEnvironment(review));
    expect(data.gitlab.environments.map((environment) => environment.name)).toEqual(["staging"]);
  });

  test("a record that does not exist is reported by its kind and Not Found", () => {
    expect(() => findProject(data, "999")).toThrow(/^Project Not Found$/);
  });
});

describe("environment slugs", () => {
  test("a name of 24 characters that is already a slug is its own slug", () => {
    const name = "abcdefghijklmnopqrstuvwx";
    expect(createEnvironment(data, songlist(), name, {}).slug).toBe(name);
  });

  test("a longer name cut where a dash follows its 16th character loses that dash before the suffix", () => {
    const slug = createEnvironment(data, songlist(), "abcdefghijklmnop-qrstuvwxyz", {}).slug;
    expect(slug).toMatch(/^abcdefghijklmnop-[0-9a-f]{6}$/);
  });
});
