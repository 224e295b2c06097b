// @ts-nocheck
import { IConstruct } from "constructs";

/** What a lint rule found on one construct: what is wrong, and why it matters. */
export interface LintFinding {
  /** What is wrong, naming the value, e.g. "production database on heroku-postgresql:essential-0". */
  readonly what: string;

  /** Why it matters and what to do instead. */
  readonly why: string;
}

/** One check of the Heroku Flow lint pack. */
export interface LintRule {
  /** A stable id used in messages and suppressions, e.g. `HF1`. */
  readonly id: string;

  /** Returns a finding when `node` breaks the rule; ignores constructs the rule is not about. */
  check(node: IConstruct): LintFinding | undefined;
}
