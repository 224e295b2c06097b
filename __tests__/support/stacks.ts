import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformOutput, TerraformStack, Testing } from "cdktf";
import { FlowProviders, FlowValidation, FlowValidationError } from "../../constructs";

/** A test app whose output directory is a `cdktf.out` of its own, as in a project (so state paths read as there). */
export function testApp(): App {
  return Testing.app({ outdir: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "project-")), "cdktf.out") });
}

/** A test app with one stack that has the Heroku and random providers (and GitLab's once a GitLab construct needs it). */
export function testStack(): { app: App; stack: TerraformStack } {
  const app = testApp();
  const stack = new TerraformStack(app, "test");
  new FlowProviders(stack, "Providers");
  return { app, stack };
}

/** The synthesized stack as an object (aspects run, validations do not). */
export function synthesize(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/**
 * The one error message that validation of everything under `app` produces, or "" when it is valid. Only the
 * validation's own report counts: anything else thrown (a crash in the code under test) fails the test as it is, so
 * that a `TypeError` can never read as a validation message.
 */
export function problemsOf(app: App): string {
  try {
    FlowValidation.of(app).assertValid();
    return "";
  } catch (error) {
    if (error instanceof FlowValidationError) return error.message;
    throw error;
  }
}

/** The resources of one type in a synthesized stack, as a list. */
export function resourcesOf(config: any, type: string): any[] {
  return Object.values(config.resource?.[type] ?? {});
}

/** The warnings that aspects and constructs attached anywhere under `stack`, after a synth. */
export function warningsOf(stack: TerraformStack): string[] {
  Testing.synth(stack);
  return stack.node
    .findAll()
    .flatMap((construct) => construct.node.metadata)
    .filter((entry) => entry.type === "@cdktf/warn")
    .map((entry) => String(entry.data));
}

let referenceCount = 0;

/** What a token resolves to in the synthesized JSON, e.g. `${heroku_app.App_1234.id}`. */
export function referenceOf(stack: TerraformStack, token: string): string {
  const id = `reference_${referenceCount++}`;
  new TerraformOutput(stack, id, { value: token });
  return synthesize(stack).output[id].value;
}
