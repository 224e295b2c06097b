/**
 * The CircleCI side of a topology (`ci: { provider: "circleci", … }`): a context per long-lived environment holding
 * its deploy key and app name, restricted to the project and, for production-like environments, to release tags by
 * an expression derived from `releaseTag`; no GitLab resource or provider; review apps refused; every name from
 * FlowNames; the manifest saying which CI side and each stack's context; the engine asking the toolchain for the
 * CircleCI provider.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { App } from "cdktf";
import { describeApp, FlowValidation } from "../../constructs";
import type { FlowManifest } from "../../constructs/flow/flow-manifest";
import { releaseTagRestriction } from "../../constructs/flow/release-tag-restriction";
import { CI_SIDE_RULES, CIRCLECI_RESTRICTION_EXPRESSION, UUID } from "../../constructs/private/rules";
import { providersNeededBy, withProvidersFor } from "../../cli/engine/ci-providers";
import { songlist } from "../../stacks/songlist";
import { CIRCLECI_SIDE, circleciSonglist, songlistStacks, synthesizeApp } from "../support/songlist";
import { resourcesOf, testStack } from "../support/stacks";

const { organizationId: ORGANIZATION, projectId: PROJECT, projectSlug: SLUG } = CIRCLECI_SIDE;

function problemsOf(app: App) {
  return FlowValidation.of(app).problems();
}

function manifestOf(app: App): FlowManifest {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, "heroku-flow.json"), "utf8"));
}

describe("a context per long-lived environment", () => {
  let stacks: Record<string, any>;
  let flow: ReturnType<typeof songlistStacks>["flow"];
  let app: App;
  beforeAll(() => {
    ({ app, flow } = songlistStacks({}, circleciSonglist()));
    stacks = synthesizeApp(app);
  });

  test("the topology is valid, and each environment's stack has one context, named by FlowNames", () => {
    expect(problemsOf(app)).toEqual([]);
    for (const environment of ["staging", "production"]) {
      expect(resourcesOf(stacks[environment], "circleci_context")).toEqual([
        expect.objectContaining({ name: flow.names.circleciContext(environment), organization_id: ORGANIZATION }),
      ]);
    }
    expect(flow.names.circleciContext("production")).toBe("songlist-production");
    expect(resourcesOf(stacks.pipeline, "circleci_context")).toEqual([]);
  });

  test("each context holds the deploy key (from its sensitive variable) and the app's name, under FlowNames' names", () => {
    for (const [environment, appName] of [
      ["staging", "songlist-staging"],
      ["production", "songlist"],
    ]) {
      const variables = resourcesOf(stacks[environment], "circleci_context_environment_variable");
      const byName = Object.fromEntries(variables.map((variable) => [variable.name, variable.value]));
      expect(Object.keys(byName).sort()).toEqual([flow.names.ciAppNameVariable, flow.names.ciDeployKeyVariable].sort());
      expect(byName[flow.names.ciDeployKeyVariable]).toBe(`\${var.${flow.names.deployKeyVariable(environment)}}`);
      // The app's name as the app resource holds it: the context is written after the app is named.
      const [appResource] = Object.entries(stacks[environment].resource.heroku_app) as [string, any][];
      expect(appResource[1].name).toBe(appName);
      expect(byName[flow.names.ciAppNameVariable]).toBe(`\${heroku_app.${appResource[0]}.name}`);
      expect(stacks[environment].variable[flow.names.deployKeyVariable(environment)]).toMatchObject({
        sensitive: true,
      });
    }
  });

  test("production's context is restricted to the project and to release tags; staging's to the project only", () => {
    const restrictions = (environment: string) =>
      resourcesOf(stacks[environment], "circleci_context_restriction")
        .map(({ type, value }) => `${type}: ${value}`)
        .sort();
    expect(restrictions("production")).toEqual(['expression: pipeline.git.tag starts-with "v"', `project: ${PROJECT}`]);
    expect(restrictions("staging")).toEqual([`project: ${PROJECT}`]);
  });

  test("no GitLab resource and no GitLab provider in any stack, not even the release tags' protection", () => {
    for (const [name, config] of Object.entries(stacks)) {
      const types = Object.keys(config.resource ?? {});
      expect({ name, gitlab: types.filter((type) => type.startsWith("gitlab_")) }).toEqual({ name, gitlab: [] });
      expect(Object.keys(config.provider ?? {})).not.toContain("gitlab");
    }
    expect(Object.keys(stacks.production.provider)).toContain("circleci");
    expect(Object.keys(stacks.pipeline.provider ?? {})).not.toContain("circleci");
  });

  test("the manifest says the CI side, each long-lived stack's context and deploy key, and no GitLab or review part", () => {
    const manifest = manifestOf(app);
    expect(manifest.ci).toEqual({
      provider: "circleci",
      organizationId: ORGANIZATION,
      projectSlug: SLUG,
      projectId: PROJECT,
    });
    expect(manifest.gitlabProject).toBeUndefined();
    expect(manifest.review).toBeUndefined();
    const stack = (name: string) => manifest.stacks.find((candidate) => candidate.name === name)!;
    expect(stack("production")).toMatchObject({
      circleciContext: flow.names.circleciContext("production"),
      deployKeyVariables: [flow.names.deployKeyVariable("production")],
      deployOn: "tag",
    });
    expect(stack("production").gitlabEnvironment).toBeUndefined();
    expect(stack("staging")).toMatchObject({ circleciContext: "songlist-staging", deployOn: "merge" });
    expect(stack("pipeline").circleciContext).toBeUndefined();
  });
});

describe("the GitLab side, as before", () => {
  test("a topology without ci keeps GitLab's resources, and its manifest has no ci and no context", () => {
    const { app } = songlistStacks({}, songlist);
    const stacks = synthesizeApp(app);
    expect(Object.keys(stacks.production.resource)).toContain("gitlab_project_variable");
    expect(resourcesOf(stacks.production, "circleci_context")).toEqual([]);
    const manifest = manifestOf(app);
    expect("ci" in manifest).toBe(false);
    expect(manifest.stacks.some((stack) => "circleciContext" in stack)).toBe(false);
    expect(manifest.review).toBeDefined();
  });

  test('ci: { provider: "gitlab" } is the same as none', () => {
    const { app } = songlistStacks({}, { ...songlist, ci: { provider: "gitlab" } });
    expect(problemsOf(app)).toEqual([]);
    expect(Object.keys(synthesizeApp(app).production.resource)).toContain("gitlab_project_variable");
  });
});

describe("the release tag restriction, derived from releaseTag", () => {
  test.each([
    ["v*", 'pipeline.git.tag starts-with "v"'],
    ["release-*", 'pipeline.git.tag starts-with "release-"'],
    ["v1.0", 'pipeline.git.tag == "v1.0"'],
    ['say-"hi"*', 'pipeline.git.tag starts-with "say-\\"hi\\""'],
    ["v*-eu", "pipeline.git.tag matches /^v.*-eu$/"],
    ["*", "pipeline.git.tag matches /^.+$/"],
    ["a.b/*c", "pipeline.git.tag matches /^a\\.b\\/.*c$/"],
  ])("%s becomes %s, which CircleCI parses", (releaseTag, expression) => {
    expect(releaseTagRestriction(releaseTag)).toBe(expression);
    expect(CIRCLECI_RESTRICTION_EXPRESSION.test(expression)).toBe(true);
  });

  test("a topology's own pattern reaches production's context", () => {
    const { app } = songlistStacks({}, circleciSonglist({ releaseTag: "release-*" }));
    const restrictions = resourcesOf(synthesizeApp(app).production, "circleci_context_restriction");
    expect(restrictions.map(({ value }) => value)).toContain('pipeline.git.tag starts-with "release-"');
  });
});

describe("what the CircleCI side refuses, through the one report", () => {
  test("review apps: CircleCI has no merge-request lifecycle to stop them", () => {
    const { app, reviewApps } = songlistStacks(
      { HEROKU_FLOW_REVIEW_ID: "42" },
      circleciSonglist({ review: songlist.review }),
    );
    expect(problemsOf(app)).toEqual([
      expect.objectContaining({ field: "review", rule: CI_SIDE_RULES.reviewOnCircleci }),
    ]);
    expect(CI_SIDE_RULES.reviewOnCircleci).toMatch(/no merge-request lifecycle/);
    expect(reviewApps).toEqual([]);
  });

  test("a review id without review apps builds no review stack", () => {
    const { app, reviewApps } = songlistStacks({ HEROKU_FLOW_REVIEW_ID: "42" }, circleciSonglist());
    expect(problemsOf(app)).toEqual([]);
    expect(reviewApps).toEqual([]);
  });

  test("an environment's GitLab settings, which would be ignored", () => {
    const topology = circleciSonglist();
    const environments = topology.environments.map((environment, index) =>
      index === 1 ? { ...environment, gitlab: { protectedVariables: true } } : environment,
    );
    const { app } = songlistStacks({}, { ...topology, environments });
    expect(problemsOf(app)).toEqual([
      expect.objectContaining({ field: "environments[1].gitlab", rule: CI_SIDE_RULES.gitlabOnCircleci }),
    ]);
  });

  test("an unknown provider, with the one meant, and neither side built", () => {
    const { app, environments } = songlistStacks({}, { ...circleciSonglist(), ci: { provider: "circle" } as never });
    expect(environments.map((stack) => [stack.circleciContext, stack.gitlabEnvironment])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(problemsOf(app)).toEqual([
      expect.objectContaining({
        field: "ci.provider",
        value: '"circle"',
        rule: CI_SIDE_RULES.provider,
        hint: 'did you mean "circleci"?',
      }),
    ]);
  });

  test("a bad organization id is reported once, and no context is built from it", () => {
    const topology = circleciSonglist();
    const ci = { ...CIRCLECI_SIDE, organizationId: ORGANIZATION.toUpperCase() };
    const { app, flow, environments } = songlistStacks({}, { ...topology, ci });
    expect(problemsOf(app)).toEqual([
      expect.objectContaining({ field: "ci.organizationId", rule: UUID.description, path: "" }),
    ]);
    // Neither side is built: the topology chose CircleCI, whose ids are not all valid.
    expect(flow.circleci).toBeUndefined();
    expect(environments.map((stack) => [stack.circleciContext, stack.gitlabEnvironment])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  test("a project slug without its VCS, and a missing project id", () => {
    const topology = circleciSonglist();
    const ci = { provider: "circleci", organizationId: ORGANIZATION, projectSlug: "songlist/songlist" } as never;
    const { app } = songlistStacks({}, { ...topology, ci });
    const problems = problemsOf(app);
    expect(problems.map((problem) => problem.field)).toEqual(["ci.projectSlug", "ci.projectId"]);
    expect(problems[0].hint).toBe("name the VCS too, e.g. gh/songlist/songlist");
    expect(problems[1].rule).toBe("is required");
  });

  test("a release tag git refuses, which no protected tag checks on this side", () => {
    const { app } = songlistStacks({}, circleciSonglist({ releaseTag: "v 1*" }));
    expect(problemsOf(app)).toEqual([expect.objectContaining({ field: "releaseTag", value: '"v 1*"' })]);
  });

  test("GitLab-managed state without a GitLab project", () => {
    const { app } = songlistStacks({ HEROKU_FLOW_STATE_BACKEND: "gitlab" }, circleciSonglist());
    expect(problemsOf(app)).toEqual([
      expect.objectContaining({ field: "HEROKU_FLOW_STATE_BACKEND", rule: CI_SIDE_RULES.stateWithoutProject }),
    ]);
  });

  test("with a GitLab project, GitLab-managed state is kept there and nothing else of GitLab is built", () => {
    const { app } = songlistStacks(
      { HEROKU_FLOW_STATE_BACKEND: "gitlab" },
      circleciSonglist({ gitlabProject: "songlist/songlist" }),
    );
    expect(problemsOf(app)).toEqual([]);
    const stacks = synthesizeApp(app);
    expect(stacks.production.terraform.backend).toHaveProperty("http");
    expect(Object.keys(stacks.production.resource).filter((type) => type.startsWith("gitlab_"))).toEqual([]);
    expect(manifestOf(app).gitlabProject).toBeUndefined();
  });

  test("the GitLab side still requires its project", () => {
    const { app } = songlistStacks({}, { ...songlist, gitlabProject: undefined });
    expect(problemsOf(app)).toEqual([expect.objectContaining({ field: "gitlabProject", rule: "is required" })]);
  });
});

describe("the engine's toolchain, from the manifest's CI side", () => {
  const circleci = { ci: { provider: "circleci" } } as FlowManifest;
  const gitlab = {} as FlowManifest;

  test("the CircleCI side needs the CircleCI provider; the GitLab side and no manifest need none", () => {
    expect(providersNeededBy(circleci)).toEqual(["circleci"]);
    expect(providersNeededBy(gitlab)).toEqual([]);
    expect(providersNeededBy(undefined)).toEqual([]);
  });

  test("the Dokku platform needs the Dokku provider, after CircleCI's when both are named", () => {
    expect(providersNeededBy({ platform: "dokku" } as FlowManifest)).toEqual(["dokku"]);
    expect(providersNeededBy({ ...circleci, platform: "dokku" } as FlowManifest)).toEqual(["circleci", "dokku"]);
    expect(withProvidersFor({}, { platform: "dokku" } as FlowManifest).HEROKU_FLOW_PROVIDERS).toBe("dokku");
  });

  test("HEROKU_FLOW_PROVIDERS names it, after those given, once", () => {
    expect(withProvidersFor({ PATH: "/bin" }, circleci)).toEqual({ PATH: "/bin", HEROKU_FLOW_PROVIDERS: "circleci" });
    expect(withProvidersFor({ HEROKU_FLOW_PROVIDERS: "other" }, circleci).HEROKU_FLOW_PROVIDERS).toBe("other,circleci");
    const given = { HEROKU_FLOW_PROVIDERS: "circleci" };
    expect(withProvidersFor(given, circleci)).toBe(given);
    const none = { PATH: "/bin" };
    expect(withProvidersFor(none, gitlab)).toBe(none);
  });
});

describe("a hand-written app on the CircleCI side (describeApp)", () => {
  /** The manifest and the report of a one-stack app described with `ci` and a context as given. */
  function described(ci: unknown, circleciContext?: unknown): { manifest?: FlowManifest; problems: string[] } {
    const { app, stack } = testStack();
    describeApp({
      processTypes: { web: "gunicorn acme.wsgi" },
      ci: ci as never,
      stacks: [{ stack, apps: [{ name: "acme-api", formation: ["web"] }], circleciContext: circleciContext as never }],
    });
    const problems = FlowValidation.of(app)
      .problems()
      .map((problem) => `${problem.field}: ${problem.value} ${problem.rule}`);
    if (problems.length > 0) return { problems };
    app.synth();
    return { manifest: manifestOf(app), problems };
  }

  test("the CI side and each stack's context reach the manifest, so the engine builds the CircleCI provider", () => {
    const { manifest } = described(CIRCLECI_SIDE, "acme-api-production");
    expect(manifest?.ci).toEqual(CIRCLECI_SIDE);
    expect(manifest?.stacks[0].circleciContext).toBe("acme-api-production");
    expect(providersNeededBy(manifest)).toEqual(["circleci"]);
    expect(described(undefined).manifest?.ci).toBeUndefined();
  });

  test.each([
    [{ ...CIRCLECI_SIDE, provider: "gitlab" }, 'describeApp ci.provider: "gitlab" must be "circleci"'],
    [{ ...CIRCLECI_SIDE, organizationId: "acme" }, `describeApp ci.organizationId: "acme" ${UUID.description}`],
    [{ ...CIRCLECI_SIDE, projectId: undefined }, "describeApp ci.projectId: undefined"],
    [{ ...CIRCLECI_SIDE, projectSlug: "acme/api" }, 'describeApp ci.projectSlug: "acme/api"'],
    ["circleci", 'describeApp ci: "circleci"'],
  ])("a CI side that is not whole is reported by field: %j", (ci, expected) => {
    const { manifest, problems } = described(ci);
    expect(manifest).toBeUndefined();
    expect(problems).toEqual([expect.stringContaining(expected)]);
  });

  test("a context name CircleCI would refuse is reported on its stack", () => {
    expect(described(CIRCLECI_SIDE, " deploy").problems).toEqual([
      expect.stringContaining('describeApp stacks[0].circleciContext: " deploy"'),
    ]);
  });
});
