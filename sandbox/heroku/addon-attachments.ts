import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { newId, nowIso } from "../ids";
import type { AddonRecord, AppRecord, AttachmentRecord, StoreData } from "../store";
import { serviceNamed } from "./catalog";
import { changeConfigVars } from "./config-vars";
import { invalidParams, notFound } from "./errors";
import { appRef, bodyOf, findAddon, findApp } from "./lookup";

/** Attachment names become config var prefixes, so they follow config var rules (upper-cased like Heroku does). */
const ATTACHMENT_NAME = /^[A-Z][A-Z0-9_]*$/;

const COLOURS = [
  "AMBER",
  "BLUE",
  "COBALT",
  "CRIMSON",
  "GOLD",
  "GRAY",
  "GREEN",
  "ONYX",
  "PINK",
  "PURPLE",
  "RED",
  "TEAL",
];

/** The config var names an attachment sets on its app, e.g. `DATABASE_URL`. */
export function attachmentConfigVars(data: StoreData, attachment: AttachmentRecord): string[] {
  const addon = data.addons.find((a) => a.id === attachment.addonId);
  if (!addon) return [];
  return serviceNamed(addon.service).configVarSuffixes.map((suffix) => `${attachment.name}_${suffix}`);
}

/** Picks the default attachment name: the service's (DATABASE), or a coloured one when the app already uses it. */
function defaultAttachmentName(data: StoreData, addon: AddonRecord, app: AppRecord): string {
  const service = serviceNamed(addon.service);
  const taken = (name: string): boolean => data.attachments.some((a) => a.appId === app.id && a.name === name);
  if (!taken(service.attachmentName)) return service.attachmentName;
  const free = COLOURS.map((c) => `${service.alternatePrefix}_${c}`).find((name) => !taken(name));
  return free ?? `${service.alternatePrefix}_${addon.id.slice(0, 8).toUpperCase()}`;
}

/**
 * Attaches an add-on to an app and sets the config vars it exposes there (one release), as Heroku does: a Postgres
 * attached as DATABASE sets DATABASE_URL, attached as REPORTING sets REPORTING_URL.
 */
export function attach(
  data: StoreData,
  addon: AddonRecord,
  app: AppRecord,
  requestedName: unknown,
  namespace: unknown,
): AttachmentRecord {
  const name =
    requestedName === undefined || requestedName === null || requestedName === ""
      ? defaultAttachmentName(data, addon, app)
      : String(requestedName).toUpperCase();
  if (!ATTACHMENT_NAME.test(name)) {
    throw invalidParams("Name must start with a letter and can only contain letters, digits, and underscores.");
  }
  if (data.attachments.some((a) => a.appId === app.id && a.name === name)) {
    throw invalidParams(`Name ${name} is already taken on ${app.name}.`);
  }
  const now = nowIso();
  const attachment: AttachmentRecord = {
    id: newId(),
    addonId: addon.id,
    appId: app.id,
    name,
    namespace: typeof namespace === "string" && namespace !== "" ? namespace : null,
    createdAt: now,
    updatedAt: now,
  };
  data.attachments.push(attachment);
  const vars = Object.fromEntries(attachmentConfigVars(data, attachment).map((key) => [key, addon.secret]));
  changeConfigVars(data, app, vars, `Attach ${name} (@ref:${addon.name})`);
  return attachment;
}

/** Removes an attachment and the config vars it set (one release). */
export function detach(data: StoreData, attachment: AttachmentRecord): void {
  const app = data.apps.find((a) => a.id === attachment.appId);
  const vars = attachmentConfigVars(data, attachment);
  data.attachments = data.attachments.filter((a) => a !== attachment);
  if (app) changeConfigVars(data, app, Object.fromEntries(vars.map((key) => [key, null])), `Detach ${attachment.name}`);
}

/** The attachment as the Platform API renders it. */
export function renderAttachment(data: StoreData, attachment: AttachmentRecord) {
  const addon = data.addons.find((a) => a.id === attachment.addonId);
  const app = findApp(data, attachment.appId);
  const owner = addon ? data.apps.find((a) => a.id === addon.appId) : undefined;
  return {
    addon: {
      id: attachment.addonId,
      name: addon?.name ?? "deleted-addon",
      app: owner ? appRef(owner) : appRef(app),
    },
    app: appRef(app),
    created_at: attachment.createdAt,
    id: attachment.id,
    name: attachment.name,
    namespace: attachment.namespace,
    updated_at: attachment.updatedAt,
    web_url: addon ? `https://addons-sso.heroku.com/apps/${app.id}/addons/${addon.id}` : null,
    log_input_url: null,
  };
}

function findAttachment(data: StoreData, id: string, app?: AppRecord): AttachmentRecord {
  const attachment = data.attachments.find(
    (a) => (app === undefined || a.appId === app.id) && (a.id === id || (app !== undefined && a.name === id)),
  );
  if (!attachment) throw notFound("add-on attachment");
  return attachment;
}

/** Routes: create, read, list and delete add-on attachments. */
export function registerAttachmentRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.post("/addon-attachments", async (request, reply) => {
    const body = bodyOf(request);
    const addon = findAddon(store.data, String(body.addon ?? ""));
    const app = findApp(store.data, String(body.app ?? ""));
    const attachment = attach(store.data, addon, app, body.name, body.namespace);
    return reply.code(201).send(renderAttachment(store.data, attachment));
  });

  server.get("/addon-attachments", async () => store.data.attachments.map((a) => renderAttachment(store.data, a)));

  server.get<{ Params: { id: string } }>("/addon-attachments/:id", async (request) => {
    return renderAttachment(store.data, findAttachment(store.data, request.params.id));
  });

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
