/**
 * A topology on Dokku (`platform: "dokku"`, DokkuFlow): one stack per environment and per review id, the manifest the
 * command reads, and every Heroku field Dokku has no equivalent for refused with the reason, never dropped.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import {
  buildFlow,
  DokkuFlow,
  DokkuTopologyConfig,
  DynoSize,
  FLOW_MANIFEST_FILE,
  FLOW_MANIFEST_VERSION,
  type FlowManifest,
  FlowValidation,
  HerokuFlow,
  HerokuRegion,
  PostgresPlan,
  type TopologyConfig,
} from "../../constructs";
import { songlist } from "../../stacks/songlist";
import { songlistOnDokku } from "../../stacks/songlist-on-dokku";
import { problemsOf, resourcesOf, synthesize, testApp } from "../support/stacks";

/** songlist on Dokku with `change` on top (a plain object, as from JavaScript or JSON, so any field may be given). */
function topology(change: Record<string, unknown> = {}): DokkuTopologyConfig {
  return { ...songlistOnDokku, ...change } as DokkuTopologyConfig;
}

function build(given: DokkuTopologyConfig = topology(), env: NodeJS.ProcessEnv = {}) {
  const app = testApp();
  const flow = new DokkuFlow(app, given, { env, procfile: path.join(app.outdir, "no-Procfile") });
  return { app, flow };
}

/**
 * The report's problems for `given`, one line each (`[path] ` before those of a construct, the hint after in
 * parentheses), or [] when it is valid.
 */
function problemsWith(given: DokkuTopologyConfig, env: NodeJS.ProcessEnv = {}): string[] {
  return linesOf(problemsOf(build(given, env).app));
}

function linesOf(report: string): string[] {
  const lines: string[] = [];
  for (const line of report.split("\n")) {
    if (line.startsWith("  [")) lines.push(line.slice(2).replace(/^\[app\] /, ""));
    else if (line.startsWith("      hint: ")) lines[lines.length - 1] += ` (hint: ${line.slice(12)})`;
  }
  return lines;
}

