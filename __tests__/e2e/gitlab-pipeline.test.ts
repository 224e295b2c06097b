import * as fs from "node:fs";
import * as path from "node:path";
import { NOTE_MARKER } from "../../cli/review";
import { costChangeText, formatUsd } from "../../cli/cost/money-text";
import { loadPriceCatalogue } from "../../cli/cost/price-catalogue";
import { deployEnv } from "../../cli/engine/target-env";
import { DRIFT_LABEL } from "../../cli/commands/drift";
import { E2EProject } from "./support/e2e-project";
import { GitlabPipelineRunner, type JobRun, type PipelineTrigger } from "./support/gitlab-pipeline";

/**
 * The whole delivery pipeline of `.gitlab-ci.yml`, job by job, in the order GitLab runs it, against the sandbox: a
 * first deploy from the default branch; a merge request (every stack planned, one note, a review app); a second push
 * (the same note updated, with what the push costs a month); the merge after the source branch is gone (review app and
 * its state destroyed, staging deployed); a `v1.0.0` tag on the commit staging runs (production promoted from staging)
 * and a `v1.0.1` tag on another (production built); a hand edit found by the scheduled drift job (issue opened, kept, closed
 * after a deploy); a production rollback. The `test` job runs this suite itself and is not run inside it.
 */
/** `usd` as the totals of a stack with no unknown price. */
const usd = (amount: number) => ({ usageUsd: amount, perAccountUsd: {}, unknown: 0 });

