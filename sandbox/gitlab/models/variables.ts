import type { StoreData } from "../../store";
import { GITLAB_PATTERNS } from "./catalog";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import type { ProjectRecord, VariableRecord } from "./records";

/** What a create or update may set. */
export interface VariableInput {
  key: string;
  value: string;
  variableType?: "env_var" | "file";
  protected?: boolean;
  masked?: boolean;
  /** `masked_and_hidden`: hidden implies masked, and the value is never shown again. */
  hidden?: boolean;
  raw?: boolean;
  environmentScope?: string;
  description?: string | null;
}

function validate(variable: VariableRecord): void {
  const errors: Record<string, string[]> = {};
  if (!GITLAB_PATTERNS.variableKey.test(variable.key)) errors.key = ["can contain only letters, digits and '_'."];
  if (
    variable.masked &&
    !(variable.raw ? GITLAB_PATTERNS.maskedRawValue : GITLAB_PATTERNS.maskedValue).test(variable.value)
  )
    errors.value = ["is invalid"];
  if (variable.environmentScope === "") errors.environment_scope = ["can't be blank"];
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

function checkUnique(data: StoreData, variable: VariableRecord, except?: VariableRecord): void {
  const clash = data.gitlab.variables.some(
    (v) =>
      v !== except &&
      v.projectId === variable.projectId &&
      v.key === variable.key &&
      v.environmentScope === variable.environmentScope,
  );
  if (clash) throw new ValidationError({ key: [`(${variable.key}) has already been taken`] });
}

export function variablesOf(data: StoreData, project: ProjectRecord): VariableRecord[] {
  return data.gitlab.variables.filter((v) => v.projectId === project.id);
}

/**
 * Finds the one variable a GET/PUT/DELETE addresses. Without a scope filter, a key defined in several scopes is
 * ambiguous and GitLab answers 409 (`find_variable` in `variables_helpers.rb`).
 */
export function findVariable(data: StoreData, project: ProjectRecord, key: string, scope?: string): VariableRecord {
  const matches = data.gitlab.variables.filter(
    (v) => v.projectId === project.id && v.key === key && (scope === undefined || v.environmentScope === scope),
  );
  if (matches.length === 0) throw new NotFoundError("Variable");
  if (matches.length > 1) {
    throw new ConflictError(
      "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'",
    );
  }
  return matches[0];
}

export function createVariable(data: StoreData, project: ProjectRecord, input: VariableInput): VariableRecord {
  const hidden = input.hidden ?? false;
  const variable: VariableRecord = {
    projectId: project.id,
    key: input.key,
    value: input.value,
    variableType: input.variableType ?? "env_var",
    protected: input.protected ?? false,
    masked: hidden || (input.masked ?? false),
    hidden,
    raw: input.raw ?? false,
    environmentScope: input.environmentScope ?? "*",
    description: input.description || null,
  };
  validate(variable);
  checkUnique(data, variable);
  data.gitlab.variables.push(variable);
  return variable;
}

/** Updates a variable, all or nothing; a hidden variable stays masked. */
export function updateVariable(data: StoreData, variable: VariableRecord, input: Partial<VariableInput>) {
  const masked = input.masked ?? variable.masked;
  if (variable.hidden && !masked) throw new ValidationError({ masked: ["cannot be unmasked for a hidden variable"] });
  const updated: VariableRecord = {
    ...variable,
    value: input.value ?? variable.value,
    variableType: input.variableType ?? variable.variableType,
    protected: input.protected ?? variable.protected,
    masked,
    raw: input.raw ?? variable.raw,
    environmentScope: input.environmentScope ?? variable.environmentScope,
    description: input.description === undefined ? variable.description : input.description || null,
  };
  validate(updated);
  checkUnique(data, updated, variable);
  return Object.assign(variable, updated);
}

export function deleteVariable(data: StoreData, variable: VariableRecord): void {
  data.gitlab.variables = data.gitlab.variables.filter((v) => v !== variable);
}
