// @ts-nocheck
import { Construct } from "constructs";
import { PipelineCoupling } from "../.gen/providers/heroku/pipeline-coupling";
import type { IHerokuApp } from "./heroku-app";
import type { IHerokuPipeline } from "./heroku-pipeline";
import { PIPELINE_STAGE } from "./private/rules";
import { validateAtSynth } from "./private/validation";

/** The stages an app can be coupled at (the provider rejects the API's `test` stage). */
export type PipelineStage = "review" | "development" | "staging" | "production";

/** Every {@link PipelineStage}, for validating values that come from untyped configuration. */
export const PIPELINE_STAGES: readonly PipelineStage[] = ["review", "development", "staging", "production"];

/** Properties of a {@link HerokuPipelineCoupling}. */
export interface HerokuPipelineCouplingProps {
  /** The pipeline the app joins. */
  readonly pipeline: IHerokuPipeline;

  /** The app to couple. */
  readonly app: IHerokuApp;

  /** The stage the app is coupled at; an app is in one pipeline at one stage. */
  readonly stage: PipelineStage;
}

/**
 * Couples an app to a pipeline at a stage (`heroku_pipeline_coupling`). Every attribute forces replacement, so moving
 * an app to another stage re-creates the coupling (the app itself is untouched).
 */
export class HerokuPipelineCoupling extends Construct {
  public readonly stage: PipelineStage;

  /** The generated `heroku_pipeline_coupling` resource. */
  public readonly resource: PipelineCoupling;

  constructor(scope: Construct, id: string, props: HerokuPipelineCouplingProps) {
    super(scope, id);
    this.stage = props.stage;
    this.resource = new PipelineCoupling(this, "Resource", {
      pipeline: props.pipeline.pipelineId,
      appId: props.app.appId,
      stage: props.stage,
    });
    validateAtSynth(this, (problems) => problems.check("stage", props.stage, PIPELINE_STAGE));
  }
}
