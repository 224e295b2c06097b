import { AnnotationMetadataEntryType, App, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import { synthesizeAfterLintPass } from "./lint/lint-pass";
import { runLintChecks } from "./lint/run-checks";
import { inheritAppAspects } from "./private/app-aspects";
import { findEngineMismatch } from "./private/engine-copies";
import { formatDetail, problemValidationsOf, reportProblem } from "./private/validation";

/** One problem of an app: where, which field, which value, which rule, and what to do. */
export interface FlowProblem {
  /** The construct path, e.g. `staging/App/Postgres`; empty for problems of the app as a whole. */
  readonly path: string;

  /** The prop or setting, e.g. `plan`; empty for problems reported by other libraries as plain text. */
  readonly field: string;

  /** The value as shown (JSON for literals; secret values are described, never shown). */
  readonly value: string;

  /** The rule the value breaks, or the whole message of a problem reported as plain text. */
  readonly rule: string;

  /** What to do instead, when known. */
  readonly hint?: string;
}

/** What {@link FlowValidation.addProblem} records. */
export interface FlowProblemInput {
  /** The prop or setting, e.g. `environments[2].name` or `HEROKU_FLOW_REVIEW_ID`. */
  readonly field: string;

  /** The offending value; shown as JSON. */
  readonly value: unknown;

  /** The rule it breaks, as the sentence after the value: "must be …". */
  readonly rule: string;

  /**
   * What to do instead.
   *
   * @default - no hint
   */
  readonly hint?: string;
}

/** An app has problems; the message lists every one of them. */
export class FlowValidationError extends Error {
  constructor(public readonly problems: readonly FlowProblem[]) {
    super(formatReport(problems));
    this.name = "FlowValidationError";
  }
}

/**
 * The app-level check: every problem of every stack, in one report, before anything is written.
 *
 * cdktf's own `app.synth()` validates one stack at a time, writes the valid stacks it meets before the first invalid
 * one, and stops there with a stack trace. Use this instead of `app.synth()`:
 *
 * ```ts
 * import { App, Aspects, TerraformStack } from "cdktf";
 * import { FlowProviders, FlowValidation, HerokuApp, HerokuFlowChecks } from "heroku-flow-cdktf";
 *
 * const app = new App();
 * const stack = new TerraformStack(app, "staging");
 * new FlowProviders(stack, "Providers");
 * new HerokuApp(stack, "Api", { name: "acme-api-staging" });
 * Aspects.of(app).add(new HerokuFlowChecks());
 * FlowValidation.of(app).synth();
 * ```
 *
 * When anything is invalid, `synth()` prints one report to stderr — each problem with its construct path, field,
 * value, rule and a hint — sets the process's exit code to 1 and writes nothing (no `cdk.tf.json` of any stack), so
 * `cdktf synth` fails without a stack trace. Values known only at deploy time (tokens) are skipped here; the secrets
 * among them are checked by Terraform before any API call, without printing them.
 *
 * It also makes every stack run the aspects registered on the app, which cdktf 0.21 alone never invokes.
 */
export class FlowValidation {
  /** The validation of `app`. */
  public static of(app: App): FlowValidation {
    let validation = validations.get(app);
    if (!validation) {
      validation = new FlowValidation(app);
      validations.set(app, validation);
    }
    return validation;
  }

  /**
   * Records a problem on `scope` that no construct can see (e.g. in a configuration file or the environment): it is
   * reported with every other problem, and nothing is synthesized while it exists.
   */
  public static addProblem(scope: IConstruct, problem: FlowProblemInput): void {
    reportProblem(scope, problem.field, problem.value, problem.rule, problem.hint);
  }

  private constructor(private readonly app: App) {}

  /** Every problem under the app, in construct-tree order (the app's own first). */
  public problems(): FlowProblem[] {
    return this.check().problems;
  }

  /** The report, and the constructs the lint packs checked on the way. */
  private check(): { problems: FlowProblem[]; linted: ReadonlySet<IConstruct> } {
    // An app on two engines (cdktn and cdktf, or two copies of cdktf) is the one problem reported alone: every other
    // check, and synthesis, would run one engine's code on the other's constructs.
    const mismatch = findEngineMismatch(this.app);
    if (mismatch !== undefined) {
      return { problems: [{ path: mismatch.path, field: "", value: "", rule: mismatch.message }], linted: new Set() };
    }
    // The lint packs' errors are problems too; cdktf would run the packs only once this report is made.
    const linted = runLintChecks(this.app);
    const found: FlowProblem[] = [];
    for (const construct of this.app.node.findAll()) {
      const path = construct.node.path;
      const messages = construct.node.validate();
      for (const validation of problemValidationsOf(construct)) {
        for (const detail of validation.lastProblems) {
          found.push({ path, ...detail });
          const index = messages.indexOf(formatDetail(detail));
          if (index >= 0) messages.splice(index, 1);
        }
      }
      // Validations of cdktf itself and of other libraries, and error annotations, come as plain text.
      const errors = construct.node.metadata
        .filter((entry) => entry.type === AnnotationMetadataEntryType.ERROR)
        .map((entry) => String(entry.data));
      for (const message of [...messages, ...errors]) found.push({ path, field: "", value: "", rule: message });
    }
    return { problems: found, linted };
  }

  /** Throws a {@link FlowValidationError} listing every problem, if there is any. */
  public assertValid(): void {
    const problems = this.problems();
    if (problems.length > 0) throw new FlowValidationError(problems);
  }

  /**
   * Validates the whole app, then synthesizes it when it is valid. When it is not, prints the report to stderr, sets
   * `process.exitCode` to 1, writes nothing, and returns false.
   */
  public synth(): boolean {
    const { problems, linted } = this.check();
    if (problems.length > 0) {
      console.error(formatReport(problems));
      process.exitCode = 1;
      return false;
    }
    for (const stack of this.app.node.findAll().filter(TerraformStack.isStack)) inheritAppAspects(stack);
    // The lint packs' findings on the tree just checked are recorded; at synthesis they check only what aspects add.
    synthesizeAfterLintPass(linted, () => this.app.synth());
    return true;
  }
}

const validations = new WeakMap<App, FlowValidation>();

function formatReport(problems: readonly FlowProblem[]): string {
  const lines = problems.map((problem) => {
    const where = `  [${problem.path || "app"}] `;
    const what = problem.field === "" ? problem.rule : formatDetail({ ...problem, hint: undefined });
    return `${where}${what}${problem.hint ? `\n      hint: ${problem.hint}` : ""}`;
  });
  const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  return `Invalid configuration: ${count}, nothing was synthesized\n${lines.join("\n")}`;
}
