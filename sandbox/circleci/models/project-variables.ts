import type { StoreData } from "../../store";
import { nowIso } from "../../ids";
import { CIRCLECI_PATTERNS } from "./catalog";
import { InvalidError, NotFoundError } from "./errors";
import type { CircleciProjectRecord, ProjectVariableRecord } from "./records";

/** Refuses a variable name CircleCI would not take (the rule is in the catalogue). */
export function checkVariableName(name: string): void {
  if (!CIRCLECI_PATTERNS.variableName.test(name)) {
    throw new InvalidError(
      `name "${name}" is not a valid environment variable name: letters, digits and '_', not starting with a digit`,
    );
  }
}

/** The project's variables, oldest first. */
export function projectVariablesOf(data: StoreData, project: CircleciProjectRecord): ProjectVariableRecord[] {
  return data.circleci.projectVariables.filter((v) => v.projectId === project.id);
}

export function findProjectVariable(
  data: StoreData,
  project: CircleciProjectRecord,
  name: string,
): ProjectVariableRecord {
  const variable = data.circleci.projectVariables.find((v) => v.projectId === project.id && v.name === name);
  if (!variable) throw new NotFoundError("Environment variable");
  return variable;
}

/**
 * Sets a project variable. A name that exists is replaced, value and creation time, as CircleCI's `POST .../envvar`
 * does: there is no separate update call.
 */
export function setProjectVariable(
  data: StoreData,
  project: CircleciProjectRecord,
  name: string,
  value: string,
): ProjectVariableRecord {
  checkVariableName(name);
  const variable: ProjectVariableRecord = { projectId: project.id, name, value, createdAt: nowIso() };
  data.circleci.projectVariables = [
    ...data.circleci.projectVariables.filter((v) => !(v.projectId === project.id && v.name === name)),
    variable,
  ];
  return variable;
}

export function deleteProjectVariable(data: StoreData, variable: ProjectVariableRecord): void {
  data.circleci.projectVariables = data.circleci.projectVariables.filter((v) => v !== variable);
}
