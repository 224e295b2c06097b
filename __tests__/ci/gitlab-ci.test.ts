import * as fs from "node:fs";
import * as path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats";
import { declaredVariables, readCiConfig, undeclaredVariables, variableUses } from "../support/ci-config";
import { songlistStacks, synthesizeApp } from "../support/songlist";

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

/** GitLab's CI schema (schemas/gitlab-ci.schema.json) compiled once. */
function ciSchema(): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "gitlab-ci.schema.json"), "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // GitLab expands variables before it reads an environment's URL (its docs' own dynamic-URL example is
  // `url: $DYNAMIC_ENVIRONMENT_URL`, and the schema's pattern admits `$NAME`); the format check applies to the rest.
  const uri = fullFormats.uri as (value: string) => boolean;
  ajv.addFormat("uri", (value: string) => /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value) || uri(value));
  return ajv.compile(schema);
}

describe(".gitlab-ci.yml", () => {
  let validate: ValidateFunction;
  beforeAll(() => {
    validate = ciSchema();
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
      expect.arrayContaining(["CI_MERGE_REQUEST_IID", "FLOW_ON_MERGE_STACKS", "APP_URL", "CI_JOB_TOKEN"]),
    );
  });

  test("a typo'd variable is reported with the job and key that read it", () => {
    const typo = readCiConfig(
      ciText.replace("review-$CI_MERGE_REQUEST_IID --dotenv", "review-$CI_MERGE_REQEST_IID --dotenv"),
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
    expect(stop.rules.map((rule: any) => rule.if)).toEqual(config[".merge-request"].rules.map((rule: any) => rule.if));
    expect(stop.rules[0]).toMatchObject({ when: "manual", allow_failure: true });
    expect(stop.environment).toEqual({ name: review.environment.name, action: "stop" });
    expect(review.environment.auto_stop_in).toBe("$REVIEW_APP_AUTO_STOP_IN");
    expect(stop.script.join("\n")).toMatch(/flow -- destroy review-\$CI_MERGE_REQUEST_IID --delete-state/);
  });

  test("plans are never public; merge-request plans are read-only", () => {
    expect(config.plan.artifacts.access).toBe("developer");
    expect(config.plan.artifacts.reports.terraform).toBe("flow-plan/*.tfreport.json");
    expect(config.plan.script.join("\n")).toMatch(/--lock=false/);
  });

  test("production deploys only from v* tags, by hand, one at a time", () => {
    const production = config["deploy:production"];
    expect(production.rules).toEqual([{ if: "$CI_COMMIT_TAG =~ /^v/", when: "manual" }]);
    expect(production.resource_group).toBe("production");
    expect(production.environment.name).toBe("production");
    expect(config["deploy:staging"].rules).toEqual([
      { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "schedule"' },
    ]);
  });

  test("every job's script runs npm scripts only (each runs locally too)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const jobs = Object.entries(config).filter(
      ([, job]: [string, any]) => job && typeof job === "object" && job.script,
    );
    expect(jobs.length).toBeGreaterThanOrEqual(8);
    for (const [name, job] of jobs as [string, any][]) {
      for (const line of job.script as string[]) {
        const match = /^npm (?:run (\S+)|(test))\b/.exec(line);
        expect({ job: name, line, npmScript: !!match }).toEqual({ job: name, line, npmScript: true });
        const script = match![1] ?? match![2];
        expect({ job: name, script, defined: script in pkg.scripts }).toEqual({ job: name, script, defined: true });
      }
    }
    expect(declaredVariables(config).has("FLOW_ON_TAG_STACKS")).toBe(true);
  });
});
