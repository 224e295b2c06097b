import { TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { DokkuApp } from "../dokku-app";
import { FlowProviders } from "../flow-providers";
import { GitlabEnvironment } from "../gitlab-environment";
import { isProductionLike } from "../production-like";
import { Secret } from "../secret";
import { appSettingsFor, checkAppSettings } from "./app-settings";
import { configureBackend } from "./backend";
import type { DokkuEnvironmentConfig, DokkuTopologyConfig } from "./dokku-config";
import { FlowSettings } from "./flow-settings";

/** Properties of a {@link DokkuEnvironmentStack}. */
export interface DokkuEnvironmentStackProps {
  /** The whole topology: shared config and secrets, GitLab project. */
  readonly topology: DokkuTopologyConfig;

  /** The environment this stack deploys. */
  readonly environment: DokkuEnvironmentConfig;

  /** This run's settings (backend, GitLab on or off). */
  readonly settings: FlowSettings;

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

  /** The sensitive Terraform variable holding the deploy job's SSH key, base64-encoded (`TF_VAR_<name>`). */
  readonly deployKeyVariable: string;

  /** The GitLab CI/CD variable the deploy job reads the SSH key from. */
  readonly ciDeployKeyVariable: string;

  /** The GitLab CI/CD variable the deploy job reads the app's name from. */
  readonly ciAppNameVariable: string;
}

/**
 * One environment of a topology on Dokku: its app (config, generated and supplied secrets, domains, ports,
 * buildpacks), its Postgres service and link, and the GitLab environment and CI/CD variables its deploy job reads
 * (the SSH key `git push dokku@<host>:<app>` uses, and the app's name). The server is the provider's setting
 * (`DOKKU_SSH_HOST`), never synthesized.
 */
export class DokkuEnvironmentStack extends TerraformStack {
  public readonly app: DokkuApp;
  /** The environment the stack was built from. */
  public readonly environmentConfig: DokkuEnvironmentConfig;
  /** The GitLab environment, unless the settings leave the GitLab side out. */
  public readonly gitlabEnvironment?: GitlabEnvironment;
  /** The sensitive Terraform variables of the topology's secrets this stack requires (`TF_VAR_<name>`). */
  public readonly secretVariables: readonly string[];

  constructor(scope: Construct, id: string, props: DokkuEnvironmentStackProps) {
    super(scope, id);
    const { topology, environment, settings } = props;
    this.environmentConfig = environment;
    const gitlabSide = settings.gitlab && topology.gitlabProject !== undefined;
    configureBackend(this, settings, topology.gitlabProject);
    if (topology.generatedSecrets.length > 0) FlowProviders.randomProviderFor(this);

    const configEnvironment = props.configEnvironment ?? environment.name;
    const appSettings = appSettingsFor(this, {
      sharedConfig: topology.sharedConfig,
      config: environment.config,
      configEnvironment,
      generatedSecrets: topology.generatedSecrets,
      sharedSecrets: topology.secrets,
      secrets: environment.secrets,
      deployKeyVariable: gitlabSide ? props.deployKeyVariable : undefined,
    });
    this.secretVariables = appSettings.secretVariables;
    this.app = new DokkuApp(this, "App", {
      name: environment.appName,
      config: appSettings.config,
      secrets: appSettings.secrets,
      domains: environment.domains,
      ports: environment.ports,
      buildpacks: environment.buildpacks,
      environment: configEnvironment,
      productionLike: isProductionLike(environment),
    });
    checkAppSettings(this.app, this.app.resource, appSettings);
    const webUrl = webUrlOf(environment.domains);
    // Absent without a database, or after DokkuFlow reported it (a Heroku plan, options of the wrong type).
    if (environment.postgres !== undefined) {
      this.app.addPostgres("Postgres", environment.postgres === true ? {} : environment.postgres);
    }

    if (gitlabSide) this.gitlabEnvironment = this.addGitlabSide(props, topology.gitlabProject, webUrl);
    new TerraformOutput(this, "app_name", { value: this.app.appName });
    // What a deploy job reports as its environment's URL (`heroku-flow apply --dotenv`), when a domain names one.
    if (webUrl !== undefined) new TerraformOutput(this, "web_url", { value: webUrl });
  }

  /** The GitLab environment and the CI/CD variables the environment's deploy job reads. */
  private addGitlabSide(
    props: DokkuEnvironmentStackProps,
    project: string,
    webUrl: string | undefined,
  ): GitlabEnvironment {
    const { environment } = props;
    const gitlab = environment.gitlab ?? {};
    const gitlabEnvironment = new GitlabEnvironment(this, "GitlabEnvironment", {
      project,
      name: props.gitlabEnvironment ?? environment.name,
      externalUrl: webUrl,
      protectedFor: gitlab.protectedFor,
    });
    const deployKey = Secret.fromVariable(this, props.deployKeyVariable, {
      description:
        `SSH private key, base64-encoded on one line, that GitLab's ${environment.name} deploy job pushes to Dokku ` +
        "with (masked in job logs).",
    });
    const protectedVariables = gitlab.protectedVariables ?? this.app.productionLike;
    gitlabEnvironment.addVariable(props.ciDeployKeyVariable, deployKey, {
      masked: true,
      protected: protectedVariables,
      description:
        "SSH key for `git push dokku@<host>:<app>`, base64-encoded so that GitLab can mask it (managed by Terraform).",
    });
    gitlabEnvironment.addVariable(props.ciAppNameVariable, this.app.appName, {
      protected: protectedVariables,
      description: "The Dokku app this environment deploys to (managed by Terraform).",
    });
    return gitlabEnvironment;
  }
}

/**
 * The app's address: its first domain over HTTP (Dokku serves HTTPS only once a certificate is added, which the
 * provider does not manage), or none without a domain. Dokku's catch-all `_` and wildcards name no address.
 */
function webUrlOf(domains: readonly string[] | undefined): string | undefined {
  const [domain] = domains ?? [];
  return domain !== undefined && /^[a-z0-9.-]+$/i.test(domain) ? `http://${domain}` : undefined;
}
