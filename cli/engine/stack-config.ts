import * as fs from "node:fs";
import * as path from "node:path";

/** The parts of a synthesized stack's Terraform JSON (`cdk.tf.json`) the engine reads. */
export interface StackConfig {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly variable?: Record<string, { default?: unknown }>;
  readonly terraform?: { backend?: Record<string, Record<string, unknown>> };
}

/** `cdk.tf.json` of the stack synthesized into `stackDir`. */
export function readStackConfig(stackDir: string): StackConfig {
  return JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8"));
}

/** The input variables a stack requires: declared without a default, so Terraform stops unless `TF_VAR_<name>` is set. */
export function requiredVariables(config: StackConfig): string[] {
  return Object.entries(config.variable ?? {})
    .filter(([, variable]) => variable.default === undefined)
    .map(([name]) => name);
}
