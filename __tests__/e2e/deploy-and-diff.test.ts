import { appNamed } from "../support/sandbox-data";
import { E2EProject, MAIN_STACKS } from "./support/e2e-project";

/**
 * a. `cdktf deploy pipeline staging production` into a fresh sandbox, checked against what the sandbox then holds;
 * b. an immediate `cdktf diff` of every stack finds nothing to change, and still nothing after a sandbox restart.
 */
describe("deploy pipeline + staging + production, then diff", () => {
  let project: E2EProject;
  beforeAll(async () => {
    project = await E2EProject.create();
    await project.deploy();
  });
  afterAll(() => project?.close());

  test("the sandbox holds exactly the apps, with their config vars, secrets and Postgres", async () => {
    const state = await project.state();
    expect(state.apps.map((app) => app.name).sort()).toEqual(["songlist", "songlist-staging"]);
    const staging = state.apps.find((app) => app.name === "songlist-staging")!;
    const production = state.apps.find((app) => app.name === "songlist")!;
    expect(staging.configVars.APP_SETTINGS).toBe("config.StagingConfig");
    expect(production.configVars.APP_SETTINGS).toBe("config.ProductionConfig");
    for (const app of [staging, production]) {
      expect(app.region).toBe("us");
      expect(app.configVars.SECRET_KEY).toMatch(/^[A-Za-z0-9]{48}$/);
      expect(app.configVars.DATABASE_URL).toMatch(/^postgres:\/\//);
    }
    expect(staging.configVars.SECRET_KEY).not.toBe(production.configVars.SECRET_KEY);
    const plans = Object.fromEntries(
      state.addons.map((addon) => [addon.appId, `${addon.service}:${addon.plan} ${addon.state}`]),
    );
    expect(plans).toEqual({
      [staging.id]: "heroku-postgresql:essential-0 provisioned",
      [production.id]: "heroku-postgresql:standard-0 provisioned",
    });
  });

  test("the pipeline couples staging and production at their stages", async () => {
    const state = await project.state();
    expect(state.pipelines.map((pipeline) => pipeline.name)).toEqual(["songlist"]);
    const stageOf = (appName: string) => appNamed(state, appName).couplings.map((c) => c.stage);
    expect(stageOf("songlist-staging")).toEqual(["staging"]);
    expect(stageOf("songlist")).toEqual(["production"]);
    expect(state.couplings.every((c) => c.pipelineId === state.pipelines[0].id)).toBe(true);
  });

  test("formation: one basic web dyno on staging, two standard-1x on production", async () => {
    const state = await project.state();
    const formationOf = (appName: string) =>
      appNamed(state, appName).formations.map((f) => `${f.type} ${f.quantity} ${f.size}`);
    expect(formationOf("songlist-staging")).toEqual(["web 1 Basic"]);
    expect(formationOf("songlist")).toEqual(["web 2 Standard-1X"]);
  });

  test("the GitLab side: variables, environments with their URLs, and the protected tag", async () => {
    const { apps, gitlab } = await project.state();
    const variables = gitlab.variables.map((v) => `${v.key} ${v.environmentScope} m=${v.masked} p=${v.protected}`);
    expect(variables.sort()).toEqual([
      "HEROKU_API_KEY production m=true p=true",
      "HEROKU_API_KEY staging m=true p=false",
      "HEROKU_APP_NAME production m=false p=true",
      "HEROKU_APP_NAME staging m=false p=false",
    ]);
    const appNames = gitlab.variables.filter((v) => v.key === "HEROKU_APP_NAME");
    expect(Object.fromEntries(appNames.map((v) => [v.environmentScope, v.value]))).toEqual({
      staging: "songlist-staging",
      production: "songlist",
    });
    const webUrl = (name: string) => {
      const app = apps.find((a) => a.name === name)!;
      return `https://${app.name}-${app.webSuffix}.herokuapp.com/`;
    };
    expect(gitlab.environments.map((e) => `${e.name} ${e.tier} ${e.state} ${e.externalUrl}`).sort()).toEqual([
      `production production available ${webUrl("songlist")}`,
      `staging staging available ${webUrl("songlist-staging")}`,
    ]);
    expect(
      gitlab.protectedTags.map((t) => `${t.name} ${t.createAccessLevels.map((l) => l.accessLevel).join(",")}`),
    ).toEqual(["v* 40"]);
  });

  test.each(MAIN_STACKS)(
    "an immediate diff of %s finds no changes (Postgres attached: DATABASE_URL stays the add-on's)",
    async (stack) => {
      const diff = await project.diff(stack);
      expect(diff.noChanges).toBe(true);
    },
  );

  test("after a sandbox restart, every stack still has no changes", async () => {
    const before = await project.state();
    await project.restartSandbox();
    expect(await project.state()).toEqual(before);
    for (const stack of MAIN_STACKS) {
      expect({ stack, noChanges: (await project.diff(stack)).noChanges }).toEqual({ stack, noChanges: true });
    }
  });

  test("no secret appears in anything the deploys and diffs printed", async () => {
    const state = await project.state();
    const secrets = [
      project.deployKey,
      ...state.apps.flatMap((app) => [app.configVars.SECRET_KEY, app.configVars.DATABASE_URL]),
    ];
    expect(secrets.every((secret) => typeof secret === "string" && secret.length >= 16)).toBe(true);
    expect(project.transcript).toMatch(/No changes/);
    expect(secrets.filter((secret) => project.transcript.includes(secret))).toEqual([]);
  });
});
