import { IConstruct } from "constructs";

/**
 * How a finding is reported. A warning is printed by `cdktf synth` and recorded in `manifest.json`; an error is a
 * problem of the app, reported with every other one by {@link FlowValidation} (construct path, field, value, rule,
 * hint), and nothing is synthesized while it stands.
 */
export type LintLevel = "warning" | "error";

/** What a lint rule found on one construct: the attribute at fault, what is wrong, and why it matters. */
export interface LintFinding {
  /** The attribute of the synthesized resource at fault, e.g. `plan` or `protected`; the report's field. */
  readonly field: string;

  /** Its value, as the report shows it (JSON); never a secret's value. */
  readonly value: unknown;

  /** What is wrong, naming the value, e.g. "production database on heroku-postgresql:essential-0". */
  readonly what: string;

  /** Why it matters and what to do instead. */
  readonly why: string;
}

/** One check of the Heroku Flow lint pack. */
export interface LintRule {
  /** A stable id used in messages and suppressions, e.g. `HF1`. */
  readonly id: string;

  /** Whether a finding is a warning or fails the synth. */
  readonly level: LintLevel;

  /** Returns a finding when `node` breaks the rule; ignores constructs the rule is not about. */
  check(node: IConstruct): LintFinding | undefined;
}
