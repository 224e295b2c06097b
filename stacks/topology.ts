import { Aspects, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { GitlabProviderCompatibility, HerokuFlowChecks } from "../constructs";
import { TopologyConfig } from "./environment-config";
import { EnvironmentStack } from "./environment-stack";
import { FlowSettings, readSettings } from "./flow-settings";
import { PipelineStack } from "./pipeline-stack";
import { reviewAppNames } from "./review-app-name";

/** The stacks of one topology. */
export interface TopologyStacks {
  /** The settings the stacks were built with. */
  readonly settings: FlowSettings;

  /** The `pipeline` stack. */
  readonly pipeline: PipelineStack;

  /** One stack per environment, in the configuration's order. */
  readonly environments: EnvironmentStack[];

  /** One `review-<id>` stack per review id of the settings. */
  readonly reviewApps: EnvironmentStack[];
}

/**
 * Adds a topology's stacks to `app`: `pipeline`, one stack per environment, and `review-<id>` for each review id of
 * the settings. Problems in the configuration or settings that no construct can see (duplicate names, review ids)
 * are reported with every other problem by the library's `FlowValidation`.
 */
export function addTopology(
  app: Construct,
  topology: TopologyConfig,
  env: NodeJS.ProcessEnv = process.env,
): TopologyStacks {
  const { settings, problems } = readSettings(app, env);
  problems.push(...checkTopology(topology));

  const pipeline = new PipelineStack(app, "pipeline", { topology, settings });
  const pipelineId = settings.pipelineId ?? pipeline.pipeline.pipelineId;

  // A stack per environment whose name is free; a clashing name is already among the problems, and creating a second
  // construct with it would only crash before they could be reported.
  const environments = topology.environments
    .filter((environment, index) => topology.environments.findIndex((e) => e.name === environment.name) === index)
    .filter((environment) => environment.name !== "pipeline")
    .map(
      (environment) =>
        new EnvironmentStack(app, environment.name, {
          topology,
          environment,
          settings,
          pipelineId,
          deployKeyVariable: `heroku_deploy_key_${environment.name.replace(/[^a-zA-Z0-9_]/g, "_")}`,
        }),
    );

  const reviewApps: EnvironmentStack[] = [];
  for (const reviewId of settings.reviewIds) {
    const names = reviewAppNames(topology.review.appNamePrefix, reviewId);
    if ("problem" in names) {
      problems.push(names.problem);
      continue;
    }
    if (app.node.tryFindChild(names.stackName)) {
      problems.push(`review id: ${JSON.stringify(reviewId)} gives stack ${names.stackName}, which already exists`);
      continue;
    }
    reviewApps.push(
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
        deployKeyVariable: "heroku_deploy_key_review",
      }),
    );
  }

  if (problems.length > 0) {
    app.node.addValidation({ validate: () => problems });
  }
  // Runs on every stack: FlowValidation (and the library's constructs) hand app-level aspects to the stacks.
  Aspects.of(app).add(new HerokuFlowChecks());
  // cdktf runs only the aspects of a stack, so this one is registered on each.
  if (GitlabProviderCompatibility.VERSIONS.includes(settings.gitlabProviderVersion)) {
    for (const stack of stacksOf(app)) {
      Aspects.of(stack).add(new GitlabProviderCompatibility(settings.gitlabProviderVersion));
    }
  }
  return { settings, pipeline, environments, reviewApps };
}

/** Problems of the configuration as a whole, each naming the entry, the field, the value and the rule. */
export function checkTopology(topology: TopologyConfig): string[] {
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
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(environment.name) || environment.name === "pipeline") {
      problems.push(
        `${at}.name: ${JSON.stringify(environment.name)} must match ^[a-z][a-z0-9-]*$ and not be "pipeline" ` +
          "(it names the stack)",
      );
    }
    if (environment.name.startsWith("review-")) {
      problems.push(
        `${at}.name: ${JSON.stringify(environment.name)} must not start with review- (kept for review apps)`,
      );
    }
    // App names (unique across every stack) and stages are checked by the constructs that use them.
  });
  return problems;
}

/** The stacks of an app, for scripts that list them. */
export function stacksOf(app: Construct): TerraformStack[] {
  return app.node.children.filter((child): child is TerraformStack => TerraformStack.isStack(child));
}
