/**
 * `heroku-flow promote FROM TO` and `heroku-flow release STACK --promote-from FROM`, in process over a fake project (no
 * Terraform) against a sandbox started in-process: a promotion releases the slug staging runs to production (same
 * slug, same commit), and is refused — nothing changed — when staging runs another commit or the apps share no
 * pipeline. `release --promote-from` builds instead when refused, saying why, and does not build over a promotion
 * that failed.
 */
import { randomBytes } from "node:crypto";
import { UsageError } from "../../../cli/command";
import { promote } from "../../../cli/commands/promote";
import { release } from "../../../cli/commands/release";
import { PromotionRefusedError } from "../../../cli/engine/promotion";
import { HerokuApi } from "../../../cli/platform/heroku-api";
import { startSandbox, type TestSandbox } from "../../sandbox/client";
import { fakeProject, removeFakeProjects, type FakeProject } from "../engine/support/fake-project";

const STAGING_COMMIT = "a1".repeat(20);
const OTHER_COMMIT = "b2".repeat(20);

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(async () => {
  removeFakeProjects();
  await t?.sandbox.close();
});

interface Release {
  version: number;
  description: string;
  slug: { id: string } | null;
}

/**
 * A project whose `staging` and `production` stacks hold `<prefix>-staging` and `<prefix>-prod`, both coupled to one
 * pipeline (unless `coupled` is false), staging running STAGING_COMMIT as `heroku-flow release` pushes it.
 */
async function setUp(prefix: string, options: { coupled?: boolean; productionStack?: string } = {}) {
  const names = { staging: `${prefix}-staging`, production: `${prefix}-prod` };
  const project = fakeProject({
    stacks: [
      { name: "staging", stage: "staging", apps: [{ name: names.staging, formation: ["web"] }] },
      {
        name: "production",
        stage: "production",
        deployOn: "tag",
        apps: [{ name: names.production, formation: ["web"] }],
      },
    ],
  });
  const pipeline = (await t.heroku("POST", "/pipelines", { name: `${prefix}-pipe` })).body;
  for (const [name, stage] of [
    [names.staging, "staging"],
    [names.production, "production"],
  ]) {
    const app = (
      await t.heroku("POST", "/apps", { name, stack: stage === "production" ? options.productionStack : undefined })
    ).body;
    if (options.coupled !== false || stage === "staging") {
      await t.heroku("POST", "/pipeline-couplings", { app: app.id, pipeline: pipeline.id, stage });
    }
  }
  const env = { HEROKU_API_URL: t.sandbox.herokuUrl, HEROKU_API_KEY: t.herokuApiKey, HEROKU_FLOW_CODE_PUSH: "sandbox" };
  await HerokuApi.fromEnv(env).pushCode(names.staging, { web: "npm start" }, STAGING_COMMIT);
  const releases = async (app: string) => (await t.heroku("GET", `/apps/${app}/releases`)).body as Release[];
  return { project, names, env, releases };
}

function contextOf(project: FakeProject, env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  return {
    context: { dir: project.dir, env: { ...project.env, ...env }, print: (line: string) => lines.push(line) },
    said: () => lines.filter((line) => !line.startsWith("  ")),
  };
}

