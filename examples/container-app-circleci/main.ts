/**
 * The container-stack app of examples/container-app, deployed from CircleCI instead of GitLab:
 *
 * - secrets `SECRET_KEY` and `SENTRY_DSN`, supplied at deploy time as `TF_VAR_secret_key` and `TF_VAR_sentry_dsn`;
 * - plain config vars `DEBUG` and `ALLOWED_HOSTS`, the latter set from the app's real hostname;
 * - the deploy key (`TF_VAR_heroku_deploy_key`) as `HEROKU_API_KEY`, and the app's name as `HEROKU_APP_NAME`, in the
 *   CircleCI context `acme-api-production`, which only the project's pipelines of release tags (`v…`) may use.
 *
 * CircleCI never returns a context variable's value: Terraform sees a variable deleted in CircleCI's UI, not one whose
 * value was changed there (see README). The app is protected by `prevent_destroy`;
 * `ALLOW_DESTROY=acme-api npx cdktf destroy production` tears it down on purpose.
 */
import { App, Aspects, TerraformOutput, TerraformResource, TerraformStack } from "cdktf";
import {
  BuildStack,
  CircleciContext,
  DynoSize,
  FlowProviders,
  FlowValidation,
  HerokuApp,
  describeApp,
  HerokuFlowChecks,
  readSettings,
  Secret,
  StateBackend,
} from "heroku-flow-cdktf";

const APP_NAME = "acme-api";
// The CircleCI project and its organization, as CircleCI shows them (Project Settings and Organization Settings,
// Overview). Set CIRCLECI_ORGANIZATION_ID / CIRCLECI_PROJECT_ID, or write yours here.
const CIRCLECI = {
  organizationId: process.env.CIRCLECI_ORGANIZATION_ID || "00000000-0000-4000-8000-000000000000",
  projectSlug: process.env.CIRCLECI_PROJECT_SLUG || "gh/acme/api",
  projectId: process.env.CIRCLECI_PROJECT_ID || "00000000-0000-4000-8000-000000000001",
};

const allowDestroy = process.env.ALLOW_DESTROY ?? "";
const destroyOnPurpose = allowDestroy === APP_NAME;

const app = new App();
// The library's run settings: HEROKU_FLOW_BOOTSTRAP (first deploy, before any image was released).
const { settings, problems } = readSettings(app);
const stack = new TerraformStack(app, "production");
StateBackend.local(stack);
new FlowProviders(stack, "Providers", { random: false, gitlab: false, circleci: true });

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

// ALLOWED_HOSTS from the hostname Heroku gave the app, by a resource of its own (see examples/container-app).
const allowedHosts = new TerraformResource(api, "AllowedHosts", {
  terraformResourceType: "heroku_app_config_association",
  terraformGeneratorMetadata: { providerName: "heroku" },
});
allowedHosts.addOverride("app_id", api.appId);
allowedHosts.addOverride("vars", { ALLOWED_HOSTS: api.resource.herokuHostname });

// Heroku rejects formation for process types no release declared yet: the first deploy leaves it out (see README).
if (!settings.bootstrap) api.addFormation("web", DynoSize.STANDARD_1X, 1);

// The deploy job's credentials, usable only by this project's pipelines of release tags (CircleCI ANDs restrictions).
const deployContext = new CircleciContext(stack, "DeployContext", {
  name: `${APP_NAME}-production`,
  organizationId: CIRCLECI.organizationId,
  variables: {
    HEROKU_API_KEY: Secret.fromVariable(stack, "heroku_deploy_key", {
      description: "Heroku API key of the deploy job",
    }),
    HEROKU_APP_NAME: api.appName,
  },
  restrictions: { projectIds: [CIRCLECI.projectId], expressions: ['pipeline.git.tag starts-with "v"'] },
});

new TerraformOutput(stack, "web_url", { value: api.webUrl });
new TerraformOutput(stack, "hostname", { value: api.resource.herokuHostname });
new TerraformOutput(stack, "deploy_context", { value: deployContext.name });

for (const problem of problems) FlowValidation.addProblem(app, problem);
if (allowDestroy !== "" && !destroyOnPurpose) {
  FlowValidation.addProblem(stack, {
    field: "ALLOW_DESTROY",
    value: allowDestroy,
    rule: `must be the name of the app to tear down, ${APP_NAME}`,
    hint: "leave ALLOW_DESTROY unset except for the one command that destroys the app on purpose",
  });
}

// What the heroku-flow command needs to deploy this hand-written app: the CircleCI side makes it build the CircleCI
// provider, and the sandbox create the project.
describeApp({
  processTypes: { web: "gunicorn acme.wsgi" }, // the image's web process
  ci: { provider: "circleci", ...CIRCLECI },
  stacks: [
    {
      stack,
      apps: [{ name: APP_NAME, formation: ["web"] }],
      deployKeyVariables: ["heroku_deploy_key"],
      circleciContext: deployContext.name,
    },
  ],
});

Aspects.of(app).add(new HerokuFlowChecks());
FlowValidation.of(app).synth();
