import { maskedValue } from "../models/catalog";
import type {
  CircleciProjectRecord,
  ContextRecord,
  ContextRestrictionRecord,
  ContextVariableRecord,
  ProjectVariableRecord,
} from "../models/records";

/**
 * Records as CircleCI's API v2 renders them (the OpenAPI document's `Context`, `EnvironmentVariable`, context
 * variable and restriction schemas). No renderer takes a value in the clear: a context variable shows none, a project
 * variable a masked one.
 */

export function renderContext(context: ContextRecord) {
  return { id: context.id, name: context.name, created_at: context.createdAt };
}

/** A context variable: name, context and times, never the value. */
export function renderContextVariable(variable: ContextVariableRecord) {
  return {
    variable: variable.name,
    context_id: variable.contextId,
    created_at: variable.createdAt,
    updated_at: variable.updatedAt,
  };
}

/** A project variable with its value masked; `created-at` is spelled with a hyphen, as CircleCI spells it. */
export function renderProjectVariable(variable: ProjectVariableRecord) {
  return { name: variable.name, value: maskedValue(variable.value), "created-at": variable.createdAt };
}

/**
 * A restriction as created (`restriction_created`: no `context_id`). A project restriction carries the project's id
 * in `project_id` too (deprecated, still sent) and its name; an expression restriction has neither.
 */
export function renderRestriction(restriction: ContextRestrictionRecord, project?: CircleciProjectRecord) {
  return {
    id: restriction.id,
    ...(restriction.type === "project" ? { project_id: restriction.value } : {}),
    ...(project ? { name: project.name } : {}),
    restriction_type: restriction.type,
    restriction_value: restriction.value,
  };
}

/** A restriction as listed: with its context's id. */
export function renderListedRestriction(restriction: ContextRestrictionRecord, project?: CircleciProjectRecord) {
  return { context_id: restriction.contextId, ...renderRestriction(restriction, project) };
}

/** The confirmation CircleCI answers a deletion with. */
export function renderMessage(message: string) {
  return { message };
}
