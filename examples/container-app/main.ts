/**
 * A production app on Heroku's container stack (released as a Docker image by GitLab CI), with:
 *
 * - secrets `SECRET_KEY` and `SENTRY_DSN`, supplied at deploy time as `TF_VAR_secret_key` and `TF_VAR_sentry_dsn`;
 * - plain config vars `DEBUG` and `ALLOWED_HOSTS`, the latter set from the app's real hostname
 *   (`acme-api-<hash>.herokuapp.com`, known only once Heroku created the app);
 * - the GitLab environment `production`, whose deploy jobs get the Heroku deploy key (`TF_VAR_heroku_deploy_key`) as
 *   the masked, protected CI/CD variable `HEROKU_API_KEY`, and the app's name as `HEROKU_APP_NAME`.
 *
 * The app is protected by `prevent_destroy`; `ALLOW_DESTROY=acme-api npx cdktf destroy production` tears it down on
 * purpose.
 */
import { App, Aspects, TerraformOutput, TerraformResource, TerraformStack } from "cdktf";
import {
  BuildStack,
  DynoSize,
  FlowProviders,
  FlowValidation,
  GitlabEnvironment,
  GitlabProviderCompatibility,
  HerokuApp,
  describeApp,
  HerokuFlowChecks,
  readSettings,
  Secret,
  StateBackend,
} from "heroku-flow-cdktf";

const APP_NAME = "acme-api";
// In GitLab CI, the project whose pipeline runs the deploy; elsewhere set CI_PROJECT_PATH or change the fallback.
const GITLAB_PROJECT = process.env.CI_PROJECT_PATH || "acme/api";

const allowDestroy = process.env.ALLOW_DESTROY ?? "";
const destroyOnPurpose = allowDestroy === APP_NAME;

const app = new App();
// The library's run settings: HEROKU_FLOW_BOOTSTRAP (first deploy, before any image was released) and the GitLab
// provider version Terraform installs.
const { settings, problems } = readSettings(app);
const stack = new TerraformStack(app, "production");
StateBackend.local(stack);
new FlowProviders(stack, "Providers", { random: false }); // nothing is generated: every secret is a variable

const api = new HerokuApp(stack, "App", {
  name: APP_NAME,
  environment: "production",
  stack: BuildStack.CONTAINER,
  preventDestroy: !destroyOnPurpose,
  config: { DEBUG: "False" },
  secrets: {
    SECRET_KEY: Secret.fromVariable(stack, "secret_key", { description: "Django's SECRET_KEY" }),
    SENTRY_DSN: Secret.fromVariable(stack, "sentry_dsn", { description: "The Sentry project's DSN" }),
  },
});

// ALLOWED_HOSTS from the hostname Heroku gave the app. Declaring it in the app's own `config` would make heroku_app
// depend on its own attribute, a cycle Terraform refuses. A second resource sets this one config var once the app
// exists: heroku_app_config_association, declared with cdktf's generic TerraformResource (the package exports no
// construct for it). The app's `config` and this resource manage different keys, so neither undoes the other.
const allowedHosts = new TerraformResource(api, "AllowedHosts", {
  terraformResourceType: "heroku_app_config_association",
  terraformGeneratorMetadata: { providerName: "heroku" },
});
allowedHosts.addOverride("app_id", api.appId);
allowedHosts.addOverride("vars", { ALLOWED_HOSTS: api.resource.herokuHostname });

// Heroku rejects formation for process types no release declared yet: the first deploy leaves it out (see README).
if (!settings.bootstrap) api.addFormation("web", DynoSize.STANDARD_1X, 1);

const environment = new GitlabEnvironment(stack, "Environment", {
  project: GITLAB_PROJECT,
  name: "production",
  externalUrl: api.webUrl,
});
environment.addVariable(
  "HEROKU_API_KEY",
  Secret.fromVariable(stack, "heroku_deploy_key", { description: "Heroku API key of the deploy jobs" }),
  { masked: true, protected: true }, // only pipelines of protected branches and tags can deploy
);
environment.addVariable("HEROKU_APP_NAME", api.appName, { protected: true });

new TerraformOutput(stack, "web_url", { value: api.webUrl });
new TerraformOutput(stack, "hostname", { value: api.resource.herokuHostname });

// Where only an older GitLab provider is installable (the offline toolchain builds 16.1.1), drop what it lacks.
if (GitlabProviderCompatibility.VERSIONS.includes(settings.gitlabProviderVersion)) {
  Aspects.of(stack).add(new GitlabProviderCompatibility(settings.gitlabProviderVersion));
}
for (const problem of problems) FlowValidation.addProblem(app, problem);
if (allowDestroy !== "" && !destroyOnPurpose) {
  FlowValidation.addProblem(stack, {
    field: "ALLOW_DESTROY",
    value: allowDestroy,
    rule: `must be the name of the app to tear down, ${APP_NAME}`,
    hint: "leave ALLOW_DESTROY unset except for the one command that destroys the app on purpose",
  });
}

// What the heroku-flow command needs to deploy this hand-written app (HerokuFlow apps get it written for them).
describeApp({
  processTypes: { web: "gunicorn acme.wsgi" }, // the image's web process
  gitlabProject: GITLAB_PROJECT,
  stacks: [
    {
      stack,
      apps: [{ name: APP_NAME, formation: ["web"] }],
      deployKeyVariables: ["heroku_deploy_key"],
      gitlabEnvironment: "production",
    },
  ],
});

Aspects.of(app).add(new HerokuFlowChecks());
FlowValidation.of(app).synth();
