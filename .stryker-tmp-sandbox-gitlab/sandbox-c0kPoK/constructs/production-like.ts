// @ts-nocheck
import type { PipelineStage } from "./heroku-pipeline-coupling";

/** What is known about an environment when deciding whether it holds production data. */
export interface ProductionLikeFacts {
  /**
   * What the user said, which wins.
   *
   * @default - decided from the stage and the name
   */
  readonly productionLike?: boolean;

  /**
   * The pipeline stage the app is coupled at.
   *
   * @default - no stage known
   */
  readonly stage?: PipelineStage | string;

  /**
   * The environment's name.
   *
   * @default - no name known
   */
  readonly name?: string;
}

/**
 * Whether an environment holds production data (and so gets `prevent_destroy`, and the production lint rules): what
 * the user said; otherwise yes when it is coupled at the `production` stage or named `production` in any case (an
 * environment named `Production` holds production data just the same). The one place this is decided: `HerokuApp`,
 * `HerokuFlow`'s environment stacks and the lint rules all ask here.
 */
export function isProductionLike(facts: ProductionLikeFacts): boolean {
  if (facts.productionLike !== undefined) return facts.productionLike;
  return facts.stage === "production" || facts.name?.toLowerCase() === "production";
}
