import { generatedName, newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { ADDON_SERVICES, resolvePlan, serviceNamed } from "./catalog";
import { changeConfigVars } from "./config-vars";
import { AmbiguousError, InvalidParamsError, NotFoundError } from "./errors";
import type { AddonRecord, AppRecord, AttachmentRecord } from "./records";

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

/** Resolves an add-on by UUID or name. */
export function findAddon(data: StoreData, idOrName: string): AddonRecord {
  const addon = data.addons.find((a) => a.id === idOrName || a.name === idOrName);
  if (!addon) throw NotFoundError.of("add-on");
  return addon;
}

/**
 * An add-on the app owns or has attached, named the ways Heroku resolves an add-on within an app: its id or name,
 * the name of its attachment there (`DATABASE`), or its service (`heroku-postgresql`, `scheduler`) when only one of
 * the app's add-ons is of that service; two or more are ambiguous, as Heroku answers them.
 */
export function findAppAddon(data: StoreData, app: AppRecord, identifier: string): AddonRecord {
  const ofApp = addonsOf(data, app);
  const exact = ofApp.find((a) => a.id === identifier || a.name === identifier);
  if (exact) return exact;
  const attachment = data.attachments.find((a) => a.appId === app.id && a.name === identifier.toUpperCase());
  const attached = attachment && ofApp.find((a) => a.id === attachment.addonId);
  if (attached) return attached;
  const ofService = ofApp.filter((a) => a.service === identifier);
  if (ofService.length > 1) {
    throw new AmbiguousError(
      `Ambiguous identifier; multiple matching add-ons found: ${ofService.map((a) => a.name).join(", ")}.`,
    );
  }
  if (ofService.length === 0) throw NotFoundError.of("add-on");
  return ofService[0];
}

/** The add-ons an app owns or has attached. */
export function addonsOf(data: StoreData, app: AppRecord): AddonRecord[] {
  const attached = new Set(data.attachments.filter((a) => a.appId === app.id).map((a) => a.addonId));
  return data.addons.filter((a) => a.appId === app.id || attached.has(a.id));
}

function uniqueAddonName(data: StoreData, name: string, except?: AddonRecord): string {
  if (data.addons.some((a) => a.name === name && a !== except)) {
    throw new InvalidParamsError(`Name ${name} is already taken.`);
  }
  return name;
}

/** What provisioning an add-on takes. */
export interface AddonInput {
  plan: string;
  name?: string;
  config?: Record<string, string>;
  /** Must equal the app's name when given. */
  confirm?: string | null;
  attachmentName?: string;
}

/**
 * Provisions an add-on billed to `app` and attaches it there. It starts `provisioning`; {@link observeAddon} finishes
 * it, so the provider's create exercises one poll cycle without slowing a deploy down.
 */
export function provisionAddon(data: StoreData, app: AppRecord, input: AddonInput): AddonRecord {
  const { service, plan } = resolvePlan(input.plan);
  if (input.confirm !== undefined && input.confirm !== null && input.confirm !== app.name) {
    throw new InvalidParamsError(`Confirmation did not match app name (${app.name}).`);
  }
  const name = uniqueAddonName(data, input.name ?? `${service.name.replace(/^heroku-/, "")}-${generatedName()}`);
  const now = nowIso();
  const addon: AddonRecord = {
    id: newId(),
    name,
    appId: app.id,
    service: service.name,
    plan,
    providerId: `resource${newId().replace(/-/g, "").slice(0, 20)}@heroku.com`,
    state: "provisioning",
    config: { ...input.config },
    secret: service.secret(),
    createdAt: now,
    updatedAt: now,
  };
  data.addons.push(addon);
  attach(data, addon, app, input.attachmentName);
  return addon;
}

/** A read of an add-on: a provisioning add-on is provisioned from then on. Returns the state the reader saw. */
export function observeAddon(addon: AddonRecord): AddonRecord {
  const seen = { ...addon };
  if (addon.state === "provisioning") {
    addon.state = "provisioned";
    addon.updatedAt = nowIso();
  }
  return seen;
}

/** Renames an add-on and/or moves it to another plan of the same service. */
export function changeAddon(data: StoreData, addon: AddonRecord, changes: { plan?: string; name?: string }) {
  let plan = addon.plan;
  // The provider sends `"plan": ""` when only the name changes; that keeps the plan.
  if (changes.plan) {
    const namesService = changes.plan.includes(":") || ADDON_SERVICES.some((s) => s.name === changes.plan);
    const resolved = resolvePlan(namesService ? changes.plan : `${addon.service}:${changes.plan}`);
    if (resolved.service.name !== addon.service) {
      throw new InvalidParamsError(`Cannot change ${addon.name} from ${addon.service} to ${resolved.service.name}.`);
    }
    plan = resolved.plan;
  }
  const name = changes.name === undefined ? addon.name : uniqueAddonName(data, changes.name, addon);
  Object.assign(addon, { plan, name, updatedAt: nowIso() });
  return addon;
}

/** Deprovisions an add-on billed to `app`; one that is only attached there must be detached instead. */
export function deprovisionAddon(data: StoreData, app: AppRecord, addon: AddonRecord): void {
  if (addon.appId !== app.id)
    throw new InvalidParamsError(`${addon.name} is billed to another app; detach it instead.`);
  removeAddon(data, addon);
}

/** Deletes an add-on with all its attachments (and so the config vars they set on every app). */
export function removeAddon(data: StoreData, addon: AddonRecord): void {
  for (const attachment of data.attachments.filter((a) => a.addonId === addon.id)) detach(data, attachment);
  data.addons = data.addons.filter((a) => a !== addon);
}

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
 * attached as DATABASE sets DATABASE_URL, attached as REPORTING sets REPORTING_URL. Names are upper-cased.
 */
export function attach(
  data: StoreData,
  addon: AddonRecord,
  app: AppRecord,
  requestedName?: string | null,
  namespace?: string | null,
): AttachmentRecord {
  const name = requestedName ? requestedName.toUpperCase() : defaultAttachmentName(data, addon, app);
  if (data.attachments.some((a) => a.appId === app.id && a.name === name)) {
    throw new InvalidParamsError(`Name ${name} is already taken on ${app.name}.`);
  }
  const now = nowIso();
  const attachment: AttachmentRecord = {
    id: newId(),
    addonId: addon.id,
    appId: app.id,
    name,
    namespace: namespace || null,
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

/** An attachment by id, or within an app also by name. */
export function findAttachment(data: StoreData, id: string, app?: AppRecord): AttachmentRecord {
  const attachment = data.attachments.find(
    (a) => (app === undefined || a.appId === app.id) && (a.id === id || (app !== undefined && a.name === id)),
  );
  if (!attachment) throw NotFoundError.of("add-on attachment");
  return attachment;
}
