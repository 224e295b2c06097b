// @ts-nocheck
import { TerraformResource } from "cdktf";
import type { Secret } from "../secret";
import { PatternRule } from "./rules";

/**
 * Makes Terraform check a secret from a variable against `rule` before `resource` uses it, without ever printing it.
 *
 * Not a `validation` block on the variable: when one fails, Terraform (1.11) prints the sensitive value it tested
 * (`var.k is "…"`). A `lifecycle.precondition` on the resource that consumes the secret prints only the condition and
 * `errorMessage`, keeps the value marked sensitive, and fails the plan before the resource is created or changed, so
 * the value never reaches the API. (The test feeds canary values through the real Terraform and searches its output.)
 *
 * Secrets Terraform generates are not checked here: their length and alphabet are known at synth.
 */
export function checkSecretBeforeUse(
  resource: TerraformResource,
  secret: Secret,
  rule: PatternRule,
  errorMessage: string,
): void {
  if (!secret.variable) return;
  const condition = `\${can(regex("${toHclRegex(rule.pattern)}", var.${secret.variable.friendlyUniqueId}))}`;
  const lifecycle = resource.lifecycle ?? {};
  resource.lifecycle = {
    ...lifecycle,
    precondition: [...(lifecycle.precondition ?? []), { condition, errorMessage }],
  };
}

/** A JavaScript regex source as an HCL string literal inside `regex("…")` (RE2 has the same syntax here). */
function toHclRegex(pattern: RegExp): string {
  return pattern.source.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}
