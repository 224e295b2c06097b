import { Construct, IConstruct } from "constructs";
import { DataHerokuPipeline } from "../.gen/providers/heroku/data-heroku-pipeline";
import { Pipeline } from "../.gen/providers/heroku/pipeline";
import type { IHerokuApp } from "./heroku-app";
import { HerokuPipelineCoupling, PipelineStage } from "./heroku-pipeline-coupling";
import { expectRecord, expectString, isHerokuApp, reporterFor } from "./private/prop-types";
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
    // An app of the wrong type (from JavaScript) is reported by the coupling; its id here only needs to be free.
    const [appId, appPath] = isHerokuApp(app) ? [app.node.id, app.node.path] : ["App", "the app"];
    const id = childIdFor(
      this,
      `Coupling-${appId}`,
      "addApp()",
      `couple ${appPath} once: an app is in one pipeline at one stage`,
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
    const childId = childIdFor(scope, id, "HerokuPipeline.fromId()", REFERENCE_ONCE);
    const pipeline = new ReferencedPipeline(scope, childId, pipelineId);
    expectString(reporterFor(pipeline), "pipelineId", pipelineId);
    return pipeline;
  }

  /**
   * References an existing pipeline by name through the `heroku_pipeline` data source. The Heroku API only finds a
   * pipeline by name **while at least one app is coupled to it**; for an empty pipeline use {@link fromId}.
   */
  public static fromName(scope: Construct, id: string, name: string): IHerokuPipeline {
    const childId = childIdFor(scope, id, "HerokuPipeline.fromName()", REFERENCE_ONCE);
    const lookupName = typeof name === "string" ? name : "";
    const lookup = new DataHerokuPipeline(scope, `${childId}-Lookup`, { name: lookupName });
    const pipeline = new ReferencedPipeline(scope, childId, lookup.id);
    if (expectString(reporterFor(pipeline), "name", name)) {
      validateAtSynth(pipeline, (problems) => problems.check("name", name, PIPELINE_NAME));
    }
    return pipeline;
  }

  public readonly pipelineId: string;
  public readonly name: string;

  /** The generated `heroku_pipeline` resource. */
  public readonly resource: Pipeline;

  constructor(scope: Construct, id: string, givenProps: HerokuPipelineProps) {
    super(scope, id);
    // Each prop of the wrong type (from JavaScript or JSON) is reported and left out, so that building goes on.
    const report = reporterFor(this);
    const given: Partial<HerokuPipelineProps> = expectRecord(report, "props", givenProps) ? givenProps : {};
    const props = {
      name: expectString(report, "name", given.name) ? given.name : (undefined as unknown as string),
      teamId: expectString(report, "teamId", given.teamId, { optional: true }) ? given.teamId : undefined,
    };
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

const REFERENCE_ONCE = "reference each pipeline once and pass the reference around";

class ReferencedPipeline extends PipelineBase {
  constructor(
    scope: Construct,
    id: string,
    public readonly pipelineId: string,
  ) {
    super(scope, id);
    validateAtSynth(this, (problems) => {
      if (typeof pipelineId !== "string") return;
      problems.check("pipelineId", pipelineId, {
        ...UUID,
        description: "must be the pipeline's UUID (heroku pipelines:info shows it)",
      });
    });
  }
}
