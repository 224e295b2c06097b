import { INVALID_MESSAGE } from "../../api-plugin";
import { HEROKU_PATTERNS } from "../models/catalog";

/**
 * JSON Schema fragments for request bodies, with the wording Heroku uses when a value breaks the rule. The patterns
 * are Heroku's own, kept in the catalogue ({@link HEROKU_PATTERNS}).
 */

export type Schema = Record<string, unknown>;

/** A request body object with these properties. */
export function body(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: "object", properties, required };
}

export const string = (message?: string): Schema => ({
  type: "string",
  ...(message ? { [INVALID_MESSAGE]: message } : {}),
});

export const nullableString: Schema = { type: ["string", "null"] };
export const boolean: Schema = { type: "boolean" };

/** `definitions.app.definitions.name`. */
export const appName: Schema = {
  type: "string",
  pattern: HEROKU_PATTERNS.appName,
  [INVALID_MESSAGE]:
    "Name must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.",
};

/** `definitions.pipeline.definitions.name`, as the provider also checks it. */
export const pipelineName: Schema = {
  type: "string",
  pattern: HEROKU_PATTERNS.pipelineName,
  [INVALID_MESSAGE]:
    "Name must start with a letter, be 3 to 30 characters long and can only contain lowercase letters, digits, and dashes.",
};

/** The provider's rule for custom add-on names (`validateCustomAddonName`), which matches the schema's pattern. */
export const addonName: Schema = {
  type: "string",
  pattern: HEROKU_PATTERNS.addonName,
  maxLength: 256,
  [INVALID_MESSAGE]: "Name must start with a letter and can only contain letters, digits, dashes and underscores.",
};

/** Attachment names become config var prefixes; Heroku upper-cases them. */
export const attachmentName: Schema = {
  type: ["string", "null"],
  pattern: HEROKU_PATTERNS.attachmentName,
  [INVALID_MESSAGE]: "Name must start with a letter and can only contain letters, digits, and underscores.",
};

export const teamName: Schema = {
  type: "string",
  pattern: HEROKU_PATTERNS.teamName,
  [INVALID_MESSAGE]: "Team name is invalid.",
};

export const uuid: Schema = {
  type: "string",
  pattern: HEROKU_PATTERNS.uuid,
};

/** Pipeline stages the API accepts (the provider accepts all but `test`). */
export const stage: Schema = {
  type: "string",
  enum: ["test", "review", "development", "staging", "production"],
  [INVALID_MESSAGE]: "Stage must be one of test, review, development, staging, production.",
};

/** Config var names (`patternProperties: ^\w+$`); values are strings, or null to delete. */
export const configVars: Schema = {
  type: "object",
  propertyNames: { pattern: HEROKU_PATTERNS.configVarName, [INVALID_MESSAGE]: "Invalid config var name: {field}" },
  additionalProperties: { type: ["string", "null"], [INVALID_MESSAGE]: "Config var {field} must be a string or null." },
};

/** A DNS hostname with at least two labels, optionally a wildcard (`*.example.com`). */
export const hostname: Schema = {
  type: "string",
  pattern: HEROKU_PATTERNS.hostname,
  [INVALID_MESSAGE]: "Hostname is invalid.",
};

/** `definitions.formation.definitions.type`. */
export const processType = HEROKU_PATTERNS.processType;

/** A process type named in a request body (`definitions.formation.definitions.type`). */
export const processTypeName: Schema = {
  type: "string",
  pattern: HEROKU_PATTERNS.processType,
  [INVALID_MESSAGE]: "Type must be 1 to 128 letters, digits, underscores or dashes.",
};

/** A Docker image id as `docker inspect --format={{.Id}}` prints it: the digest of the image's configuration. */
export const dockerImage: Schema = {
  type: "string",
  pattern: "^sha256:[0-9a-f]{64}$",
  [INVALID_MESSAGE]: "Docker image must be an image id (sha256:<64 hex digits>).",
};

export const quantity: Schema = {
  type: "integer",
  minimum: 0,
  [INVALID_MESSAGE]: "Quantity must be a non-negative integer.",
};

/**
 * An object named by its `id` alone (`{"id": …}`), as Heroku's schema names the pipeline and the apps of a promotion:
 * the id is a UUID, so a name there is refused, with `message`.
 */
export function idReference(message: string): Schema {
  return { ...body({ id: { ...uuid, [INVALID_MESSAGE]: message } }, ["id"]), [INVALID_MESSAGE]: message };
}
