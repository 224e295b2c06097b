// @ts-nocheck
import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import {
  addonsOf,
  attach,
  changeAddon,
  deprovisionAddon,
  detach,
  findAddon,
  findAppAddon,
  findAttachment,
  observeAddon,
  provisionAddon,
} from "../models/addons";
import { findApp } from "../models/apps";
import { renderAddon, renderAttachment } from "./render";
import { addonName, attachmentName, body, nullableString, string } from "./schemas";

type AppAddonParams = { Params: { app: string; addon: string } };

const provisionSchema = body(
  {
    plan: string(),
    name: addonName,
    confirm: nullableString,
    config: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
    attachment: body({ name: attachmentName }),
  },
  ["plan"],
);

/** Routes: provision, read, list, change plan and delete add-ons; attach and detach them. */
export function addonRoutes(server: FastifyInstance, store: Store): void {
  server.post<{
    Params: { app: string };
    Body: {
      plan: string;
      name?: string;
      confirm?: string | null;
      config?: Record<string, string | number | boolean>;
      attachment?: { name?: string | null };
    };
  }>("/apps/:app/addons", { schema: { body: provisionSchema } }, async (request, reply) => {
    const app = findApp(store.data, request.params.app);
    const { config, attachment, ...rest } = request.body;
    const addon = provisionAddon(store.data, app, {
      ...rest,
      config: Object.fromEntries(Object.entries(config ?? {}).map(([k, v]) => [k, String(v)])),
      attachmentName: attachment?.name ?? undefined,
    });
    // 202 Accepted: provisioning continues after the response, as for Heroku's asynchronous add-ons.
    return reply.code(202).send(renderAddon(store.data, addon));
  });

  server.get("/addons", async () => store.data.addons.map((a) => renderAddon(store.data, a)));

  server.get<{ Params: { addon: string } }>("/addons/:addon", async (request) =>
    renderAddon(store.data, observeAddon(findAddon(store.data, request.params.addon))),
  );

  server.get<{ Params: { app: string } }>("/apps/:app/addons", async (request) => {
    const app = findApp(store.data, request.params.app);
    return addonsOf(store.data, app).map((a) => renderAddon(store.data, a));
  });

  server.get<AppAddonParams>("/apps/:app/addons/:addon", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderAddon(store.data, observeAddon(findAppAddon(store.data, app, request.params.addon)));
  });

  server.patch<AppAddonParams & { Body: { plan?: string; name?: string | null } }>(
    "/apps/:app/addons/:addon",
    { schema: { body: body({ plan: string(), name: { ...addonName, type: ["string", "null"] } }) } },
    async (request) => {
      const app = findApp(store.data, request.params.app);
      const addon = findAppAddon(store.data, app, request.params.addon);
      const { plan, name } = request.body;
      return renderAddon(store.data, changeAddon(store.data, addon, { plan, name: name ?? undefined }));
    },
  );

  server.delete<AppAddonParams>("/apps/:app/addons/:addon", async (request) => {
    const app = findApp(store.data, request.params.app);
    const addon = findAppAddon(store.data, app, request.params.addon);
    const rendered = { ...renderAddon(store.data, addon), state: "deprovisioned" as const };
    deprovisionAddon(store.data, app, addon);
    return rendered;
  });

  server.post<{ Body: { addon: string; app: string; name?: string | null; namespace?: string | null } }>(
    "/addon-attachments",
    {
      schema: {
        body: body({ addon: string(), app: string(), name: attachmentName, namespace: nullableString }, [
          "addon",
          "app",
        ]),
      },
    },
    async (request, reply) => {
      const addon = findAddon(store.data, request.body.addon);
      const app = findApp(store.data, request.body.app);
      const attachment = attach(store.data, addon, app, request.body.name, request.body.namespace);
      return reply.code(201).send(renderAttachment(store.data, attachment));
    },
  );

  server.get("/addon-attachments", async () => store.data.attachments.map((a) => renderAttachment(store.data, a)));

  server.get<{ Params: { id: string } }>("/addon-attachments/:id", async (request) =>
    renderAttachment(store.data, findAttachment(store.data, request.params.id)),
  );

  server.delete<{ Params: { id: string } }>("/addon-attachments/:id", async (request) => {
    const attachment = findAttachment(store.data, request.params.id);
    const rendered = renderAttachment(store.data, attachment);
    detach(store.data, attachment);
    return rendered;
  });

  server.get<{ Params: { app: string } }>("/apps/:app/addon-attachments", async (request) => {
    const app = findApp(store.data, request.params.app);
    return store.data.attachments.filter((a) => a.appId === app.id).map((a) => renderAttachment(store.data, a));
  });

  server.get<{ Params: { app: string; id: string } }>("/apps/:app/addon-attachments/:id", async (request) => {
    const app = findApp(store.data, request.params.app);
    return renderAttachment(store.data, findAttachment(store.data, request.params.id, app));
  });

  server.get<{ Params: { addon: string } }>("/addons/:addon/addon-attachments", async (request) => {
    const addon = findAddon(store.data, request.params.addon);
    return store.data.attachments.filter((a) => a.addonId === addon.id).map((a) => renderAttachment(store.data, a));
  });
}
