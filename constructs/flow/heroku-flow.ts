import { App, Aspects, TerraformStack } from "cdktf";
import { GitlabProviderCompatibility } from "../gitlab-provider-compatibility";
import { HerokuFlowChecks } from "../lint/heroku-flow-checks";
import { EnvironmentStack } from "./environment-stack";
import { TopologyConfig } from "./flow-config";
import { FlowNames, PIPELINE_STACK } from "./flow-names";
import { FlowSettings, readSettings } from "./flow-settings";
import { PipelineStack } from "./pipeline-stack";

/** Options of {@link HerokuFlow}. */
export interface HerokuFlowOptions {
  /**
   * Where the settings (`HEROKU_FLOW_*`) are read from; the app's context is read too, for each setting its key.
   *
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The whole Heroku Flow pattern for one topology: a `pipeline` stack (the Heroku pipeline and GitLab's protected
 * release tags), one stack per long-lived environment (app, generated secrets, Postgres, formation, pipeline
 * coupling, GitLab environment and deploy-key variables), and a `review-<id>` stack per review id of the settings.
 *
 * ```ts
 * import { App } from "cdktf";
 * import { DynoSize, FlowValidation, HerokuFlow, HerokuRegion, PostgresPlan } from "heroku-flow-cdktf";
 *
 * const app = new App();
 * new HerokuFlow(app, {
 *   pipelineName: "acme",
 *   region: HerokuRegion.EU,
 *   gitlabProject: "acme/api",
 *   releaseTag: "v*",
 *   sharedConfig: { LOG_LEVEL: "info" },
 *   generatedSecrets: ["SECRET_KEY"],
 *   environments: [
 *     {
 *       name: "production",
 *       appName: "acme-api",
 *       stage: "production",
 *       postgres: PostgresPlan.STANDARD_0,
 *       formation: { web: { size: DynoSize.STANDARD_1X, quantity: 2 } },
 *     },
 *   ],
 *   review: {
 *     appNamePrefix: "acme-review",
 *     postgres: PostgresPlan.ESSENTIAL_0,
 *     formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
 *   },
 * });
 * FlowValidation.of(app).synth();
 * ```
 *
 * Settings come from the environment or the app's context (see {@link FlowSettings}): the state backend, review ids,
 * bootstrap mode (formation left out for apps without code), a pipeline id, the GitLab side on or off, and the GitLab
 * provider version. Every name the pattern derives is computed by {@link FlowNames} (`flow.names`), which scripts use
 * without building the app.
 *
 * The stacks are the app's own children (not this object's), so their construct paths, and every path in the
 * synthesized JSON, read the same as a hand-written app's: `staging/App`. Problems that no single construct can see
 * (two environments with one name, a review id that makes no name) are reported with every other problem by
 * `FlowValidation`.
 */
export class HerokuFlow {
  /** The settings the stacks were built with. */
  public readonly settings: FlowSettings;

  /** Every name the pattern derives. */
  public readonly names: FlowNames;

  /** The `pipeline` stack. */
  public readonly pipeline: PipelineStack;

  /** One stack per environment, in the configuration's order. */
  public readonly environments: EnvironmentStack[];

  /** One `review-<id>` stack per review id of the settings. */
  public readonly reviewApps: EnvironmentStack[];

  constructor(
    app: App,
    public readonly topology: TopologyConfig,
    options: HerokuFlowOptions = {},
  ) {
    const { settings, problems } = readSettings(app, options.env ?? process.env);
    problems.push(...checkTopology(topology));
    this.settings = settings;
    this.names = new FlowNames(topology);

    this.pipeline = new PipelineStack(app, PIPELINE_STACK, { topology, settings });
    const pipelineId = settings.pipelineId ?? this.pipeline.pipeline.pipelineId;

    // A stack per environment whose name is valid and free; a bad or clashing name is already among the problems, and
    // creating a construct with it would only crash (cdktf refuses a stack id with a space) before they are reported.
    this.environments = topology.environments
      .filter((environment, index) => topology.environments.findIndex((e) => e.name === environment.name) === index)
      .filter((environment) => isEnvironmentStackName(environment.name))
      .map(
        (environment) =>
          new EnvironmentStack(app, environment.name, {
            topology,
            environment,
            settings,
            pipelineId,
            gitlabEnvironment: this.names.gitlabEnvironment(environment.name),
            deployKeyVariable: this.names.deployKeyVariable(environment.name),
          }),
      );

    this.reviewApps = [];
    for (const reviewId of settings.reviewIds) {
      const names = this.names.review(reviewId);
      if ("problem" in names) {
        problems.push(names.problem);
        continue;
      }
      if (app.node.tryFindChild(names.stackName)) {
        problems.push(`review id: ${JSON.stringify(reviewId)} gives stack ${names.stackName}, which already exists`);
        continue;
      }
      this.reviewApps.push(
        new EnvironmentStack(app, names.stackName, {
          topology,
          environment: {
            name: names.stackName,
            appName: names.appName,
            stage: "review",
            postgres: topology.review.postgres,
            formation: topology.review.formation,
            productionLike: false,
          },
          settings,
          pipelineId,
          gitlabEnvironment: names.gitlabEnvironment,
          configEnvironment: "review",
          deployKeyVariable: this.names.reviewDeployKeyVariable,
        }),
      );
    }

    if (problems.length > 0) {
      app.node.addValidation({ validate: () => problems });
    }
    // Runs on every stack: FlowValidation (and the library's constructs) hand app-level aspects to the stacks.
    Aspects.of(app).add(new HerokuFlowChecks());
    // The GitLab provider version is a per-run setting, registered on each stack this flow made.
    if (GitlabProviderCompatibility.VERSIONS.includes(settings.gitlabProviderVersion)) {
      for (const stack of this.stacks) {
        Aspects.of(stack).add(new GitlabProviderCompatibility(settings.gitlabProviderVersion));
      }
    }
  }

  /** Every stack of this flow: the pipeline's, the environments', the review apps'. */
  public get stacks(): TerraformStack[] {
    return [this.pipeline, ...this.environments, ...this.reviewApps];
  }
}

/** Whether `name` can name an environment's stack: lowercase, starting with a letter, and not the pipeline's stack. */
function isEnvironmentStackName(name: string): boolean {
  return /^[a-z][a-z0-9-]{0,62}$/.test(name) && name !== PIPELINE_STACK;
}

/** Problems of the configuration as a whole, each naming the entry, the field, the value and the rule. */
function checkTopology(topology: TopologyConfig): string[] {
  const problems: string[] = [];
  const seenNames = new Map<string, number>();
  topology.environments.forEach((environment, index) => {
    const at = `environments[${index}]`;
    const previous = seenNames.get(environment.name);
    if (previous !== undefined) {
      problems.push(
        `${at}.name: ${JSON.stringify(environment.name)} is also the name of environments[${previous}]; ` +
          "environment names must be unique (each is a stack and a GitLab environment)",
      );
    } else {
      seenNames.set(environment.name, index);
    }
    if (!isEnvironmentStackName(environment.name)) {
      problems.push(
        `${at}.name: ${JSON.stringify(environment.name)} must match ^[a-z][a-z0-9-]*$ and not be "${PIPELINE_STACK}" ` +
          "(it names the stack)",
      );
    }
    if (environment.name.startsWith("review-") || environment.name === "review") {
      problems.push(
        `${at}.name: ${JSON.stringify(environment.name)} must not be review or start with review- (kept for review apps)`,
      );
    }
    // App names (unique across every stack) and stages are checked by the constructs that use them.
  });
  return problems;
}
