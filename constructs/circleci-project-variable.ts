import { Construct } from "constructs";
import { ProjectEnvironmentVariable } from "../.gen/providers/circleci/project-environment-variable";
import { FlowProviders } from "./flow-providers";
import { checkCircleciVariableValue, circleciVariableValueOf } from "./private/circleci-variable-value";
import { expectRecord, expectString, reporterFor } from "./private/prop-types";
import { CIRCLECI_PROJECT_SLUG, CIRCLECI_VARIABLE_NAME } from "./private/rules";
import { validateAtSynth } from "./private/validation";
import { Secret } from "./secret";

/** Properties of a {@link CircleciProjectVariable}. */
export interface CircleciProjectVariableProps {
  /** The project's slug, `<vcs>/<organization>/<repository>`, e.g. `gh/acme/api`. */
  readonly projectSlug: string;

  /** The variable's name, e.g. `HEROKU_API_KEY`: letters, digits and underscores, not starting with a digit. */
  readonly name: string;

  /**
   * The value: a plain string, or a {@link Secret} for credentials (kept out of `cdktf.out`, a sensitive Terraform
   * variable or a generated secret). It must not be empty nor start or end with whitespace.
   */
  readonly value: string | Secret;
}

/**
 * A CircleCI project environment variable (`circleci_project_environment_variable`), such as the deploy key a
 * project's jobs use to reach Heroku.
 *
 * CircleCI never returns the value (it shows `xxxx` and the last four characters), so Terraform cannot see a value
 * changed in CircleCI's UI: it keeps reporting the value it last set. A changed value here replaces the variable
 * (the provider deletes and re-creates it), which jobs starting in between would find missing.
 */
export class CircleciProjectVariable extends Construct {
  public readonly projectSlug: string;
  public readonly name: string;

  /** The literal value, when the value is not a secret. */
  public readonly literalValue?: string;

  /** The generated `circleci_project_environment_variable` resource. */
  public readonly resource: ProjectEnvironmentVariable;

  constructor(scope: Construct, id: string, given: CircleciProjectVariableProps) {
    super(scope, id);
    FlowProviders.circleciProviderFor(this);
    const report = reporterFor(this);
    const props: Partial<CircleciProjectVariableProps> = expectRecord(report, "props", given) ? given : {};
    const projectSlug = expectString(report, "projectSlug", props.projectSlug) ? props.projectSlug : "";
    const name = expectString(report, "name", props.name) ? props.name : "";
    const value = circleciVariableValueOf(this, "value", props.value);
    this.projectSlug = projectSlug;
    this.name = name;
    this.literalValue = value.literal;

    this.resource = new ProjectEnvironmentVariable(this, "Resource", { projectSlug, name, value: value.value });
    checkCircleciVariableValue(this, this.resource, "value", name, value);

    validateAtSynth(this, (problems) => {
      if (typeof props.projectSlug === "string") problems.check("projectSlug", projectSlug, CIRCLECI_PROJECT_SLUG);
      if (typeof props.name === "string") problems.check("name", name, CIRCLECI_VARIABLE_NAME);
    });
  }
}
