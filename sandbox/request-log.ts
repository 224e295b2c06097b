import { closeSync, openSync, writeSync } from "node:fs";
import type { FastifyInstance } from "fastify";

/** One line of the request log: what a client asked and what it got, never a header, a body or a credential. */
export interface RequestLogEntry {
  method: string;
  /** The path with its query; the value of every credential-like parameter, and any known token, is masked. */
  path: string;
  status: number;
  /** Milliseconds from the request's arrival to its response being handed to the socket. */
  ms: number;
}

/** Takes each request's log entry as one JSON line (without its newline). */
export type RequestLogWriter = (line: string) => void;

/** What stands in for a masked value. */
export const MASK = "***";

/**
 * Query parameters whose value is a credential: GitLab takes `private_token`, `job_token` and `access_token` in the
 * query as well as in headers, and other clients send `api_key`, `key`, `secret`, `password`, `sig` or `signature`.
 * (`auth` alone, not as a prefix: GitLab's `author_id` and `author_username` are filters, not credentials.)
 */
const CREDENTIAL_PARAMETER = /token|secret|passw|signature|credential|session|api_?key|^key$|^sig$|^auth(orization)?$/i;

/**
 * The request target with every credential masked: the values of credential-like query parameters, and wherever the
 * sandbox's own tokens appear (a client may put one in a path segment or an unexpected parameter). Parameters keep
 * their order and their names; only values change.
 */
export function maskPath(url: string, secrets: readonly string[] = []): string {
  const queryStart = url.indexOf("?");
  let masked = url;
  if (queryStart >= 0) {
    const parameters = url
      .slice(queryStart + 1)
      .split("&")
      .map((pair) => {
        const eq = pair.indexOf("=");
        if (eq < 0) return pair;
        const name = pair.slice(0, eq);
        return CREDENTIAL_PARAMETER.test(safeDecode(name)) ? `${name}=${MASK}` : pair;
      });
    masked = `${url.slice(0, queryStart)}?${parameters.join("&")}`;
  }
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) masked = masked.split(form).join(MASK);
  }
  return masked;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The JSON line for one request. */
export function requestLogLine(entry: RequestLogEntry): string {
  return JSON.stringify({ method: entry.method, path: entry.path, status: entry.status, ms: entry.ms });
}

/**
 * Logs every request the server answers, through `write`, once its response has gone out (Fastify's `onResponse`,
 * so the status is the one the client got, including not-found and error answers). Only registered when a log is
 * asked for: a sandbox without one runs no code per request for it.
 */
export function logRequests(server: FastifyInstance, write: RequestLogWriter, secrets: readonly string[]): void {
  server.addHook("onResponse", async (request, reply) => {
    write(
      requestLogLine({
        method: request.method,
        path: maskPath(request.url, secrets),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      }),
    );
  });
}

/**
 * A writer that appends each line to a file (created if missing), or to standard output for `-`. Lines are written
 * synchronously, so none is lost when the sandbox is stopped; `close` releases the file.
 */
export function requestLogFile(target: string): { write: RequestLogWriter; close(): void } {
  if (target === "-") return { write: (line) => process.stdout.write(`${line}\n`), close: () => undefined };
  const fd = openSync(target, "a");
  return { write: (line) => writeSync(fd, `${line}\n`), close: () => closeSync(fd) };
}
