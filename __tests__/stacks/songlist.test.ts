import { TerraformStack } from "cdktf";
import { resourcesOf } from "../support/stacks";
import { songlistStacks, songlistWith, synthesizeApp } from "../support/songlist";

/** A stack's cdk.tf.json, from a synth of its whole app (so that cross-stack references are resolved). */
const synth = (stack: TerraformStack) => synthesizeApp(stack.node.scope as never)[stack.node.id];

describe("songlist stacks", () => {
  test("pipeline, staging and production; review-<id> only when a review id is given", () => {
    expect(songlistStacks().app.node.children.map((c) => c.node.id)).toEqual(["pipeline", "staging", "production"]);
    const withReview = songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42" });
    expect(withReview.reviewApps.map((stack) => stack.node.id)).toEqual(["review-42"]);
  });

  // Synthesized in beforeAll, not while Jest collects the tests: a synth that throws then fails these tests instead of
  // the whole file (which mutation testing could not count as a failing test).
  describe("snapshots (one per stack, for reviewing the whole topology)", () => {
    let stacks: Record<string, any>;
    beforeAll(() => {
      stacks = synthesizeApp(songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42" }).app);
    });
    test.each(["pipeline", "staging", "production", "review-42"])("%s", (name) => {
      expect(stacks[name]).toMatchSnapshot();
    });
  });

  describe("invariants the snapshots show, each asserted on its own (an updated snapshot must not weaken them)", () => {
    let stacks: Record<string, any>;
    beforeAll(() => {
      stacks = synthesizeApp(songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42" }).app);
    });
    const deployKeys: Record<string, string> = {
      staging: "heroku_deploy_key_staging",
      production: "heroku_deploy_key_production",
      "review-42": "heroku_deploy_key_review",
    };

    test.each(Object.keys(deployKeys))("%s: SECRET_KEY is 48 generated characters without punctuation", (name) => {
      expect(resourcesOf(stacks[name], "random_password")).toEqual([
        expect.objectContaining({ length: 48, special: false }),
      ]);
    });

    test.each(Object.entries(deployKeys))(
      "%s: the deploy key is a sensitive, non-null variable, masked",
      (name, key) => {
        expect(stacks[name].variable[key]).toMatchObject({ sensitive: true, nullable: false, type: "string" });
        const [deployKey] = resourcesOf(stacks[name], "gitlab_project_variable").filter(
          (v) => v.key === "HEROKU_API_KEY",
        );
        expect(deployKey).toMatchObject({ value: `\${var.${key}}`, masked: true, raw: false });
      },
    );

    test("the cross-stack pipeline id is a sensitive output", () => {
      const outputs = Object.entries<any>(stacks.pipeline.output).filter(([id]) => id.startsWith("cross-stack-output"));
      expect(outputs.map(([, output]) => output.sensitive)).toEqual([true]);
    });
  });

  test("an environment's own config wins over the shared config of the same key", () => {
    const topology = songlistWith((copy) => {
      copy.sharedConfig = { ...copy.sharedConfig, LOG_LEVEL: "info", REGION_HINT: "us" };
      copy.environments[0].config = { LOG_LEVEL: "debug" };
    });
    const [staging, production] = songlistStacks({}, topology).environments.map(
      (stack) => resourcesOf(synth(stack), "heroku_app")[0].config_vars,
    );
    expect(staging).toMatchObject({ LOG_LEVEL: "debug", REGION_HINT: "us" });
    expect(production).toMatchObject({ LOG_LEVEL: "info", REGION_HINT: "us" });
  });

  test("staging: essential-0, one basic web dyno, APP_SETTINGS, generated SECRET_KEY, coupled at staging", () => {
    const staging = synth(songlistStacks().environments[0]);
    const [app] = resourcesOf(staging, "heroku_app");
    expect(app).toMatchObject({ name: "songlist-staging", config_vars: { APP_SETTINGS: "config.StagingConfig" } });
    expect(app.sensitive_config_vars).toEqual({ SECRET_KEY: "${random_password.secret_key.result}" });
    expect(app).not.toHaveProperty("lifecycle");
    expect(resourcesOf(staging, "heroku_addon")).toEqual([
      expect.objectContaining({ plan: "heroku-postgresql:essential-0" }),
    ]);
    expect(resourcesOf(staging, "heroku_formation")).toEqual([
      expect.objectContaining({ type: "web", size: "basic", quantity: 1 }),
    ]);
    expect(resourcesOf(staging, "heroku_pipeline_coupling")).toEqual([expect.objectContaining({ stage: "staging" })]);
    const variables = resourcesOf(staging, "gitlab_project_variable");
    expect(variables).toEqual([
      expect.objectContaining({ key: "HEROKU_API_KEY", masked: true, protected: false, environment_scope: "staging" }),
      expect.objectContaining({
        key: "HEROKU_APP_NAME",
        masked: false,
        protected: false,
        environment_scope: "staging",
      }),
    ]);
    expect(variables[0].value).toBe("${var.heroku_deploy_key_staging}");
    // What a maintainer reads in GitLab's settings and in the plan.
    expect(variables.map((variable) => variable.description)).toEqual([
      "Heroku API key for `git push heroku` / the Heroku CLI (managed by Terraform).",
      "The Heroku app this environment deploys to (managed by Terraform).",
    ]);
    expect(staging.variable.heroku_deploy_key_staging.description).toBe(
      "Heroku API key that GitLab's staging deploy job uses (masked in job logs).",
    );
  });

  test("production: standard-0 with prevent_destroy, two standard-1x dynos, protected deploy key", () => {
    const production = synth(songlistStacks().environments[1]);
    const [app] = resourcesOf(production, "heroku_app");
    expect(app).toMatchObject({ name: "songlist", lifecycle: { prevent_destroy: true } });
    expect(app.config_vars).toEqual({ APP_SETTINGS: "config.ProductionConfig" });
    expect(resourcesOf(production, "heroku_addon")).toEqual([
      expect.objectContaining({ plan: "heroku-postgresql:standard-0", lifecycle: { prevent_destroy: true } }),
    ]);
    expect(resourcesOf(production, "heroku_formation")).toEqual([
      expect.objectContaining({ type: "web", size: "standard-1x", quantity: 2 }),
    ]);
    expect(resourcesOf(production, "heroku_pipeline_coupling")).toEqual([
      expect.objectContaining({ stage: "production" }),
    ]);
    expect(resourcesOf(production, "gitlab_project_variable")).toEqual([
      expect.objectContaining({
        key: "HEROKU_API_KEY",
        masked: true,
        protected: true,
        environment_scope: "production",
      }),
      expect.objectContaining({ key: "HEROKU_APP_NAME", protected: true, environment_scope: "production" }),
    ]);
  });

  test("pipeline: the pipeline and protected v* tags; environments couple to it through a cross-stack reference", () => {
    const { pipeline, environments } = songlistStacks();
    const config = synth(pipeline);
    expect(resourcesOf(config, "heroku_pipeline")).toEqual([expect.objectContaining({ name: "songlist" })]);
    expect(resourcesOf(config, "gitlab_tag_protection")).toEqual([
      expect.objectContaining({ tag: "v*", create_access_level: "maintainer" }),
    ]);
    const staging = synth(environments[0]);
    expect(staging.data.terraform_remote_state["cross-stack-reference-input-pipeline"].config).toEqual({
      path: "../../../terraform-state/pipeline.tfstate",
    });
    expect(resourcesOf(staging, "heroku_pipeline_coupling")[0].pipeline).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-pipeline\.outputs\./,
    );
  });

  test("an explicit pipeline id removes the dependency on the pipeline stack", () => {
    const id = "01234567-89ab-cdef-0123-456789abcdef";
    const { environments } = songlistStacks({ HEROKU_FLOW_PIPELINE_ID: id });
    const staging = synth(environments[0]);
    expect(staging.data).toBeUndefined();
    expect(resourcesOf(staging, "heroku_pipeline_coupling")[0].pipeline).toBe(id);
    expect(environments[0].dependencies).toEqual([]);
  });

  test("bootstrap leaves formation out so that a brand-new app deploys cleanly, and says so", () => {
    const { app, environments } = songlistStacks({ HEROKU_FLOW_BOOTSTRAP: "true" });
    const stacks = synthesizeApp(app);
    for (const name of ["staging", "production"]) {
      expect(resourcesOf(stacks[name], "heroku_formation")).toEqual([]);
      expect(resourcesOf(stacks[name], "heroku_app")).toHaveLength(1);
    }
    expect(environments[0].node.metadata.filter((entry) => entry.type === "@cdktf/info").map((e) => e.data)).toEqual([
      "bootstrap: formation is not managed; deploy again without HEROKU_FLOW_BOOTSTRAP once the app's code is released",
    ]);
  });

  test("without bootstrap, no stack says it is bootstrapping", () => {
    const { environments } = songlistStacks({});
    expect(
      environments.flatMap((stack) => stack.node.metadata).filter((entry) => entry.type === "@cdktf/info"),
    ).toEqual([]);
  });

  test("HEROKU_FLOW_GITLAB=false leaves out every GitLab resource and the GitLab provider", () => {
    const stacks = synthesizeApp(songlistStacks({ HEROKU_FLOW_GITLAB: "false" }).app);
    for (const name of ["pipeline", "staging", "production"]) {
      expect(Object.keys(stacks[name].resource).filter((type) => type.startsWith("gitlab_"))).toEqual([]);
      expect(stacks[name].provider?.gitlab).toBeUndefined();
    }
    expect(resourcesOf(stacks.staging, "heroku_app")).toHaveLength(1);
  });

  test("review apps: stage review, essential-0, destroyable, GitLab environment review/<id>", () => {
    const [review] = songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42" }).reviewApps;
    const config = synth(review);
    const [app] = resourcesOf(config, "heroku_app");
    expect(app.name).toBe("songlist-review-42");
    expect(app.config_vars).toEqual({ APP_SETTINGS: "config.DevelopmentConfig" });
    for (const type of ["heroku_app", "heroku_addon"]) {
      expect(resourcesOf(config, type)[0]).not.toHaveProperty("lifecycle");
    }
    expect(resourcesOf(config, "heroku_addon")[0].plan).toBe("heroku-postgresql:essential-0");
    expect(resourcesOf(config, "heroku_pipeline_coupling")[0].stage).toBe("review");
    expect(resourcesOf(config, "gitlab_project_environment")[0]).toMatchObject({
      name: "review/42",
      tier: "development",
      stop_before_destroy: true,
    });
    expect(resourcesOf(config, "gitlab_project_variable").map((v) => v.environment_scope)).toEqual([
      "review/42",
      "review/42",
    ]);
  });

  test("GitLab-managed state is selected by one setting, per stack, with no credentials in the JSON", () => {
    const { app } = songlistStacks({
      HEROKU_FLOW_STATE_BACKEND: "gitlab",
      GITLAB_BASE_URL: "https://gitlab.example.com/api/v4/",
    });
    for (const [name, config] of Object.entries(synthesizeApp(app))) {
      const backend = config.terraform.backend;
      expect(backend.http.address).toBe(
        `https://gitlab.example.com/api/v4/projects/songlist%2Fsonglist/terraform/state/${name}`,
      );
      expect(JSON.stringify(backend)).not.toMatch(/password|username/);
    }
  });

  test("the Heroku provider keeps config var maps out of state and takes its delays from variables", () => {
    const staging = synth(songlistStacks().environments[0]);
    expect(staging.provider.heroku).toEqual([
      {
        customizations: [{ set_addon_config_vars_in_state: false, set_app_all_config_vars_in_state: false }],
        delays: {
          post_app_create_delay: "${var.heroku_post_app_create_delay}",
          post_domain_create_delay: "${var.heroku_post_domain_create_delay}",
        },
      },
    ]);
    expect(staging.provider.gitlab).toEqual([{}]);
    expect(staging.variable.heroku_post_app_create_delay).toEqual({
      type: "number",
      default: 10,
      description: "Seconds the Heroku provider waits after creating an app, for the platform to settle.",
    });
    expect(staging.variable.heroku_post_domain_create_delay).toEqual({
      type: "number",
      default: 5,
      description: "Seconds the Heroku provider waits after adding a domain, for the platform to settle.",
    });
  });

  test("the pipeline stack needs no random provider, and says what its pipeline_id output is for", () => {
    const pipeline = synth(songlistStacks().pipeline);
    expect(Object.keys(pipeline.provider).sort()).toEqual(["gitlab", "heroku"]);
    expect(pipeline.output.pipeline_id.description).toBe(
      "Set HEROKU_FLOW_PIPELINE_ID to this to deploy environments without the pipeline stack.",
    );
  });
});
