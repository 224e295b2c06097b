import { Construct } from "constructs";
import { PipelineCoupling } from "../.gen/providers/heroku/pipeline-coupling";
import type { IHerokuApp } from "./heroku-app";
import type { IHerokuPipeline } from "./heroku-pipeline";
import {
  expectMatching,
  expectOneOf,
  expectRecord,
  isHerokuApp,
  isHerokuPipeline,
  reporterFor,
} from "./private/prop-types";
import { EXPECTED_TYPES, PIPELINE_STAGE, TYPE_RULES } from "./private/rules";
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
    // Each prop of the wrong type (from JavaScript or JSON) is reported and left out, so that building goes on.
    const report = reporterFor(this);
    const given: Partial<HerokuPipelineCouplingProps> = expectRecord(report, "props", props) ? props : {};
    const pipeline = expectMatching(
      report,
      "pipeline",
      given.pipeline,
      isHerokuPipeline,
      TYPE_RULES.instance(EXPECTED_TYPES.herokuPipeline),
    )
      ? given.pipeline
      : undefined;
    const app = expectMatching(report, "app", given.app, isHerokuApp, TYPE_RULES.instance(EXPECTED_TYPES.herokuApp))
      ? given.app
      : undefined;
    // A string that is not a stage is reported by the stage rule at synth (with its hint), other types here.
    const stageIsString = typeof given.stage === "string" || expectOneOf(report, "stage", given.stage, PIPELINE_STAGES);
    this.stage = given.stage as PipelineStage;
    this.resource = new PipelineCoupling(this, "Resource", {
      pipeline: pipeline?.pipelineId ?? "",
      appId: app?.appId ?? "",
      stage: stageIsString ? this.stage : "",
    });
    validateAtSynth(this, (problems) => {
      if (stageIsString) problems.check("stage", this.stage, PIPELINE_STAGE);
    });
  }
}