describe("heroku-flow promote", () => {
  test("releases the slug staging runs to production when staging runs the commit being released", async () => {
    const { project, names, env, releases } = await setUp("promote-ok");
    const { context, said } = contextOf(project, { ...env, CI_COMMIT_SHA: STAGING_COMMIT });
    expect(await promote.run(["staging", "production"], context)).toBe(0);
    expect(said()).toEqual([`Promoted ${names.staging} v2 (a1a1a1a1) to ${names.production}: now v2.`]);
    const [staging, production] = [(await releases(names.staging)).at(-1)!, (await releases(names.production)).at(-1)!];
    expect(production.slug?.id).toBe(staging.slug?.id);
    expect(production.description).toBe(`Promote ${names.staging} v2 a1a1a1a1`);
  });

  test("--commit names the commit; staging running another one is a refusal, and production is left alone", async () => {
    const { project, names, env, releases } = await setUp("promote-other");
    const { context } = contextOf(project, env);
    const before = await releases(names.production);
    const failure = await promote.run(["staging", "production", "--commit", OTHER_COMMIT], context).catch((e) => e);
    expect(failure).toBeInstanceOf(PromotionRefusedError);
    expect((failure as Error).message).toBe(
      `${names.staging} runs v2 built from a1a1a1a1, not b2b2b2b2, the commit being released: deploy b2b2b2b2 to ` +
        `${names.staging} first to promote it, or release ${names.production} by building it`,
    );
    expect(await releases(names.production)).toEqual(before);
  });

  test("staging runs a release with no known commit: a refusal saying so, and production is left alone", async () => {
    const { project, names, env, releases } = await setUp("promote-unknown");
    // A push without a commit: the sandbox's simulated release, as a container image or a slug of no git build is.
    await HerokuApi.fromEnv(env).pushCode(names.staging, { web: "npm start" });
    const { context } = contextOf(project, { ...env, CI_COMMIT_SHA: STAGING_COMMIT });
    const before = await releases(names.production);
    const failure = await promote.run(["staging", "production"], context).catch((e) => e);
    expect(failure).toBeInstanceOf(PromotionRefusedError);
    expect((failure as Error).message).toBe(
      `${names.staging} runs v3, which has no slug with a known commit (a container image, or a release Heroku did ` +
        `not build from git): there is no built commit to promote; release ${names.production} by building it`,
    );
    expect(await releases(names.production)).toEqual(before);
  });

  test("apps outside one pipeline: a refusal saying where each app is", async () => {
    const { project, names, env } = await setUp("promote-apart", { coupled: false });
    const { context } = contextOf(project, { ...env, CI_COMMIT_SHA: STAGING_COMMIT });
    const failure = await promote.run(["staging", "production"], context).catch((e) => e);
    expect(failure).toBeInstanceOf(PromotionRefusedError);
    expect((failure as Error).message).toBe(
      `${names.staging} and ${names.production} are not in the same pipeline (${names.staging} is in pipeline ` +
        `promote-apart-pipe (staging), ${names.production} is in no pipeline): Heroku promotes only between apps of ` +
        "one pipeline; couple both apps to it",
    );
  });

  test.each([
    [["staging"], "promote: name the two stacks, FROM and TO (e.g. promote staging production)"],
    [["staging", "staging"], "promote: FROM and TO are both staging; name two stacks"],
    [["staging", "production", "--force"], "promote: Unknown option '--force' (see heroku-flow promote --help)"],
  ])("%j is a usage error", async (args, message) => {
    const project = fakeProject({ stacks: [{ name: "staging" }] });
    const failure = await promote.run(args, contextOf(project, {}).context).catch((e) => e);
    expect(failure).toEqual(new UsageError(message));
    expect(project.log()).toEqual([]);
  });

  test("stacks the app does not have: one line naming both, before Heroku's key is even looked for", async () => {
    const project = fakeProject({ stacks: [{ name: "staging" }, { name: "production" }] });
    const failure = await promote
      .run(["stagin", "prod", "--commit", STAGING_COMMIT], contextOf(project, { HEROKU_API_KEY: "" }).context)
      .catch((e) => e);
    expect(failure).toEqual(new Error("no stack named stagin, prod; the app has staging, production"));
    expect(project.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
  });

  test("a commit that is not a full SHA is an error naming it, before anything is synthesized", async () => {
    const project = fakeProject({ stacks: [{ name: "staging" }, { name: "production" }] });
    const failure = await promote
      .run(["staging", "production", "--commit", "a1a1a1a"], contextOf(project, {}).context)
      .catch((e) => e);
    expect((failure as Error).message).toBe('commit "a1a1a1a" is not a full commit SHA (40 lowercase hex digits)');
    expect(project.log()).toEqual([]);
  });
});

describe("heroku-flow release --promote-from", () => {
  test("staging runs the tag's commit: promoted, nothing built", async () => {
    const { project, names, env, releases } = await setUp("release-promoted");
    const { context, said } = contextOf(project, { ...env, CI_COMMIT_SHA: STAGING_COMMIT });
    expect(await release.run(["production", "--promote-from", "staging"], context)).toBe(0);
    expect(said()).toEqual([`Promoted ${names.staging} v2 (a1a1a1a1) to ${names.production}: now v2.`]);
    expect((await releases(names.production)).at(-1)!.description).toMatch(/^Promote /);
  });

  test("staging runs another commit: built from the tag's commit, saying why it was not promoted", async () => {
    const { project, names, env, releases } = await setUp("release-built");
    const { context, said } = contextOf(project, { ...env, CI_COMMIT_SHA: OTHER_COMMIT });
    expect(await release.run(["production", "--promote-from", "staging"], context)).toBe(0);
    expect(said()).toEqual([
      `Released the code to ${names.production} (stack production) (built, not promoted: ${names.staging} runs v2 ` +
        `built from a1a1a1a1, not b2b2b2b2, the commit being released: deploy b2b2b2b2 to ${names.staging} first to ` +
        `promote it, or release ${names.production} by building it).`,
    ]);
    expect((await releases(names.production)).at(-1)!.description).toBe("Deploy b2b2b2b2");
  });

  test("a promotion Heroku fails is an error, and no build follows it", async () => {
    const { project, names, env, releases } = await setUp("release-failed", { productionStack: "container" });
    const { context } = contextOf(project, { ...env, CI_COMMIT_SHA: STAGING_COMMIT });
    const before = await releases(names.production);
    const failure = await release.run(["production", "--promote-from", "staging"], context).catch((e) => e);
    expect(failure).not.toBeInstanceOf(PromotionRefusedError);
    expect((failure as Error).message).toMatch(
      new RegExp(
        `^the promotion of ${names.staging} v2 to ${names.production} failed: .+; ${names.production} still runs its previous release$`,
      ),
    );
    expect(await releases(names.production)).toEqual(before);
  });

  test.each([
    [
      ["--review", "42", "--promote-from", "staging"],
      "release: --promote-from is for a stack, not a review app (--review)",
    ],
    [
      ["staging", "--promote-from", "staging"],
      "release: --promote-from staging is the stack being released; name another stack",
    ],
  ])("%j is a usage error", async (args, message) => {
    const project = fakeProject({ stacks: [{ name: "staging" }] });
    const failure = await release
      .run(args, contextOf(project, { HEROKU_API_KEY: randomBytes(8).toString("hex") }).context)
      .catch((e) => e);
    expect(failure).toEqual(new UsageError(message));
  });
});
