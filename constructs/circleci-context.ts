import { createHash } from "crypto";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { Context } from "../.gen/providers/circleci/context";
import { ContextEnvironmentVariable } from "../.gen/providers/circleci/context-environment-variable";
import { ContextRestriction } from "../.gen/providers/circleci/context-restriction";
import { FlowProviders } from "./flow-providers";
import { checkCircleciVariableValue, circleciVariableValueOf } from "./private/circleci-variable-value";
import { expectArray, expectRecord, expectString, Report, reporterFor } from "./private/prop-types";
import {
  CIRCLECI_CONTEXT_NAME,
  CIRCLECI_CONTEXT_RULES,
  CIRCLECI_RESTRICTION_EXPRESSION,
  CIRCLECI_VARIABLE_NAME,
  UUID,
} from "./private/rules";
import { childIdFor, reportProblem, validateAtSynth } from "./private/validation";
import { Secret } from "./secret";

/** Who may use a {@link CircleciContext}: a pipeline must meet every restriction (CircleCI ANDs them). */
export interface CircleciContextRestrictions {
  /**
   * Projects whose pipelines may use the context, by project id (a UUID: Project Settings, Overview).
   *
   * @default - no project restriction
   */
  readonly projectIds?: string[];

  /**
   * Expressions the pipeline must satisfy, over pipeline values and `job.ssh.enabled`, e.g.
   * `pipeline.git.branch == "main" and not job.ssh.enabled` or `pipeline.git.tag starts-with "v"`. Each must parse as
   * a CircleCI expression; where one does not, synth reports where and what was expected.
   *
   * @default - no expression restriction
   */
  readonly expressions?: string[];
}

/** Properties of a {@link CircleciContext}. */
export interface CircleciContextProps {
  /** The context's name, as workflows name it (`context: deploy`); unique in its organization. */
  readonly name: string;

  /**
   * The organization that owns the context, by id (a UUID: Organization Settings, Overview). The CircleCI provider
   * 0.4.2 takes the id only, not the organization's slug.
   */
  readonly organizationId: string;

  /**
   * The context's environment variables: plain strings, or {@link Secret}s for credentials (kept out of `cdktf.out`).
   * CircleCI never returns a context variable's value, so Terraform cannot see a value changed in CircleCI's UI: it
   * keeps reporting the value it last set. More with {@link CircleciContext.addVariable}.
   *
   * @default - no variables
   */
  readonly variables?: Record<string, string | Secret>;

  /**
   * Who may use the context. More with {@link CircleciContext.restrictToProject} and
   * {@link CircleciContext.restrictToExpression}.
   *
   * @default - any project of the organization, on any pipeline
   */
  readonly restrictions?: CircleciContextRestrictions;
}

/**
 * A CircleCI context (`circleci_context`) with its environment variables (`circleci_context_environment_variable`)
 * and restrictions (`circleci_context_restriction`): the shared, restricted home of a deploy key, e.g. a Heroku API
 * key usable only by the main branch's pipelines.
 */
export class CircleciContext extends Construct {
  public readonly name: string;
  public readonly organizationId: string;

  /**
   * The context's id, as its variables and restrictions take it.
   *
   * @attribute
   */
  public readonly contextId: string;

  /** The generated `circleci_context` resource. */
  public readonly resource: Context;

  private readonly variables = new Map<string, ContextEnvironmentVariable>();
  private readonly restrictions = new Map<string, ContextRestriction>();

  constructor(scope: Construct, id: string, given: CircleciContextProps) {
    super(scope, id);
    FlowProviders.circleciProviderFor(this);
    const report = reporterFor(this);
    const props: Partial<CircleciContextProps> = expectRecord(report, "props", given) ? given : {};
    this.name = expectString(report, "name", props.name) ? props.name : "";
    this.organizationId = expectString(report, "organizationId", props.organizationId) ? props.organizationId : "";

    this.resource = new Context(this, "Resource", { name: this.name, organizationId: this.organizationId });
    this.contextId = this.resource.id;

    const variables = expectRecord(report, "variables", props.variables, { optional: true }) ? props.variables : {};
    for (const [name, value] of Object.entries(variables ?? {})) this.addVariable(name, value);
    const restrictions = checkedRestrictions(report, props.restrictions);
    for (const projectId of restrictions.projectIds ?? []) this.restrictToProject(projectId);
    for (const expression of restrictions.expressions ?? []) this.restrictToExpression(expression);

    validateAtSynth(this, (problems) => {
      if (typeof props.name === "string") problems.check("name", this.name, CIRCLECI_CONTEXT_NAME);
      if (typeof props.organizationId === "string") problems.check("organizationId", this.organizationId, UUID);
    });
  }

