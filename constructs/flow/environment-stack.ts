import { Annotations, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { CircleciContext } from "../circleci-context";
import { FlowProviders } from "../flow-providers";
import { GitlabEnvironment } from "../gitlab-environment";
import { HerokuApp } from "../heroku-app";
import { HerokuPipeline, IHerokuPipeline } from "../heroku-pipeline";
import { isProductionLike } from "../production-like";
import { Secret } from "../secret";
import { appSettingsFor, checkAppSettings } from "./app-settings";
import { configureBackend } from "./backend";
import { EnvironmentConfig, TopologyConfig } from "./flow-config";
import { FlowSettings } from "./flow-settings";

/** The CircleCI side of one environment: the context its deploy job uses, and who may use it. */
export interface EnvironmentCircleciSide {
  /** The context's name. */
  readonly contextName: string;

  /** The organization that owns the context, by id. */
  readonly organizationId: string;

  /** The project whose pipelines alone may use the context, by id. */
  readonly projectId: string;

  /**
   * The expression a pipeline must satisfy to use the context, e.g. `pipeline.git.tag starts-with "v"`.
   *
   * @default - no expression restriction
   */
  readonly expression?: string;

  /** The context variable that holds the deploy key, e.g. `HEROKU_API_KEY`. */
  readonly deployKeyName: string;

  /** The context variable that holds the app's name, e.g. `HEROKU_APP_NAME`. */
  readonly appNameName: string;
}

/** Properties of an {@link EnvironmentStack}. */
export interface EnvironmentStackProps {
  /** The whole topology: shared config, region, GitLab project. */
  readonly topology: TopologyConfig;

  /** The environment this stack deploys. */
  readonly environment: EnvironmentConfig;

  /** This run's settings (backend, bootstrap, GitLab on or off). */
  readonly settings: FlowSettings;

  /** The pipeline's id: a cross-stack reference to the `pipeline` stack, or a literal UUID. */
  readonly pipelineId: string;

  /**
   * The GitLab environment (and the scope of its variables).
   *
   * @default - the environment's name
   */
  readonly gitlabEnvironment?: string;

  /**
   * The environment name per-environment config values are chosen by.
   *
   * @default - the environment's name
   */
  readonly configEnvironment?: string;

  /**
   * The sensitive Terraform variable holding the Heroku API key that GitLab's deploy jobs use
   * (`TF_VAR_<name>`).
   */
  readonly deployKeyVariable: string;

  /**
   * The CircleCI side: a context holding the deploy key and the app's name. The GitLab side is then left out
   * (`settings.gitlab` is false).
   *
   * @default - no CircleCI side
   */
  readonly circleci?: EnvironmentCircleciSide;
}

/**
 * One environment of the topology: its Heroku app (config, generated secrets, Postgres, formation), its coupling to
 * the pipeline, and the GitLab environment and CI/CD variables its deploy job reads.
 */
export class EnvironmentStack extends TerraformStack {
  public readonly app: HerokuApp;
  public readonly pipeline: IHerokuPipeline;
  /** The GitLab environment, unless the settings leave the GitLab side out. */
  public readonly gitlabEnvironment?: GitlabEnvironment;
  /** The CircleCI context of the deploy key, on the CircleCI side. */
  public readonly circleciContext?: CircleciContext;
  /** The sensitive Terraform variables of the topology's secrets this stack requires (`TF_VAR_<name>`). */
  public readonly secretVariables: readonly string[];

  constructor(scope: Construct, id: string, props: EnvironmentStackProps) {
    super(scope, id);
    const { topology, environment, settings } = props;
    configureBackend(this, settings, topology.gitlabProject);
    new FlowProviders(this, "Providers");

    // Everything the app gets is decided here, for this environment: the app itself takes concrete values.
    const configEnvironment = props.configEnvironment ?? environment.name;
    const appSettings = appSettingsFor(this, {
      sharedConfig: topology.sharedConfig,
      config: environment.config,
      configEnvironment,
      generatedSecrets: topology.generatedSecrets,
      sharedSecrets: topology.secrets,
      secrets: environment.secrets,
      deployKeyVariable: settings.gitlab || props.circleci !== undefined ? props.deployKeyVariable : undefined,
    });
    this.secretVariables = appSettings.secretVariables;
    this.app = new HerokuApp(this, "App", {
      name: environment.appName,
      region: environment.region ?? topology.region,
      stack: environment.stack,
      config: appSettings.config,
      secrets: appSettings.secrets,
      environment: configEnvironment,
      productionLike: isProductionLike(environment),
    });
    checkAppSettings(this.app, this.app.resource, appSettings);
    // Absent only after HerokuFlow reported it (a plan of the wrong type, or a review plan that breaks its rule).
    if (environment.postgres !== undefined) this.app.addPostgres("Postgres", { plan: environment.postgres });
    for (const [addonId, options] of Object.entries({ ...topology.addons, ...environment.addons })) {
      this.app.addAddon(addonId, options);
    }

    if (settings.bootstrap) {
      Annotations.of(this).addInfo(
        "bootstrap: formation is not managed; deploy again without HEROKU_FLOW_BOOTSTRAP once the app's code is released",
      );
    } else {
      for (const [type, formation] of Object.entries(environment.formation)) {
        this.app.addFormation(type, formation.size, formation.quantity);
      }
    }

    this.pipeline = HerokuPipeline.fromId(this, "Pipeline", props.pipelineId);
    if (environment.stage !== undefined) this.pipeline.addApp(this.app, environment.stage);

    if (settings.gitlab && topology.gitlabProject !== undefined) {
      this.gitlabEnvironment = this.addGitlabSide(props, topology.gitlabProject);
    }
    if (props.circleci) {
      this.circleciContext = this.addCircleciSide(props, props.circleci);
    }

    new TerraformOutput(this, "app_name", { value: this.app.appName });
    new TerraformOutput(this, "web_url", { value: this.app.webUrl });
  }

  /** The GitLab environment and the CI/CD variables the environment's deploy job reads. */
  private addGitlabSide(props: EnvironmentStackProps, project: string): GitlabEnvironment {
    const { environment } = props;
    const gitlab = environment.gitlab ?? {};
    const gitlabEnvironment = new GitlabEnvironment(this, "GitlabEnvironment", {
      project,
      name: props.gitlabEnvironment ?? environment.name,
      externalUrl: this.app.webUrl,
      protectedFor: gitlab.protectedFor,
    });
    const deployKey = Secret.fromVariable(this, props.deployKeyVariable, {
      description: `Heroku API key that GitLab's ${environment.name} deploy job uses (masked in job logs).`,
    });
    gitlabEnvironment.addVariable("HEROKU_API_KEY", deployKey, {
      masked: true,
      protected: gitlab.protectedVariables ?? this.app.productionLike,
      description: "Heroku API key for `git push heroku` / the Heroku CLI (managed by Terraform).",
    });
    gitlabEnvironment.addVariable("HEROKU_APP_NAME", this.app.appName, {
      protected: gitlab.protectedVariables ?? this.app.productionLike,
      description: "The Heroku app this environment deploys to (managed by Terraform).",
    });
    return gitlabEnvironment;
  }

  /**
   * The CircleCI context the environment's deploy job uses, holding its deploy key and app name, usable only by the
   * project's pipelines, and, when an expression is given (production-like environments: release tags), only by the
   * pipelines that satisfy it. CircleCI never returns a context variable's value: a value changed in CircleCI's UI is
   * not seen by Terraform.
   */
  private addCircleciSide(props: EnvironmentStackProps, side: EnvironmentCircleciSide): CircleciContext {
    const deployKey = Secret.fromVariable(this, props.deployKeyVariable, {
      description: `Heroku API key that CircleCI's ${props.environment.name} deploy job uses (context ${side.contextName}).`,
    });
    return new CircleciContext(this, "CircleciContext", {
      name: side.contextName,
      organizationId: side.organizationId,
      variables: { [side.deployKeyName]: deployKey, [side.appNameName]: this.app.appName },
      restrictions: {
        projectIds: [side.projectId],
        expressions: side.expression === undefined ? [] : [side.expression],
      },
    });
  }
}
