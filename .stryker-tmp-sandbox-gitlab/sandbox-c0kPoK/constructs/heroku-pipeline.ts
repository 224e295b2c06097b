// @ts-nocheck
import { Construct, IConstruct } from "constructs";
import { DataHerokuPipeline } from "../.gen/providers/heroku/data-heroku-pipeline";
import { Pipeline } from "../.gen/providers/heroku/pipeline";
import type { IHerokuApp } from "./heroku-app";
import { HerokuPipelineCoupling, PipelineStage } from "./heroku-pipeline-coupling";
import { PIPELINE_NAME, UUID } from "./private/rules";
import { childIdFor, validateAtSynth } from "./private/validation";

/** A Heroku pipeline, created here or referenced by id or name. */
export interface IHerokuPipeline extends IConstruct {
  /**
   * The pipeline's UUID.
   *
   * @attribute
   */
  readonly pipelineId: string;

  /** Couples an app to the pipeline at `stage`. */
  addApp(app: IHerokuApp, stage: PipelineStage): HerokuPipelineCoupling;
}

abstract class PipelineBase extends Construct implements IHerokuPipeline {
  public abstract readonly pipelineId: string;

  public addApp(app: IHerokuApp, stage: PipelineStage): HerokuPipelineCoupling {
    const id = childIdFor(
      this,
      `Coupling-${app.node.id}`,
      "addApp()",
      `couple ${app.node.path} once: an app is in one pipeline at one stage`,
    );
    return new HerokuPipelineCoupling(this, id, { pipeline: this, app, stage });
  }
}

/** Properties of a {@link HerokuPipeline}. */
export interface HerokuPipelineProps {
  /** The pipeline's name: 3-30 lowercase letters, digits and dashes, starting with a letter. */
  readonly name: string;

  /**
   * The team that owns the pipeline, by its UUID.
   *
   * @default - the API key's user
   */
  readonly teamId?: string;
}

/**
 * A Heroku pipeline (`heroku_pipeline`): the review → development → staging → production flow that apps are coupled
 * to with {@link addApp}.
 *
 * Other stacks should take the pipeline's id from this construct (a cross-stack reference) or from
 * {@link HerokuPipeline.fromId}: Heroku cannot look a pipeline up by name while it has no apps, which a new pipeline
 * never has.
 */
export class HerokuPipeline extends PipelineBase {
  /** Whether `value` is a pipeline id as Heroku writes them (a lowercase UUID), e.g. for ids read from settings. */
  public static isPipelineId(value: string): boolean {
    return UUID.test(value);
  }

  /** References an existing pipeline by its UUID; works whether or not the pipeline has apps. */
  public static fromId(scope: Construct, id: string, pipelineId: string): IHerokuPipeline {
    return new ReferencedPipeline(scope, id, pipelineId);
  }

  /**
   * References an existing pipeline by name through the `heroku_pipeline` data source. The Heroku API only finds a
   * pipeline by name **while at least one app is coupled to it**; for an empty pipeline use {@link fromId}.
   */
  public static fromName(scope: Construct, id: string, name: string): IHerokuPipeline {
    const pipeline = new ReferencedPipeline(scope, id, new DataHerokuPipeline(scope, `${id}-Lookup`, { name }).id);
    validateAtSynth(pipeline, (problems) => problems.check("name", name, PIPELINE_NAME));
    return pipeline;
  }

  public readonly pipelineId: string;
  public readonly name: string;

  /** The generated `heroku_pipeline` resource. */
  public readonly resource: Pipeline;

  constructor(scope: Construct, id: string, props: HerokuPipelineProps) {
    super(scope, id);
    this.name = props.name;
    this.resource = new Pipeline(this, "Resource", {
      name: props.name,
      owner: props.teamId !== undefined ? { id: props.teamId, type: "team" } : undefined,
    });
    this.pipelineId = this.resource.id;

    validateAtSynth(this, (problems) => {
      problems.check("name", props.name, PIPELINE_NAME);
      problems.check("teamId", props.teamId, UUID);
    });
  }
}

class ReferencedPipeline extends PipelineBase {
  constructor(
    scope: Construct,
    id: string,
    public readonly pipelineId: string,
  ) {
    super(scope, id);
    validateAtSynth(this, (problems) => {
      problems.check("pipelineId", pipelineId, {
        ...UUID,
        description: "must be the pipeline's UUID (heroku pipelines:info shows it)",
      });
    });
  }
}
