import type { StoreData } from "../../store";
import { newId, nowIso, stableId } from "../../ids";
import { CIRCLECI_PATTERNS, PROJECT_SLUG_VCS } from "./catalog";
import { InvalidError, NotFoundError } from "./errors";
import type { CircleciProjectRecord } from "./records";

/**
 * A slug in the form the sandbox stores (`github/org/repo` → `gh/org/repo`), or undefined when it is not a project
 * slug: a known VCS and two segments after it.
 */
export function canonicalSlug(slug: string): string | undefined {
  const [vcs, ...rest] = slug.split("/");
  const short = Object.hasOwn(PROJECT_SLUG_VCS, vcs) ? PROJECT_SLUG_VCS[vcs] : undefined;
  if (!short || rest.length !== 2 || !rest.every((segment) => CIRCLECI_PATTERNS.slugSegment.test(segment))) {
    return undefined;
  }
  return [short, ...rest].join("/");
}

/**
 * The id of the organization a slug's organization segment names (`gh/acme` of `gh/acme/api`), the same on every call:
 * what the sandbox takes for a project's organization when its operator names none, and for a context owner named by
 * slug.
 */
export function organizationIdOfSlug(organizationSlug: string): string {
  const [vcs, name] = organizationSlug.split("/");
  const short = Object.hasOwn(PROJECT_SLUG_VCS, vcs) ? PROJECT_SLUG_VCS[vcs] : vcs;
  // A slug of CircleCI's own integrations names the organization by its id: `circleci/<organization id>/<project id>`.
  if (short === "circleci" && CIRCLECI_PATTERNS.uuid.test(name ?? "")) return name.toLowerCase();
  return stableId("circleci-organization", `${short}/${name}`);
}

/** The organization a project belongs to: the one its operator named, else its slug's. */
export function organizationOf(project: CircleciProjectRecord): string {
  return project.organizationId ?? organizationIdOfSlug(project.slug.split("/").slice(0, 2).join("/"));
}

/** Whether the sandbox's user is a member of an organization: one of its projects belongs to it. */
export function isKnownOrganization(data: StoreData, organizationId: string): boolean {
  return data.circleci.projects.some((project) => organizationOf(project) === organizationId.toLowerCase());
}

/** The project a slug names, in any of its VCS spellings; CircleCI answers 404 for a project it does not follow. */
export function findProjectBySlug(data: StoreData, slug: string): CircleciProjectRecord {
  const canonical = canonicalSlug(slug);
  const project = data.circleci.projects.find((p) => p.slug === canonical);
  if (!project) throw new NotFoundError("Project");
  return project;
}

/** The project with this id, if the sandbox has it. */
export function projectById(data: StoreData, id: string): CircleciProjectRecord | undefined {
  return data.circleci.projects.find((p) => p.id === id);
}

/** What the operator may choose for a project beside its slug. */
export interface ProjectInput {
  /**
   * The project's UUID, for a scenario that must match ids known elsewhere (a restriction's value).
   *
   * @default - a new random UUID.
   */
  id?: string;
  /**
   * The project's name.
   *
   * @default - the slug's last segment.
   */
  name?: string;
  /**
   * The organization the project belongs to, by id, for a scenario whose contexts name a known organization id.
   *
   * @default - an id derived from the slug's organization, the same on every call.
   */
  organizationId?: string;
}

/**
 * Creates the project a slug names unless it exists (the sandbox's stand-in for following a repository); an existing
 * project is returned unchanged. Refuses a slug that is not one, and an id that is not a UUID or is another project's.
 */
export function ensureProject(
  data: StoreData,
  slug: string,
  input: ProjectInput = {},
): { project: CircleciProjectRecord; created: boolean } {
  const canonical = canonicalSlug(slug);
  if (!canonical) {
    const vcs = Object.keys(PROJECT_SLUG_VCS).join(", ");
    throw new InvalidError(
      `slug "${slug}" is not a project slug: <vcs>/<organization>/<repository>, vcs one of ${vcs}`,
    );
  }
  const existing = data.circleci.projects.find((p) => p.slug === canonical);
  if (existing) return { project: existing, created: false };
  if (input.id !== undefined && !CIRCLECI_PATTERNS.uuid.test(input.id)) {
    throw new InvalidError(`id "${input.id}" is not a UUID`);
  }
  if (input.organizationId !== undefined && !CIRCLECI_PATTERNS.uuid.test(input.organizationId)) {
    throw new InvalidError(`organizationId "${input.organizationId}" is not a UUID`);
  }
  const id = input.id?.toLowerCase() ?? newId();
  if (projectById(data, id)) throw new InvalidError(`id "${id}" belongs to another project`);
  const project: CircleciProjectRecord = {
    id,
    slug: canonical,
    name: input.name ?? canonical.split("/")[2],
    organizationId: input.organizationId?.toLowerCase() ?? organizationIdOfSlug(canonical),
    createdAt: nowIso(),
  };
  data.circleci.projects.push(project);
  return { project, created: true };
}
