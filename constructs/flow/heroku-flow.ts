import * as fs from "node:fs";
import * as path from "node:path";
import { App, Aspects, TerraformStack } from "cdktf";
import { GitlabProviderCompatibility } from "../gitlab-provider-compatibility";
import { HerokuFlowChecks } from "../lint/heroku-flow-checks";
import { EnvironmentStack } from "./environment-stack";
import { EnvironmentConfig, TopologyConfig } from "./flow-config";
import type { FlowManifestStack } from "./flow-manifest";
import { FlowNames, PIPELINE_STACK, type ReviewAppNames } from "./flow-names";
import { FlowSettings, readSettings } from "./flow-settings";
import { ManifestWritingSynthesizer } from "./manifest-writer";
import { PipelineStack } from "./pipeline-stack";
import { isProductionLike } from "../production-like";

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

/** How long a review app lives after its last deploy unless the topology says otherwise. */
const DEFAULT_REVIEW_AUTO_STOP_IN = "1 week";

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

  /** The code's process types and their commands: the topology's `processTypes`, or the project's Procfile. */
  public readonly processTypes: Readonly<Record<string, string>>;

  constructor(
    app: App,
    public readonly topology: TopologyConfig,
    options: HerokuFlowOptions = {},
  ) {
    const { settings, problems } = readSettings(app, options.env ?? process.env);
    problems.push(...checkTopology(topology));
    this.settings = settings;
    const processTypes = topology.processTypes ?? readProcfile(options.procfile ?? path.resolve("Procfile"), problems);
    this.processTypes = processTypes ?? {};
    if (processTypes) problems.push(...checkFormationTypes(topology, processTypes));
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
    const reviewNames = new Map<EnvironmentStack, ReviewAppNames & { reviewId: string }>();
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
      const reviewStack = new EnvironmentStack(app, names.stackName, {
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
      });
      reviewNames.set(reviewStack, { ...names, reviewId });
      this.reviewApps.push(reviewStack);
    }

    if (problems.length > 0) {
      app.node.addValidation({ validate: () => problems });
    }
    this.pipeline.synthesizer = new ManifestWritingSynthesizer(this.pipeline.synthesizer, {
      facts: {
        pipelineName: topology.pipelineName,
        gitlabProject: settings.gitlab ? topology.gitlabProject : undefined,
        releaseTag: topology.releaseTag,
        processTypes: this.processTypes,
        stateBackend: settings.stateBackend,
        review: {
          deployKeyVariable: this.names.reviewDeployKeyVariable,
          autoStopIn: topology.review.autoStopIn ?? DEFAULT_REVIEW_AUTO_STOP_IN,
        },
      },
      stacks: [
        { stack: this.pipeline, describe: () => this.describePipeline() },
        ...this.environments.map((stack) => ({
          stack,
          describe: () => this.describeEnvironment(stack, topology.environments.find((e) => e.name === stack.node.id)!),
        })),
        ...this.reviewApps.map((stack) => ({
          stack,
          describe: () => this.describeReview(stack, reviewNames.get(stack)!),
        })),
      ],
    });
    // Runs on every stack: FlowValidation (and the library's constructs) hand app-level aspects to the stacks.
    Aspects.of(app).add(new HerokuFlowChecks());
    // The GitLab provider version is a per-run setting, registered on each stack this flow made.
    if (GitlabProviderCompatibility.VERSIONS.includes(settings.gitlabProviderVersion)) {
      for (const stack of this.stacks) {
        Aspects.of(stack).add(new GitlabProviderCompatibility(settings.gitlabProviderVersion));
      }
    }
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
      deployKeyVariables: this.settings.gitlab ? [this.names.deployKeyVariable(environment.name)] : [],
      gitlabEnvironment: stack.gitlabEnvironment ? this.names.gitlabEnvironment(environment.name) : undefined,
      stateName: stack.node.id,
      deployOn: productionLike ? "tag" : "merge",
    };
  }

  private describeReview(
    stack: EnvironmentStack,
    names: ReviewAppNames & { reviewId: string },
  ): Omit<FlowManifestStack, "name" | "dependencies"> {
    return {
      kind: "review",
      apps: [{ name: names.appName, formation: Object.keys(this.topology.review.formation) }],
      stage: "review",
      productionLike: false,
      deployKeyVariables: this.settings.gitlab ? [this.names.reviewDeployKeyVariable] : [],
      gitlabEnvironment: stack.gitlabEnvironment ? names.gitlabEnvironment : undefined,
      stateName: stack.node.id,
      deployOn: "review",
      reviewId: names.reviewId,
    };
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

/**
 * The process types a Procfile declares (`<type>: <command>` per line, as Heroku reads it), or undefined when there is
 * no Procfile. A line that is neither blank, a comment nor a declaration is a problem.
 */
function readProcfile(file: string, problems: string[]): Record<string, string> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const processTypes: Record<string, string> = {};
  fs.readFileSync(file, "utf8")
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === "" || line.trim().startsWith("#")) return;
      const declaration = /^([A-Za-z0-9_-]+):\s*(\S.*)$/.exec(line.trim());
      if (declaration) processTypes[declaration[1]] = declaration[2];
      else
        problems.push(
          `Procfile line ${index + 1}: ${JSON.stringify(line)} must read "<process type>: <command>" (e.g. "web: npm start")`,
        );
    });
  return processTypes;
}

/** Formation of a process type the code does not declare: Heroku refuses it ("Couldn't find that process type"). */
function checkFormationTypes(topology: TopologyConfig, processTypes: Record<string, string>): string[] {
  const declared = Object.keys(processTypes);
  const formations = [
    ...topology.environments.map((environment, index) => ({
      at: `environments[${index}].formation`,
      formation: environment.formation,
    })),
    { at: "review.formation", formation: topology.review.formation },
  ];
  return formations.flatMap(({ at, formation }) =>
    Object.keys(formation ?? {})
      .filter((type) => !declared.includes(type))
      .map(
        (type) =>
          `${at}.${type}: ${JSON.stringify(type)} must be a process type the code declares ` +
          `(${declared.length > 0 ? declared.join(", ") : "none"}, from processTypes or the Procfile); ` +
          "Heroku refuses formation for any other",
      ),
  );
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
