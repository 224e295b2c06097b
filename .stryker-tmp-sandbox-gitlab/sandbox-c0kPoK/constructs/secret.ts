// @ts-nocheck
import { Password } from "@cdktf/provider-random/lib/password";
import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { TERRAFORM_VARIABLE_NAME } from "./private/rules";
import { reportProblem } from "./private/validation";

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
    if (!TERRAFORM_VARIABLE_NAME.test(name)) {
      reportProblem(
        scope,
        "Secret.fromVariable name",
        name,
        TERRAFORM_VARIABLE_NAME.description,
        TERRAFORM_VARIABLE_NAME.hint?.(name),
      );
    }
    const variable = new TerraformVariable(scope, name, {
      type: "string",
      sensitive: true,
      nullable: false,
      description: options.description,
    });
    variable.overrideLogicalId(name);
    return new Secret(variable.stringValue, variable, undefined);
  }

  /** A random secret that Terraform generates on the first deploy and keeps in state. */
  public static generate(scope: Construct, id: string, options: GeneratedSecretOptions = {}): Secret {
    const generated = { length: options.length ?? 48, special: options.special ?? false };
    const password = new Password(scope, id, generated);
    return new Secret(password.result, undefined, generated);
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
