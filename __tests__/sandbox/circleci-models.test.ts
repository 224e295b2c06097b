/**
 * The sandbox's CircleCI model — projects, their variables, contexts, context variables and restrictions — called
 * in-process on a hand-built state: each rule's edge on its own, where the HTTP tests (circleci-routes.test.ts) show
 * the routes reach them.
 */
import { CIRCLECI_PATTERNS, maskedValue } from "../../sandbox/circleci/models/catalog";
import {
  contextsOf,
  createContext,
  deleteContext,
  findContext,
  memberOwner,
  resolveOwner,
} from "../../sandbox/circleci/models/contexts";
import {
  contextVariablesOf,
  deleteContextVariable,
  findContextVariable,
  putContextVariable,
} from "../../sandbox/circleci/models/context-variables";
import { ConflictError, InvalidError, NotFoundError } from "../../sandbox/circleci/models/errors";
import {
  canonicalSlug,
  ensureProject,
  findProjectBySlug,
  isKnownOrganization,
  organizationIdOfSlug,
  organizationOf,
  projectById,
} from "../../sandbox/circleci/models/projects";
import {
  deleteProjectVariable,
  findProjectVariable,
  projectVariablesOf,
  setProjectVariable,
} from "../../sandbox/circleci/models/project-variables";
import type { ContextRecord, CircleciProjectRecord } from "../../sandbox/circleci/models/records";
import {
  createRestriction,
  deleteRestriction,
  findRestriction,
  restrictionsOf,
} from "../../sandbox/circleci/models/restrictions";
import { withDefaults, type StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

const ORG = "3ddcf1d1-7f5f-4139-8cef-71ad0921a968";
const OTHER_ORG = "0e7c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
const AT = "2026-01-01T00:00:00.000Z";

/** A state with one project (`gh/acme/songlist`) and one context (`deploy` of ORG) holding one variable. */
function handBuilt(): { data: StoreData; project: CircleciProjectRecord; context: ContextRecord } {
  const data = consistentState();
  const project: CircleciProjectRecord = {
    id: "7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6",
    slug: "gh/acme/songlist",
    name: "songlist",
    organizationId: ORG,
    createdAt: AT,
  };
  const context: ContextRecord = {
    id: "11111111-2222-4333-8444-555555555555",
    name: "deploy",
    ownerId: ORG,
    ownerType: "organization",
    createdAt: AT,
  };
  data.circleci.projects.push(project);
  data.circleci.contexts.push(context);
  data.circleci.contextVariables.push({
    contextId: context.id,
    name: "TOKEN",
    value: "t0k3n",
    createdAt: AT,
    updatedAt: AT,
  });
  return { data, project, context };
}

describe("projects", () => {
  test("a slug's VCS has a long and a short spelling, and a slug has exactly three segments", () => {
    expect(canonicalSlug("github/acme/songlist")).toBe("gh/acme/songlist");
    expect(canonicalSlug("bitbucket/acme/songlist")).toBe("bb/acme/songlist");
    expect(canonicalSlug("circleci/8e4z1Akd74woxagxnvLT5q/CzMcAU8dvQo4FJhyj87QsA")).toBe(
      "circleci/8e4z1Akd74woxagxnvLT5q/CzMcAU8dvQo4FJhyj87QsA",
    );
    expect(canonicalSlug("gitlab/acme/songlist")).toBeUndefined();
    expect(canonicalSlug("gh/acme")).toBeUndefined();
    expect(canonicalSlug("gh/acme/songlist/extra")).toBeUndefined();
    expect(canonicalSlug("gh/acme/song list")).toBeUndefined();
    expect(canonicalSlug("toString/acme/songlist")).toBeUndefined();
  });

  test("a project is found by any spelling of its slug; an unknown one is not found", () => {
    const { data, project } = handBuilt();
    expect(findProjectBySlug(data, "github/acme/songlist")).toBe(project);
    expect(() => findProjectBySlug(data, "gh/acme/other")).toThrow(new NotFoundError("Project"));
    expect(() => findProjectBySlug(data, "not a slug")).toThrow(NotFoundError);
  });

  test("ensureProject creates once, keeps a given id and name, and refuses bad slugs and ids", () => {
    const { data, project } = handBuilt();
    expect(ensureProject(data, "github/acme/songlist")).toEqual({ project, created: false });
    const made = ensureProject(data, "bb/acme/api", { id: "AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE", name: "API" });
    expect(made.created).toBe(true);
    expect(made.project).toMatchObject({
      id: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
      slug: "bb/acme/api",
      name: "API",
    });
    expect(projectById(data, "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")).toBe(made.project);
    expect(ensureProject(data, "gh/acme/web").project.name).toBe("web");
    expect(() => ensureProject(data, "svn/acme/web")).toThrow(/slug "svn\/acme\/web" is not a project slug/);
    expect(() => ensureProject(data, "gh/acme/new", { id: "42" })).toThrow(new InvalidError('id "42" is not a UUID'));
    expect(() => ensureProject(data, "gh/acme/new", { id: project.id })).toThrow(/belongs to another project/);
    expect(() => ensureProject(data, "gh/acme/new", { organizationId: "acme" })).toThrow(
      new InvalidError('organizationId "acme" is not a UUID'),
    );
    expect(projectById(data, "gh/acme/new")).toBeUndefined();
  });

  test("a project's organization: the one named, else its slug's (the same for every spelling of the VCS)", () => {
    const { data } = handBuilt();
    const named = ensureProject(data, "gh/acme/named", { organizationId: OTHER_ORG.toUpperCase() }).project;
    expect(organizationOf(named)).toBe(OTHER_ORG);
    const unnamed = ensureProject(data, "github/widgets/app").project;
    expect(organizationOf(unnamed)).toBe(organizationIdOfSlug("gh/widgets"));
    expect(organizationIdOfSlug("github/widgets")).toBe(organizationIdOfSlug("gh/widgets"));
    expect(organizationIdOfSlug("gh/widgets")).not.toBe(organizationIdOfSlug("bb/widgets"));
    expect(organizationIdOfSlug("gh/widgets")).toMatch(CIRCLECI_PATTERNS.uuid);
    // A project of CircleCI's own integrations names its organization's id in its slug.
    const own = ensureProject(data, `circleci/${OTHER_ORG.toUpperCase()}/${ORG}`).project;
    expect(organizationOf(own)).toBe(OTHER_ORG);
    // State saved before organizations were recorded: the slug's organization stands for it.
    const saved = { ...named };
    delete saved.organizationId;
    expect(organizationOf(saved)).toBe(organizationIdOfSlug("gh/acme"));
  });
});

describe("project variables", () => {
  test("the name rule: letters, digits and '_', not starting with a digit", () => {
    const { data, project } = handBuilt();
    for (const name of ["A", "_", "DATABASE_URL", "a1"])
      expect(setProjectVariable(data, project, name, "v").name).toBe(name);
    for (const name of ["", "1A", "A-B", "A B", "É"]) {
      expect(() => setProjectVariable(data, project, name, "v")).toThrow(
        `name "${name}" is not a valid environment variable name`,
      );
    }
  });

  test("setting a name twice replaces the variable; find and delete address one project's variable", () => {
    const { data, project } = handBuilt();
    const other = ensureProject(data, "gh/acme/other").project;
    setProjectVariable(data, project, "KEY", "first");
    setProjectVariable(data, other, "KEY", "elsewhere");
    const second = setProjectVariable(data, project, "KEY", "second");
    expect(projectVariablesOf(data, project)).toEqual([second]);
    expect(findProjectVariable(data, project, "KEY").value).toBe("second");
    deleteProjectVariable(data, second);
    expect(() => findProjectVariable(data, project, "KEY")).toThrow(new NotFoundError("Environment variable"));
    expect(findProjectVariable(data, other, "KEY").value).toBe("elsewhere");
  });

  test("a masked value shows 'xxxx' and the last four characters, and never a whole value", () => {
    expect(maskedValue("s3cr3t-value")).toBe("xxxxalue");
    expect(maskedValue("12345")).toBe("xxxx2345");
    expect(maskedValue("1234")).toBe("xxxx");
    expect(maskedValue("")).toBe("xxxx");
  });
});

describe("contexts", () => {
  test("an owner is an id (organization by default) or a slug, exactly one of them", () => {
    expect(resolveOwner({ id: ORG.toUpperCase() })).toEqual({ id: ORG, type: "organization" });
    expect(resolveOwner({ id: ORG, type: "account" })).toEqual({ id: ORG, type: "account" });
    const bySlug = resolveOwner({ slug: "gh/acme" });
    expect(bySlug.type).toBe("organization");
    expect(bySlug.id).toMatch(CIRCLECI_PATTERNS.uuid);
    expect(resolveOwner({ slug: "gh/acme" })).toEqual(bySlug);
    expect(resolveOwner({ slug: "gh/other" }).id).not.toBe(bySlug.id);
    expect(() => resolveOwner({})).toThrow("owner needs exactly one of id and slug");
    expect(() => resolveOwner({ id: ORG, slug: "gh/acme" })).toThrow("owner needs exactly one of id and slug");
    expect(() => resolveOwner({ id: "acme" })).toThrow('owner id "acme" is not a UUID');
    expect(() => resolveOwner({ id: ORG, type: "team" })).toThrow('owner type "team" is not one of');
    expect(() => resolveOwner({ slug: "gh/acme", type: "account" })).toThrow("cannot be named by a slug");
    expect(() => resolveOwner({ slug: " " })).toThrow("is blank");
  });

  test("contexts belong only to an organization one of the projects belongs to (an account is not modelled)", () => {
    const { data } = handBuilt();
    expect(isKnownOrganization(data, ORG.toUpperCase())).toBe(true);
    expect(isKnownOrganization(data, OTHER_ORG)).toBe(false);
    expect(memberOwner(data, { id: ORG })).toEqual({ id: ORG, type: "organization" });
    expect(() => memberOwner(data, { id: OTHER_ORG })).toThrow(new NotFoundError("Organization"));
    expect(() => memberOwner(data, { slug: "gh/acme" })).toThrow(new NotFoundError("Organization"));
    expect(memberOwner(data, { id: OTHER_ORG, type: "account" })).toEqual({ id: OTHER_ORG, type: "account" });
    ensureProject(data, "github/acme/web");
    expect(memberOwner(data, { slug: "gh/acme" }).id).toBe(organizationIdOfSlug("gh/acme"));
    expect(() => memberOwner(data, { id: "acme" })).toThrow(InvalidError);
  });

  test("a name is unique per owner, not across owners, and never blank", () => {
    const { data, context } = handBuilt();
    const org = resolveOwner({ id: ORG });
    expect(() => createContext(data, "deploy", org)).toThrow(
      new ConflictError("A context already exists with this name"),
    );
    const elsewhere = createContext(data, "deploy", resolveOwner({ id: OTHER_ORG }));
    const asAccount = createContext(data, "deploy", resolveOwner({ id: ORG, type: "account" }));
    expect(contextsOf(data, org)).toEqual([context]);
    expect(contextsOf(data, resolveOwner({ id: OTHER_ORG }))).toEqual([elsewhere]);
    expect(asAccount.ownerType).toBe("account");
    expect(() => createContext(data, " ", org)).toThrow(InvalidError);
  });

  test("a context is found by its id in any case; anything else is not found", () => {
    const { data, context } = handBuilt();
    expect(findContext(data, context.id.toUpperCase())).toBe(context);
    expect(() => findContext(data, "11111111-2222-4333-8444-000000000000")).toThrow(new NotFoundError("Context"));
    expect(() => findContext(data, "deploy")).toThrow(NotFoundError);
  });

  test("deleting a context deletes its variables and restrictions, and only its own", () => {
    const { data, context, project } = handBuilt();
    const other = createContext(data, "other", resolveOwner({ id: ORG }));
    putContextVariable(data, other, "KEPT", "v");
    createRestriction(data, context, "project", project.id);
    const keptRestriction = createRestriction(data, other, "project", project.id);
    deleteContext(data, context);
    expect(data.circleci.contexts).toEqual([other]);
    expect(data.circleci.contextVariables.map((v) => v.name)).toEqual(["KEPT"]);
    expect(data.circleci.restrictions).toEqual([keptRestriction]);
  });
});

describe("context variables", () => {
  test("put creates, then updates the value and updatedAt and keeps createdAt", () => {
    const { data, context } = handBuilt();
    const updated = putContextVariable(data, context, "TOKEN", "n3w");
    expect(updated).toMatchObject({ value: "n3w", createdAt: AT });
    expect(updated.updatedAt).not.toBe(AT);
    const created = putContextVariable(data, context, "OTHER", "v");
    expect(created.createdAt).toBe(created.updatedAt);
    expect(contextVariablesOf(data, context).map((v) => v.name)).toEqual(["TOKEN", "OTHER"]);
  });

  test("the name rule applies to context variables too", () => {
    const { data, context } = handBuilt();
    expect(() => putContextVariable(data, context, "9LIVES", "v")).toThrow(InvalidError);
    expect(contextVariablesOf(data, context)).toHaveLength(1);
  });

  test("find and delete one variable; an unknown one is not found", () => {
    const { data, context } = handBuilt();
    deleteContextVariable(data, findContextVariable(data, context, "TOKEN"));
    expect(contextVariablesOf(data, context)).toEqual([]);
    expect(() => findContextVariable(data, context, "TOKEN")).toThrow(new NotFoundError("Environment variable"));
  });
});

describe("restrictions", () => {
  test("a project restriction names a project the sandbox has, by UUID", () => {
    const { data, context, project } = handBuilt();
    const restriction = createRestriction(data, context, "project", project.id.toUpperCase());
    expect(restriction).toMatchObject({ contextId: context.id, type: "project", value: project.id });
    expect(() => createRestriction(data, context, "project", "songlist")).toThrow(
      new InvalidError('restriction_value "songlist" is not a project id (a UUID)'),
    );
    expect(() => createRestriction(data, context, "project", "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee")).toThrow(
      new NotFoundError("Project"),
    );
  });

  test("an expression restriction takes any non-blank expression; other types are refused", () => {
    const { data, context } = handBuilt();
    expect(createRestriction(data, context, "expression", 'pipeline.git.branch == "main"').type).toBe("expression");
    expect(() => createRestriction(data, context, "expression", "  ")).toThrow(/is blank/);
    expect(() => createRestriction(data, context, "group", "x")).toThrow(
      'restriction_type "group" is not one of project, expression',
    );
  });

  test("the same restriction twice is a conflict; the same value on another context is not", () => {
    const { data, context, project } = handBuilt();
    createRestriction(data, context, "project", project.id);
    expect(() => createRestriction(data, context, "project", project.id)).toThrow(ConflictError);
    const other = createContext(data, "other", resolveOwner({ id: ORG }));
    expect(() => createRestriction(data, other, "project", project.id)).not.toThrow();
  });

  test("find and delete within a context; another context's restriction is not found", () => {
    const { data, context, project } = handBuilt();
    const restriction = createRestriction(data, context, "project", project.id);
    const other = createContext(data, "other", resolveOwner({ id: ORG }));
    expect(() => findRestriction(data, other, restriction.id)).toThrow(new NotFoundError("Context restriction"));
    deleteRestriction(data, findRestriction(data, context, restriction.id.toUpperCase()));
    expect(restrictionsOf(data, context)).toEqual([]);
  });
});

test("a state file written before CircleCI existed loads with empty CircleCI collections", () => {
  const older = consistentState() as Partial<StoreData>;
  delete older.circleci;
  expect(withDefaults(older).circleci).toEqual({
    projects: [],
    projectVariables: [],
    contexts: [],
    contextVariables: [],
    restrictions: [],
  });
  const partial = withDefaults({ ...older, circleci: { contexts: [] } as unknown as StoreData["circleci"] });
  expect(partial.circleci.restrictions).toEqual([]);
});
