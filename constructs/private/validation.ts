import { Token } from "cdktf";
import { IConstruct } from "constructs";

/**
 * Collects the problems of one construct's props, each naming the field, the value and the rule it breaks.
 *
 * Problems are reported through `node.addValidation`, so cdktf runs them at synth, prefixes each with the construct
 * path, and lists every problem of a stack in one error before anything reaches Terraform.
 */
export class Problems {
  private readonly found: string[] = [];

  /** Records that `field` holds `value`, which breaks `rule`. */
  public add(field: string, value: unknown, rule: string): void {
    this.found.push(`${field}: ${JSON.stringify(value)} ${rule}`);
  }

  /**
   * Records a problem unless `value` matches `pattern`. Token values are skipped: they are only known to Terraform.
   */
  public requireMatch(field: string, value: string | undefined, pattern: RegExp, rule: string): void {
    if (value === undefined || Token.isUnresolved(value)) return;
    if (!pattern.test(value)) this.add(field, value, rule);
  }

  public get messages(): readonly string[] {
    return this.found;
  }
}

/** Registers `check` to run at synth time on `scope`; the messages it returns fail the synth. */
export function validateAtSynth(scope: IConstruct, check: (problems: Problems) => void): void {
  scope.node.addValidation({
    validate: () => {
      const problems = new Problems();
      check(problems);
      return [...problems.messages];
    },
  });
}

/** A literal string, as opposed to a token whose value only Terraform knows. */
export function isLiteral(value: string | undefined): value is string {
  return value !== undefined && !Token.isUnresolved(value);
}
