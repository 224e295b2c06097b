import { nowIso, randomHex } from "../../ids";
import type { StoreData } from "../../store";
import { ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { nextId } from "./projects";
import type { EnvironmentRecord, ProjectRecord } from "./records";

/** GitLab's environment slug: lowercase, dashes for anything else, at most 24 characters, suffixed when altered. */
function slugify(name: string): string {
  let slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "-")
    .replace(/^[^a-z]+/, "")
    .replace(/-+/g, "-")
    .replace(/-$/, "");
  if (slug === "") slug = "env";
  if (slug !== name || slug.length > 24) slug = `${slug.slice(0, 17).replace(/-$/, "")}-${randomHex(6)}`;
  return slug;
}

/** GitLab guesses the tier from the name when none is given. */
function inferTier(name: string): string {
  if (/prod/i.test(name)) return "production";
  if (/stag|model|pre/i.test(name)) return "staging";
  if (/test|qa/i.test(name)) return "testing";
  if (/dev|review|trunk/i.test(name)) return "development";
  return "other";
}

/** The optional settings of an environment, as a create or update sends them. */
export interface EnvironmentSettings {
  description?: string | null;
  externalUrl?: string | null;
  tier?: string;
  autoStopSetting?: string;
  clusterAgentId?: number | null;
  kubernetesNamespace?: string | null;
  fluxResourcePath?: string | null;
}

/** Applies settings to a copy, checking what only the model can (the URL's scheme). */
function withSettings(environment: EnvironmentRecord, settings: EnvironmentSettings): EnvironmentRecord {
  const next = { ...environment };
  if (settings.description !== undefined) next.description = settings.description || null;
  if (settings.externalUrl !== undefined) {
    next.externalUrl = settings.externalUrl || null;
    if (next.externalUrl !== null && !/^https?:\/\/\S+$/.test(next.externalUrl)) {
      throw new ValidationError({ external_url: ["is blocked: Only allowed schemes are http, https"] });
    }
  }
  if (settings.tier !== undefined) next.tier = settings.tier;
  if (settings.autoStopSetting !== undefined) next.autoStopSetting = settings.autoStopSetting;
  if (settings.clusterAgentId !== undefined) next.clusterAgentId = settings.clusterAgentId;
  if (settings.kubernetesNamespace !== undefined) next.kubernetesNamespace = settings.kubernetesNamespace;
  if (settings.fluxResourcePath !== undefined) next.fluxResourcePath = settings.fluxResourcePath;
  return next;
}

export function environmentsOf(data: StoreData, project: ProjectRecord, name?: string): EnvironmentRecord[] {
  return data.gitlab.environments.filter((e) => e.projectId === project.id && (name === undefined || e.name === name));
}

export function findEnvironment(data: StoreData, project: ProjectRecord, id: string): EnvironmentRecord {
  const environment = data.gitlab.environments.find((e) => e.projectId === project.id && String(e.id) === id);
  if (!environment) throw new NotFoundError("Environment");
  return environment;
}

export function createEnvironment(
  data: StoreData,
  project: ProjectRecord,
  name: string,
  settings: EnvironmentSettings,
): EnvironmentRecord {
  if (data.gitlab.environments.some((e) => e.projectId === project.id && e.name === name)) {
    throw new ValidationError({ name: ["has already been taken"] });
  }
  const now = nowIso();
  const environment = withSettings(
    {
      id: 0,
      projectId: project.id,
      name,
      slug: slugify(name),
      description: null,
      externalUrl: null,
      tier: inferTier(name),
      state: "available",
      autoStopSetting: "always",
      clusterAgentId: null,
      kubernetesNamespace: null,
      fluxResourcePath: null,
      createdAt: now,
      updatedAt: now,
    },
    settings,
  );
  environment.id = nextId(data);
  data.gitlab.environments.push(environment);
  return environment;
}

/** Updates an environment's settings; GitLab ignores renames through this endpoint (the name is fixed). */
export function updateEnvironment(environment: EnvironmentRecord, settings: EnvironmentSettings): EnvironmentRecord {
  return Object.assign(environment, withSettings(environment, settings), { updatedAt: nowIso() });
}

export function stopEnvironment(environment: EnvironmentRecord): EnvironmentRecord {
  environment.state = "stopped";
  environment.updatedAt = nowIso();
  return environment;
}

/** Deletes a stopped environment; a running one must be stopped first. */
export function deleteEnvironment(data: StoreData, environment: EnvironmentRecord): void {
  if (environment.state !== "stopped") throw new ForbiddenError("Environment must be stopped before deletion");
  data.gitlab.environments = data.gitlab.environments.filter((e) => e !== environment);
}
