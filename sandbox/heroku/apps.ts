import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { generatedName, newId, nowIso, randomHex, stableId } from "../ids";
import type { AppRecord, StoreData } from "../store";
import { removeAddon } from "./addons";
import { checkRegion, checkStack, DEFAULT_STACK, GENERATION, regionRef, stackRef } from "./catalog";
import { invalidParams } from "./errors";
import { bodyOf, findApp } from "./lookup";
import { applyRange, parseRange } from "./range";
import { createRelease } from "./releases";

/** The API's app name rule (`definitions.app.definitions.name.pattern`); the provider itself does not check it. */
const APP_NAME = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

/** Team names as Heroku allows them. */
const TEAM_NAME = /^[a-z][a-z0-9-]*$/;

function checkAppName(data: StoreData, name: unknown, except?: AppRecord): string {
  if (typeof name !== "string" || !APP_NAME.test(name)) {
    throw invalidParams(
      "Name must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.",
    );
  }
  if (data.apps.some((a) => a.name === name && a !== except)) throw invalidParams("Name is already taken");
  return name;
}

function ownerOf(data: StoreData, app: AppRecord): { id: string; email: string } {
  // Team apps are owned by the team's pseudo-user, as on Heroku.
  return app.team
    ? { id: stableId("team-owner", app.team), email: `${app.team}@herokumanager.com` }
    : { id: data.account.id, email: data.account.email };
}

/** The app as `GET /apps/{app}` renders it (every property of `definitions.app`). */
export function renderApp(data: StoreData, app: AppRecord) {
  const team = app.team ? { id: stableId("team", app.team), name: app.team } : null;
  return {
    acm: app.acm,
    archived_at: null,
    buildpack_provided_description: app.buildpacks.length ? app.buildpacks[0] : null,
    build_stack: stackRef(app.buildStack),
    created_at: app.createdAt,
    generation: { ...GENERATION },
    git_url: `https://git.heroku.com/${app.name}.git`,
    id: app.id,
    internal_routing: app.internalRouting,
    maintenance: app.maintenance,
    name: app.name,
    owner: ownerOf(data, app),
    organization: team,
    team,
    region: regionRef(app.region),
    released_at: app.releasedAt,
    repo_size: null,
    slug_size: null,
    space: null,
    stack: stackRef(app.stack),
    updated_at: app.updatedAt,
    web_url: `https://${app.name}-${app.webSuffix}.herokuapp.com/`,
  };
}

/** The app as `GET /teams/apps/{app}` renders it (`definitions.team-app`). */
export function renderTeamApp(data: StoreData, app: AppRecord) {
  // team-app has no acm, generation or organization, and its team carries only the name.
  const rendered: Partial<ReturnType<typeof renderApp>> = renderApp(data, app);
  delete rendered.acm;
  delete rendered.generation;
  delete rendered.organization;
  return { ...rendered, joined: false, locked: app.locked, team: app.team ? { name: app.team } : null };
}

function createApp(data: StoreData, body: Record<string, unknown>, team: string | null): AppRecord {
  const name = checkAppName(data, body.name ?? generatedName());
  const region = checkRegion(body.region ?? "us");
  const stack = checkStack(body.stack ?? DEFAULT_STACK);
  if (body.space !== undefined && body.space !== null && body.space !== "") {
    throw invalidParams("Private spaces are not available in the sandbox.");
  }
  const now = nowIso();
  const app: AppRecord = {
    id: newId(),
    name,
    region,
    stack,
    buildStack: stack,
    team,
    locked: team !== null && body.locked === true,
    internalRouting: team !== null ? body.internal_routing === true : null,
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
  // Heroku gives every new app release v1; the provider fails app create with "no release found" otherwise.
  createRelease(data, app, "Initial release");
  return app;
}

/** Deletes an app and everything that only exists through it. */
function deleteApp(data: StoreData, app: AppRecord): void {
  for (const addon of data.addons.filter((a) => a.appId === app.id)) removeAddon(data, addon);
  for (const attachment of data.attachments.filter((a) => a.appId === app.id)) {
    data.attachments.splice(data.attachments.indexOf(attachment), 1);
  }
  const keep = <T extends { appId: string }>(list: T[]): T[] => list.filter((item) => item.appId !== app.id);
  data.releases = keep(data.releases);
  data.couplings = keep(data.couplings);
  data.formations = keep(data.formations);
  data.domains = keep(data.domains);
  data.drains = keep(data.drains);
  data.apps = data.apps.filter((a) => a !== app);
}

/** Routes: personal and team apps, their update and delete, and ACM. */
export function registerAppRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.post("/apps", async (request, reply) => {
    const app = createApp(store.data, bodyOf(request), null);
    return reply.code(201).send(renderApp(store.data, app));
  });

  server.post("/teams/apps", async (request, reply) => {
    const body = bodyOf(request);
    if (typeof body.team !== "string" || !TEAM_NAME.test(body.team)) throw invalidParams("Team name is invalid.");
    const app = createApp(store.data, body, body.personal === true ? null : body.team);
    return reply.code(201).send(renderTeamApp(store.data, app));
  });

  server.get("/apps", async (request) => {
    const range = parseRange(request.headers.range, "name");
    const key = (a: AppRecord): string => (range.field === "id" ? a.id : a.name);
    return applyRange(store.data.apps, range, key).map((a) => renderApp(store.data, a));
  });

  server.get<{ Params: { app: string } }>("/apps/:app", async (request) => {
    return renderApp(store.data, findApp(store.data, request.params.app));
  });

  server.get<{ Params: { app: string } }>("/teams/apps/:app", async (request) => {
    return renderTeamApp(store.data, findApp(store.data, request.params.app));
  });

  server.patch<{ Params: { app: string } }>("/apps/:app", async (request) => {
    const app = findApp(store.data, request.params.app);
    const body = bodyOf(request);
    if (body.name !== undefined) app.name = checkAppName(store.data, body.name, app);
    if (body.build_stack !== undefined) app.buildStack = checkStack(body.build_stack);
    if (body.maintenance !== undefined) app.maintenance = body.maintenance === true;
    app.updatedAt = nowIso();
    return renderApp(store.data, app);
  });

  server.patch<{ Params: { app: string } }>("/teams/apps/:app", async (request) => {
    const app = findApp(store.data, request.params.app);
    const body = bodyOf(request);
    if (body.locked !== undefined) app.locked = body.locked === true;
    if (body.name !== undefined) app.name = checkAppName(store.data, body.name, app);
    app.updatedAt = nowIso();
    return renderTeamApp(store.data, app);
  });

  server.delete<{ Params: { app: string } }>("/apps/:app", async (request) => {
    const app = findApp(store.data, request.params.app);
    const rendered = renderApp(store.data, app);
    deleteApp(store.data, app);
    return rendered;
  });

  const setAcm = (idOrName: string, enabled: boolean) => {
    const app = findApp(store.data, idOrName);
    app.acm = enabled;
    app.updatedAt = nowIso();
    return renderApp(store.data, app);
  };
  server.post<{ Params: { app: string } }>("/apps/:app/acm", async (request) => setAcm(request.params.app, true));
  server.patch<{ Params: { app: string } }>("/apps/:app/acm", async (request) => setAcm(request.params.app, true));
  server.delete<{ Params: { app: string } }>("/apps/:app/acm", async (request) => setAcm(request.params.app, false));
}
