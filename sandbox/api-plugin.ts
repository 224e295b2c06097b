import Ajv, { type ErrorObject } from "ajv";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Faults } from "./faults";

declare module "fastify" {
  interface FastifyRequest {
    /** The request body exactly as received; the Terraform state backend stores it byte for byte. */
    rawBody?: string;
  }
}

/** One API request and the response the sandbox sent. */
export interface RecordedExchange {
  /** Which API was called. */
  api: "heroku" | "gitlab" | "circleci";
  method: string;
  /** The path without the query string, e.g. `/apps/4c1b…/config-vars`. */
  path: string;
  status: number;
  /** The response body as sent. */
  body: string;
}

/** What the server hands every API plugin. */
export interface ApiPluginOptions {
  faults: Faults;
  /** Where to record exchanges; undefined records nothing. */
  exchanges?: RecordedExchange[];
  /** The sandbox's base URL, without a trailing slash, once it listens. */
  baseUrl(): string;
}

/**
 * The schema keyword a route schema uses to word a rejection the way the API does ("Name must start with a letter…").
 * Without it, the API plugin words the rejection from ajv's error.
 */
export const INVALID_MESSAGE = "x-invalid-message";

/**
 * Compiles route schemas with an ajv of the API's own flavour: Heroku takes JSON types as sent, GitLab (Grape) coerces
 * "true"/"1" the way Rails params do. Errors keep their schema (`verbose`) so a rejection can use its
 * {@link INVALID_MESSAGE}.
 */
export function installValidator(server: FastifyInstance, options: { coerceTypes: boolean }): void {
  const ajv = new Ajv({
    coerceTypes: options.coerceTypes,
    verbose: true,
    allErrors: false,
    strict: true,
    allowUnionTypes: true,
  });
  ajv.addKeyword({ keyword: INVALID_MESSAGE, schemaType: "string" });
  server.setValidatorCompiler(({ schema }) => ajv.compile(schema));
}

/**
 * The field an ajv error is about, e.g. `name`, `dyno_size.name`, or `` for the body itself. A rejected property
 * name (`propertyNames`, e.g. a config var called `BAD-NAME`) is the field itself.
 */
export function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
  const name =
    error.keyword === "required" ? (error.params as { missingProperty: string }).missingProperty : error.propertyName;
  if (name === undefined) return path;
  return path ? `${path}.${name}` : name;
}

/** The API's own wording for a rejected value, when the schema gives one. */
export function invalidMessageOf(error: ErrorObject): string | undefined {
  const message = (error.parentSchema as Record<string, unknown> | undefined)?.[INVALID_MESSAGE];
  return typeof message === "string" ? message : undefined;
}

/**
 * Installs the API's JSON body parser: the raw text stays on the request, an empty body is `undefined`, and a syntax
 * error is handed to `malformed`, which decides whether that is an error (most routes) or not (Terraform state).
 */
export function installJsonBody(
  server: FastifyInstance,
  malformed: (request: FastifyRequest, error: Error) => Error | undefined,
): void {
  server.removeAllContentTypeParsers();
  server.addContentTypeParser("*", { parseAs: "string" }, (request: FastifyRequest, body, done) => {
    const text = String(body);
    request.rawBody = text;
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      const failure = malformed(request, error as Error);
      done(failure ?? null, undefined);
    }
  });
}

/** Records every exchange of this plugin's routes (and its not-found answers) under `api`. */
export function installRecorder(
  server: FastifyInstance,
  api: RecordedExchange["api"],
  options: ApiPluginOptions,
): void {
  const exchanges = options.exchanges;
  if (!exchanges) return;
  server.addHook("onSend", async (request, reply, payload) => {
    const path = request.url.split("?")[0];
    exchanges.push({ api, method: request.method, path, status: reply.statusCode, body: String(payload ?? "") });
    return payload;
  });
}