describe("DokkuFlow", () => {
  test("builds the project stack, one stack per environment and one per review id", () => {
    const { app, flow } = build(topology(), { HEROKU_FLOW_REVIEW_ID: "42" });
    expect(problemsOf(app)).toBe("");
    expect(flow.stacks.map((stack) => stack.node.id)).toEqual(["pipeline", "staging", "production", "review-42"]);
    expect(flow.reviewApps[0].environmentConfig.appName).toBe("songlist-review-42");
  });

  test("an environment's stack holds its app, database and GitLab side, and no Heroku resource or provider", () => {
    const { flow } = build();
    const staging = synthesize(flow.environments[0]);
    expect(Object.keys(staging.provider).sort()).toEqual(["dokku", "gitlab", "random"]);
    expect(staging.provider.dokku).toEqual([{}]);
    const [app] = resourcesOf(staging, "dokku_app");
    expect(app).toMatchObject({
      name: "songlist-staging",
      domains: ["staging.songlist.example"],
      config_vars: { APP_SETTINGS: "config.StagingConfig" },
    });
    expect(app.config_vars.SECRET_KEY).toMatch(/^\$\{random_password\./);
    expect(app.lifecycle).toBeUndefined();
    expect(resourcesOf(staging, "dokku_postgres_service")).toEqual([
      expect.objectContaining({ name: "songlist-staging-db" }),
    ]);
    expect(resourcesOf(staging, "dokku_postgres_service_link")).toHaveLength(1);
    expect(Object.keys(staging.resource).filter((type) => type.startsWith("heroku_"))).toEqual([]);
    const variables = resourcesOf(staging, "gitlab_project_variable");
    expect(variables.map((variable) => [variable.key, variable.masked, variable.protected])).toEqual([
      ["DOKKU_APP_NAME", false, false],
      ["DOKKU_SSH_PRIVATE_KEY_BASE64", true, false],
    ]);
    expect(variables[1].value).toBe("${var.dokku_deploy_key_staging}");
    expect(resourcesOf(staging, "gitlab_project_environment")).toEqual([
      expect.objectContaining({ name: "staging", external_url: "http://staging.songlist.example" }),
    ]);
    expect(staging.output).toEqual({
      app_name: { value: expect.stringMatching(/^\$\{dokku_app\./) },
      web_url: { value: "http://staging.songlist.example" },
    });
  });

  test("production's app and database refuse destruction, and its deploy key is protected", () => {
    const production = synthesize(build().flow.environments[1]);
    expect(resourcesOf(production, "dokku_app")[0].lifecycle).toEqual({ prevent_destroy: true });
    expect(resourcesOf(production, "dokku_postgres_service")[0].lifecycle).toEqual({ prevent_destroy: true });
    expect(resourcesOf(production, "gitlab_project_variable").map((variable) => variable.protected)).toEqual([
      true,
      true,
    ]);
  });

  test("the project stack protects the release tags, and holds nothing else", () => {
    const project = synthesize(build().flow.project!);
    expect(Object.keys(project.resource)).toEqual(["gitlab_tag_protection"]);
    expect(resourcesOf(project, "gitlab_tag_protection")[0]).toMatchObject({ tag: "v*" });
  });

  test("without the GitLab side there is no project stack and no GitLab resource", () => {
    const { app, flow } = build(topology(), { HEROKU_FLOW_GITLAB: "false" });
    expect(problemsOf(app)).toBe("");
    expect(flow.project).toBeUndefined();
    expect(Object.keys(synthesize(flow.environments[0]).resource).sort()).toEqual([
      "dokku_app",
      "dokku_postgres_service",
      "dokku_postgres_service_link",
      "random_password",
    ]);
  });

  test("a review app gets its own database, the review deploy key, and no protection", () => {
    const review = synthesize(build(topology(), { HEROKU_FLOW_REVIEW_ID: "Feature/Login" }).flow.reviewApps[0]);
    expect(resourcesOf(review, "dokku_app")[0]).toMatchObject({ name: "songlist-review-feature-login" });
    expect(resourcesOf(review, "dokku_app")[0].config_vars.APP_SETTINGS).toBe("config.DevelopmentConfig");
    expect(resourcesOf(review, "dokku_postgres_service")[0]).toMatchObject({
      name: "songlist-review-feature-login-db",
    });
    expect(resourcesOf(review, "gitlab_project_variable").map((variable) => variable.value)).toContain(
      "${var.dokku_deploy_key_review}",
    );
    expect(resourcesOf(review, "gitlab_project_environment")[0].name).toBe("review/feature-login");
    // No domain, no address: the review job reports none.
    expect(resourcesOf(review, "gitlab_project_environment")[0].external_url).toBeUndefined();
    expect(Object.keys(review.output)).toEqual(["app_name"]);
  });
});

describe("the manifest DokkuFlow writes", () => {
  function manifestOf(env: NodeJS.ProcessEnv = {}): FlowManifest {
    const { app } = build(topology(), env);
    FlowValidation.of(app).synth();
    return JSON.parse(fs.readFileSync(path.join(app.outdir, FLOW_MANIFEST_FILE), "utf8"));
  }

  test("says the platform, names the topology and lists every stack with its app's process scale", () => {
    const manifest = manifestOf({ HEROKU_FLOW_REVIEW_ID: "42" });
    expect(manifest).toMatchObject({
      version: FLOW_MANIFEST_VERSION,
      platform: "dokku",
      pipelineName: "songlist",
      gitlabProject: "songlist/songlist",
      releaseTag: "v*",
      processTypes: { web: "gunicorn app:app" },
      review: { deployKeyVariable: "dokku_deploy_key_review", autoStopIn: "1 week" },
    });
    expect(manifest.stacks.map((stack) => [stack.name, stack.kind, stack.deployOn, stack.productionLike])).toEqual([
      ["pipeline", "pipeline", "merge", false],
      ["staging", "long-lived", "merge", false],
      ["production", "long-lived", "tag", true],
      ["review-42", "review", "review", false],
    ]);
    expect(manifest.stacks[2]).toMatchObject({
      apps: [{ name: "songlist", formation: ["web"], scale: { web: 2 } }],
      deployKeyVariables: ["dokku_deploy_key_production"],
      gitlabEnvironment: "production",
      stateName: "production",
    });
    expect(manifest.stacks[3]).toMatchObject({ reviewId: "42", gitlabEnvironment: "review/42" });
    expect(manifest.stacks[1].stage).toBeUndefined();
  });

  test("an app without formation has no scale (Dokku's default), and without the GitLab side no deploy keys", () => {
    const withoutFormation = {
      ...songlistOnDokku,
      environments: songlistOnDokku.environments.map((environment) => ({ ...environment, formation: undefined })),
    };
    const { app } = build(withoutFormation, { HEROKU_FLOW_GITLAB: "false" });
    FlowValidation.of(app).synth();
    const manifest: FlowManifest = JSON.parse(fs.readFileSync(path.join(app.outdir, FLOW_MANIFEST_FILE), "utf8"));
    expect(manifest.gitlabProject).toBeUndefined();
    expect(manifest.stacks.map((stack) => stack.name)).toEqual(["staging", "production"]);
    expect(manifest.stacks[0].apps).toEqual([{ name: "songlist-staging", formation: [] }]);
    expect(manifest.stacks[0].deployKeyVariables).toEqual([]);
  });
});

describe("what Dokku has no equivalent for is refused, with the reason", () => {
  test("a pipeline's name, a region and add-ons", () => {
    expect(
      problemsWith(
        topology({
          pipelineName: "songlist",
          region: HerokuRegion.EU,
          addons: { Redis: { plan: "heroku-redis:mini" } },
        }),
      ),
    ).toEqual([
      'pipelineName: "songlist" is a Heroku pipeline\'s name, and Dokku has no pipelines: each environment is an app ' +
        "of its own, deployed by its own job (hint: name the topology with name instead)",
      expect.stringMatching(/^region: .* is a Heroku region, and a Dokku app runs on the server it is deployed to$/),
      expect.stringMatching(/^addons: .* are Heroku add-ons, and Dokku has no add-on marketplace/),
    ]);
  });

  test("an environment's stage, region, build stack and add-ons", () => {
    const [staging, production] = songlistOnDokku.environments;
    const problems = problemsWith(
      topology({
        environments: [
          { ...staging, stage: "staging", region: HerokuRegion.US },
          { ...production, stack: "heroku-24", addons: {} },
        ],
      }),
    );
    expect(problems.map((problem) => problem.split(" ")[0])).toEqual([
      "environments[0].stage:",
      "environments[0].region:",
      "environments[1].stack:",
      "environments[1].addons:",
    ]);
    expect(problems[0]).toBe(
      'environments[0].stage: "staging" is a Heroku pipeline stage, and Dokku has no pipeline to couple the app to',
    );
  });

  test("dyno sizes and Postgres plans, with what to write instead", () => {
    const [staging] = songlistOnDokku.environments;
    expect(
      problemsWith(
        topology({
          environments: [
            {
              ...staging,
              postgres: PostgresPlan.ESSENTIAL_0,
              formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
            },
          ],
        }),
      ),
    ).toEqual([
      'environments[0].postgres: "heroku-postgresql:essential-0" is a Heroku Postgres plan, and Dokku has none: ' +
        "postgres is true, or the service's options (hint: postgres: true)",
      'environments[0].formation.web.size: "basic" is a Heroku dyno size, and Dokku has none: a process runs in a ' +
        "container as large as the server lets it (hint: keep only quantity)",
    ]);
  });

  test("a review service name, review add-ons, a CircleCI side", () => {
    expect(
      problemsWith(
        topology({
          review: { appNamePrefix: "songlist-review", postgres: { serviceName: "shared-db" }, addons: {} },
          ci: { provider: "circleci" },
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^ci\.provider: "circleci" must be gitlab on Dokku: Dokku topologies deploy from GitLab CI/,
      ),
      expect.stringMatching(/^review\.addons: /),
      expect.stringMatching(/^review\.postgres\.serviceName: "shared-db" would name every review app's service alike/),
    ]);
  });

  test("settings that only mean something on Heroku", () => {
    expect(
      problemsWith(topology(), {
        HEROKU_FLOW_PIPELINE_ID: "01234567-89ab-4cde-8f01-23456789abcd",
        HEROKU_FLOW_BOOTSTRAP: "true",
      }),
    ).toEqual([
      'HEROKU_FLOW_PIPELINE_ID: "01234567-89ab-4cde-8f01-23456789abcd" must be unset on Dokku, which has no pipelines',
      expect.stringMatching(/^HEROKU_FLOW_BOOTSTRAP: "true" must be unset on Dokku/),
    ]);
  });
});

describe("the values of a Dokku topology", () => {
  test("a quantity must be a whole number from 0, and name a declared process type", () => {
    const [staging, production] = songlistOnDokku.environments;
    expect(
      problemsWith(
        topology({
          environments: [
            { ...staging, formation: { web: { quantity: -1 } } },
            { ...production, formation: { web: { quantity: 1.5 }, worker: { quantity: 1 } } },
          ],
        }),
      ),
    ).toEqual([
      "environments[0].formation.web.quantity: -1 must be a whole number from 0 up (how many processes of the type run)",
      "environments[1].formation.web.quantity: 1.5 must be a whole number from 0 up (how many processes of the type run)",
      expect.stringMatching(/^environments\[1\]\.formation\.worker: "worker" must be a process type the code declares/),
    ]);
  });

  test("postgres must be true or options; Dokku's own rules reach an environment's app and service", () => {
    const [staging, production] = songlistOnDokku.environments;
    const problems = problemsWith(
      topology({
        environments: [
          { ...staging, appName: "Songlist_Staging", postgres: "yes" },
          { ...production, postgres: { serviceName: "songlist db" } },
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^environments\[0\]\.postgres: "yes" must be true or the Postgres service's options/),
        expect.stringMatching(/^\[staging\/App\] name: "Songlist_Staging" must start with a lowercase letter or digit/),
        expect.stringMatching(/serviceName: "songlist db" must be letters, digits, _ and - only/),
      ]),
    );
  });

  test("a bad review prefix, alias or auto-stop is reported on every synth, without a review id", () => {
    const problems = problemsWith(
      topology({ review: { appNamePrefix: "Songlist Review", postgres: { alias: "db_url" }, autoStopIn: "soon" } }),
    );
    expect(problems.map((problem) => problem.split(":")[0])).toEqual([
      "review.appNamePrefix",
      "review.postgres.alias",
      "review.autoStopIn",
    ]);
  });

  test("environment names follow the same rules as on Heroku", () => {
    const [staging] = songlistOnDokku.environments;
    expect(
      problemsWith(
        topology({ environments: [staging, { ...staging, appName: "other" }, { ...staging, name: "review-1" }] }),
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^environments\[1\]\.name: "staging" is also the name of environments\[0\]/),
        expect.stringMatching(/^environments\[2\]\.name: "review-1" must not be review or start with review-/),
      ]),
    );
  });
});

describe("each flow builds its own platform", () => {
  test("buildFlow picks the flow from the topology's platform", () => {
    expect(buildFlow(testApp(), songlistOnDokku)).toBeInstanceOf(DokkuFlow);
    expect(buildFlow(testApp(), songlist)).toBeInstanceOf(HerokuFlow);
    const app = testApp();
    expect(buildFlow(app, null as unknown as TopologyConfig)).toBeInstanceOf(HerokuFlow);
    expect(linesOf(problemsOf(app))[0]).toMatch(/^topology: null must be/);
  });

  test("HerokuFlow refuses a Dokku topology, naming DokkuFlow", () => {
    const app = testApp();
    new HerokuFlow(app, songlistOnDokku as unknown as TopologyConfig);
    expect(linesOf(problemsOf(app))[0]).toBe(
      'platform: "dokku" is built by DokkuFlow: HerokuFlow builds Heroku topologies (hint: new DokkuFlow(app, topology))',
    );
  });

  test("DokkuFlow refuses a Heroku topology, naming HerokuFlow", () => {
    expect(problemsWith(songlist as unknown as DokkuTopologyConfig)).toEqual([
      "platform: undefined is not dokku: DokkuFlow builds Dokku topologies, HerokuFlow the others (hint: new HerokuFlow(app, topology))",
    ]);
  });

  test("an unknown platform is refused by either, with the platforms there are", () => {
    const app = testApp();
    new HerokuFlow(app, { ...songlist, platform: "dokkku" } as unknown as TopologyConfig);
    expect(linesOf(problemsOf(app))).toEqual([
      'platform: "dokkku" must be one of heroku, dokku (where the apps run) (hint: did you mean "dokku"?)',
    ]);
    expect(problemsWith(topology({ platform: "herokuu" }))[0]).toMatch(
      /^platform: "herokuu" must be one of heroku, dokku/,
    );
  });
});
