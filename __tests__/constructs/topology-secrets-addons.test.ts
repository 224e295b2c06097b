/**
 * The topology's `secrets` and `addons`: what each stack synthesizes for them (a sensitive variable and a config var
 * checked by Terraform before use; add-ons with prevent_destroy where they hold production data), what the manifest
 * tells the engine, and every problem reported in the one report, never thrown.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { App, Testing } from "cdktf";
import { projectVariables } from "../../cli/ci/project-variables";
import { deployEnv, secretVariables } from "../../cli/engine/target-env";
import {
  DynoSize,
  FLOW_MANIFEST_FILE,
  type FlowManifest,
  FlowValidation,
  HerokuFlow,
  HerokuRegion,
  PostgresPlan,
  type TopologyConfig,
} from "../../constructs";
import { SECRET_CONFIG_VALUE } from "../../constructs/private/rules";
import { songlistStacks, songlistWith, synthesizeApp } from "../support/songlist";
import { mirroredGitlabProvider, prepareForValidation } from "../support/terraform";

const base: TopologyConfig = {
  pipelineName: "acme",
  region: HerokuRegion.EU,
  gitlabProject: "acme/api",
  releaseTag: "v*",
  sharedConfig: { LOG_LEVEL: "info" },
  generatedSecrets: ["SECRET_KEY"],
  processTypes: { web: "npm start" },
  environments: [
    {
      name: "staging",
      appName: "acme-api-staging",
      stage: "staging",
      postgres: PostgresPlan.ESSENTIAL_0,
      formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
    },
    {
      name: "production",
      appName: "acme-api",
      stage: "production",
      postgres: PostgresPlan.STANDARD_0,
      formation: { web: { size: DynoSize.STANDARD_1X, quantity: 2 } },
      gitlab: { protectedVariables: true },
    },
  ],
  review: {
    appNamePrefix: "acme-review",
    postgres: PostgresPlan.ESSENTIAL_0,
    formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
  },
};

/** The topology with secrets and add-ons at every level. */
const topology: TopologyConfig = {
  ...base,
  secrets: {
    SENTRY_DSN: { variable: "sentry_dsn", description: "DSN of the Sentry project" },
    STRIPE_SECRET_KEY: { variable: "stripe_key_test" },
  },
  addons: { Scheduler: { plan: "scheduler:standard" }, Redis: { plan: "heroku-redis:mini" } },
  environments: [
    { ...base.environments[0], secrets: { ERROR_REPORTING_DSN: { variable: "sentry_dsn" } } },
    {
      ...base.environments[1],
      secrets: { STRIPE_SECRET_KEY: { variable: "stripe_key_live" } },
      addons: { Redis: { plan: "heroku-redis:premium-0" }, Logs: { plan: "papertrail:fixa" } },
    },
  ],
  review: { ...base.review!, secrets: { REVIEW_TOKEN: { variable: "review_token" } } },
};

interface Built {
  readonly app: App;
  readonly flow: HerokuFlow;
  readonly outdir: string;
}

function build(config: unknown, env: NodeJS.ProcessEnv = {}): Built {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-addons-"));
  const app = new App({ outdir });
  const flow = new HerokuFlow(app, config as TopologyConfig, { env, procfile: path.join(outdir, "no-Procfile") });
  return { app, flow, outdir };
}

function problemsOf({ app }: Built) {
  return FlowValidation.of(app)
    .problems()
    .map(({ path: at, field, value, rule }) => ({ path: at, field, value, rule }));
}

function stackJson(built: Built, name: string): any {
  const stack = built.flow.stacks.find((candidate) => candidate.node.id === name)!;
  return JSON.parse(Testing.synth(stack));
}

function only<T>(record: Record<string, T> | undefined): T {
  const values = Object.values(record ?? {});
  expect(values).toHaveLength(1);
  return values[0];
}

function manifestOf(built: Built): FlowManifest {
  built.app.synth();
  return JSON.parse(fs.readFileSync(path.join(built.outdir, FLOW_MANIFEST_FILE), "utf8"));
}

