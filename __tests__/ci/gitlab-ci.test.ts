import * as fs from "node:fs";
import * as path from "node:path";
import type { ValidateFunction } from "ajv";
import { CI_IMAGE, generateGitlabCi } from "../../cli/ci";
import { gitlabCiSchema, readCiConfig, undeclaredVariables, variableUses } from "../support/ci-config";
import { songlistStacks, synthesizeApp } from "../support/songlist";
import { synthesizedManifest } from "../cli/support/manifests";

const ROOT = path.resolve(__dirname, "..", "..");
const ciText = fs.readFileSync(path.join(ROOT, ".gitlab-ci.yml"), "utf8");
const config = readCiConfig(ciText);

/** The CI/CD variables songlist's stacks (a review stack included) create in GitLab. */
function stackVariables(): string[] {
  const { app } = songlistStacks({ HEROKU_FLOW_REVIEW_ID: "1" });
  return Object.values(synthesizeApp(app)).flatMap((stack: any) =>
    Object.values<{ key: string }>(stack.resource?.gitlab_project_variable ?? {}).map((variable) => variable.key),
  );
}

describe(".gitlab-ci.yml", () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = gitlabCiSchema();
  });

  test("is what `heroku-flow ci` generates from songlist's manifest", () => {
    expect(ciText).toBe(generateGitlabCi(synthesizedManifest()));
  });

  test("is valid against GitLab's own CI schema", () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test("the schema check fails on a job GitLab would refuse", () => {
    const broken = readCiConfig(ciText);
    broken.review.environment.action = "teardown";
    expect(validate(broken)).toBe(false);
  });

  test("every variable it reads is a GitLab predefined one, its own, or one the stacks create", () => {
    const known = stackVariables();
    expect(known).toEqual(expect.arrayContaining(["HEROKU_API_KEY", "HEROKU_APP_NAME"]));
    expect(undeclaredVariables(config, known)).toEqual([]);
    // It does read variables (the check has something to check).
    expect(variableUses(config).map((use) => use.name)).toEqual(
      expect.arrayContaining(["CI_MERGE_REQUEST_IID", "HEROKU_FLOW_CI_IMAGE", "APP_URL", "CI_JOB_TOKEN"]),
    );
  });

  test("a typo'd variable is reported with the job and key that read it", () => {
    const typo = readCiConfig(
      ciText.replace("--review $CI_MERGE_REQUEST_IID --dotenv", "--review $CI_MERGE_REQEST_IID --dotenv"),
    );
    expect(undeclaredVariables(typo, stackVariables())).toEqual([
      { name: "CI_MERGE_REQEST_IID", where: "review.script[0]" },
    ]);
  });

  test("review apps: deploy and stop share rules' condition, stage and resource group; the stop job stops", () => {
    const { review } = config;
    const stop = config[review.environment.on_stop];
    expect(stop).toBeDefined();
    expect(stop.stage).toBe(review.stage);
    expect(stop.resource_group).toBe(review.resource_group);
    expect(stop.rules.map((rule: any) => rule.if)).toEqual(review.rules.map((rule: any) => rule.if));
    expect(review.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(stop.rules[0]).toMatchObject({ when: "manual", allow_failure: true });
    expect(stop.environment).toEqual({ name: review.environment.name, action: "stop" });
    expect(review.environment.auto_stop_in).toBe("1 week");
    expect(stop.script.join("\n")).toMatch(/heroku-flow destroy --review \$CI_MERGE_REQUEST_IID --delete-state/);
  });

  test("plans are never public; merge-request plans are read-only", () => {
    expect(config.plan.artifacts.access).toBe("developer");
    expect(config.plan.artifacts.reports.terraform).toBe("flow-plan/*.tfreport.json");
    expect(config.plan.script.join("\n")).toMatch(/--lock=false/);
  });

  test("production deploys only from v* tags, by hand, one at a time; staging after the pipeline stack", () => {
    const production = config["deploy:production"];
    expect(production.rules).toEqual([{ if: "$CI_COMMIT_TAG =~ /^v/", when: "manual" }]);
    expect(production.resource_group).toBe("production");
    expect(production.environment.name).toBe("production");
    expect(config["deploy:staging"].rules).toEqual([
      { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "schedule"' },
    ]);
    expect(config["deploy:staging"].needs).toContainEqual({ job: "deploy:pipeline", artifacts: false });
    expect(config["deploy:pipeline"].rules).toEqual(config["deploy:staging"].rules);
  });

  test("every job runs heroku-flow or the project's npm scripts (each runs locally too), in an image that has them", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const jobs = Object.entries(config).filter(
      ([, job]: [string, any]) => job && typeof job === "object" && job.script,
    );
    expect(jobs.length).toBeGreaterThanOrEqual(9);
    for (const [name, job] of jobs as [string, any][]) {
      for (const line of job.script as string[]) {
        const match = /^(?:node_modules\/\.bin\/heroku-flow (\w+)|npm (?:run (\S+)|(test))\b)/.exec(line);
        expect({ job: name, line, known: !!match }).toEqual({ job: name, line, known: true });
        const script = match![2] ?? match![3];
        if (script)
          expect({ job: name, script, defined: script in pkg.scripts }).toEqual({ job: name, script, defined: true });
      }
    }
    expect(config.default.before_script).toEqual(["npm ci --no-audit --no-fund"]);
    expect(config.variables.HEROKU_FLOW_CI_IMAGE).toContain(`terraform${CI_IMAGE.terraformVersion}`);
  });
});
