import * as path from "node:path";
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { FlowValidation } from "../flow-validation";
import { GitlabProtectedTag } from "../gitlab-protected-tag";
import { reporterFor } from "../private/prop-types";
import { SETTING_RULES } from "../private/rules";
import { configureBackend } from "./backend";
import type { DokkuProcessFormation, DokkuReviewAppConfig, DokkuTopologyConfig } from "./dokku-config";
import { DokkuEnvironmentStack } from "./dokku-environment-stack";
import { checkDokkuTopology } from "./dokku-topology-checks";
import type { FlowManifestApp, FlowManifestStack } from "./flow-manifest";
import { addFlowAspects, manifestReview, reviewStacksToBuild, type ReviewStackNames } from "./flow-common";
import { FlowNames, PIPELINE_STACK } from "./flow-names";
import { FlowSettings, readSettings } from "./flow-settings";
import type { HerokuFlowOptions } from "./heroku-flow";
import { ManifestWritingSynthesizer } from "./manifest-writer";
import { checkOptions, isBuildable, isEnvironmentStackName } from "./topology-checks";

/**
 * The project-wide stack of a topology on Dokku, `pipeline` as on Heroku (the workflow deploys it first): GitLab's
 * protected release tags. Dokku has no pipeline to hold.
 */
export class DokkuProjectStack extends TerraformStack {
  constructor(scope: Construct, id: string, props: { topology: DokkuTopologyConfig; settings: FlowSettings }) {
    super(scope, id);
    configureBackend(this, props.settings, props.topology.gitlabProject);
    new GitlabProtectedTag(this, "ReleaseTag", {
      project: props.topology.gitlabProject,
      tag: props.topology.releaseTag,
    });
  }
}

/**
 * A whole topology on a self-hosted Dokku server ({@link DokkuTopologyConfig}, `platform: "dokku"`): one stack per
 * long-lived environment (app, generated and supplied secrets, Postgres service and link, GitLab environment with the
 * deploy job's SSH key and app name), a `review-<id>` stack per review id of the settings, and, with the GitLab side, a
 * `pipeline` stack holding the protected release tags. It writes the same manifest as {@link HerokuFlow}, with
 * `platform: "dokku"` and each app's process scale, so that `heroku-flow` deploys, reviews and generates the pipeline
 * for it.
 *
 * ```ts
 * import { App } from "cdktf";
 * import { DokkuFlow, FlowValidation } from "heroku-flow-cdktf";
 *
 * const app = new App();
 * new DokkuFlow(app, {
 *   platform: "dokku",
 *   name: "acme",
 *   gitlabProject: "acme/api",
 *   releaseTag: "v*",
 *   sharedConfig: { LOG_LEVEL: "info" },
 *   generatedSecrets: ["SECRET_KEY"],
 *   environments: [
 *     { name: "staging", appName: "acme-staging", postgres: true },
 *     { name: "production", appName: "acme", postgres: true, formation: { web: { quantity: 2 } } },
 *   ],
 *   review: { appNamePrefix: "acme-review", postgres: true },
 * });
 * FlowValidation.of(app).synth();
 * ```
 *
 * The server is the run's setting, never synthesized: the provider reads `DOKKU_SSH_HOST`, `DOKKU_SSH_CERT` (the
 * private key, or a path to it), `DOKKU_SSH_USER` and `DOKKU_SSH_PORT`. Settings are otherwise {@link FlowSettings}'
 * (`HEROKU_FLOW_PIPELINE_ID` and `HEROKU_FLOW_BOOTSTRAP` have no meaning on Dokku, and are refused). Every problem,
 * of the topology or of a construct, is reported by `FlowValidation` with its field path; nothing is thrown.
 */
export class DokkuFlow {
  /** The settings the stacks were built with. */
  public readonly settings: FlowSettings;

  /** Every name the pattern derives. */
  public readonly names: FlowNames;

  /** The `pipeline` stack (the protected release tags), when the GitLab side is on. */
  public readonly project?: DokkuProjectStack;

  /** One stack per environment, in the configuration's order. */
  public readonly environments: DokkuEnvironmentStack[];

  /** One `review-<id>` stack per review id of the settings. */
  public readonly reviewApps: DokkuEnvironmentStack[];

  /** The code's process types and their commands: the topology's `processTypes`, or the project's Procfile. */
  public readonly processTypes: Readonly<Record<string, string>>;

