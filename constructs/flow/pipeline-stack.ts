import { TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { FlowProviders } from "../flow-providers";
import { GitlabProtectedTag } from "../gitlab-protected-tag";
import { HerokuPipeline } from "../heroku-pipeline";
import { configureBackend } from "./backend";
import { TopologyConfig } from "./flow-config";
import { FlowSettings } from "./flow-settings";

/** Properties of a {@link PipelineStack}. */
export interface PipelineStackProps {
  /** The topology whose pipeline and release tags this stack holds. */
  readonly topology: TopologyConfig;

  /** This run's settings (backend, GitLab on or off). */
  readonly settings: FlowSettings;
}

/**
 * The Heroku pipeline and the GitLab project-wide settings (protected release tags). Deployed first: environment
 * stacks couple their apps to this pipeline by its id.
 */
export class PipelineStack extends TerraformStack {
  public readonly pipeline: HerokuPipeline;

  constructor(scope: Construct, id: string, props: PipelineStackProps) {
    super(scope, id);
    const { topology, settings } = props;
    configureBackend(this, settings, topology.gitlabProject);
    new FlowProviders(this, "Providers", { random: false });

    this.pipeline = new HerokuPipeline(this, "Pipeline", { name: topology.pipelineName });
    if (settings.gitlab && topology.gitlabProject !== undefined) {
      new GitlabProtectedTag(this, "ReleaseTag", { project: topology.gitlabProject, tag: topology.releaseTag });
    }

    new TerraformOutput(this, "pipeline_id", {
      value: this.pipeline.pipelineId,
      description: "Set HEROKU_FLOW_PIPELINE_ID to this to deploy environments without the pipeline stack.",
    });
  }
}
