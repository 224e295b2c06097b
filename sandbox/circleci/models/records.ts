/** What the CircleCI model stores. Ids are UUIDs, as CircleCI's are; times are RFC 3339 with milliseconds. */

/** The owner of a context: an organization (or, on CircleCI server only, an account), known by its UUID. */
export type ContextOwnerType = "organization" | "account";

/**
 * A CircleCI project, known by its slug (`gh/org/repo`, `bb/org/repo`, `circleci/<org id>/<project id>`). The sandbox
 * holds only the projects its operator created (`POST /sandbox/circleci/projects`): CircleCI follows repositories,
 * which the sandbox has none of.
 */
export interface CircleciProjectRecord {
  id: string;
  /** The slug with its VCS segment in the short form (`gh`, `bb`, `circleci`). */
  slug: string;
  /** What a project restriction shows as its `name`: the repository's name by default. */
  name: string;
  /**
   * The organization the project belongs to, by id: the organizations of the sandbox's projects are the ones its user
   * is a member of, and so the only owners of contexts. Absent in state saved before organizations were checked (the
   * slug's organization stands for it then).
   */
  organizationId?: string;
  createdAt: string;
}

/** A project environment variable: the value is kept, never rendered (CircleCI shows `xxxx` and its end). */
export interface ProjectVariableRecord {
  projectId: string;
  name: string;
  value: string;
  createdAt: string;
}

/** A context: a named set of variables an owner shares between projects; its name is unique per owner. */
export interface ContextRecord {
  id: string;
  name: string;
  ownerId: string;
  ownerType: ContextOwnerType;
  createdAt: string;
}

/** A variable of a context; its value is kept and never rendered (CircleCI lists names and times only). */
export interface ContextVariableRecord {
  contextId: string;
  name: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** The kinds of restriction CircleCI puts on a context (`restriction_type`). */
export type RestrictionType = "project" | "expression";

/** A restriction of who may use a context: one project (by id), or an expression over pipeline values. */
export interface ContextRestrictionRecord {
  id: string;
  contextId: string;
  type: RestrictionType;
  /** The project's id for a project restriction, the expression for an expression restriction. */
  value: string;
  createdAt: string;
}
