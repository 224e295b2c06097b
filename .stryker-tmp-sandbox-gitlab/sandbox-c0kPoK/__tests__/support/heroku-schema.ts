/**
 * Heroku's published Platform API hyper-schema (heroku-go v6.1.0, the one the provider is built with), compiled for
 * validating the sandbox's responses against each link's `targetSchema`.
 */
// @ts-nocheck

import Ajv, { type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** Kept in the repository (schemas/README.md says where it comes from), so the contract tests need nothing beside it. */
const SCHEMA_PATH = resolve(__dirname, "../../schemas/heroku-platform-api.schema.json");

interface HyperSchema {
  id: string;
  $schema?: string;
  definitions: Record<string, { links: { href: string; method: string; targetSchema?: unknown }[] }>;
}

function loadSchema(): HyperSchema {
  return JSON.parse(readFileSync(SCHEMA_PATH, "utf8")) as HyperSchema;
}

const schema = loadSchema();
/**
 * Prepares the document for ajv: the interagent meta-schema named by `$schema` is not available offline (draft-04
 * semantics apply), and nested string `id`s (sample UUIDs in a few places) would be taken for draft-04 schema ids that
 * clash. Only the root id stays.
 */
function forAjv(node: unknown, root = true): unknown {
  if (Array.isArray(node)) return node.map((item) => forAjv(item, false));
  if (typeof node !== "object" || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema" || (key === "id" && typeof value === "string" && !root)) continue;
    copy[key] = forAjv(value, false);
  }
  return copy;
}
const document = forAjv(schema) as object;
const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
// The schema declares domain `hostname` with format "uri", which a bare hostname ("www.example.com", what the real API
// returns) does not satisfy; accept a URI or a hostname for that format.
const isUri = fullFormats.uri as (value: string) => boolean;
ajv.addFormat("uri", (value: string) => isUri(value) || /^(\*\.)?([a-z0-9-]+\.)+[a-z0-9-]+$/i.test(value));
// `strictProperties: true` (interagent hyper-schema): the object has exactly the listed properties, no more, no fewer.
ajv.addKeyword({
  keyword: "strictProperties",
  schemaType: "boolean",
  validate: function strictProperties(strict: boolean, data: unknown, parentSchema?: { properties?: object }) {
    if (!strict || typeof data !== "object" || data === null || Array.isArray(data) || !parentSchema?.properties)
      return true;
    const expected = Object.keys(parentSchema.properties).sort();
    const actual = Object.keys(data).sort();
    return JSON.stringify(expected) === JSON.stringify(actual);
  },
});
ajv.addSchema(document, "heroku");

/** The validator for a link's targetSchema, found by definition, method and href (parameters written `{}`). */
function validatorFor(definition: string, method: string, href: string): ValidateFunction {
  const links = schema.definitions[definition]?.links ?? [];
  const index = links.findIndex(
    (link) => link.method === method && link.href.replace(/\{\([^)]*\)\}/g, "{}") === href && link.targetSchema,
  );
  if (index < 0) throw new Error(`no link ${method} ${href} with a targetSchema in definitions.${definition}`);
  const validate = ajv.getSchema(`heroku#/definitions/${definition}/links/${index}/targetSchema`);
  if (!validate) throw new Error(`could not compile ${definition} ${method} ${href}`);
  return validate;
}

export function expectConforms(definition: string, method: string, href: string, body: unknown): void {
  const validate = validatorFor(definition, method, href);
  const valid = validate(body);
  if (!valid) {
    throw new Error(
      `${method} ${href} does not conform to ${definition}:\n${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(body, null, 2)}`,
    );
  }
}

/** A link of the schema, with the path pattern its href stands for. */
interface LinkMatch {
  definition: string;
  href: string;
  validate: ValidateFunction;
}

const linkPatterns = Object.entries(schema.definitions).flatMap(([definition, { links }]) =>
  (links ?? []).flatMap((link, index) => {
    if (!link.targetSchema) return [];
    const pattern = new RegExp(`^${link.href.replace(/\{\([^)]*\)\}/g, "[^/]+")}$`);
    return [{ definition, method: link.method, href: link.href, pattern, index }];
  }),
);

/**
 * The link a concrete request matches (e.g. `GET /apps/4c1b…/config-vars` → config-var's
 * `/apps/{(…app identity)}/config-vars`), or undefined when the schema has no such link.
 */
export function linkFor(method: string, path: string): LinkMatch | undefined {
  const found = linkPatterns.find((link) => link.method === method && link.pattern.test(path));
  if (!found) return undefined;
  const validate = ajv.getSchema(`heroku#/definitions/${found.definition}/links/${found.index}/targetSchema`);
  if (!validate) throw new Error(`could not compile ${found.definition} ${method} ${found.href}`);
  return { definition: found.definition, href: found.href, validate };
}
