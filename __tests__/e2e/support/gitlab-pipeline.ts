import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import type { SandboxProject } from "../../../scripts/lib/sandbox-project";
import { PROJECT_ROOT } from "../../../scripts/lib/cdktf-runner";

/** What starts a pipeline, and the variables GitLab sets for it. */
export interface PipelineTrigger {
  /** `merge_request_event`, `push`, `schedule`, … (`CI_PIPELINE_SOURCE`). */
  readonly source: string;
  readonly sha: string;
  readonly branch?: string;
  readonly tag?: string;
  readonly mergeRequestIid?: number;
}

/** One job as run: its exit code, everything it printed, and the dotenv variables it reported. */
export interface JobRun {
  readonly job: string;
  readonly code: number;
  readonly output: string;
  readonly dotenv: Record<string, string>;
}

/** A job of `.gitlab-ci.yml` after `extends`, and the `when` its first matching rule gives. */
interface ResolvedJob {
  readonly name: string;
  readonly definition: Record<string, any>;
  readonly when: string;
}

const DEFAULT_BRANCH = "main";

/**
 * Runs this repository's `.gitlab-ci.yml` against a sandbox project the way GitLab would, for the end-to-end pipeline
 * test: jobs chosen by their `rules` (the expressions the file uses: `==`, `!=`, `=~`, `&&`, `||`, presence), in stage
 * order; each job's `before_script` and `script` lines run by bash in the project directory with the variables GitLab
 * sets (predefined, the file's `variables:`, dotenv reports of the jobs it needs, and the project's CI/CD variables read
 * from the sandbox's GitLab, by environment scope and protection). A job with an `environment:` gets that environment
 * created first, as GitLab does when the job starts. `npm ci` is not run: the scratch project links the checkout's
 * node_modules, and `npx heroku-flow` runs the package's own bin (the checkout's built `dist/`).
 */
export class GitlabPipelineRunner {
  public readonly config: Record<string, any>;
  /** Every job run so far, in order. */
  public readonly runs: JobRun[] = [];
  private readonly dotenvs = new Map<string, Record<string, string>>();
  private projectId = 0;

  constructor(private readonly project: SandboxProject) {
    this.config = parse(fs.readFileSync(path.join(PROJECT_ROOT, ".gitlab-ci.yml"), "utf8"));
  }

  /** The sandbox's numeric id of the project (`CI_PROJECT_ID`). */
  public async id(): Promise<number> {
    if (this.projectId === 0) {
      const response = await this.project.client.gitlab(
        "GET",
        `/projects/${encodeURIComponent(this.project.gitlabProject)}`,
      );
      this.projectId = response.body.id;
    }
    return this.projectId;
  }

  /** The jobs a pipeline started by `trigger` holds, in stage order, with their `when`. */
  public jobsFor(trigger: PipelineTrigger): ResolvedJob[] {
    const variables = { ...this.predefinedWithoutProject(trigger), ...this.globalVariables() };
    const stages: string[] = this.config.stages;
    const jobs: ResolvedJob[] = [];
    for (const name of Object.keys(this.config)) {
      if (name.startsWith(".") || !this.isJob(name)) continue;
      const definition = this.resolve(name);
      const when = ruleOutcome(definition.rules, variables);
      if (when !== "never") jobs.push({ name, definition, when });
    }
    return jobs.sort((a, b) => stages.indexOf(a.definition.stage) - stages.indexOf(b.definition.stage));
  }

  /** Runs job `name` of a pipeline started by `trigger` (it must be one of {@link jobsFor}). */
  public async run(name: string, trigger: PipelineTrigger): Promise<JobRun> {
    const job = this.jobsFor(trigger).find((candidate) => candidate.name === name);
    if (!job) throw new Error(`job ${name} is not part of a ${trigger.source} pipeline (its rules exclude it)`);
    const environment = job.definition.environment;
    const env = await this.jobEnvironment(job, trigger);
    if (environment && (environment.action ?? "start") === "start") {
      await this.ensureEnvironment(expand(environment.name, env));
    }
    // A job's own before_script replaces the file's `default:` one, as in GitLab.
    const beforeScript = job.definition.before_script ?? this.config.default?.before_script ?? [];
    const lines = [...beforeScript, ...job.definition.script].filter((line: string) => !/^npm ci\b/.test(line));
    let output = "";
    let code = 0;
    for (const line of lines) {
      const result = await bash(line, this.project.dir, env);
      output += `$ ${line}\n${result.output}`;
      code = result.code;
      if (code !== 0) break;
    }
    const dotenv = this.readDotenv(job.definition, env);
    this.dotenvs.set(name, dotenv);
    const run = { job: name, code, output, dotenv };
    this.runs.push(run);
    return run;
  }

