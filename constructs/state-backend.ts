import * as path from "path";
import { App, HttpBackend, LocalBackend, TerraformBackend, TerraformStack } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { expectRecord, expectString, Report, reporterFor } from "./private/prop-types";
import { CONSTRUCTION_RULES, GITLAB_PROJECT, PROJECT_RELATIVE_PATH, STATE_NAME } from "./private/rules";
import { childIdFor, reportProblem, validateAtSynth } from "./private/validation";

/** cdktf's default output directory, whose stacks keep their state in the project's state directory itself. */
const DEFAULT_OUTDIR = "cdktf.out";

/** Where a stack keeps its Terraform state. */
export type StateBackendKind = "local" | "gitlab";

/** Options for {@link StateBackend.gitlab}. */
export interface GitlabStateOptions {
  /** GitLab's API URL, e.g. `https://gitlab.com/api/v4`. */
  readonly apiUrl: string;

  /** The project that holds the state, by numeric id or full path (`group/project`). */
  readonly project: string;

  /**
   * The state's name in GitLab (Operate → Terraform states).
   *
   * @default - the stack's name
   */
  readonly stateName?: string;
}

/** Options for {@link StateBackend.local}. */
export interface LocalStateOptions {
  /**
   * The directory, relative to the output directory's parent (the project, for the default `cdktf.out`), where state
   * files are kept.
   *
   * @default "terraform-state"
   */
  readonly directory?: string;
}

/** Chooses a stack's state backend. */
export class StateBackend {
  /**
   * State in `<directory>/<stack>.tfstate` beside the output directory: the project's `terraform-state/` for the
   * default `cdktf.out`; for any other output directory `<directory>/<its name>/<stack>.tfstate` beside it, so that
   * apps synthesized to different output directories never share a state file, whatever their depth.
   *
   * Not cdktf's default (`cdktf.out/stacks/<stack>/terraform.<stack>.tfstate`), for two reasons: `cdktf synth` deletes
   * the directory of every stack it did not synthesize this time — with a review app's state in it — and the default's
   * cross-stack reference reads `<cwd>/terraform.<stack>.tfstate`, an absolute path that is both machine-specific and
   * the wrong file. The path is written relative to the stack's directory (`cdktf.out/stacks/<stack>/`), so the
   * synthesized JSON holds no path of this machine and every stack's remote-state lookup finds the same file.
   */
  public static local(givenStack: TerraformStack, options: LocalStateOptions = {}): LocalBackend {
    const method = "StateBackend.local()";
    const stack = stackFor(givenStack, method);
    const report = reporterFor(stack);
    const given: LocalStateOptions = expectRecord(report, `${method} options`, options) ? options : {};
    const directory = expectString(report, "StateBackend.local directory", given.directory, { optional: true })
      ? given.directory
      : "terraform-state";
    validateAtSynth(stack, (problems) =>
      problems.check("StateBackend.local directory", directory, PROJECT_RELATIVE_PATH),
    );
    const outdirName = path.basename(App.of(stack).outdir);
    const folder = outdirName === DEFAULT_OUTDIR ? directory : `${directory}/${outdirName}`;
    const scope = backendScope(stack, method);
    return new LocalBackend(scope, { path: `../../../${folder}/${stack.node.id}.tfstate` });
  }

  /**
   * GitLab-managed Terraform state: stored, versioned and locked by GitLab. Credentials come only from the
   * environment (`TF_HTTP_USERNAME` and `TF_HTTP_PASSWORD`, e.g. `gitlab-ci-token` and `$CI_JOB_TOKEN` in CI), never
   * from the synthesized configuration.
   */
  public static gitlab(givenStack: TerraformStack, options: GitlabStateOptions): HttpBackend {
    const method = "StateBackend.gitlab()";
    const stack = stackFor(givenStack, method);
    const report: Report = reporterFor(stack);
    const given: Partial<GitlabStateOptions> = expectRecord(report, `${method} options`, options) ? options : {};
    const string = (field: keyof GitlabStateOptions, optional = false) =>
      expectString(report, `StateBackend.gitlab ${field}`, given[field], { optional }) ? given[field] : undefined;
    const [apiUrl, project] = [string("apiUrl") ?? "", string("project") ?? ""];
    const stateName = string("stateName", true) ?? stack.node.id;
    validateAtSynth(stack, (problems) => {
      problems.check("StateBackend.gitlab stateName", stateName, STATE_NAME);
      problems.check("StateBackend.gitlab project", project, GITLAB_PROJECT);
    });
    const address =
      `${apiUrl.replace(/\/+$/, "")}/projects/${encodeURIComponent(project)}` +
      `/terraform/state/${encodeURIComponent(stateName)}`;
    return new HttpBackend(backendScope(stack, method), {
      address,
      lockAddress: `${address}/lock`,
      unlockAddress: `${address}/lock`,
      lockMethod: "POST",
      unlockMethod: "DELETE",
      retryWaitMin: 5,
    });
  }
}

/**
 * Where a backend is declared: the stack, or, when the stack already has a backend, a construct of its own beside it,
 * so that the second call is reported (naming it) instead of failing in the constructs library with "There is already
 * a Construct with name 'backend'". Nothing is synthesized while the problem exists.
 */
function backendScope(stack: TerraformStack, method: string): Construct {
  const existing = stack.node.findAll().find(TerraformBackend.isBackend);
  if (!existing) return stack;
  const kind = String(existing.toMetadata().backend);
  reportProblem(stack, method, kind, CONSTRUCTION_RULES.backendTwice(kind), "choose one backend per stack");
  return new Construct(stack, childIdFor(stack, "SecondBackend", method, "choose one backend per stack"));
}

/**
 * The stack a backend goes to. Given anything else (from JavaScript: the app, or a construct inside a stack), the call
 * is reported and the backend goes to the construct's stack, or to a stack of its own under the app, so that building
 * goes on; nothing is synthesized while the problem exists.
 */
function stackFor(scope: IConstruct, method: string): TerraformStack {
  if (TerraformStack.isStack(scope)) return scope;
  const hint = "pass the TerraformStack whose state this is";
  reportProblem(scope, `${method} stack`, scope.node.path || "the app", CONSTRUCTION_RULES.notAStack, hint);
  const enclosing = scope.node.scopes.find((s): s is TerraformStack => TerraformStack.isStack(s));
  return enclosing ?? new TerraformStack(scope as Construct, childIdFor(scope, "StateBackendStack", method, hint));
}
