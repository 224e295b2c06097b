import { createPrivateKey, X509Certificate } from "node:crypto";
import { generatedName, newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { InvalidParamsError, NotFoundError } from "./errors";
import type { AppRecord, SniEndpointRecord } from "./records";

/** A certificate chain as the API reads it: the leaf certificate first. */
function leafCertificate(certificateChain: string): X509Certificate {
  try {
    return new X509Certificate(certificateChain);
  } catch {
    throw new InvalidParamsError("Certificate chain is not a valid PEM certificate.");
  }
}

/** Checks a certificate and its key as Heroku does before it stores either: both must parse and belong together. */
function checkPair(certificateChain: string, privateKey: string): void {
  const certificate = leafCertificate(certificateChain);
  let key;
  try {
    key = createPrivateKey(privateKey);
  } catch {
    throw new InvalidParamsError("Private key is not a valid PEM private key.");
  }
  if (!certificate.checkPrivateKey(key)) throw new InvalidParamsError("Private key does not match the certificate.");
}

/**
 * Heroku serves certificates only for apps on paid dynos (Basic and larger): an app with no running dyno, or only
 * Eco dynos, is refused, which is why the provider's examples scale a process type before adding a certificate.
 */
function checkPaidDynos(data: StoreData, app: AppRecord): void {
  const paid = data.formations.some((f) => f.appId === app.id && f.quantity > 0 && f.size !== "Eco");
  if (!paid) throw new InvalidParamsError(`${app.name} must run paid dynos (Basic or larger) to use an SNI endpoint.`);
}

export function sniEndpointsOf(data: StoreData, app: AppRecord): SniEndpointRecord[] {
  return data.sniEndpoints.filter((e) => e.appId === app.id);
}

/** An SNI endpoint of an app, by id or name. */
export function findSniEndpoint(data: StoreData, app: AppRecord, idOrName: string): SniEndpointRecord {
  const endpoint = data.sniEndpoints.find((e) => e.appId === app.id && (e.id === idOrName || e.name === idOrName));
  if (!endpoint) throw NotFoundError.of("SNI endpoint");
  return endpoint;
}

/** Adds a certificate to an app; the private key is checked against it and then forgotten. */
export function createSniEndpoint(
  data: StoreData,
  app: AppRecord,
  certificateChain: string,
  privateKey: string,
): SniEndpointRecord {
  checkPaidDynos(data, app);
  checkPair(certificateChain, privateKey);
  const now = nowIso();
  const endpoint: SniEndpointRecord = {
    id: newId(),
    appId: app.id,
    name: generatedName(),
    certificateChain,
    createdAt: now,
    updatedAt: now,
  };
  data.sniEndpoints.push(endpoint);
  return endpoint;
}

/** Replaces an endpoint's certificate (a renewal); its domains stay associated. */
export function updateSniEndpoint(endpoint: SniEndpointRecord, certificateChain: string, privateKey: string) {
  checkPair(certificateChain, privateKey);
  endpoint.certificateChain = certificateChain;
  endpoint.updatedAt = nowIso();
  return endpoint;
}

/** Removes an endpoint; the domains it served lose their association. */
export function deleteSniEndpoint(data: StoreData, endpoint: SniEndpointRecord): void {
  for (const domain of data.domains.filter((d) => d.sniEndpointId === endpoint.id)) {
    domain.sniEndpointId = null;
    domain.updatedAt = nowIso();
  }
  data.sniEndpoints = data.sniEndpoints.filter((e) => e !== endpoint);
}

/** What a certificate says about itself, as `ssl_cert` renders it. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  domains: string[];
  startsAt: string;
  expiresAt: string;
  selfSigned: boolean;
}

/** Reads the facts of an endpoint's leaf certificate (it was checked when stored). */
export function certificateFacts(endpoint: SniEndpointRecord): CertificateFacts {
  const certificate = leafCertificate(endpoint.certificateChain);
  // OpenSSL's one-line form (`/CN=www.example.com/O=Example`), which is how Heroku prints names.
  const oneLine = (name: string): string =>
    name
      .split("\n")
      .map((part) => `/${part}`)
      .join("");
  const altNames = (certificate.subjectAltName ?? "")
    .split(", ")
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => entry.slice(4));
  const commonName = /^CN=(.*)$/m.exec(certificate.subject)?.[1];
  return {
    subject: oneLine(certificate.subject),
    issuer: oneLine(certificate.issuer),
    domains: altNames.length > 0 ? altNames : commonName ? [commonName] : [],
    startsAt: new Date(certificate.validFrom).toISOString(),
    expiresAt: new Date(certificate.validTo).toISOString(),
    selfSigned: certificate.checkIssued(certificate),
  };
}