describe("secrets", () => {
  const built = build(topology, { HEROKU_FLOW_REVIEW_ID: "42" });

  test("the topology is valid", () => {
    expect(problemsOf(built)).toEqual([]);
  });

  test("each becomes a sensitive variable without a default, declared once however many keys it supplies", () => {
    const staging = stackJson(built, "staging");
    expect(staging.variable.sentry_dsn).toEqual({
      type: "string",
      sensitive: true,
      nullable: false,
      description: "DSN of the Sentry project",
    });
    expect(staging.variable.stripe_key_test).toMatchObject({ sensitive: true });
    expect(staging.variable).not.toHaveProperty("stripe_key_live");
    const app = only<any>(staging.resource.heroku_app);
    expect(app.sensitive_config_vars).toMatchObject({
      SENTRY_DSN: "${var.sentry_dsn}",
      ERROR_REPORTING_DSN: "${var.sentry_dsn}",
      STRIPE_SECRET_KEY: "${var.stripe_key_test}",
    });
    expect(app.config_vars).toEqual({ LOG_LEVEL: "info" });
  });

  test("an environment's own entry overrides the shared one of the same key", () => {
    const production = stackJson(built, "production");
    expect(only<any>(production.resource.heroku_app).sensitive_config_vars.STRIPE_SECRET_KEY).toBe(
      "${var.stripe_key_live}",
    );
    expect(production.variable).not.toHaveProperty("stripe_key_test");
  });

  test("Terraform checks each value before the app uses it, naming the variable and never printing the value", () => {
    const app = only<any>(stackJson(built, "staging").resource.heroku_app);
    const preconditions = app.lifecycle.precondition as Array<{ condition: string; error_message: string }>;
    expect(preconditions.map((check) => check.error_message)).toEqual([
      `TF_VAR_sentry_dsn (config var SENTRY_DSN of this app) ${SECRET_CONFIG_VALUE.description}`,
      `TF_VAR_stripe_key_test (config var STRIPE_SECRET_KEY of this app) ${SECRET_CONFIG_VALUE.description}`,
      `TF_VAR_sentry_dsn (config var ERROR_REPORTING_DSN of this app) ${SECRET_CONFIG_VALUE.description}`,
    ]);
    expect(preconditions[0].condition).toBe('${can(regex("^\\\\S([\\\\s\\\\S]*\\\\S)?$", var.sentry_dsn))}');
  });

  test.each([
    ["", false],
    [" token", false],
    ["token\n", false],
    ["t", true],
    ["sk_live 0123", true],
  ])("the value rule on %p: %p", (value, accepted) => {
    expect(SECRET_CONFIG_VALUE.test(value)).toBe(accepted);
  });

  test("review apps get the shared secrets and their own", () => {
    const review = stackJson(built, "review-42");
    expect(Object.keys(only<any>(review.resource.heroku_app).sensitive_config_vars).sort()).toEqual([
      "REVIEW_TOKEN",
      "SECRET_KEY",
      "SENTRY_DSN",
      "STRIPE_SECRET_KEY",
    ]);
  });

  test("the manifest names each stack's variables, and the review apps' for stacks not synthesized yet", () => {
    const manifest = manifestOf(build(topology, { HEROKU_FLOW_REVIEW_ID: "42" }));
    const byName = Object.fromEntries(manifest.stacks.map((stack) => [stack.name, stack.secretVariables]));
    expect(byName).toEqual({
      pipeline: undefined,
      staging: ["sentry_dsn", "stripe_key_test"],
      production: ["sentry_dsn", "stripe_key_live"],
      "review-42": ["sentry_dsn", "stripe_key_test", "review_token"],
    });
    expect(manifest.review?.secretVariables).toEqual(["sentry_dsn", "stripe_key_test", "review_token"]);
  });

  test("a topology without secrets writes the manifest as before (no secretVariables anywhere)", () => {
    const manifest = manifestOf(build(base));
    expect(JSON.stringify(manifest)).not.toContain("secretVariables");
  });

  test("the sandbox deploy sets every secret variable to a fixed stand-in that passes Terraform's check", () => {
    const manifest = manifestOf(build(topology));
    const variables = secretVariables(manifest);
    expect(variables.sort()).toEqual(["review_token", "sentry_dsn", "stripe_key_live", "stripe_key_test"]);
    const target = { herokuUrl: "http://127.0.0.1:1", herokuApiKey: "k".repeat(16), gitlabUrl: "", gitlabToken: "" };
    const env = deployEnv(target, [], variables);
    expect(env.TF_VAR_sentry_dsn).toBe(deployEnv(target, [], variables).TF_VAR_sentry_dsn);
    for (const variable of variables) expect(SECRET_CONFIG_VALUE.test(env[`TF_VAR_${variable}`])).toBe(true);
  });

  test("the generated pipeline's list of CI/CD variables names each secret once, the review apps' unprotected", () => {
    const listed = projectVariables(manifestOf(build(topology)), true).filter((variable) =>
      /sentry|stripe|review_token/.test(variable.name),
    );
    expect(listed.map((variable) => variable.name)).toEqual([
      "TF_VAR_sentry_dsn",
      "TF_VAR_stripe_key_test",
      "TF_VAR_stripe_key_live",
      "TF_VAR_review_token",
    ]);
    expect(listed.find((variable) => variable.name === "TF_VAR_review_token")?.purpose).toContain("NOT protected");
    expect(listed.find((variable) => variable.name === "TF_VAR_stripe_key_live")?.purpose).not.toContain(
      "NOT protected",
    );
  });
});

