// @ts-nocheck
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { performance } from "perf_hooks";
import { App } from "cdktf";
import { FlowValidation, HerokuFlow } from "../../constructs";
import { songlist } from "../../stacks/songlist";

/** Seconds per synth of songlist with `reviewStacks` review stacks, validated and not, measured alternately. */
export interface ValidationCost {
  readonly unvalidated: number[];
  readonly validated: number[];
}

/**
 * Builds and synthesizes songlist with `reviewStacks` review stacks in this process, `runs` times each way: with
 * cdktf's validation skipped and `app.synth()`, and through `FlowValidation.of(app).synth()` (every problem of every
 * stack collected before anything is written). A first, unmeasured run of each warms the JIT; the two ways then
 * alternate so that drift of the machine affects both alike.
 */
export function measureValidationCost(reviewStacks: number, runs: number): ValidationCost {
  const env = { HEROKU_FLOW_REVIEW_ID: Array.from({ length: reviewStacks }, (_, index) => index + 1).join(",") };
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-validation-"));
  const synthOnce = (validated: boolean): number => {
    const outdir = fs.mkdtempSync(path.join(workDir, "out-"));
    const started = performance.now();
    const app = new App({ outdir, skipValidation: !validated });
    new HerokuFlow(app, songlist, { env });
    if (validated) {
      if (!FlowValidation.of(app).synth()) throw new Error("songlist is invalid: the measurement would be meaningless");
    } else {
      app.synth();
    }
    const seconds = (performance.now() - started) / 1000;
    fs.rmSync(outdir, { recursive: true, force: true });
    return seconds;
  };
  try {
    synthOnce(false);
    synthOnce(true);
    const cost: ValidationCost = { unvalidated: [], validated: [] };
    for (let run = 0; run < runs; run++) {
      cost.unvalidated.push(synthOnce(false));
      cost.validated.push(synthOnce(true));
    }
    return cost;
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