  /**
   * Adds an environment variable to the context. A context holds one value per name: a second call with a name is
   * reported, and the first value kept.
   */
  public addVariable(name: string, value: string | Secret): ContextEnvironmentVariable {
    const field = `variables.${String(name)}`;
    const nameGiven = expectString(reporterFor(this), "variable name", name);
    if (!nameGiven) name = "";
    // A name of the wrong type is reported already; "" stands for it, and is not a name taken twice.
    const taken = nameGiven ? this.variables.get(name) : undefined;
    if (taken) {
      reportProblem(
        this,
        "variable name",
        name,
        CIRCLECI_CONTEXT_RULES.variableNameTaken,
        CIRCLECI_CONTEXT_RULES.variableNameTakenHint,
      );
      return taken;
    }
    const given = circleciVariableValueOf(this, field, value);
    const id = nameGiven
      ? childIdFor(this, `Variable-${name}`, "addVariable()", "add each variable once")
      : `Variable-${this.node.children.length}`;
    const variable = new ContextEnvironmentVariable(this, id, {
      contextId: this.contextId,
      name,
      value: given.value,
    });
    if (nameGiven) this.variables.set(name, variable);
    checkCircleciVariableValue(this, variable, field, name, given);
    if (nameGiven) validateAtSynth(this, (problems) => problems.check("variable name", name, CIRCLECI_VARIABLE_NAME));
    return variable;
  }

  /** Lets only the pipelines of one project use the context (`projectId`: the project's UUID). */
  public restrictToProject(projectId: string): ContextRestriction {
    const field = "restrictions.projectIds";
    const given = expectString(reporterFor(this), field, projectId);
    if (!given) projectId = "";
    const restriction = this.addRestriction(field, "project", projectId, "Project");
    if (given) validateAtSynth(this, (problems) => problems.check(field, projectId, UUID));
    return restriction;
  }

  /**
   * Lets only the pipelines that satisfy `expression` use the context, e.g. `pipeline.git.tag starts-with "v"`. An
   * expression that does not parse as a CircleCI expression, or that reads what a restriction may not (pipeline
   * parameters), is reported with where it fails and what was expected there.
   */
  public restrictToExpression(expression: string): ContextRestriction {
    const field = "restrictions.expressions";
    const given = expectString(reporterFor(this), field, expression);
    if (!given) expression = "";
    const restriction = this.addRestriction(field, "expression", expression, "Expression");
    if (given) validateAtSynth(this, (problems) => problems.check(field, expression, CIRCLECI_RESTRICTION_EXPRESSION));
    return restriction;
  }

  private addRestriction(field: string, type: string, value: string, idPrefix: string): ContextRestriction {
    const key = `${type}:${value}`;
    const repeated = this.restrictions.get(key);
    if (repeated) {
      reportProblem(this, field, value, CIRCLECI_CONTEXT_RULES.restrictionRepeated);
      return repeated;
    }
    const restriction = new ContextRestriction(this, `${idPrefix}-${this.restrictionIdFor(type, value)}`, {
      contextId: this.contextId,
      type,
      value,
    });
    this.restrictions.set(key, restriction);
    return restriction;
  }

  /**
   * A restriction's id, from its value, so that removing one restriction leaves the others' addresses and Terraform
   * replaces only it: a project id as it is, an expression hashed (it holds any character). A value only Terraform
   * knows is named by its order instead.
   */
  private restrictionIdFor(type: string, value: string): string {
    if (Token.isUnresolved(value)) return String(this.restrictions.size + 1);
    if (type === "project" && /^[A-Za-z0-9-]{1,64}$/.test(value)) return value;
    return createHash("sha256").update(value).digest("hex").slice(0, 12);
  }
}

/** The restrictions given, with each one of the wrong type (from JavaScript or JSON) reported and left out. */
function checkedRestrictions(report: Report, given: unknown): CircleciContextRestrictions {
  if (!expectRecord(report, "restrictions", given, { optional: true })) return {};
  const restrictions = given as CircleciContextRestrictions;
  const list = (field: "projectIds" | "expressions") =>
    expectArray(report, `restrictions.${field}`, restrictions[field], { optional: true }) ? restrictions[field] : [];
  return { projectIds: list("projectIds"), expressions: list("expressions") };
}
