import * as path from "node:path";
import { App, TerraformStack } from "cdktf";
import { FlowValidation } from "../flow-validation";
import { reporterFor } from "../private/prop-types";
import { CI_SIDE_RULES } from "../private/rules";
import { isProductionLike } from "../production-like";
import { EnvironmentCircleciSide, EnvironmentStack } from "./environment-stack";
import { CircleciCiSide, EnvironmentConfig, ProcessFormation, TopologyCiSide, TopologyConfig } from "./flow-config";
import type { FlowManifestCiSide, FlowManifestStack } from "./flow-manifest";
import { addFlowAspects, manifestReview, reviewStacksToBuild, type ReviewStackNames } from "./flow-common";
import { FlowNames, PIPELINE_STACK } from "./flow-names";
import { FlowSettings, readSettings } from "./flow-settings";
import { ManifestWritingSynthesizer } from "./manifest-writer";
import { PipelineStack } from "./pipeline-stack";
import { releaseTagRestriction } from "./release-tag-restriction";
import { checkSecretsAndAddons } from "./secrets-and-addons";
import { checkOptions, checkTopology, isBuildable, isEnvironmentStackName } from "./topology-checks";

/** Options of {@link HerokuFlow}. */
export interface HerokuFlowOptions {
  /**
   * Where the settings (`HEROKU_FLOW_*`) are read from; the app's context is read too, for each setting its key.
   *
   * @default process.env
   */
  readonly env?: NodeJS.ProcessEnv;