describe("the GitLab pipeline, run job by job against the sandbox", () => {
  let project: E2EProject;
  let pipeline: GitlabPipelineRunner;
  let projectId: number;
  const notes: string[] = [];

  const gitlab = async (method: string, route: string, body?: unknown) => {
    const response = await project.client.gitlab(method, `/projects/${projectId}${route}`, body);
    if (response.status >= 300)
      throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const ok = (run: JobRun, code = 0) => {
    if (run.code !== code) throw new Error(`job ${run.job} exited ${run.code}, expected ${code}:\n${run.output}`);
    return run;
  };
  const mainPipeline = (sha: string): PipelineTrigger => ({ source: "push", sha, branch: "main" });
  const mergeRequestPipeline = (sha: string): PipelineTrigger => ({
    source: "merge_request_event",
    sha,
    mergeRequestIid: 1,
  });
  const planNotes = async () =>
    ((await gitlab("GET", "/merge_requests/1/notes?per_page=100")) as Array<{ id: number; body: string }>).filter(
      (note) => note.body.includes(NOTE_MARKER),
    );
  const driftIssues = async (state: string) =>
    (await gitlab("GET", `/issues?state=${state}&labels=${DRIFT_LABEL}`)) as Array<{
      iid: number;
      description: string;
      user_notes_count: number;
      state: string;
    }>;

  beforeAll(async () => {
    project = await E2EProject.create();
    pipeline = new GitlabPipelineRunner(project);
    projectId = await pipeline.id();
    // The project's CI/CD variables, as a maintainer sets them up (README): the sandbox's endpoints stand in for
    // Heroku's and GitLab's, its token for the project access tokens.
    const settings = deployEnv(project.target, project.names.deployKeyVariables);
    const variables: Array<{ key: string; value: string; masked?: boolean; protected?: boolean }> = [
      { key: "HEROKU_API_KEY", value: project.deployKey, masked: true },
      { key: "GITLAB_TOKEN", value: project.target.gitlabToken, masked: true },
      { key: "FLOW_GITLAB_TOKEN", value: project.target.gitlabToken, masked: true },
      { key: "HEROKU_API_URL", value: project.target.herokuUrl },
      { key: "HEROKU_FLOW_CODE_PUSH", value: "sandbox" },
      ...Object.entries(settings)
        .filter(([key]) => key.startsWith("TF_VAR_"))
        .map(([key, value]) => ({ key, value, masked: key.includes("deploy_key") })),
    ];
    for (const variable of variables) {
      await gitlab("POST", "/variables", { environment_scope: "*", protected: false, masked: false, ...variable });
    }
  });
  afterAll(async () => {
    if (process.env.HEROKU_FLOW_EXAMPLE_NOTE && notes.length > 0) {
      fs.writeFileSync(process.env.HEROKU_FLOW_EXAMPLE_NOTE, notes[notes.length - 1]);
    }
    await project?.close();
  });

  test("the default branch deploys the pipeline and staging; merge-request jobs are not in its pipeline", async () => {
    const jobs = pipeline.jobsFor(mainPipeline("a1".repeat(20))).map((job) => `${job.name}:${job.when}`);
    expect(jobs).toEqual(["test:on_success", "deploy:pipeline:on_success", "deploy:staging:on_success"]);
    ok(await pipeline.run("deploy:pipeline", mainPipeline("a1".repeat(20))));
    ok(await pipeline.run("deploy:staging", mainPipeline("a1".repeat(20))));
    const state = await project.state();
    expect(state.apps.map((app) => app.name)).toEqual(["songlist-staging"]);
    expect(state.terraformStates.map((s) => s.name).sort()).toEqual(["pipeline", "staging"]);
  });

  test("a merge request: every stack planned, one note, the Terraform reports, a review app", async () => {
    const opened = await gitlab("POST", "/merge_requests", {
      source_branch: "feature/more-songs",
      target_branch: "main",
      title: "More songs",
    });
    expect(opened.iid).toBe(1);
    const trigger = mergeRequestPipeline("b2".repeat(20));
    expect(pipeline.jobsFor(trigger).map((job) => `${job.name}:${job.when}`)).toEqual([
      "test:on_success",
      "plan:on_success",
      "review:on_success",
      "review:stop:manual",
      "mr-note:always",
    ]);

    const plan = ok(await pipeline.run("plan", trigger));
    expect(plan.output).toMatch(/Planning pipeline, staging, production, review-1 \(read-only: -lock=false\)/);
    expect(plan.output).toContain("Monthly cost: ");
    const reports = (stack: string) =>
      JSON.parse(fs.readFileSync(path.join(project.dir, "flow-plan", `${stack}.tfreport.json`), "utf8"));
    expect(reports("review-1")).toEqual({ create: 8, update: 0, delete: 0 });
    expect(reports("staging")).toEqual({ create: 0, update: 0, delete: 0 });
    // production was never deployed: the plan creates it.
    expect(reports("production").create).toBeGreaterThan(0);

    const review = ok(await pipeline.run("review", trigger));
    expect(review.dotenv.APP_URL).toMatch(/^https:\/\/songlist-review-1-[a-z0-9]+\.herokuapp\.com\/$/);
    ok(await pipeline.run("mr-note", trigger));

    const [note, ...more] = await planNotes();
    expect(more).toEqual([]);
    notes.push(note.body);
    expect(note.body.startsWith(NOTE_MARKER)).toBe(true);
    expect(note.body).toContain("b2b2b2b2");
    expect(note.body).toContain(review.dotenv.APP_URL);
    expect(note.body).toContain("1 week");
    expect(note.body).toMatch(/\| `review-1` \| changed/);
    expect(note.body).toMatch(/\| `staging` \| no changes/);
    expect(note.body).toContain("No deletions or replacements.");
    expect(note.body).toContain("`pipeline`, `staging` deployed from the default branch");
    expect(note.body).toContain("`production` deployed from the protected tag");
  });

  test("a second push with a destructive change: the same note, updated in place, leads with the risk", async () => {
    await project.client.heroku("POST", `/sandbox/projects/${projectId}/merge_requests/1/push`, {
      sha: "c3".repeat(20),
    });
    // The push's "code": staging moves to the EU region and scales up, production scales up. Heroku cannot move an
    // app, so Terraform replaces staging's, and its database with it.
    await gitlab("POST", "/variables", {
      key: "E2E_TOPOLOGY_PATCH",
      value: JSON.stringify({
        staging: { region: "eu", formation: { web: { size: "standard-1x", quantity: 2 } } },
        production: { formation: { web: { size: "standard-1x", quantity: 4 } } },
      }),
      environment_scope: "*",
    });
    const trigger = mergeRequestPipeline("c3".repeat(20));
    const [before] = await planNotes();
    const plan = ok(await pipeline.run("plan", trigger));
    ok(await pipeline.run("review", trigger));
    ok(await pipeline.run("mr-note", trigger));
    const after = await planNotes();
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before.id);
    // The README's note excerpt is copied from here: set E2E_NOTE_OUT to a file to keep this note.
    if (process.env.E2E_NOTE_OUT) fs.writeFileSync(process.env.E2E_NOTE_OUT, after[0].body);
    expect(after[0].body).toContain("c3c3c3c3");
    expect(after[0].body).not.toContain("b2b2b2b2");
    notes.push(after[0].body);
    expect(after[0].body).toMatch(/\| `staging` \| changed/);
    const [banner] = after[0].body.split("| Stack |");
    expect(banner).toMatch(/staging.*heroku_app\.App_F1B96344.*-\/\+/s);
    expect(banner).toContain("staging/App/Resource");
    expect(banner).toContain("`region`");
    expect(banner).toMatch(/heroku_addon\.App_Postgres_D96980E4/);
    expect(banner).toMatch(/database/i);
    // What the push costs, at the shipped list prices: production's four standard-1x dynos (its standard-0
    // database has no list price in the catalogue: unknown, not $0) and staging's two.
    const prices = loadPriceCatalogue();
    const dyno = (size: string) => prices.dynoPrice(size)!.monthlyUsd;
    const essential0 = prices.addonPrice("heroku-postgresql:essential-0")!.monthlyUsd;
    const production = 4 * dyno("standard-1x");
    expect(after[0].body).toContain(
      `| ${formatUsd(0)} → ${formatUsd(production)} + 1 unknown (+${formatUsd(production)}/month, unknown prices left out) |`,
    );
    const staging = { before: dyno("basic") + essential0, after: 2 * dyno("standard-1x") + essential0 };
    expect(after[0].body).toContain(
      `| ${costChangeText({ before: usd(staging.before), after: usd(staging.after) })} |`,
    );
    // The review app, deployed by the first push, costs the same before and after this one.
    const added = production + staging.after - staging.before;
    expect(banner).toContain(`> **Monthly cost +${formatUsd(added)}/month (above the $50/month threshold)**`);
    expect(plan.output).toContain(`Monthly cost +${formatUsd(added)}/month (above the $50/month threshold).`);
  });

  test("merged with its branch deleted: the stop job destroys the review app and its state; staging deploys", async () => {
    await gitlab("PUT", "/merge_requests/1/merge");
    // GitLab runs the on_stop job of the merge request's last pipeline; it checks out the merge request's ref.
    const stop = ok(await pipeline.run("review:stop", mergeRequestPipeline("c3".repeat(20))));
    expect(stop.output).toMatch(/Deleted Terraform state review-1/);
    const state = await project.state();
    expect(state.apps.map((app) => app.name)).toEqual(["songlist-staging"]);
    expect(state.terraformStates.map((s) => s.name).sort()).toEqual(["pipeline", "staging"]);
    expect(state.gitlab.environments.map((environment) => environment.name)).not.toContain("review/1");

    const deploy = ok(await pipeline.run("deploy:staging", mainPipeline("d4".repeat(20))));
    expect(deploy.output).toMatch(/Applied staging\./);
    const staging = (await project.state()).apps.find((app) => app.name === "songlist-staging")!;
    expect(staging.region).toBe("eu");
  });

  const releasesOf = async (app: string) =>
    (await project.client.heroku("GET", `/apps/${app}/releases`)).body as Array<{
      version: number;
      description: string;
      slug: { id: string } | null;
    }>;

  test("a v1.0.0 tag on the commit staging runs: production, by hand, promoted from staging, not rebuilt", async () => {
    const tag: PipelineTrigger = { source: "push", sha: "d4".repeat(20), tag: "v1.0.0" };
    expect(pipeline.jobsFor(tag).map((job) => `${job.name}:${job.when}`)).toEqual([
      "test:on_success",
      "deploy:production:manual",
      "rollback:production:manual",
    ]);
    const run = ok(await pipeline.run("deploy:production", tag));
    const state = await project.state();
    expect(state.apps.map((app) => app.name).sort()).toEqual(["songlist", "songlist-staging"]);
    const staging = (await releasesOf("songlist-staging")).at(-1)!;
    const production = (await releasesOf("songlist")).at(-1)!;
    expect(run.output).toContain(
      `Promoted songlist-staging v${staging.version} (d4d4d4d4) to songlist: now v${production.version}.`,
    );
    expect(production.description).toBe(`Promote songlist-staging v${staging.version} d4d4d4d4`);
    expect(production.slug?.id).toBe(staging.slug?.id);
  });

  test("a v1.0.1 tag on a commit staging does not run: production built from it, saying why it was not promoted", async () => {
    const tag: PipelineTrigger = { source: "push", sha: "e5".repeat(20), tag: "v1.0.1" };
    const run = ok(await pipeline.run("deploy:production", tag));
    expect(run.output).toMatch(
      /Released the code to songlist \(stack production\) \(built, not promoted: songlist-staging runs v\d+ built from d4d4d4d4, not e5e5e5e5,/,
    );
    const production = (await releasesOf("songlist")).at(-1)!;
    expect(production.description).toBe("Deploy e5e5e5e5");
    expect(production.slug?.id).not.toBe((await releasesOf("songlist-staging")).at(-1)!.slug?.id);
  });

  test("drift: a hand edit opens one issue, a second run updates it quietly, a deploy and a third run close it", async () => {
    const edit = await project.client.heroku("PATCH", "/apps/songlist-staging/config-vars", {
      APP_SETTINGS: "config.EditedByHand",
    });
    expect(edit.status).toBe(200);
    const schedule: PipelineTrigger = { source: "schedule", sha: "d4".repeat(20), branch: "main" };
    expect(pipeline.jobsFor(schedule).map((job) => job.name)).toEqual(["test", "drift"]);

    const first = ok(await pipeline.run("drift", schedule), 3);
    expect(first.output).toMatch(/staging: drift, opened issue #1/);
    const [opened, ...others] = await driftIssues("opened");
    expect(others).toEqual([]);
    expect(opened.description).toContain("heroku_app.");
    expect(opened.description).toContain("`config_vars.APP_SETTINGS`");

    ok(await pipeline.run("drift", schedule), 3);
    const [kept, ...none] = await driftIssues("opened");
    expect(none).toEqual([]);
    expect(kept.iid).toBe(opened.iid);
    expect(kept.user_notes_count).toBe(opened.user_notes_count);
    expect(kept.description).not.toBe(opened.description); // "Last checked …" moved on

    ok(await pipeline.run("deploy:staging", mainPipeline("d4".repeat(20))));
    ok(await pipeline.run("drift", schedule), 0);
    expect(await driftIssues("opened")).toEqual([]);
    const [closed] = await driftIssues("closed");
    expect(closed.iid).toBe(opened.iid);
  });

  test("rollback: production goes back to its previous release", async () => {
    const releases = async () =>
      (await project.client.heroku("GET", "/apps/songlist/releases")).body as Array<{
        version: number;
        description: string;
      }>;
    const before = await releases();
    const current = before[before.length - 1];
    const run = ok(await pipeline.run("rollback:production", { source: "push", sha: "e5".repeat(20), tag: "v1.0.0" }));
    const after = await releases();
    expect(after).toHaveLength(before.length + 1);
    expect(after[after.length - 1].description).toBe(`Rollback to v${current.version - 1}`);
    expect(run.output).toContain(`back from v${current.version} to v${current.version - 1}`);
  });

  test("the sandbox ends as the pipeline left it", async () => {
    const state = await project.state();
    expect(state.apps.map((app) => `${app.name}:${app.region}`).sort()).toEqual(["songlist-staging:eu", "songlist:us"]);
    expect(state.terraformStates.map((s) => `${s.name}:${s.lock === null ? "unlocked" : "locked"}`).sort()).toEqual([
      "pipeline:unlocked",
      "production:unlocked",
      "staging:unlocked",
    ]);
    expect(state.gitlab.environments.map((environment) => environment.name).sort()).toEqual(["production", "staging"]);
    expect(state.gitlab.mergeRequests.map((mr) => `!${mr.iid}:${mr.state}`)).toEqual(["!1:merged"]);
    expect(await planNotes()).toHaveLength(1);
    expect((await driftIssues("all")).map((issue) => `#${issue.iid}:${issue.state}`)).toEqual(["#1:closed"]);
  });

  test("no secret appears in any note, job log or artifact", async () => {
    const state = await project.state();
    const staging = state.apps.find((app) => app.name === "songlist-staging")!;
    const canaries = [
      project.deployKey,
      project.target.gitlabToken,
      project.jobToken,
      staging.configVars.SECRET_KEY,
      staging.configVars.DATABASE_URL,
    ];
    for (const canary of canaries) expect(canary?.length).toBeGreaterThanOrEqual(8);
    const artifacts = fs
      .readdirSync(path.join(project.dir, "flow-plan"))
      .map((file) => fs.readFileSync(path.join(project.dir, "flow-plan", file), "utf8"));
    const dotenvs = ["review.env", "deploy.env"]
      .filter((file) => fs.existsSync(path.join(project.dir, file)))
      .map((file) => fs.readFileSync(path.join(project.dir, file), "utf8"));
    const everything = [...notes, pipeline.log, ...artifacts, ...dotenvs].join("\n");
    expect(notes.length).toBe(2);
    expect(artifacts.length).toBeGreaterThanOrEqual(6);
    for (const canary of canaries) expect(everything.includes(canary)).toBe(false);
  });
});