describe("secret problems, reported with their field, never thrown", () => {
  test("a bad variable name or config key, a key also generated, a value of the wrong type", () => {
    const built = build({
      ...base,
      secrets: {
        SENTRY_DSN: { variable: "sentry-dsn" },
        "stripe-key": { variable: "stripe_key" },
        SECRET_KEY: { variable: "secret_key_supplied" },
      },
      environments: [{ ...base.environments[0], secrets: { API_TOKEN: { variable: 42 } } }],
      review: { ...base.review, secrets: "REVIEW_TOKEN" },
    });
    expect(problemsOf(built)).toEqual([
      { path: "", field: "environments[0].secrets.API_TOKEN.variable", value: "42", rule: "must be a string" },
      {
        path: "",
        field: "secrets.SENTRY_DSN.variable",
        value: '"sentry-dsn"',
        rule: expect.stringContaining("TF_VAR_<name>"),
      },
      { path: "", field: "secrets.stripe-key", value: '"stripe-key"', rule: expect.stringContaining("letters") },
      {
        path: "",
        field: "secrets.SECRET_KEY",
        value: '"SECRET_KEY"',
        rule: expect.stringContaining("generatedSecrets"),
      },
      { path: "", field: "review.secrets", value: '"REVIEW_TOKEN"', rule: expect.stringContaining("object") },
    ]);
  });

  test("a variable named as the environment's deploy key is reported on the stack, and not declared twice", () => {
    const built = build({ ...base, secrets: { API_KEY: { variable: "heroku_deploy_key_staging" } } });
    expect(problemsOf(built)).toEqual([
      {
        path: "staging",
        field: "secrets.API_KEY.variable",
        value: '"heroku_deploy_key_staging"',
        rule: expect.stringContaining("deploy-key variable"),
      },
    ]);
  });

  test("a config key declared in the config and in the secrets is the app's problem, once per app", () => {
    const built = build({ ...base, secrets: { LOG_LEVEL: { variable: "log_level" } } });
    expect(problemsOf(built).map((problem) => [problem.path, problem.field, problem.value])).toEqual([
      ["staging/App", "config key", '"LOG_LEVEL"'],
      ["production/App", "config key", '"LOG_LEVEL"'],
    ]);
  });
});

