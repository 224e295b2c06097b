import * as crypto from "node:crypto";
import { applyArgs, SandboxProject } from "../../scripts/lib/sandbox-project";
import { appNamed } from "../support/sandbox-data";
import {
  createExampleProject,
  ExampleProject,
  exampleImports,
  PACKAGE_API,
  synthesized,
} from "./support/example-project";

const DESTROY = applyArgs("destroy", ["production"]);

/** Synth with the real CLI, then `terraform init` (providers from the mirror) and `terraform validate`. */
async function synthAndValidate(project: SandboxProject, extra: Record<string, string> = {}): Promise<any> {
  await project.cdktfOk(["synth"], extra);
  const engine = project.engine(extra);
  await engine.init("production");
  const validate = await engine.terraform("production", ["validate", "-no-color"]);
  expect(validate.stdout).toMatch(/The configuration is valid/);
  return synthesized(project, "production");
}

/**
 * Why `cdktf destroy` failed, from Terraform itself: cdktf 0.21 sometimes cuts a failing stack's output before
 * Terraform's error, so its own output is not a reliable place to read the reason.
 */
async function expectDestroyRefused(project: SandboxProject, extra: Record<string, string> = {}): Promise<void> {
  const plan = await project
    .engine(extra)
    .terraform("production", ["plan", "-destroy", "-input=false", "-no-color", "-lock=false"], [1]);
  expect(plan.stderr).toMatch(/Instance cannot be destroyed/);
  expect(plan.stderr).toMatch(/Resource heroku_(app|addon)\.App_\w+ has lifecycle\.prevent_destroy/);
}

/** examples/app-with-postgres: one production app, Heroku Postgres, PRODUCTION=True and a generated SECRET_KEY. */
describe("example: app-with-postgres", () => {
  let example: ExampleProject;
  let project: SandboxProject;
  beforeAll(async () => {
    example = await createExampleProject("app-with-postgres");
    project = example.project;
  });
  afterAll(() => example?.close());

  test("imports only the package API", () => {
    expect(exampleImports("app-with-postgres").every((module) => PACKAGE_API.includes(module))).toBe(true);
  });

  test("synthesizes, protected, and the real providers validate it", async () => {
    const config = await synthAndValidate(project);
    const app = Object.values<any>(config.resource.heroku_app)[0];
    expect(app).toMatchObject({
      name: "acme-web",
      config_vars: { PRODUCTION: "True" },
      sensitive_config_vars: { SECRET_KEY: "${random_password.secret_key.result}" },
      lifecycle: { prevent_destroy: true },
    });
    const database = Object.values<any>(config.resource.heroku_addon)[0];
    expect(database).toMatchObject({ plan: "heroku-postgresql:standard-0", lifecycle: { prevent_destroy: true } });
  });

  test("deploys: the app, its database and its config vars exist", async () => {
    const outcome = await project.deploy(["production"]);
    expect(outcome.changedStacks).toContain("production");
    const { app, addons } = appNamed(await project.state(), "acme-web");
    expect(app.configVars.PRODUCTION).toBe("True");
    expect(app.configVars.SECRET_KEY).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(app.configVars.DATABASE_URL).toMatch(/^postgres:\/\//);
    expect(addons.map((addon) => `${addon.service}:${addon.plan} ${addon.state}`)).toEqual([
      "heroku-postgresql:standard-0 provisioned",
    ]);
  });

  test("a second deploy and cdktf diff change nothing", async () => {
    expect(await project.deploy(["production"])).toEqual({ pushed: [], changedStacks: [] });
    const diff = await project.diff("production");
    expect(diff.changes).toEqual([]);
    expect(diff.noChanges).toBe(true);
  });

  test("cdktf destroy is refused by prevent_destroy and destroys nothing", async () => {
    const before = await project.state();
    const run = await project.cdktf(DESTROY);
    expect(run.code).not.toBe(0);
    await expectDestroyRefused(project);
    const after = await project.state();
    expect(after.apps).toEqual(before.apps);
    expect(after.addons).toEqual(before.addons);
  });

  test("ALLOW_DESTROY naming another app stops synth", async () => {
    const run = await project.cdktf(["synth"], { ALLOW_DESTROY: "acme" });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/ALLOW_DESTROY: "acme" must be the name of the app to tear down, acme-web/);
  });

  test("ALLOW_DESTROY=acme-web cdktf destroy production tears it down", async () => {
    await project.cdktfOk(DESTROY, { ALLOW_DESTROY: "acme-web" });
    const { apps, addons } = await project.state();
    expect(apps.map((app) => app.name)).toEqual([]);
    expect(addons.filter((addon) => addon.state !== "deprovisioned")).toEqual([]);
  });
});

