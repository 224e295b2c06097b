import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { StoreData } from "../../sandbox/store";
import { applyArgs, plannedChanges, SandboxProject } from "../../scripts/lib/sandbox-project";
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

/** A context as the sandbox holds it, with its variables (values included) and restrictions, found by name. */
function circleciContextNamed(state: StoreData, name: string) {
  const { contexts, contextVariables, restrictions } = state.circleci;
  const context = contexts.find((candidate) => candidate.name === name);
  if (!context) return undefined;
  return {
    context,
    variables: Object.fromEntries(
      contextVariables.filter((v) => v.contextId === context.id).map((v) => [v.name, v.value]),
    ),
    restrictions: restrictions
      .filter((r) => r.contextId === context.id)
      .map((r) => `${r.type} ${r.value}`)
      .sort(),
  };
}

/**
 * examples/container-app-circleci: the same app, its deploy key and app name in a CircleCI context restricted to the
 * project and to release tags, with the real CircleCI provider against the sandbox's CircleCI API. The project and
 * its organization are created in the sandbox with fresh ids, which the example reads from CIRCLECI_*.
 */
describe("example: container-app-circleci", () => {
  const CONTEXT = "acme-api-production";
  const STACK = "production";
  let example: ExampleProject;
  let project: SandboxProject;
  let env: Record<string, string>;
  beforeAll(async () => {
    example = await createExampleProject("container-app-circleci");
    project = example.project;
    env = {
      CIRCLECI_ORGANIZATION_ID: crypto.randomUUID(),
      CIRCLECI_PROJECT_SLUG: "gh/acme/api",
      CIRCLECI_PROJECT_ID: crypto.randomUUID(),
      TF_VAR_secret_key: crypto.randomBytes(32).toString("hex"),
      TF_VAR_sentry_dsn: `https://${crypto.randomBytes(16).toString("hex")}@o1.ingest.sentry.io/2`,
      TF_VAR_heroku_deploy_key: project.deployKey,
    };
    await project.client.createCircleciProject({
      projectSlug: env.CIRCLECI_PROJECT_SLUG,
      projectId: env.CIRCLECI_PROJECT_ID,
      organizationId: env.CIRCLECI_ORGANIZATION_ID,
    });
  });
  afterAll(() => example?.close());

  /**
   * Terraform's own error of a `terraform apply` of the stack that must fail (cdktf may cut it), as a first deploy
   * runs it (no formation before code was pushed, so that the error is only the one under test).
   */
  async function applyFails(extra: Record<string, string>): Promise<string> {
    const settings = { ...env, HEROKU_FLOW_BOOTSTRAP: "true", ...extra };
    await project.cdktfOk(["synth"], settings);
    const engine = project.engine(settings);
    await engine.init(STACK);
    const apply = await engine.terraform(STACK, ["apply", "-auto-approve", "-input=false", "-no-color"], [1]);
    // Terraform wraps a diagnostic's lines at its own width: one line to search.
    return apply.stderr.replace(/\s+/g, " ");
  }

  test("imports only the package API", () => {
    expect(exampleImports("container-app-circleci").every((module) => PACKAGE_API.includes(module))).toBe(true);
  });

  test("synthesizes with the CircleCI provider and no GitLab one; the manifest says the CircleCI side", async () => {
    const config = await synthAndValidate(project, env);
    expect(Object.keys(config.provider).sort()).toEqual(["circleci", "heroku"]);
    expect(Object.keys(config.resource).filter((type) => type.startsWith("gitlab_"))).toEqual([]);
    expect(Object.values<any>(config.resource.circleci_context)).toEqual([
      expect.objectContaining({ name: CONTEXT, organization_id: env.CIRCLECI_ORGANIZATION_ID }),
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(project.dir, "cdktf.out", "heroku-flow.json"), "utf8"));
    expect(manifest.ci).toEqual({
      provider: "circleci",
      organizationId: env.CIRCLECI_ORGANIZATION_ID,
      projectSlug: env.CIRCLECI_PROJECT_SLUG,
      projectId: env.CIRCLECI_PROJECT_ID,
    });
    expect(manifest.stacks[0].circleciContext).toBe(CONTEXT);
  });

  test("bad input stops before anything is created: an empty deploy key, an organization the token cannot see", async () => {
    const empty = await applyFails({ TF_VAR_heroku_deploy_key: "" });
    expect(empty).toMatch(/TF_VAR_heroku_deploy_key \(CircleCI variable HEROKU_API_KEY\)/);
    // No resource was created: the precondition fails the plan, before any call.
    expect((await project.state()).apps).toEqual([]);
    expect((await project.state()).circleci.contexts).toEqual([]);

    const stranger = crypto.randomUUID();
    const unknown = await applyFails({ CIRCLECI_ORGANIZATION_ID: stranger });
    expect(unknown).toMatch(/Organization not found/);
    expect((await project.state()).circleci.contexts).toEqual([]);
    for (const secret of [env.TF_VAR_secret_key, env.TF_VAR_sentry_dsn, project.deployKey]) {
      expect(`${empty}${unknown}`.includes(secret)).toBe(false);
    }
  });

  test("a context name taken in the organization is CircleCI's 409, said by Terraform; the other context is kept", async () => {
    const taken = await project.client.circleci("POST", "/context", {
      name: CONTEXT,
      owner: { id: env.CIRCLECI_ORGANIZATION_ID, type: "organization" },
    });
    expect(taken.status).toBe(200);
    const stderr = await applyFails({});
    expect(stderr).toMatch(/A context already exists with this name/);
    const { contexts } = (await project.state()).circleci;
    expect(contexts.map((context) => context.id)).toEqual([taken.body.id]);
    expect((await project.client.circleci("DELETE", `/context/${taken.body.id}`)).status).toBe(200);
  });

  test("a restriction CircleCI refuses leaves a context half made, in Terraform's state, finished by the next apply", async () => {
    const stderr = await applyFails({ CIRCLECI_PROJECT_ID: crypto.randomUUID() });
    expect(stderr).toMatch(/circleci_context_restriction\.DeployContext_Project-/);
    expect(stderr).toMatch(/Project not found/);
    const half = circleciContextNamed(await project.state(), CONTEXT)!;
    expect(Object.keys(half.variables).sort()).toEqual(["HEROKU_API_KEY", "HEROKU_APP_NAME"]);
    const listed = await project.engine(env).terraform(STACK, ["state", "list"]);
    expect(listed.stdout).toMatch(/^circleci_context\.DeployContext_\w+$/m);
    // With the right project, the same context is finished rather than a second one refused as a taken name (and the
    // app, created by the failed applies, gets its first code and its formation).
    const outcome = await project.deploy([STACK], env);
    expect(outcome).toEqual({ pushed: ["acme-api"], changedStacks: expect.arrayContaining([STACK]) });
    const whole = circleciContextNamed(await project.state(), CONTEXT)!;
    expect(whole.context.id).toBe(half.context.id);
    expect(whole.restrictions).toEqual(
      [`expression pipeline.git.tag starts-with "v"`, `project ${env.CIRCLECI_PROJECT_ID}`].sort(),
    );
  });

  test("deployed: the app, and the deploy key and app name in the restricted context", async () => {
    const state = await project.state();
    const { app, formations } = appNamed(state, "acme-api");
    expect(app.stack).toBe("container");
    expect(app.configVars).toEqual({
      DEBUG: "False",
      SECRET_KEY: env.TF_VAR_secret_key,
      SENTRY_DSN: env.TF_VAR_sentry_dsn,
      ALLOWED_HOSTS: `acme-api-${app.webSuffix}.herokuapp.com`,
    });
    expect(formations.map((f) => `${f.type} ${f.quantity} ${f.size.toLowerCase()}`)).toEqual(["web 1 standard-1x"]);
    expect(circleciContextNamed(state, CONTEXT)!.variables).toEqual({
      HEROKU_API_KEY: project.deployKey,
      HEROKU_APP_NAME: "acme-api",
    });
    expect(state.gitlab.variables).toEqual([]);
  });

  test("a second deploy and cdktf diff change nothing", async () => {
    expect(await project.deploy([STACK], env)).toEqual({ pushed: [], changedStacks: [] });
    const diff = await project.diff(STACK, env);
    expect(diff.changes).toEqual([]);
  });

  test("drift: a context variable deleted in CircleCI is planned back; a value changed there cannot be seen", async () => {
    const { context } = circleciContextNamed(await project.state(), CONTEXT)!;
    const variables = `/context/${context.id}/environment-variable`;
    expect((await project.client.circleci("DELETE", `${variables}/HEROKU_APP_NAME`)).status).toBe(200);
    const deleted = await project.diff(STACK, env);
    expect(plannedChanges(deleted)).toEqual([
      expect.stringMatching(
        /^circleci_context_environment_variable\.DeployContext_Variable-HEROKU_APP_NAME_\w+ create$/,
      ),
    ]);
    await project.deploy([STACK], env);
    expect(circleciContextNamed(await project.state(), CONTEXT)!.variables.HEROKU_APP_NAME).toBe("acme-api");

    // CircleCI never returns a value, so the provider cannot compare it: the plan stays empty (README says so).
    const changed = await project.client.circleci("PUT", `${variables}/HEROKU_APP_NAME`, { value: "someone-else" });
    expect(changed.status).toBe(200);
    expect((await project.diff(STACK, env)).changes).toEqual([]);
    // What the README says to do then: replace the variable, which sets it again.
    const engine = project.engine(env);
    const address = (await engine.terraform(STACK, ["state", "list"])).stdout
      .split("\n")
      .find((line) => line.includes("Variable-HEROKU_APP_NAME"))!;
    await engine.terraform(STACK, ["apply", "-auto-approve", "-input=false", "-no-color", `-replace=${address}`]);
    expect(circleciContextNamed(await project.state(), CONTEXT)!.variables.HEROKU_APP_NAME).toBe("acme-api");
  });

  test("ALLOW_DESTROY=acme-api cdktf destroy production removes the app and the context with all it holds", async () => {
    await project.cdktfOk(DESTROY, { ...env, ALLOW_DESTROY: "acme-api" });
    const { apps, circleci } = await project.state();
    expect(apps).toEqual([]);
    expect(circleci.contexts).toEqual([]);
    expect(circleci.contextVariables).toEqual([]);
    expect(circleci.restrictions).toEqual([]);
  });

  test("no secret value appears in any cdktf output", () => {
    for (const secret of [env.TF_VAR_secret_key, env.TF_VAR_sentry_dsn, project.deployKey]) {
      expect(project.transcript.includes(secret)).toBe(false);
    }
  });
});
