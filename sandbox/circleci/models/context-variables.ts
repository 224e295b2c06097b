import type { StoreData } from "../../store";
import { nowIso } from "../../ids";
import { NotFoundError } from "./errors";
import { checkVariableName } from "./project-variables";
import type { ContextRecord, ContextVariableRecord } from "./records";

/** The context's variables, oldest first. */
export function contextVariablesOf(data: StoreData, context: ContextRecord): ContextVariableRecord[] {
  return data.circleci.contextVariables.filter((v) => v.contextId === context.id);
}

export function findContextVariable(data: StoreData, context: ContextRecord, name: string): ContextVariableRecord {
  const variable = data.circleci.contextVariables.find((v) => v.contextId === context.id && v.name === name);
  if (!variable) throw new NotFoundError("Environment variable");
  return variable;
}

/**
 * Adds a variable to a context or replaces its value (`PUT`, CircleCI's one call for both): an update keeps the
 * creation time and moves `updatedAt`.
 */
export function putContextVariable(
  data: StoreData,
  context: ContextRecord,
  name: string,
  value: string,
): ContextVariableRecord {
  checkVariableName(name);
  const now = nowIso();
  const existing = data.circleci.contextVariables.find((v) => v.contextId === context.id && v.name === name);
  if (existing) return Object.assign(existing, { value, updatedAt: now });
  const variable: ContextVariableRecord = { contextId: context.id, name, value, createdAt: now, updatedAt: now };
  data.circleci.contextVariables.push(variable);
  return variable;
}

export function deleteContextVariable(data: StoreData, variable: ContextVariableRecord): void {
  data.circleci.contextVariables = data.circleci.contextVariables.filter((v) => v !== variable);
}