/**
 * examples/container-app: a container-stack app with secrets from sensitive variables, ALLOWED_HOSTS from its own
 * hostname, and the deploy key in GitLab CI. The sandbox has one GitLab project, songlist/songlist, which the example
 * deploys to through CI_PROJECT_PATH (as in GitLab CI).
 */
describe("example: container-app", () => {
  let example: ExampleProject;
  let project: SandboxProject;
  let env: Record<string, string>;
  beforeAll(async () => {
    example = await createExampleProject("container-app");
    project = example.project;
    env = {
      CI_PROJECT_PATH: "songlist/songlist",
      TF_VAR_secret_key: crypto.randomBytes(32).toString("hex"),
      TF_VAR_sentry_dsn: `https://${crypto.randomBytes(16).toString("hex")}@o1.ingest.sentry.io/2`,
      TF_VAR_heroku_deploy_key: project.deployKey,
    };
  });
  afterAll(() => example?.close());

  test("imports only the package API", () => {
    expect(exampleImports("container-app").every((module) => PACKAGE_API.includes(module))).toBe(true);
  });

  test("synthesizes, protected, and the real providers validate it", async () => {
    const config = await synthAndValidate(project, env);
    const app = Object.values<any>(config.resource.heroku_app)[0];
    expect(app).toMatchObject({
      name: "acme-api",
      stack: "container",
      config_vars: { DEBUG: "False" },
      sensitive_config_vars: { SECRET_KEY: "${var.secret_key}", SENTRY_DSN: "${var.sentry_dsn}" },
      lifecycle: { prevent_destroy: true },
    });
    const association = Object.values<any>(config.resource.heroku_app_config_association)[0];
    expect(association.vars).toEqual({
      ALLOWED_HOSTS: expect.stringMatching(/^\$\{heroku_app\.\w+\.heroku_hostname\}$/),
    });
  });

  test("deploys: container stack, config vars, ALLOWED_HOSTS from the hashed hostname, the deploy key in GitLab", async () => {
    const outcome = await project.deploy(["production"], env);
    expect(outcome.pushed).toEqual(["acme-api"]);
    const state = await project.state();
    const { app, formations } = appNamed(state, "acme-api");
    const { gitlab } = state;
    expect(app.stack).toBe("container");
    expect(app.configVars).toEqual({
      DEBUG: "False",
      SECRET_KEY: env.TF_VAR_secret_key,
      SENTRY_DSN: env.TF_VAR_sentry_dsn,
      ALLOWED_HOSTS: `acme-api-${app.webSuffix}.herokuapp.com`,
    });
    expect(app.webSuffix).toMatch(/^[0-9a-f]{6,}$/);
    expect(formations.map((f) => `${f.type} ${f.quantity} ${f.size.toLowerCase()}`)).toEqual(["web 1 standard-1x"]);
    const variables = gitlab.variables.filter((v) => v.environmentScope === "production");
    expect(variables.map((v) => `${v.key} masked=${v.masked} protected=${v.protected}`).sort()).toEqual([
      "HEROKU_API_KEY masked=true protected=true",
      "HEROKU_APP_NAME masked=false protected=true",
    ]);
    expect(variables.find((v) => v.key === "HEROKU_API_KEY")!.value).toBe(project.deployKey);
    expect(gitlab.environments.map((e) => `${e.name} ${e.externalUrl}`)).toEqual([
      `production https://acme-api-${app.webSuffix}.herokuapp.com/`,
    ]);
  });

  test("a second deploy and cdktf diff change nothing", async () => {
    expect(await project.deploy(["production"], env)).toEqual({ pushed: [], changedStacks: [] });
    const diff = await project.diff("production", env);
    expect(diff.changes).toEqual([]);
    expect(diff.noChanges).toBe(true);
  });

  test("cdktf destroy is refused by prevent_destroy and destroys nothing", async () => {
    const before = await project.state();
    const run = await project.cdktf(DESTROY, env);
    expect(run.code).not.toBe(0);
    await expectDestroyRefused(project, env);
    const after = await project.state();
    expect(after.apps).toEqual(before.apps);
    expect(after.gitlab.variables).toEqual(before.gitlab.variables);
  });

  test("ALLOW_DESTROY=acme-api cdktf destroy production tears down both sides", async () => {
    await project.cdktfOk(DESTROY, { ...env, ALLOW_DESTROY: "acme-api" });
    const { apps, formations, gitlab } = await project.state();
    expect(apps).toEqual([]);
    expect(formations).toEqual([]);
    expect(gitlab.variables).toEqual([]);
    expect(gitlab.environments).toEqual([]);
  });

  test("no secret value appears in any cdktf output", () => {
    for (const secret of [env.TF_VAR_secret_key, env.TF_VAR_sentry_dsn, project.deployKey]) {
      expect(project.transcript.includes(secret)).toBe(false);
    }
  });
});
