import { Password } from "@cdktf/provider-random/lib/password";
import { Lazy, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { expectBoolean, expectNumber, expectRecord, expectString, reporterFor } from "./private/prop-types";
import { CONSTRUCTION_RULES, GENERATED_SECRET_LENGTH_RULE, TERRAFORM_VARIABLE_NAME } from "./private/rules";
import { childIdFor, hasStack, reportProblem } from "./private/validation";

/** Options for {@link Secret.fromVariable}. */
export interface SecretVariableOptions {
  /**
   * What the value is and where it comes from, shown by `terraform plan` when it is missing.
   *
   * @default - no description
   */
  readonly description?: string;
}

/** Options for {@link Secret.generate}. */
export interface GeneratedSecretOptions {
  /**
   * Number of characters.
   *
   * @default 48
   */
  readonly length?: number;

  /**
   * Whether to include punctuation. Off by default so that the value is safe in URLs, shells and masked GitLab
   * variables.
   *
   * @default false
   */
  readonly special?: boolean;
}

/**
 * A value that must never appear in code, in `cdktf.out` or in plan output.
 *
 * Either supplied at deploy time through a sensitive Terraform variable (`TF_VAR_<name>`), or generated once by
 * Terraform (`random_password`) and kept in state. The synthesized JSON only ever holds a reference to it.
 */
export class Secret {
  /**
   * A secret read from the sensitive Terraform variable `name`, set at deploy time as `TF_VAR_<name>`.
   *
   * The variable is named exactly `name` wherever the secret is declared, so the environment variable to set does not
   * depend on the construct tree.
   */
  public static fromVariable(scope: Construct, name: string, options: SecretVariableOptions = {}): Secret {
    const method = "Secret.fromVariable()";
    const report = reporterFor(scope);
    if (!expectString(report, "Secret.fromVariable name", name)) return Secret.unavailable();
    if (expectRecord(report, "Secret.fromVariable options", options, { optional: true })) {
      expectString(report, "Secret.fromVariable options.description", options.description, { optional: true });
    }
    if (!hasStack(scope)) {
      reportProblem(scope, method, name, CONSTRUCTION_RULES.noStack, "pass the stack, or a construct inside it");
      return Secret.unavailable();
    }
    if (!TERRAFORM_VARIABLE_NAME.test(name)) {
      reportProblem(
        scope,
        "Secret.fromVariable name",
        name,
        TERRAFORM_VARIABLE_NAME.description,
        TERRAFORM_VARIABLE_NAME.hint?.(name),
      );
      // A variable Terraform could not name is not declared (an empty name is not even a construct id).
      return Secret.unavailable();
    }
    const hint = "declare each secret once and pass the Secret to every construct that needs it";
    const id = childIdFor(scope, name, method, hint);
    // The variable's logical id is `name` wherever it is declared: a second one elsewhere in the stack would be
    // merged into the first by Terraform's JSON, silently.
    const stack = TerraformStack.of(scope);
    const first = variablesNamed(stack).get(name);
    if (first && first.node.scope !== scope) {
      reportProblem(scope, method, name, CONSTRUCTION_RULES.variableDeclaredTwice(first.node.path), hint);
    }
    const variable = new TerraformVariable(scope, id, {
      type: "string",
      sensitive: true,
      nullable: false,
      description: typeof options?.description === "string" ? options.description : undefined,
    });
    variable.overrideLogicalId(name);
    if (!first) variablesNamed(stack).set(name, variable);
    return new Secret(variable.stringValue, variable, undefined);
  }

  /** A random secret that Terraform generates on the first deploy and keeps in state. */
  public static generate(scope: Construct, id: string, options: GeneratedSecretOptions = {}): Secret {
    const method = "Secret.generate()";
    const report = reporterFor(scope);
    if (!expectString(report, "Secret.generate id", id)) return Secret.unavailable();
    let length = 48;
    let special = false;
    if (expectRecord(report, "Secret.generate options", options, { optional: true }) && options) {
      const lengthField = "Secret.generate options.length";
      if (expectNumber(report, lengthField, options.length, { optional: true, integer: true })) {
        if (options.length >= 1) length = options.length;
        else reportProblem(scope, lengthField, options.length, GENERATED_SECRET_LENGTH_RULE, "e.g. 48");
      }
      if (expectBoolean(report, "Secret.generate options.special", options.special, { optional: true })) {
        special = options.special;
      }
    }
    if (!hasStack(scope)) {
      reportProblem(scope, method, id, CONSTRUCTION_RULES.noStack, "pass the stack, or a construct inside it");
      return Secret.unavailable();
    }
    const childId = childIdFor(
      scope,
      id,
      method,
      "generate each secret once, under an id of its own, and pass the Secret to every construct that needs it",
    );
    const generated = { length, special };
    const password = new Password(scope, childId, generated);
    return new Secret(password.result, undefined, generated);
  }

  /**
   * The secret of a call that could not declare one (its problem is reported): a token, so that the checks of the
   * constructs that receive it skip it, as they skip every value only Terraform knows. Nothing is synthesized while
   * the problem exists.
   */
  private static unavailable(): Secret {
    return new Secret(Lazy.stringValue({ produce: () => "" }), undefined, undefined);
  }

  private constructor(
    /** A token that resolves to the secret inside Terraform; its value is never known at synth time. */
    public readonly value: string,
    /** The Terraform variable the value comes from, when it comes from one. */
    public readonly variable: TerraformVariable | undefined,
    /** How Terraform generates the value, when it generates it. */
    public readonly generated: Required<GeneratedSecretOptions> | undefined,
  ) {}

  /** The `TF_VAR_…` environment variable that supplies this secret, when it comes from a variable. */
  public get environmentVariable(): string | undefined {
    return this.variable ? `TF_VAR_${this.variable.friendlyUniqueId}` : undefined;
  }
}

const variablesByStack = new WeakMap<TerraformStack, Map<string, TerraformVariable>>();

/** The secrets' Terraform variables of `stack`, by name (the first declaration of each). */
function variablesNamed(stack: TerraformStack): Map<string, TerraformVariable> {
  const variables = variablesByStack.get(stack) ?? new Map<string, TerraformVariable>();
  variablesByStack.set(stack, variables);
  return variables;
}
