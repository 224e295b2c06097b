// @ts-nocheck
import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** Compares secrets in constant time, so response timing does not leak how much of a guess was right. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The password of an HTTP Basic `Authorization` header, if it has one. */
export function basicPassword(headers: IncomingHttpHeaders): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

/** The token of a `Bearer` `Authorization` header, if it has one. */
export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "")?.[1];
}

/**
 * Heroku: HTTP Basic with any username and the API key as password (what heroku-go sends). A Bearer key, as the Heroku
 * CLI sends, is accepted too.
 */
export function herokuAuthorized(headers: IncomingHttpHeaders, apiKey: string): boolean {
  return sameSecret(basicPassword(headers), apiKey) || sameSecret(bearerToken(headers), apiKey);
}

/** GitLab REST: `Authorization: Bearer` (what the provider sends) or `PRIVATE-TOKEN`. */
export function gitlabAuthorized(headers: IncomingHttpHeaders, token: string): boolean {
  const privateToken = headers["private-token"];
  return (
    sameSecret(bearerToken(headers), token) ||
    sameSecret(typeof privateToken === "string" ? privateToken : undefined, token)
  );
}

/** GitLab Terraform state: HTTP Basic with the token as password (Terraform's http backend), or the REST headers. */
export function terraformStateAuthorized(headers: IncomingHttpHeaders, token: string): boolean {
  return sameSecret(basicPassword(headers), token) || gitlabAuthorized(headers, token);
}