  /** Everything every job printed. */
  public get log(): string {
    return this.runs.map((run) => `## ${run.job} (exit ${run.code})\n${run.output}`).join("\n");
  }

  private isJob(name: string): boolean {
    const value = this.config[name];
    return !!value && typeof value === "object" && !Array.isArray(value) && ("script" in value || "extends" in value);
  }

  /** The job with its `extends` merged in (hashes deep-merged, everything else replaced), as GitLab does. */
  private resolve(name: string): Record<string, any> {
    const own = this.config[name];
    const parents: string[] = own.extends === undefined ? [] : [].concat(own.extends);
    const merged = parents.reduce((result, parent) => deepMerge(result, this.resolve(parent)), {});
    const rest = Object.fromEntries(Object.entries(own).filter(([key]) => key !== "extends"));
    return deepMerge(merged, rest);
  }

  private globalVariables(): Record<string, string> {
    return stringValues(this.config.variables ?? {});
  }

  private predefinedWithoutProject(trigger: PipelineTrigger): Record<string, string> {
    const variables: Record<string, string> = {
      CI: "true",
      GITLAB_CI: "true",
      CI_PIPELINE_SOURCE: trigger.source,
      CI_COMMIT_SHA: trigger.sha,
      CI_DEFAULT_BRANCH: DEFAULT_BRANCH,
      CI_API_V4_URL: this.project.sandbox.gitlabUrl.replace(/\/$/, ""),
      CI_PROJECT_DIR: this.project.dir,
      CI_PROJECT_PATH: this.project.gitlabProject,
      CI_PIPELINE_URL: `http://gitlab.sandbox.test/${this.project.gitlabProject}/-/pipelines/${this.runs.length + 1}`,
      CI_JOB_TOKEN: this.project.jobToken,
    };
    if (trigger.branch) {
      variables.CI_COMMIT_BRANCH = trigger.branch;
      variables.CI_COMMIT_REF_NAME = trigger.branch;
    }
    if (trigger.tag) {
      variables.CI_COMMIT_TAG = trigger.tag;
      variables.CI_COMMIT_REF_NAME = trigger.tag;
    }
    if (trigger.mergeRequestIid !== undefined) {
      variables.CI_MERGE_REQUEST_IID = String(trigger.mergeRequestIid);
      variables.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA = trigger.sha;
      // Merge-request pipelines run on the merge request's ref, which GitLab keeps after the branch is deleted.
      variables.CI_COMMIT_REF_NAME = `refs/merge-requests/${trigger.mergeRequestIid}/head`;
    }
    return variables;
  }

  /** GitLab's order, lowest first: predefined, the file's variables, the job's, dotenv reports, project variables. */
  private async jobEnvironment(job: ResolvedJob, trigger: PipelineTrigger): Promise<Record<string, string>> {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      HEROKU_FLOW_CACHE_DIR: process.env.HEROKU_FLOW_CACHE_DIR ?? "",
      ...this.predefinedWithoutProject(trigger),
      CI_PROJECT_ID: String(await this.id()),
      CI_JOB_NAME: job.name,
    };
    for (const [name, value] of Object.entries(this.globalVariables())) env[name] = expand(value, env);
    // This runner cannot reach the Terraform registry: it is an offline runner, which says so (HEROKU_FLOW_OFFLINE=1)
    // and keeps the test's toolchain cache.
    env.HEROKU_FLOW_CACHE_DIR = process.env.HEROKU_FLOW_CACHE_DIR ?? env.HEROKU_FLOW_CACHE_DIR;
    env.HEROKU_FLOW_OFFLINE = "1";
    for (const [name, value] of Object.entries(stringValues(job.definition.variables ?? {}))) {
      env[name] = expand(value, env);
    }
    for (const need of job.definition.needs ?? []) {
      // `artifacts: false` takes the job's order, not its artifacts (dotenv reports included).
      if (typeof need === "object" && need.artifacts === false) continue;
      Object.assign(env, this.dotenvs.get(typeof need === "string" ? need : need.job) ?? {});
    }
    const environment = job.definition.environment ? expand(job.definition.environment.name, env) : undefined;
    if (environment) env.CI_ENVIRONMENT_NAME = environment;
    Object.assign(env, await this.projectVariables(environment, isProtectedRef(trigger)));
    return env;
  }

  /**
   * The project's CI/CD variables a job gets: scope `*` or matching its environment (the most specific wins), and
   * protected ones only in pipelines of protected refs.
   */
  private async projectVariables(environment: string | undefined, protectedRef: boolean) {
    const response = await this.project.client.gitlab("GET", `/projects/${await this.id()}/variables?per_page=100`);
    const variables = response.body as Array<{
      key: string;
      value: string;
      environment_scope: string;
      protected: boolean;
    }>;
    const chosen: Record<string, { value: string; specific: boolean }> = {};
    for (const variable of variables) {
      if (variable.protected && !protectedRef) continue;
      const specific = variable.environment_scope !== "*";
      if (specific && !scopeMatches(variable.environment_scope, environment)) continue;
      const previous = chosen[variable.key];
      if (!previous || (specific && !previous.specific)) chosen[variable.key] = { value: variable.value, specific };
    }
    return Object.fromEntries(Object.entries(chosen).map(([key, { value }]) => [key, value]));
  }

  /** Creates the job's environment unless it exists, as GitLab does when a deploy job starts. */
  private async ensureEnvironment(name: string): Promise<void> {
    const id = await this.id();
    const existing = await this.project.client.gitlab(
      "GET",
      `/projects/${id}/environments?name=${encodeURIComponent(name)}`,
    );
    if ((existing.body as unknown[]).length > 0) return;
    const created = await this.project.client.gitlab("POST", `/projects/${id}/environments`, { name });
    if (created.status !== 201)
      throw new Error(`creating environment ${name}: ${created.status} ${JSON.stringify(created.body)}`);
  }

  private readDotenv(definition: Record<string, any>, env: Record<string, string>): Record<string, string> {
    const file = definition.artifacts?.reports?.dotenv;
    if (!file) return {};
    const full = path.join(this.project.dir, expand(file, env));
    if (!fs.existsSync(full)) return {};
    return Object.fromEntries(
      fs
        .readFileSync(full, "utf8")
        .split("\n")
        .filter((line) => line.includes("="))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
  }
}

