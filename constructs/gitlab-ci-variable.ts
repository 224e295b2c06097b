import { ProjectVariable } from "@cdktf/provider-gitlab/lib/project-variable";
import { Construct } from "constructs";
import { FlowProviders } from "./flow-providers";
import {
  generatedSecretMaskProblem,
  GITLAB_ENVIRONMENT_SCOPE,
  GITLAB_MASKED_RAW_VALUE,
  GITLAB_MASKED_VALUE,
  GITLAB_PROJECT,
  GITLAB_VARIABLE_KEY,
  TYPE_RULES,
} from "./private/rules";
import { checkSecretBeforeUse } from "./private/secret-check";
import {
  expectBoolean,
  expectMatching,
  expectRecord,
  expectString,
  hiddenReporterFor,
  reporterFor,
} from "./private/prop-types";
import { isLiteral, validateAtSynth } from "./private/validation";
import { Secret } from "./secret";

/** Properties of a {@link GitlabCiVariable}. */
export interface GitlabCiVariableProps {
  /** The GitLab project, by numeric id or full path (`group/project`). */
  readonly project: string;

  /** The variable's key, e.g. `HEROKU_API_KEY`: letters, digits and underscores. */
  readonly key: string;

  /** The value: a plain string, or a {@link Secret} for credentials (kept out of `cdktf.out` and plan output). */
  readonly value: string | Secret;

  /**
   * Hide the value in job logs. GitLab only accepts masked values of at least 8 characters from the Base64 alphabet
   * plus `@ : . ~` (any non-whitespace for raw variables); a literal value that breaks this fails synth, so does a
   * generated secret that could break it (shorter than 8, or with punctuation), and a secret from a Terraform variable
   * is checked by Terraform before the variable is created or changed, without printing it. A {@link Secret} must be
   * masked: `masked: false` with one is reported, since any job that echoes the variable would print the credential.
   *
   * @default - true for a {@link Secret}, false for a plain string
   */
  readonly masked?: boolean;

  /**
   * Expose the variable only to pipelines on protected branches and tags (e.g. production deploys from `v*` tags).
   *
   * @default false
   */
  readonly protected?: boolean;

  /**
   * The environments that see the variable (`staging`, `review/*`, `*`).
   *
   * @default "*"
   */
  readonly environmentScope?: string;

  /**
   * Hide the value in the GitLab UI too (masked and hidden; needs `masked`). Always sent explicitly: the GitLab
   * provider 18.6.1 replaces a variable on every update when `hidden` is left unset.
   *
   * @default false
   */
  readonly hidden?: boolean;

  /**
   * Do not expand `$VARIABLE` references in the value.
   *
   * @default false
   */
  readonly raw?: boolean;

  /**
   * Shown in the GitLab UI next to the variable.
   *
   * @default - no description
   */
  readonly description?: string;
}

/** A GitLab CI/CD project variable (`gitlab_project_variable`), such as the deploy key a job uses to reach Heroku. */
export class GitlabCiVariable extends Construct {
  public readonly key: string;
  public readonly masked: boolean;
  public readonly protected: boolean;
  public readonly environmentScope: string;

  /** The literal value, when the value is not a secret (for the lint rules). */
  public readonly literalValue?: string;

  /** The generated `gitlab_project_variable` resource. */
  public readonly resource: ProjectVariable;

  constructor(scope: Construct, id: string, given: GitlabCiVariableProps) {
    super(scope, id);
    FlowProviders.gitlabProviderFor(this);
    const props = checkedVariableProps(this, given);
    this.key = props.key;
    this.masked = props.masked ?? props.value instanceof Secret;
    this.protected = props.protected ?? false;
    this.environmentScope = props.environmentScope ?? "*";
    const hidden = props.hidden ?? false;
    const raw = props.raw ?? false;
    const value = props.value instanceof Secret ? props.value.value : props.value;
    this.literalValue = props.value instanceof Secret ? undefined : props.value;

    this.resource = new ProjectVariable(this, "Resource", {
      project: props.project,
      key: props.key,
      value,
      masked: this.masked,
      protected: this.protected,
      environmentScope: this.environmentScope,
      hidden,
      raw,
      description: props.description,
    });

    const maskRule = raw ? GITLAB_MASKED_RAW_VALUE : GITLAB_MASKED_VALUE;
    const secret = props.value instanceof Secret ? props.value : undefined;
    if (this.masked && secret) {
      checkSecretBeforeUse(
        this.resource,
        secret,
        maskRule,
        `The value of ${secret.environmentVariable} (GitLab variable ${props.key}) ${maskRule.description}.`,
      );
    }

    validateAtSynth(this, (problems) => {
      problems.check("project", props.project, GITLAB_PROJECT);
      problems.check("key", props.key, GITLAB_VARIABLE_KEY);
      if (this.masked && isLiteral(this.literalValue) && !maskRule.test(this.literalValue)) {
        // The value itself is not echoed: masked values are the ones that should not end up in logs.
        problems.addHidden("value", `(${this.literalValue.length} characters)`, maskRule.description);
      }
      const generated = secret?.generated;
      const generatedProblem =
        this.masked && generated && generatedSecretMaskProblem(generated.length, generated.special, raw);
      if (generatedProblem) {
        problems.addHidden(
          "value",
          `(generated, ${generated.length} characters${generated.special ? " with punctuation" : ""})`,
          generatedProblem,
          "generate at least 8 characters without punctuation: Secret.generate(scope, id, { length: 48 })",
        );
      }
      if (secret && !this.masked) {
        problems.add(
          "masked",
          this.masked,
          "must be true for a Secret: GitLab prints an unmasked variable in every job log that echoes it",
          "leave masked unset (a Secret is masked by default), or pass a plain string if the value is not a credential",
        );
      }
      if (hidden && !this.masked) {
        problems.add("hidden", hidden, "requires masked: true (GitLab hides only masked variables)");
      }
      problems.check("environmentScope", this.environmentScope, GITLAB_ENVIRONMENT_SCOPE);
    });
  }
}

/**
 * The props with each one of the wrong type (from JavaScript or JSON) reported and left out. A value that is neither a
 * string nor a {@link Secret} is reported by its type alone: it may be a credential.
 */
/** The rule of a variable's value, built on use (docs/mutation-testing.md). */
function valueTypeRule(): string {
  return TYPE_RULES.instance("a string or a Secret (Secret.fromVariable, Secret.generate)");
}

function checkedVariableProps(scope: Construct, props: GitlabCiVariableProps): GitlabCiVariableProps {
  const report = reporterFor(scope);
  const given: Partial<GitlabCiVariableProps> = expectRecord(report, "props", props) ? props : {};
  const optional = { optional: true };
  const string = (field: "project" | "key" | "environmentScope" | "description", presence = {}) =>
    expectString(report, field, given[field], presence) ? given[field] : undefined;
  const flag = (field: "masked" | "protected" | "hidden" | "raw") =>
    expectBoolean(report, field, given[field], optional) ? given[field] : undefined;
  const value =
    given.value instanceof Secret ||
    expectMatching(hiddenReporterFor(scope), "value", given.value, (v) => typeof v === "string", valueTypeRule())
      ? given.value
      : "";
  return {
    project: string("project") as string,
    key: string("key") as string,
    value: value as string | Secret,
    masked: flag("masked"),
    protected: flag("protected"),
    environmentScope: string("environmentScope", optional),
    hidden: flag("hidden"),
    raw: flag("raw"),
    description: string("description", optional),
  };
}
