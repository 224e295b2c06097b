import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { generatedName, newId, nowIso, stableId } from "../ids";
import type { AddonRecord, AppRecord, StoreData } from "../store";
import { attach, attachmentConfigVars, detach } from "./addon-attachments";
import { ADDON_SERVICES, resolvePlan, serviceNamed } from "./catalog";
import { invalidParams, notFound } from "./errors";
import { appRef, bodyOf, findAddon, findApp } from "./lookup";

/** The provider's own rule for custom add-on names (`validateCustomAddonName`), which matches the schema's pattern. */
const ADDON_NAME = /^[a-zA-Z][A-Za-z0-9_-]+$/;

function checkAddonName(data: StoreData, name: unknown, except?: AddonRecord): string {
  if (typeof name !== "string" || name.length > 256 || !ADDON_NAME.test(name)) {
    throw invalidParams("Name must start with a letter and can only contain letters, digits, dashes and underscores.");
  }
  if (data.addons.some((a) => a.name === name && a !== except)) throw invalidParams(`Name ${name} is already taken.`);
  return name;
}

/**
 * The add-on as the Platform API renders it. Reading a provisioning add-on moves it to provisioned for the next read:
 * the provider's create polls until `provisioned`, so one poll cycle is exercised without slowing a deploy down.
 */
export function renderAddon(data: StoreData, addon: AddonRecord) {
  const app = findApp(data, addon.appId);
  const service = serviceNamed(addon.service);
  const rendered = {
    actions: [],
    addon_service: { id: stableId("addon-service", service.name), name: service.name },
    billing_entity: { id: app.id, name: app.name, type: "app" },
    app: appRef(app),
    billed_price: { cents: service.prices[addon.plan] ?? 0, contract: false, unit: "month" },
    config_vars: data.attachments
      .filter((a) => a.addonId === addon.id && a.appId === addon.appId)
      .flatMap((a) => attachmentConfigVars(data, a)),
    created_at: addon.createdAt,
    id: addon.id,
    name: addon.name,
    plan: { id: stableId("plan", `${service.name}:${addon.plan}`), name: `${service.name}:${addon.plan}` },
    provider_id: addon.providerId,
    state: addon.state,
    updated_at: addon.updatedAt,
    web_url: `https://addons-sso.heroku.com/apps/${app.id}/addons/${addon.id}`,
  };
  return rendered;
}

/** A read of an add-on: renders it, then lets a provisioning add-on finish. */
function observe(data: StoreData, addon: AddonRecord) {
  const rendered = renderAddon(data, addon);
  if (addon.state === "provisioning") {
    addon.state = "provisioned";
    addon.updatedAt = nowIso();
  }
  return rendered;
}

/** Deletes an add-on with all its attachments (and so the config vars they set). */
export function removeAddon(data: StoreData, addon: AddonRecord): void {
  for (const attachment of data.attachments.filter((a) => a.addonId === addon.id)) detach(data, attachment);
  data.addons = data.addons.filter((a) => a !== addon);
}

/** An add-on the app owns or has attached, by id or name. */
function findAppAddon(data: StoreData, app: AppRecord, idOrName: string): AddonRecord {
  const addon = findAddon(data, idOrName);
  const attached = data.attachments.some((a) => a.addonId === addon.id && a.appId === app.id);
  if (addon.appId !== app.id && !attached) throw notFound("add-on");
  return addon;
}

/** Routes: provision, read, list, change plan and delete add-ons. */
export function registerAddonRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.post<{ Params: { app: string } }>("/apps/:app/addons", async (request, reply) => {
    const data = store.data;
    const app = findApp(data, request.params.app);
    const body = bodyOf(request);
    const { service, plan } = resolvePlan(body.plan);
    if (body.confirm !== undefined && body.confirm !== null && body.confirm !== app.name) {
      throw invalidParams(`Confirmation did not match app name (${app.name}).`);
    }
    const config = body.config ?? {};
    if (typeof config !== "object" || Array.isArray(config)) throw invalidParams("config must be an object.");
    const name = checkAddonName(data, body.name ?? `${service.name.replace(/^heroku-/, "")}-${generatedName()}`);
    const now = nowIso();
    const addon: AddonRecord = {
      id: newId(),
      name,
      appId: app.id,
      service: service.name,
      plan,
      providerId: `resource${newId().replace(/-/g, "").slice(0, 20)}@heroku.com`,
      state: "provisioning",
      config: Object.fromEntries(Object.entries(config).map(([k, v]) => [k, String(v)])),
      secret: service.secret(),
      createdAt: now,
      updatedAt: now,
    };
    data.addons.push(addon);
    const attachmentName = (body.attachment as { name?: unknown } | undefined)?.name;
    attach(data, addon, app, attachmentName, undefined);
    // 202 Accepted: provisioning continues after the response, as for Heroku's asynchronous add-ons.
    return reply.code(202).send(renderAddon(data, addon));
  });

  server.get("/addons", async () => store.data.addons.map((a) => renderAddon(store.data, a)));

  server.get<{ Params: { addon: string } }>("/addons/:addon", async (request) => {
    return observe(store.data, findAddon(store.data, request.params.addon));
  });

  server.get<{ Params: { app: string } }>("/apps/:app/addons", async (request) => {
    const app = findApp(store.data, request.params.app);
    const attached = new Set(store.data.attachments.filter((a) => a.appId === app.id).map((a) => a.addonId));
    return store.data.addons
      .filter((a) => a.appId === app.id || attached.has(a.id))
      .map((a) => renderAddon(store.data, a));
  });

  server.get<{ Params: { app: string; addon: string } }>("/apps/:app/addons/:addon", async (request) => {
    const app = findApp(store.data, request.params.app);
    return observe(store.data, findAppAddon(store.data, app, request.params.addon));
  });

  server.patch<{ Params: { app: string; addon: string } }>("/apps/:app/addons/:addon", async (request) => {
    const app = findApp(store.data, request.params.app);
    const addon = findAppAddon(store.data, app, request.params.addon);
    const body = bodyOf(request);
    // The provider sends `"plan": ""` when only the name changes; that keeps the plan.
    if (typeof body.plan === "string" && body.plan !== "") {
      const namesService = body.plan.includes(":") || ADDON_SERVICES.some((s) => s.name === body.plan);
      const { service, plan } = resolvePlan(namesService ? body.plan : `${addon.service}:${body.plan}`);
      if (service.name !== addon.service) {
        throw invalidParams(`Cannot change ${addon.name} from ${addon.service} to ${service.name}.`);
      }
      addon.plan = plan;
    }
    if (body.name !== undefined && body.name !== null) addon.name = checkAddonName(store.data, body.name, addon);
    addon.updatedAt = nowIso();
    return renderAddon(store.data, addon);
  });

  server.delete<{ Params: { app: string; addon: string } }>("/apps/:app/addons/:addon", async (request) => {
    const app = findApp(store.data, request.params.app);
    const addon = findAppAddon(store.data, app, request.params.addon);
    if (addon.appId !== app.id) throw invalidParams(`${addon.name} is billed to another app; detach it instead.`);
    const rendered = { ...renderAddon(store.data, addon), state: "deprovisioned" as const };
    removeAddon(store.data, addon);
    return rendered;
  });
}
