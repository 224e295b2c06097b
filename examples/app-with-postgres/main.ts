/**
 * One production Heroku app with Heroku Postgres, the config var `PRODUCTION=True` and a `SECRET_KEY` that Terraform
 * generates once and keeps in state. The app and its database are protected by `prevent_destroy`; the one run that
 * tears them down on purpose says so by naming the app: `ALLOW_DESTROY=acme-web npx cdktf destroy production`.
 */
import { App, Aspects, TerraformOutput, TerraformStack } from "cdktf";
import {
  FlowProviders,
  FlowValidation,
  HerokuApp,
  describeApp,
  HerokuFlowChecks,
  PostgresPlan,
  Secret,
  StateBackend,
} from "heroku-flow-cdktf";

const APP_NAME = "acme-web";

// Production data is protected by default (prevent_destroy on the app and its database). Lifting it takes naming the
// app in ALLOW_DESTROY for one command; any other value is a mistake and stops synth.
const allowDestroy = process.env.ALLOW_DESTROY ?? "";
const destroyOnPurpose = allowDestroy === APP_NAME;

const app = new App();
const stack = new TerraformStack(app, "production");
StateBackend.local(stack); // terraform-state/production.tfstate beside cdktf.out
new FlowProviders(stack, "Providers"); // HEROKU_API_KEY from the environment; random for the generated secret

const web = new HerokuApp(stack, "App", {
  name: APP_NAME,
  environment: "production", // production-like: prevent_destroy unless lifted below
  preventDestroy: !destroyOnPurpose,
  config: { PRODUCTION: "True" },
  secrets: { SECRET_KEY: Secret.generate(stack, "secret_key") },
});
// DATABASE_URL is set by Heroku on the app, never by Terraform.
web.addPostgres("Postgres", { plan: PostgresPlan.STANDARD_0, preventDestroy: !destroyOnPurpose });

new TerraformOutput(stack, "web_url", { value: web.webUrl });

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
  processTypes: { web: "gunicorn app:app" }, // as the app's Procfile declares
  stacks: [{ stack, apps: [{ name: APP_NAME, formation: [] }] }],
});

Aspects.of(app).add(new HerokuFlowChecks()); // the lint pack, e.g. HF2 while the protection is lifted
FlowValidation.of(app).synth();
