// @ts-nocheck
import { INVALID_MESSAGE } from "../../api-plugin";
import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { createApp, deleteApp, findApp, setBuildpacks, updateApp } from "../models/apps";
import { changeConfigVars } from "../models/config-vars";
import { findRelease, releasesOf } from "../models/releases";
import type { AppRecord, ReleaseRecord } from "../models/records";
import { applyRange, parseRange } from "./range";
import { renderApp, renderBuildpacks, renderRelease, renderTeamApp } from "./render";
import { appName, body, boolean, configVars, nullableString, string, teamName } from "./schemas";

type AppParams = { Params: { app: string } };

const createSchema = body({ name: appName, region: string(), stack: string(), space: nullableString });

const teamCreateSchema = body(
  {
    name: appName,
    region: string(),
    stack: string(),
    space: nullableString,
    team: teamName,
    personal: boolean,
    locked: boolean,
    internal_routing: boolean,
  },
  ["team"],
);

/** Routes: personal and team apps, ACM, buildpacks, config vars and releases. */
export function appRoutes(server: FastifyInstance, store: Store): void {
  server.post<{ Body: { name?: string; region?: string; stack?: string; space?: string | null } }>(
    "/apps",
    { schema: { body: createSchema } },
    async (request, reply) => {
      const app = createApp(store.data, request.body);
      return reply.code(201).send(renderApp(store.data, app));
    },
  );

  server.post<{
    Body: {
      name?: string;
      region?: string;
      stack?: string;
      space?: string | null;
      team: string;
      personal?: boolean;
      locked?: boolean;
      internal_routing?: boolean;
    };
  }>("/teams/apps", { schema: { body: teamCreateSchema } }, async (request, reply) => {
    const { team, personal, locked, internal_routing: internalRouting, ...rest } = request.body;
    const app = createApp(store.data, { ...rest, team: personal === true ? null : team, locked, internalRouting });
    return reply.code(201).send(renderTeamApp(store.data, app));
  });

  server.get("/apps", async (request) => {
    const range = parseRange(request.headers.range, "name");
    const key = (a: AppRecord): string => (range.field === "id" ? a.id : a.name);
    return applyRange(store.data.apps, range, key).map((a) => renderApp(store.data, a));
  });

  server.get<AppParams>("/apps/:app", async (request) =>
    renderApp(store.data, findApp(store.data, request.params.app)),
  );

  server.get<AppParams>("/teams/apps/:app", async (request) =>
    renderTeamApp(store.data, findApp(store.data, request.params.app)),
  );

  server.patch<AppParams & { Body: { name?: string; build_stack?: string; maintenance?: boolean } }>(
    "/apps/:app",
    { schema: { body: body({ name: appName, build_stack: string(), maintenance: boolean }) } },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      const { name, build_stack: buildStack, maintenance } = request.body;
      return renderApp(store.data, updateApp(store.data, app, { name, buildStack, maintenance }));
    },
  );

  server.patch<AppParams & { Body: { name?: string; locked?: boolean } }>(
    "/teams/apps/:app",
    { schema: { body: body({ name: appName, locked: boolean }) } },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      return renderTeamApp(store.data, updateApp(store.data, app, request.body));
    },
  );

  server.delete<AppParams>("/apps/:app", async (request) => {
    const app = findApp(store.data, request.params.app);
    const rendered = renderApp(store.data, app);
    deleteApp(store.data, app);
    return rendered;
  });

  const setAcm = (idOrName: string, acm: boolean) =>
    renderApp(store.data, updateApp(store.data, findApp(store.data, idOrName), { acm }));
  server.post<AppParams>("/apps/:app/acm", async (request) => setAcm(request.params.app, true));
  server.patch<AppParams>("/apps/:app/acm", async (request) => setAcm(request.params.app, true));
  server.delete<AppParams>("/apps/:app/acm", async (request) => setAcm(request.params.app, false));

  server.get<AppParams>("/apps/:app/buildpack-installations", async (request) =>
    renderBuildpacks(findApp(store.data, request.params.app)),
  );

  server.put<AppParams & { Body: { updates: { buildpack: string }[] } }>(
    "/apps/:app/buildpack-installations",
    {
      schema: {
        body: body(
          {
            updates: {
              type: "array",
              items: body({ buildpack: { type: "string", pattern: "\\S" } }, ["buildpack"]),
              [INVALID_MESSAGE]: "updates must be a list of buildpacks.",
            },
          },
          ["updates"],
        ),
      },
    },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      return renderBuildpacks(
        setBuildpacks(
          app,
          request.body.updates.map((update) => update.buildpack),
        ),
      );
    },
  );

  server.get<AppParams>("/apps/:app/config-vars", async (request) => ({
    ...findApp(store.data, request.params.app).configVars,
  }));

  server.patch<AppParams & { Body: Record<string, string | null> }>(
    "/apps/:app/config-vars",
    { schema: { body: configVars } },
    async (request) => changeConfigVars(store.data, findApp(store.data, request.params.app), request.body),
  );

  server.get<AppParams>("/apps/:app/releases", async (request) => {
    const app = findApp(store.data, request.params.app);
    const range = parseRange(request.headers.range, "version");
    const key = (r: ReleaseRecord): string | number => (range.field === "id" ? r.id : r.version);
    return applyRange(releasesOf(store.data, app), range, key).map((r) => renderRelease(store.data, r));
  });

  server.get<{ Params: { app: string; release: string } }>("/apps/:app/releases/:release", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderRelease(store.data, findRelease(store.data, app, request.params.release));
  });
}
