/**
 * A step of the harness that could not be done (an archive or Go missing, a test binary that does not build, a sandbox
 * that does not start): printed as one line naming the step, what went wrong and what to do, and the run exits 1.
 */
export class StepFailure extends Error {
  constructor(
    readonly step: string,
    readonly problem: string,
    readonly remedy: string,
  ) {
    super(`${step}: ${problem}`);
  }

  /** The one line the harness prints for it. */
  line(): string {
    return `acceptance: step "${this.step}" failed: ${this.problem}; what to do: ${this.remedy}`;
  }
}
