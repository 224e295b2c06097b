import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats";
import { parse } from "yaml";

/** The repository's root. */
const ROOT = path.resolve(__dirname, "..", "..");

/** `.gitlab-ci.yml` parsed. */
export function readCiConfig(text = fs.readFileSync(path.join(ROOT, ".gitlab-ci.yml"), "utf8")): Record<string, any> {
  return parse(text);
}

/** The CI/CD variables GitLab sets in jobs (schemas/gitlab-predefined-variables.json). */
export function predefinedVariables(): Set<string> {
  const file = path.join(ROOT, "schemas", "gitlab-predefined-variables.json");
  return new Set(JSON.parse(fs.readFileSync(file, "utf8")).variables);
}

/** One variable `.gitlab-ci.yml` reads, and where (`job.key.key`). */
export interface VariableUse {
  readonly name: string;
  readonly where: string;
}

/** Every `$NAME` / `${NAME}` read in any value of the config (keys are names, not reads). */
export function variableUses(config: unknown, where = ""): VariableUse[] {
  if (typeof config === "string") {
    return [...config.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((match) => ({ name: match[1], where }));
  }
  if (Array.isArray(config)) return config.flatMap((item, index) => variableUses(item, `${where}[${index}]`));
  if (config && typeof config === "object") {
    return Object.entries(config).flatMap(([key, value]) => variableUses(value, where ? `${where}.${key}` : key));
  }
  return [];
}

/** The variables the config itself declares: its global `variables:` and every job's. */
export function declaredVariables(config: Record<string, any>): Set<string> {
  const declared = new Set<string>(Object.keys(config.variables ?? {}));
  for (const value of Object.values(config)) {
    if (value && typeof value === "object" && value.variables) {
      for (const name of Object.keys(value.variables)) declared.add(name);
    }
  }
  return declared;
}

/**
 * Each variable the config reads that neither GitLab (predefined), nor the config, nor the stacks (`known`, e.g. the
 * CI/CD variables Terraform manages) declare: a typo, or a variable nobody sets.
 */
export function undeclaredVariables(config: Record<string, any>, known: Iterable<string>): VariableUse[] {
  const allowed = new Set([...predefinedVariables(), ...declaredVariables(config), ...known]);
  return variableUses(config).filter((use) => !allowed.has(use.name));
}

/** GitLab's own JSON schema of `.gitlab-ci.yml` (schemas/gitlab-ci.schema.json), compiled. */
export function gitlabCiSchema(): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "gitlab-ci.schema.json"), "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // GitLab expands variables before it reads an environment's URL (its docs' own dynamic-URL example is
  // `url: $DYNAMIC_ENVIRONMENT_URL`, and the schema's pattern admits `$NAME`); the format check applies to the rest.
  const uri = fullFormats.uri as (value: string) => boolean;
  ajv.addFormat("uri", (value: string) => /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value) || uri(value));
  return ajv.compile(schema);
}
