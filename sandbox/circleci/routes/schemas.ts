/**
 * JSON Schemas of CircleCI request bodies and path parameters, after the OpenAPI document's request bodies
 * (`context_body`, `environmentvariable_envvarname_body`, `EnvironmentVariable`, `context_id_restrictions_body`).
 * They check shapes; the models check the rules (names, owners, restriction values), so each rule has one home.
 */
import { INVALID_MESSAGE } from "../../api-plugin";
import { CIRCLECI_PATTERNS } from "../models/catalog";

export type Schema = Record<string, unknown>;

const uuid = CIRCLECI_PATTERNS.uuid.source;

/** `POST /context`: a name and an owner (by id or slug; which one, the model checks). */
export const createContextBody: Schema = {
  type: "object",
  required: ["name", "owner"],
  properties: {
    name: { type: "string" },
    owner: {
      type: "object",
      properties: { id: { type: "string" }, slug: { type: "string" }, type: { type: "string" } },
    },
  },
};

/** `PUT /context/{id}/environment-variable/{name}`. */
export const contextVariableBody: Schema = {
  type: "object",
  required: ["value"],
  properties: { value: { type: "string" } },
};

/** `POST /project/{slug}/envvar`. */
export const projectVariableBody: Schema = {
  type: "object",
  required: ["name", "value"],
  properties: { name: { type: "string" }, value: { type: "string" } },
};

/**
 * `POST /context/{id}/restrictions`: `restriction_type` and `restriction_value`, or the deprecated `project_id`
 * alone (a project restriction); the document allows no other property.
 */
export const restrictionBody: Schema = {
  type: "object",
  additionalProperties: false,
  properties: {
    project_id: { type: "string" },
    restriction_type: { type: "string" },
    restriction_value: { type: "string" },
  },
};

/**
 * The restriction routes' path parameters: the document answers a malformed id with 400 and these messages (its
 * `inline_response_400_2` and `inline_response_400_3` defaults), where the other context routes answer 404.
 */
export const restrictionParams: Schema = {
  type: "object",
  properties: {
    contextId: { type: "string", pattern: uuid, [INVALID_MESSAGE]: "context_id is invalid." },
    restrictionId: { type: "string", pattern: uuid, [INVALID_MESSAGE]: "restriction_id is invalid." },
  },
};

/** `GET /context`: which owner's contexts, and the page. */
export const listContextsQuery: Schema = {
  type: "object",
  properties: {
    "owner-id": { type: "string" },
    "owner-slug": { type: "string" },
    "owner-type": { type: "string" },
    "page-token": { type: "string" },
  },
};
