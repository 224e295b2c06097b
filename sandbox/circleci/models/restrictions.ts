import type { StoreData } from "../../store";
import { newId, nowIso } from "../../ids";
import { CIRCLECI_PATTERNS } from "./catalog";
import { ConflictError, InvalidError, NotFoundError } from "./errors";
import { projectById } from "./projects";
import type { ContextRecord, ContextRestrictionRecord, RestrictionType } from "./records";

/** The restriction types CircleCI answers with (`restriction_type` of the OpenAPI document's restriction). */
export const RESTRICTION_TYPES: readonly RestrictionType[] = ["project", "expression"];

function isRestrictionType(type: string): type is RestrictionType {
  return (RESTRICTION_TYPES as readonly string[]).includes(type);
}

/** The context's restrictions, oldest first. */
export function restrictionsOf(data: StoreData, context: ContextRecord): ContextRestrictionRecord[] {
  return data.circleci.restrictions.filter((r) => r.contextId === context.id);
}

export function findRestriction(data: StoreData, context: ContextRecord, id: string): ContextRestrictionRecord {
  const restriction = data.circleci.restrictions.find((r) => r.contextId === context.id && r.id === id.toLowerCase());
  if (!restriction) throw new NotFoundError("Context restriction");
  return restriction;
}

/**
 * Restricts a context. A project restriction names a project the sandbox has, by id; an expression restriction any
 * non-blank expression. The same restriction twice is a conflict.
 */
export function createRestriction(
  data: StoreData,
  context: ContextRecord,
  type: string,
  value: string,
): ContextRestrictionRecord {
  if (!isRestrictionType(type)) {
    throw new InvalidError(`restriction_type "${type}" is not one of ${RESTRICTION_TYPES.join(", ")}`);
  }
  let stored = value;
  if (type === "project") {
    if (!CIRCLECI_PATTERNS.uuid.test(value)) {
      throw new InvalidError(`restriction_value "${value}" is not a project id (a UUID)`);
    }
    stored = value.toLowerCase();
    if (!projectById(data, stored)) throw new NotFoundError("Project");
  } else if (value.trim() === "") {
    throw new InvalidError('restriction_value "" is blank: an expression restriction needs an expression');
  }
  if (restrictionsOf(data, context).some((r) => r.type === type && r.value === stored)) {
    throw new ConflictError(`The context already has the ${type} restriction "${stored}"`);
  }
  const restriction: ContextRestrictionRecord = {
    id: newId(),
    contextId: context.id,
    type,
    value: stored,
    createdAt: nowIso(),
  };
  data.circleci.restrictions.push(restriction);
  return restriction;
}

export function deleteRestriction(data: StoreData, restriction: ContextRestrictionRecord): void {
  data.circleci.restrictions = data.circleci.restrictions.filter((r) => r !== restriction);
}