  constructor(
    app: App,
    public readonly topology: DokkuTopologyConfig,
    options: HerokuFlowOptions = {},
  ) {
    const report = reporterFor(app);
    const { env, procfile } = checkOptions(report, options);
    const { settings, problems } = readSettings(app, env ?? process.env);
    for (const problem of problems) FlowValidation.addProblem(app, problem);
    if (settings.pipelineId !== undefined)
      report("HEROKU_FLOW_PIPELINE_ID", settings.pipelineId, SETTING_RULES.dokkuPipelineId);
    if (settings.bootstrap) report("HEROKU_FLOW_BOOTSTRAP", "true", SETTING_RULES.dokkuBootstrap);
    const checked = checkDokkuTopology(report, topology, procfile ?? path.resolve("Procfile"));
    this.settings = settings;
    this.processTypes = checked.processTypes ?? {};
    this.names = new FlowNames(checked);
    // Without a valid GitLab project (reported), the parts that would name it are left out rather than each report it.
    const stackSettings: FlowSettings = {
      ...settings,
      gitlab: settings.gitlab && checked.gitlabProject !== undefined,
      stateBackend:
        settings.stateBackend === "gitlab" && checked.gitlabProject === undefined ? "local" : settings.stateBackend,
    };
    this.project =
      stackSettings.gitlab && checked.releaseTag !== undefined
        ? new DokkuProjectStack(app, PIPELINE_STACK, { topology: checked, settings: stackSettings })
        : undefined;

    const stackProps = {
      topology: checked,
      settings: stackSettings,
      ciDeployKeyVariable: this.names.ciDeployKeyVariable,
      ciAppNameVariable: this.names.ciAppNameVariable,
    };
    this.environments = checked.environments
      .filter(isBuildable)
      .filter((environment, index, all) => all.findIndex((e) => e.name === environment.name) === index)
      .filter((environment) => isEnvironmentStackName(environment.name))
      .map(
        (environment) =>
          new DokkuEnvironmentStack(app, environment.name, {
            ...stackProps,
            environment,
            gitlabEnvironment: this.names.gitlabEnvironment(environment.name),
            deployKeyVariable: this.names.deployKeyVariable(environment.name),
          }),
      );

    this.reviewApps = [];
    const reviewNames = new Map<DokkuEnvironmentStack, ReviewStackNames>();
    const review: Partial<DokkuReviewAppConfig> = checked.review ?? {};
    for (const names of reviewStacksToBuild(app, report, this.names, settings, review.appNamePrefix)) {
      const reviewStack = new DokkuEnvironmentStack(app, names.stackName, {
        ...stackProps,
        environment: {
          name: names.stackName,
          appName: names.appName,
          postgres: review.postgres,
          formation: review.formation,
          productionLike: false,
          secrets: review.secrets,
        },
        gitlabEnvironment: names.gitlabEnvironment,
        configEnvironment: "review",
        deployKeyVariable: this.names.reviewDeployKeyVariable,
      });
      reviewNames.set(reviewStack, names);
      this.reviewApps.push(reviewStack);
    }

    const described = (stack: DokkuEnvironmentStack) => ({
      apps: [appOf(stack, stack.environmentConfig.formation)],
      productionLike: stack.app.productionLike,
      secretVariables: stack.secretVariables.length > 0 ? stack.secretVariables : undefined,
      stateName: stack.node.id,
    });
    const manifestStacks = [
      ...(this.project ? [{ stack: this.project as TerraformStack, describe: describeProject }] : []),
      ...this.environments.map((stack) => ({
        stack: stack as TerraformStack,
        describe: (): Omit<FlowManifestStack, "name" | "dependencies"> => ({
          ...described(stack),
          kind: "long-lived",
          deployKeyVariables: stackSettings.gitlab ? [this.names.deployKeyVariable(stack.node.id)] : [],
          gitlabEnvironment: stack.gitlabEnvironment ? this.names.gitlabEnvironment(stack.node.id) : undefined,
          deployOn: stack.app.productionLike ? "tag" : "merge",
        }),
      })),
      ...this.reviewApps.map((stack) => ({
        stack: stack as TerraformStack,
        describe: (): Omit<FlowManifestStack, "name" | "dependencies"> => ({
          ...described(stack),
          kind: "review",
          deployKeyVariables: stackSettings.gitlab ? [this.names.reviewDeployKeyVariable] : [],
          gitlabEnvironment: stack.gitlabEnvironment ? reviewNames.get(stack)!.gitlabEnvironment : undefined,
          deployOn: "review",
          reviewId: reviewNames.get(stack)!.reviewId,
        }),
      })),
    ];
    // The manifest rides on the first stack's synthesizer (the project's, or else the first environment's).
    const [first] = manifestStacks;
    if (first !== undefined) {
      first.stack.synthesizer = new ManifestWritingSynthesizer(first.stack.synthesizer, {
        facts: {
          platform: "dokku",
          pipelineName: checked.name,
          gitlabProject: stackSettings.gitlab ? checked.gitlabProject : undefined,
          releaseTag: checked.releaseTag,
          processTypes: this.processTypes,
          stateBackend: settings.stateBackend,
          review: manifestReview(this.names, checked, review),
        },
        stacks: manifestStacks,
      });
    }
    addFlowAspects(app, this.stacks, settings);
  }

  /** Every stack of this flow: the project's (with the GitLab side), the environments', the review apps'. */
  public get stacks(): TerraformStack[] {
    return [...(this.project ? [this.project] : []), ...this.environments, ...this.reviewApps];
  }
}

/** The project stack in the manifest: the `pipeline` kind, deployed first on every merge. */
function describeProject(): Omit<FlowManifestStack, "name" | "dependencies"> {
  return {
    kind: "pipeline",
    apps: [],
    productionLike: false,
    deployKeyVariables: [],
    stateName: PIPELINE_STACK,
    deployOn: "merge",
  };
}

/** A stack's app in the manifest, with the process scale the deploy job applies (`ps:scale`). */
function appOf(
  stack: DokkuEnvironmentStack,
  formation: Readonly<Record<string, DokkuProcessFormation>> | undefined,
): FlowManifestApp {
  const scale = Object.fromEntries(Object.entries(formation ?? {}).map(([type, { quantity }]) => [type, quantity]));
  return {
    name: stack.environmentConfig.appName,
    formation: Object.keys(scale),
    scale: Object.keys(scale).length > 0 ? scale : undefined,
  };
}
