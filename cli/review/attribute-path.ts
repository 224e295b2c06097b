import type { PlanAttributePath } from "./plan-json";

/** A name that reads unambiguously after a dot; other map keys are written in brackets. */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Writes an attribute path the way a reviewer reads it in HCL: `name`, `config_vars.FOO`, `buildpacks[0]`,
 * `tags["a.b"]`.
 */
export function formatAttributePath(path: PlanAttributePath): string {
  return path
    .map((step, position) => {
      if (typeof step === "number") return `[${step}]`;
      if (!PLAIN_NAME.test(step)) return `[${JSON.stringify(step)}]`;
      return position === 0 ? step : `.${step}`;
    })
    .join("");
}
