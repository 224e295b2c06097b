import { generatedName, newId, nowIso, randomHex } from "../../ids";
import type { StoreData } from "../../store";
import { removeAddon } from "./addons";
import { buildableStack, DEFAULT_STACK, regionNamed } from "./catalog";
import { InvalidParamsError, NotFoundError } from "./errors";
import type { AppRecord } from "./records";
import { createRelease } from "./releases";
import { removeSlugsOf } from "./slugs";
import { findTeam } from "./teams";

/** What creating an app takes; the route has already checked the shapes. */
export interface AppInput {
  name?: string;
  region?: string;
  stack?: string;
  space?: string | null;
  /** Team name for a team app. */
  team?: string | null;
  locked?: boolean;
  internalRouting?: boolean;
}

/** Resolves an app by UUID or name, as every `/apps/{app}` route of the Platform API allows. */
export function findApp(data: StoreData, idOrName: string): AppRecord {
  const app = data.apps.find((a) => a.id === idOrName || a.name === idOrName);
  if (!app) throw NotFoundError.of("app");
  return app;
}

function uniqueName(data: StoreData, name: string, except?: AppRecord): string {
  if (data.apps.some((a) => a.name === name && a !== except)) throw new InvalidParamsError("Name is already taken");
  return name;
}

/** Creates an app with Heroku's release v1 (the provider fails app create with "no release found" otherwise). */
export function createApp(data: StoreData, input: AppInput): AppRecord {
  const name = uniqueName(data, input.name ?? generatedName());
  const region = regionNamed(input.region ?? "us").name;
  const stack = buildableStack(input.stack ?? DEFAULT_STACK).name;
  if (input.space) throw new InvalidParamsError("Private spaces are not available in the sandbox.");
  // A team app only in a team the user belongs to; Heroku answers any other as a team it cannot find.
  const team = input.team ? findTeam(data, input.team).name : null;
  const now = nowIso();
  const app: AppRecord = {
    id: newId(),
    name,
    region,
    stack,
    buildStack: stack,
    team,
    locked: team !== null && input.locked === true,
    internalRouting: team !== null ? input.internalRouting === true : null,
    acm: false,
    maintenance: false,
    webSuffix: randomHex(12),
    configVars: {},
    buildpacks: [],
    processTypes: {},
    createdAt: now,
    updatedAt: now,
    releasedAt: null,
  };
  data.apps.push(app);
  createRelease(data, app, "Initial release");
  return app;
}

/** What an app update may change. */
export interface AppChanges {
  name?: string;
  buildStack?: string;
  maintenance?: boolean;
  locked?: boolean;
  acm?: boolean;
}

/** Applies an update, all or nothing: every value is checked before any is changed. */
export function updateApp(data: StoreData, app: AppRecord, changes: AppChanges): AppRecord {
  const name = changes.name === undefined ? app.name : uniqueName(data, changes.name, app);
  const buildStack = changes.buildStack === undefined ? app.buildStack : buildableStack(changes.buildStack).name;
  Object.assign(app, {
    name,
    buildStack,
    maintenance: changes.maintenance ?? app.maintenance,
    locked: changes.locked ?? app.locked,
    acm: changes.acm ?? app.acm,
    updatedAt: nowIso(),
  });
  return app;
}

/** Replaces an app's buildpacks (registry names or URLs, kept exactly as given). */
export function setBuildpacks(app: AppRecord, buildpacks: string[]): AppRecord {
  app.buildpacks = [...buildpacks];
  app.updatedAt = nowIso();
  return app;
}

/**
 * Deletes an app and everything that exists only through it: the add-ons it owns (with their attachments elsewhere,
 * which takes their config vars off the other apps), its own attachments of other apps' add-ons, its releases,
 * pipeline coupling, formation, domains, drains and SNI endpoints, and its slugs that no other app's release runs.
 */
export function deleteApp(data: StoreData, app: AppRecord): void {
  for (const addon of data.addons.filter((a) => a.appId === app.id)) removeAddon(data, addon);
  const keep = <T extends { appId: string }>(list: T[]): T[] => list.filter((item) => item.appId !== app.id);
  data.attachments = keep(data.attachments);
  data.releases = keep(data.releases);
  data.couplings = keep(data.couplings);
  data.formations = keep(data.formations);
  data.domains = keep(data.domains);
  data.drains = keep(data.drains);
  data.sniEndpoints = keep(data.sniEndpoints);
  removeSlugsOf(data, app);
  data.apps = data.apps.filter((a) => a !== app);
}
