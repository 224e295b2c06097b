import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

/** Compares secrets in constant time, so response timing does not leak how much of a guess was right. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The username and password of an HTTP Basic `Authorization` header, if it has one. */
function basicCredentials(headers: IncomingHttpHeaders): { user: string; password: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(headers.authorization ?? "");
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The password of an HTTP Basic `Authorization` header, if it has one. */
export function basicPassword(headers: IncomingHttpHeaders): string | undefined {
  return basicCredentials(headers)?.password;
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

/** The username GitLab requires beside a CI job token sent as HTTP Basic (`Gitlab::Auth::CI_JOB_USER`). */
export const CI_JOB_USER = "gitlab-ci-token";

/**
 * A GitLab CI job token on a REST endpoint that allows one (`job_token_allowed: true`): the `JOB-TOKEN` header. There
 * is no job token when the sandbox was started without one.
 */
export function jobTokenAuthorized(headers: IncomingHttpHeaders, jobToken: string | undefined): boolean {
  const given = headers["job-token"];
  return jobToken !== undefined && sameSecret(typeof given === "string" ? given : undefined, jobToken);
}

/**
 * GitLab Terraform state: HTTP Basic with the token as password (Terraform's http backend), or the REST headers; or a
 * CI job token, which the state API takes only as Basic password of the user `gitlab-ci-token`
 * (`job_token_allowed: :basic_auth` in `lib/api/terraform/state.rb`).
 */
export function terraformStateAuthorized(
  headers: IncomingHttpHeaders,
  token: string,
  jobToken: string | undefined,
): boolean {
  if (sameSecret(basicPassword(headers), token) || gitlabAuthorized(headers, token)) return true;
  const basic = basicCredentials(headers);
  return jobToken !== undefined && basic?.user === CI_JOB_USER && sameSecret(basic.password, jobToken);
}

/**
 * CircleCI API v2: the personal API token in the `Circle-Token` header (what the provider sends), or as the username
 * of HTTP Basic with an empty password (the document's `basic_auth`).
 */
export function circleciAuthorized(headers: IncomingHttpHeaders, token: string): boolean {
  const header = headers["circle-token"];
  const basic = basicCredentials(headers);
  return (
    sameSecret(typeof header === "string" ? header : undefined, token) ||
    (basic !== undefined && basic.password === "" && sameSecret(basic.user, token))
  );
}
