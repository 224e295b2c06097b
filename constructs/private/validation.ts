import { TerraformStack, Token } from "cdktf";
import { IConstruct, IValidation } from "constructs";
import { inheritAppAspects } from "./app-aspects";
import { showValue } from "./show-value";
import { Rule, TYPE_RULES } from "./rules";

/** One problem, without its construct path (the construct it is attached to gives that). */
export interface ProblemDetail {
  /** The prop or setting, e.g. `name` or `config.DATABASE_URL`. */
  readonly field: string;
  /** The value as the report shows it (JSON for literals; a description for secrets). */
  readonly value: string;
  /** The rule the value breaks. */
  readonly rule: string;
  /** What to do instead, when known. */
  readonly hint?: string;
}

/** The one-line form cdktf shows when it runs the validation itself (`node.validate()`). */
export function formatDetail(detail: ProblemDetail): string {
  return `${detail.field}: ${detail.value} ${detail.rule}${detail.hint ? ` (hint: ${detail.hint})` : ""}`;
}

/** Collects the problems of one construct's props, each naming the field, the value and the rule it breaks. */
export class Problems {
  private readonly found: ProblemDetail[] = [];

  /** Records that `field` holds `value`, which breaks `rule`. */
  public add(field: string, value: unknown, rule: string, hint?: string): void {
    this.found.push({ field, value: showValue(value), rule, hint });
  }

  /** Records a problem whose value must not be shown (a secret): `shown` describes it instead. */
  public addHidden(field: string, shown: string, rule: string, hint?: string): void {
    this.found.push({ field, value: shown, rule, hint });
  }

  /**
   * Records a problem unless `value` satisfies `rule`. Token values are skipped: they are only known to Terraform.
   * Returns whether the value passed (or was skipped).
   */
  public check(field: string, value: string | undefined, rule: Rule): boolean {
    if (value === undefined || Token.isUnresolved(value) || rule.test(value)) return true;
    this.add(field, value, rule.description, rule.hint?.(value));
    return false;
  }

  public get details(): readonly ProblemDetail[] {
    return this.found;
  }
}

/** A validation whose last run is kept in structured form, for the app-level report. */
export class ProblemValidation implements IValidation {
  private last: readonly ProblemDetail[] = [];

  constructor(private readonly run: (problems: Problems) => void) {}

  public validate(): string[] {
    const problems = new Problems();
    this.run(problems);
    this.last = problems.details;
    return this.last.map(formatDetail);
  }

  /** The problems found by the latest {@link validate}. */
  public get lastProblems(): readonly ProblemDetail[] {
    return this.last;
  }
}

const validationsOf = new WeakMap<IConstruct, ProblemValidation[]>();

/** The structured validations registered on `scope`. */
export function problemValidationsOf(scope: IConstruct): readonly ProblemValidation[] {
  return validationsOf.get(scope) ?? [];
}

/**
 * Registers `check` to run at synth time on `scope`. The problems it records are part of the app's one validation
 * report (`FlowValidation`), and also fail a plain `app.synth()`.
 *
 * It also lets the stack run the aspects registered on the app (see `inheritAppAspects`), so that every stack with a
 * construct of this library honours `Aspects.of(app).add(...)`.
 */
export function validateAtSynth(scope: IConstruct, check: (problems: Problems) => void): void {
  const validation = new ProblemValidation(check);
  validationsOf.set(scope, [...problemValidationsOf(scope), validation]);
  scope.node.addValidation(validation);
  const stack = stackOf(scope);
  if (stack) inheritAppAspects(stack);
}

/**
 * Records a problem found while building `scope`. Used instead of throwing, so that it is reported with every other
 * problem of the app rather than as a crash that hides them.
 */
export function reportProblem(scope: IConstruct, field: string, value: unknown, rule: string, hint?: string): void {
  validateAtSynth(scope, (problems) => problems.add(field, value, rule, hint));
}

/** {@link reportProblem} for a value that must not be shown (a secret): `shown` describes it instead. */
export function reportHiddenProblem(
  scope: IConstruct,
  field: string,
  shown: string,
  rule: string,
  hint?: string,
): void {
  validateAtSynth(scope, (problems) => problems.addHidden(field, shown, rule, hint));
}

/** Whether `scope` is inside a TerraformStack (or is one), where Terraform variables and resources can be declared. */
export function hasStack(scope: IConstruct): boolean {
  return stackOf(scope) !== undefined;
}

/**
 * The id to give a child that `method` creates under `scope`. constructs refuses a second child with the same id
 * ("There is already a Construct with name …"), which would stop the program before any other problem is reported;
 * instead, the clash is recorded as a problem that says which call repeated, and a free id is returned so that
 * building goes on (nothing is synthesized while a problem exists).
 */
export function childIdFor(scope: IConstruct, id: string, method: string, hint: string): string {
  // From JavaScript: an id that is no string (or empty) would fail in the constructs library with a TypeError.
  if (typeof id !== "string" || id === "") {
    reportProblem(scope, `${method} id`, id, TYPE_RULES.id);
    return freeId(scope, method.replace(/\W+/g, ""));
  }
  if (!scope.node.tryFindChild(id)) return id;
  reportProblem(scope, method, id, `was called twice with the same id on ${scope.node.path || "the app"}`, hint);
  return freeId(scope, id);
}

/** `id`, or the first of `id-2`, `id-3`, … that no child of `scope` has. */
function freeId(scope: IConstruct, id: string): string {
  if (!scope.node.tryFindChild(id)) return id;
  let n = 2;
  while (scope.node.tryFindChild(`${id}-${n}`)) n++;
  return `${id}-${n}`;
}

/** A literal string, as opposed to a token whose value only Terraform knows. */
export function isLiteral(value: string | undefined): value is string {
  return value !== undefined && !Token.isUnresolved(value);
}

function stackOf(scope: IConstruct): TerraformStack | undefined {
  return scope.node.scopes.find((s): s is TerraformStack => TerraformStack.isStack(s));
}
