// @ts-nocheck
import { newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { InvalidParamsError, NotFoundError } from "./errors";
import type { AppRecord, DrainRecord } from "./records";

/** Log drains accept HTTP(S) and syslog endpoints only. */
const DRAIN_SCHEMES = new Set(["http:", "https:", "syslog:", "syslog+tls:"]);

export function drainsOf(data: StoreData, app: AppRecord): DrainRecord[] {
  return data.drains.filter((d) => d.appId === app.id);
}

export function findDrain(data: StoreData, app: AppRecord, idOrUrl: string): DrainRecord {
  const drain = data.drains.find(
    (d) => d.appId === app.id && (d.id === idOrUrl || d.url === idOrUrl || d.token === idOrUrl),
  );
  if (!drain) throw NotFoundError.of("log drain");
  return drain;
}

/** Adds a log drain: an http(s), syslog or syslog+tls URL with a host, once per app. */
export function addDrain(data: StoreData, app: AppRecord, url: string): DrainRecord {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !DRAIN_SCHEMES.has(parsed.protocol) || parsed.hostname === "") {
    throw new InvalidParamsError(`Url ${url} is invalid: use an http(s), syslog or syslog+tls URL.`);
  }
  if (data.drains.some((d) => d.appId === app.id && d.url === url)) {
    throw new InvalidParamsError("Url has already been taken");
  }
  const now = nowIso();
  const drain: DrainRecord = { id: newId(), appId: app.id, url, token: `d.${newId()}`, createdAt: now, updatedAt: now };
  data.drains.push(drain);
  return drain;
}

export function removeDrain(data: StoreData, drain: DrainRecord): void {
  data.drains = data.drains.filter((d) => d !== drain);
}