  /**
   * The Procfile the code's process types are read from when the topology does not declare `processTypes`.
   *
   * @default - `Procfile` in the current directory (the project's, under `cdktf synth` and `heroku-flow`)
   */
  readonly procfile?: string;
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
 * With `ci: { provider: "circleci", organizationId, projectSlug, projectId }` the CI side is CircleCI's: each
 * environment's deploy key and app name go into a CircleCI context of its own instead of GitLab, restricted to the
 * project and, for production-like environments, to release tags; no GitLab resource or provider is made, and review
 * apps are refused (CircleCI has no merge-request lifecycle to stop them).
 *
 * Settings come from the environment or the app's context (see {@link FlowSettings}): the state backend, review ids,
 * bootstrap mode (formation left out for apps without code), a pipeline id, the GitLab side on or off, and the GitLab
 * provider version. Every name the pattern derives is computed by {@link FlowNames} (`flow.names`), which scripts use
 * without building the app.
 *
 * The stacks are the app's own children (not this object's), so their construct paths, and every path in the
 * synthesized JSON, read the same as a hand-written app's: `staging/App`. Problems that no single construct can see
 * (two environments with one name, a review id that makes no name, a review app name prefix or Postgres plan that
 * only a merge request's synth would build) are reported with every other problem by `FlowValidation`, as are fields
 * of the wrong type from plain JavaScript or JSON, each with its path (`environments[1].formation.web.size`): nothing
 * is thrown, and nothing is synthesized while a problem exists.
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

  /** The code's process types and their commands: the topology's `processTypes`, or the project's Procfile. */
  public readonly processTypes: Readonly<Record<string, string>>;

  /** The CircleCI side, when the topology chose it (and its ids and slug are valid). */
  public readonly circleci?: CircleciCiSide;

  /** Whether a CI side (GitLab's or CircleCI's) holds the deploy keys: each environment stack then requires its key. */
  private readonly ciSideOn: boolean;

  constructor(
    app: App,
    public readonly topology: TopologyConfig,
    options: HerokuFlowOptions = {},
  ) {
    // Every problem of the settings and of the topology is reported on the app, with the problems of every construct;
    // each bad value is left out of what the stacks are built from (see topology-checks.ts).
    const report = reporterFor(app);
    const { env, procfile } = checkOptions(report, options);
    const { settings, problems } = readSettings(app, env ?? process.env);
    for (const problem of problems) FlowValidation.addProblem(app, problem);
    const checked = checkSecretsAndAddons(
      report,
      checkTopology(report, topology, procfile ?? path.resolve("Procfile")),
    );
    this.settings = settings;
    this.processTypes = checked.processTypes ?? {};
    this.names = new FlowNames(checked);
    // The CI side the topology chose (GitLab unless it says otherwise): with CircleCI, the GitLab side and provider are
    // left out; a CircleCI side with a bad id or slug, or an unknown side (reported), is left out too, rather than each
    // context report it.
    const onCircleci = checked.ci?.provider === "circleci";
    this.circleci = isCompleteCircleciSide(checked.ci) ? checked.ci : undefined;
    if (onCircleci && settings.stateBackend === "gitlab" && checked.gitlabProject === undefined) {
      report("HEROKU_FLOW_STATE_BACKEND", settings.stateBackend, CI_SIDE_RULES.stateWithoutProject);
    }
    // Without a valid GitLab project (reported), the parts that would name it are left out rather than each report it.
    const stackSettings: FlowSettings = {
      ...settings,
      gitlab: settings.gitlab && checked.ci?.provider === "gitlab" && checked.gitlabProject !== undefined,
      stateBackend:
        settings.stateBackend === "gitlab" && checked.gitlabProject === undefined ? "local" : settings.stateBackend,
    };
    this.ciSideOn = stackSettings.gitlab || this.circleci !== undefined;

    this.pipeline = new PipelineStack(app, PIPELINE_STACK, { topology: checked, settings: stackSettings });
    const pipelineId = settings.pipelineId ?? this.pipeline.pipeline.pipelineId;

    // A stack per environment whose name is valid and free; a bad or clashing name is already among the problems, and
    // creating a construct with it would only crash (cdktf refuses a stack id with a space) before they are reported.
    this.environments = checked.environments
      .filter(isBuildable)
      .filter((environment, index, all) => all.findIndex((e) => e.name === environment.name) === index)
      .filter((environment) => isEnvironmentStackName(environment.name))
      .map(
        (environment) =>
          new EnvironmentStack(app, environment.name, {
            topology: checked,
            environment,
            settings: stackSettings,
            pipelineId,
            gitlabEnvironment: this.names.gitlabEnvironment(environment.name),
            deployKeyVariable: this.names.deployKeyVariable(environment.name),
            circleci: this.circleciSideOf(environment, checked.releaseTag),
          }),
      );

    // Review ids that cannot make a review app are left out by readSettings, and a bad prefix is reported by
    // checkTopology (on every synth): without a valid prefix no review app has a name to build.
    this.reviewApps = [];
    const reviewNames = new Map<EnvironmentStack, ReviewStackNames>();
    // checkTopology gives every topology a review part: without review apps, one with no prefix.
    const review = checked.review!;
    for (const names of reviewStacksToBuild(app, report, this.names, settings, review.appNamePrefix)) {
      const reviewStack = new EnvironmentStack(app, names.stackName, {
        topology: checked,
        // The review values were checked by checkTopology: a bad one is absent here, and already reported.
        environment: {
          name: names.stackName,
          appName: names.appName,
          stage: "review",
          postgres: review.postgres,
          formation: review.formation,
          productionLike: false,
          secrets: review.secrets,
          addons: review.addons,
        },
        settings: stackSettings,
        pipelineId,
        gitlabEnvironment: names.gitlabEnvironment,
        configEnvironment: "review",
        deployKeyVariable: this.names.reviewDeployKeyVariable,
      });
      reviewNames.set(reviewStack, names);
      this.reviewApps.push(reviewStack);
    }

    this.pipeline.synthesizer = new ManifestWritingSynthesizer(this.pipeline.synthesizer, {
      facts: {
        pipelineName: checked.pipelineName,
        gitlabProject: stackSettings.gitlab ? checked.gitlabProject : undefined,
        ci: manifestCiSide(this.circleci),
        releaseTag: checked.releaseTag,
        processTypes: this.processTypes,
        stateBackend: settings.stateBackend,
        review: manifestReview(this.names, checked, review),
      },
      stacks: [
        { stack: this.pipeline, describe: () => this.describePipeline() },
        ...this.environments.map((stack) => ({
          stack,
          describe: () => this.describeEnvironment(stack, checked.environments.find((e) => e.name === stack.node.id)!),
        })),
        ...this.reviewApps.map((stack) => ({
          stack,
          describe: () => this.describeReview(stack, reviewNames.get(stack)!, review.formation),
        })),
      ],
    });
    addFlowAspects(app, this.stacks, settings);
  }

  private describePipeline(): Omit<FlowManifestStack, "name" | "dependencies"> {
    return {
      kind: "pipeline",
      apps: [],
      productionLike: false,
      deployKeyVariables: [],
      stateName: PIPELINE_STACK,
      deployOn: "merge",
    };
  }

  private describeEnvironment(
    stack: EnvironmentStack,
    environment: EnvironmentConfig,
  ): Omit<FlowManifestStack, "name" | "dependencies"> {
    const productionLike = isProductionLike(environment);
    return {
      kind: "long-lived",
      apps: [{ name: environment.appName, formation: Object.keys(environment.formation) }],
      stage: environment.stage,
      productionLike,
      deployKeyVariables: this.ciSideOn ? [this.names.deployKeyVariable(environment.name)] : [],
      // Left out when empty, so that the manifest of a topology without secrets reads as before.
      secretVariables: stack.secretVariables.length > 0 ? stack.secretVariables : undefined,
      gitlabEnvironment: stack.gitlabEnvironment ? this.names.gitlabEnvironment(environment.name) : undefined,
      circleciContext: stack.circleciContext ? this.names.circleciContext(environment.name) : undefined,
      stateName: stack.node.id,
      deployOn: productionLike ? "tag" : "merge",
    };
  }

  private describeReview(
    stack: EnvironmentStack,
    names: ReviewStackNames,
    formation: Readonly<Record<string, ProcessFormation>>,
  ): Omit<FlowManifestStack, "name" | "dependencies"> {
    return {
      kind: "review",
      apps: [{ name: names.appName, formation: Object.keys(formation) }],
      stage: "review",
      productionLike: false,
      deployKeyVariables: this.settings.gitlab ? [this.names.reviewDeployKeyVariable] : [],
      // Left out when empty, so that the manifest of a topology without secrets reads as before.
      secretVariables: stack.secretVariables.length > 0 ? stack.secretVariables : undefined,
      gitlabEnvironment: stack.gitlabEnvironment ? names.gitlabEnvironment : undefined,
      stateName: stack.node.id,
      deployOn: "review",
      reviewId: names.reviewId,
    };
  }

  /**
   * The CircleCI side of `environment`'s stack: its context, restricted to the project, and for a production-like
   * environment to release tags by the expression derived from the topology's `releaseTag`.
   */
  private circleciSideOf(
    environment: EnvironmentConfig,
    releaseTag: string | undefined,
  ): EnvironmentCircleciSide | undefined {
    if (this.circleci === undefined) return undefined;
    const productionLike = isProductionLike(environment);
    return {
      contextName: this.names.circleciContext(environment.name),
      organizationId: this.circleci.organizationId,
      projectId: this.circleci.projectId,
      // A bad release tag is reported by checkTopology; the context is then restricted to the project only.
      expression: productionLike && releaseTag !== undefined ? releaseTagRestriction(releaseTag) : undefined,
      deployKeyName: this.names.ciDeployKeyVariable,
      appNameName: this.names.ciAppNameVariable,
    };
  }

  /** Every stack of this flow: the pipeline's, the environments', the review apps'. */
  public get stacks(): TerraformStack[] {
    return [this.pipeline, ...this.environments, ...this.reviewApps];
  }
}

/** Whether `side` is the CircleCI side with every field valid (checkTopology leaves a bad one out). */
function isCompleteCircleciSide(side: Partial<TopologyCiSide> | undefined): side is CircleciCiSide {
  return (
    side?.provider === "circleci" &&
    side.organizationId !== undefined &&
    side.projectSlug !== undefined &&
    side.projectId !== undefined
  );
}

/** The manifest's CI side: absent for GitLab's (manifests written before the CircleCI side read the same). */
function manifestCiSide(circleci: CircleciCiSide | undefined): FlowManifestCiSide | undefined {
  if (circleci === undefined) return undefined;
  const { organizationId, projectSlug, projectId } = circleci;
  return { provider: "circleci", organizationId, projectSlug, projectId };
}
