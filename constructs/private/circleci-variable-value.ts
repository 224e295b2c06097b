import { TerraformResource } from "cdktf";
import { IConstruct } from "constructs";
import { Secret } from "../secret";
import { expectMatching, hiddenReporterFor } from "./prop-types";
import { SECRET_CONFIG_VALUE, TYPE_RULES } from "./rules";
import { checkSecretBeforeUse } from "./secret-check";
import { isLiteral, validateAtSynth } from "./validation";

/** The value of a CircleCI environment variable (of a context or a project), as a construct was given it. */
export interface CircleciVariableValue {
  /** What the provider receives: the literal, or the token of the secret. */
  readonly value: string;
  /** The literal value, when it is one. */
  readonly literal?: string;
  /** The secret, when the value is one. */
  readonly secret?: Secret;
}

/**
 * The value `given` for `field`. A value that is neither a string nor a {@link Secret} (from JavaScript or JSON) is
 * reported by its type alone, since it may be a credential, and left empty without a second report.
 */
export function circleciVariableValueOf(scope: IConstruct, field: string, given: unknown): CircleciVariableValue {
  if (given instanceof Secret) return { value: given.value, secret: given };
  const rule = TYPE_RULES.instance("a string or a Secret (Secret.fromVariable, Secret.generate)");
  if (!expectMatching(hiddenReporterFor(scope), field, given, (value) => typeof value === "string", rule)) {
    return { value: "" };
  }
  return { value: given as string, literal: given as string };
}

/**
 * Checks a variable's value where it can be checked: a literal at synth, a secret from a Terraform variable by
 * Terraform before `resource` is created or changed. CircleCI never returns a value (a project variable's is masked,
 * a context variable's absent), so nothing downstream would notice an empty credential or a stray space from a
 * pasted one until a job fails to authenticate. The value itself is never shown: it may be a credential.
 */
export function checkCircleciVariableValue(
  scope: IConstruct,
  resource: TerraformResource,
  field: string,
  variable: string,
  value: CircleciVariableValue,
): void {
  if (value.secret) {
    checkSecretBeforeUse(
      resource,
      value.secret,
      SECRET_CONFIG_VALUE,
      `${value.secret.environmentVariable} (CircleCI variable ${variable}) ${SECRET_CONFIG_VALUE.description}.`,
    );
  }
  const literal = value.literal;
  if (isLiteral(literal)) {
    validateAtSynth(scope, (problems) => {
      if (SECRET_CONFIG_VALUE.test(literal)) return;
      problems.addHidden(field, `(${literal.length} characters)`, SECRET_CONFIG_VALUE.description);
    });
  }
}