describe("add-ons", () => {
  const built = build(topology, { HEROKU_FLOW_REVIEW_ID: "42" });
  const addonsOf = (stack: string) =>
    Object.fromEntries(
      Object.values<any>(stackJson(built, stack).resource.heroku_addon).map((addon) => [addon.plan, addon.lifecycle]),
    );

  test("shared ones on every app; an environment's own replace the shared one of the same id", () => {
    expect(addonsOf("staging")).toEqual({
      "heroku-postgresql:essential-0": undefined,
      "scheduler:standard": undefined,
      "heroku-redis:mini": undefined,
    });
    expect(Object.keys(addonsOf("production")).sort()).toEqual([
      "heroku-postgresql:standard-0",
      "heroku-redis:premium-0",
      "papertrail:fixa",
      "scheduler:standard",
    ]);
  });

  test("production's data stores get prevent_destroy; its Scheduler and Papertrail do not", () => {
    expect(addonsOf("production")).toMatchObject({
      "heroku-redis:premium-0": { prevent_destroy: true },
      "scheduler:standard": undefined,
      "papertrail:fixa": undefined,
    });
  });

  test("review apps get the shared add-ons, destroyable", () => {
    expect(addonsOf("review-42")).toMatchObject({ "heroku-redis:mini": undefined, "scheduler:standard": undefined });
  });

  test("a bad plan of a long-lived environment is reported by its add-on, with the stack in its path", () => {
    const bad = build({
      ...base,
      environments: [{ ...base.environments[0], addons: { Redis: { plan: "heroku-redis" } } }, base.environments[1]],
    });
    expect(problemsOf(bad)).toEqual([
      {
        path: "staging/App/Redis",
        field: "plan",
        value: '"heroku-redis"',
        rule: expect.stringContaining("<service>:<plan>"),
      },
    ]);
  });

  test("the review apps' add-ons are checked on every synth, though no review stack is built", () => {
    const bad = build({
      ...base,
      sharedConfig: { REDIS_URL: "redis://elsewhere.example:6379" },
      review: {
        ...base.review,
        addons: {
          Cache: { plan: "heroku-redis:mini" },
          Db: { plan: "heroku-postgresql:hobby-dev" },
          Logs: { plan: "papertrail:choklad", attachmentName: "logs" },
        },
      },
    });
    expect(bad.flow.reviewApps).toEqual([]);
    expect(problemsOf(bad)).toEqual([
      { path: "", field: "review.addons.Db.plan", value: '"heroku-postgresql:hobby-dev"', rule: expect.any(String) },
      { path: "", field: "review.addons.Logs.attachmentName", value: '"logs"', rule: expect.any(String) },
      {
        path: "",
        field: "review.addons.Cache",
        value: '"REDIS_URL"',
        rule: expect.stringContaining("set on every review app by this add-on"),
      },
    ]);
  });

  test("an add-on entry of the wrong type is reported, not thrown", () => {
    const bad = build({
      ...base,
      addons: { Redis: "heroku-redis:mini", Logs: { plan: "papertrail:choklad", preventDestroy: "no" } },
    });
    expect(problemsOf(bad)).toEqual([
      { path: "", field: "addons.Redis", value: '"heroku-redis:mini"', rule: expect.stringContaining("object") },
      { path: "", field: "addons.Logs.preventDestroy", value: '"no"', rule: "must be true or false" },
    ]);
  });
});

test("a production stack with secrets (their preconditions) and add-ons is valid Terraform for the real providers", () => {
  const withBoth = songlistWith((changed) => {
    changed.secrets = { SENTRY_DSN: { variable: "sentry_dsn" } };
    changed.addons = { Scheduler: { plan: "scheduler:standard" } };
    changed.environments[1].addons = { Redis: { plan: "heroku-redis:premium-0", attachmentName: "CACHE" } };
  });
  const { app } = songlistStacks({ ...mirroredGitlabProvider() }, withBoth);
  synthesizeApp(app);
  expect(prepareForValidation(app.outdir, "production")).toBeValidTerraform();
});
