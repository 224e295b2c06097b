import { generatedName, newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { InvalidParamsError, NotFoundError } from "./errors";
import type { AppRecord, DomainRecord } from "./records";
import { findSniEndpoint } from "./sni-endpoints";

/** The id of the app's SNI endpoint a request names by id or name; none for null or "". */
function sniEndpointId(data: StoreData, app: AppRecord, idOrName: string | null): string | null {
  return idOrName ? findSniEndpoint(data, app, idOrName).id : null;
}

export function domainsOf(data: StoreData, app: AppRecord): DomainRecord[] {
  return data.domains.filter((d) => d.appId === app.id);
}

export function findDomain(data: StoreData, app: AppRecord, idOrHostname: string): DomainRecord {
  const domain = data.domains.find((d) => d.appId === app.id && (d.id === idOrHostname || d.hostname === idOrHostname));
  if (!domain) throw NotFoundError.of("domain");
  return domain;
}

/**
 * Adds a custom domain; a hostname belongs to one app at a time, and `*.herokuapp.com` belongs to Heroku. The SNI
 * endpoint, when named, must be one of the app's.
 */
export function addDomain(data: StoreData, app: AppRecord, hostname: string, sniEndpoint: string | null) {
  const lower = hostname.toLowerCase();
  if (lower.endsWith(".herokuapp.com")) throw new InvalidParamsError(`Hostname ${hostname} is invalid.`);
  if (data.domains.some((d) => d.hostname === lower)) {
    throw new InvalidParamsError(`${lower} is currently in use by another app.`);
  }
  const endpointId = sniEndpointId(data, app, sniEndpoint);
  const now = nowIso();
  const domain: DomainRecord = {
    id: newId(),
    appId: app.id,
    hostname: lower,
    cname: `${generatedName()}.herokudns.com`,
    sniEndpointId: endpointId,
    createdAt: now,
    updatedAt: now,
  };
  data.domains.push(domain);
  return domain;
}

/** Associates a domain with one of its app's SNI endpoints (by id or name), or with none. */
export function setSniEndpoint(data: StoreData, domain: DomainRecord, sniEndpoint: string | null): DomainRecord {
  const app = data.apps.find((a) => a.id === domain.appId);
  domain.sniEndpointId = app ? sniEndpointId(data, app, sniEndpoint) : null;
  domain.updatedAt = nowIso();
  return domain;
}

export function removeDomain(data: StoreData, domain: DomainRecord): void {
  data.domains = data.domains.filter((d) => d !== domain);
}