/** Protected refs in this project: the default branch and `v*` tags (as the README asks to set them up). */
function isProtectedRef(trigger: PipelineTrigger): boolean {
  return trigger.mergeRequestIid === undefined && (trigger.branch === DEFAULT_BRANCH || /^v/.test(trigger.tag ?? ""));
}

function scopeMatches(scope: string, environment: string | undefined): boolean {
  if (!environment) return false;
  const pattern = new RegExp(`^${scope.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
  return pattern.test(environment);
}

/** The `when` of the first rule whose `if` holds (`never` when none does); no rules: `on_success`. */
function ruleOutcome(rules: Array<{ if?: string; when?: string }> | undefined, variables: Record<string, string>) {
  if (!rules) return "on_success";
  for (const rule of rules) {
    if (rule.if === undefined || evaluate(rule.if, variables)) return rule.when ?? "on_success";
  }
  return "never";
}

/** GitLab's rules expressions, the forms `.gitlab-ci.yml` uses. */
function evaluate(expression: string, variables: Record<string, string>): boolean {
  return expression.split("||").some((any) =>
    any.split("&&").every((term) => {
      const comparison = /^\s*\$(\w+)\s*(==|!=|=~|!~)\s*(.+?)\s*$/.exec(term);
      if (!comparison) {
        const presence = /^\s*\$(\w+)\s*$/.exec(term);
        if (!presence) throw new Error(`rules expression not understood: ${term}`);
        return (variables[presence[1]] ?? "") !== "";
      }
      const [, name, operator, right] = comparison;
      const left = variables[name];
      if (operator === "=~" || operator === "!~") {
        const regex = /^\/(.*)\/$/.exec(right);
        if (!regex) throw new Error(`not a regular expression: ${right}`);
        const matches = left !== undefined && new RegExp(regex[1]).test(left);
        return operator === "=~" ? matches : !matches;
      }
      const value = right.startsWith("$") ? variables[right.slice(1)] : JSON.parse(right);
      return operator === "==" ? left === value : left !== value;
    }),
  );
}

function expand(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{?(\w+)\}?/g, (_match, name: string) => env[name] ?? "");
}

function stringValues(variables: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [
      name,
      typeof value === "object" && value !== null ? String((value as { value: unknown }).value) : String(value),
    ]),
  );
}

function deepMerge(base: Record<string, any>, over: Record<string, any>): Record<string, any> {
  const result: Record<string, any> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const previous = result[key];
    const bothHashes =
      previous &&
      typeof previous === "object" &&
      !Array.isArray(previous) &&
      value &&
      typeof value === "object" &&
      !Array.isArray(value);
    result[key] = bothHashes ? deepMerge(previous, value) : value;
  }
  return result;
}

function bash(line: string, cwd: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-eo", "pipefail", "-c", line], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
