// @ts-nocheck
import * as path from "path";
import { App, HttpBackend, LocalBackend, TerraformStack } from "cdktf";
import { GITLAB_PROJECT, PROJECT_RELATIVE_PATH, STATE_NAME } from "./private/rules";
import { validateAtSynth } from "./private/validation";

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
  public static local(stack: TerraformStack, options: LocalStateOptions = {}): LocalBackend {
    const directory = options.directory ?? "terraform-state";
    validateAtSynth(stack, (problems) =>
      problems.check("StateBackend.local directory", directory, PROJECT_RELATIVE_PATH),
    );
    const outdirName = path.basename(App.of(stack).outdir);
    const folder = outdirName === DEFAULT_OUTDIR ? directory : `${directory}/${outdirName}`;
    return new LocalBackend(stack, { path: `../../../${folder}/${stack.node.id}.tfstate` });
  }

  /**
   * GitLab-managed Terraform state: stored, versioned and locked by GitLab. Credentials come only from the
   * environment (`TF_HTTP_USERNAME` and `TF_HTTP_PASSWORD`, e.g. `gitlab-ci-token` and `$CI_JOB_TOKEN` in CI), never
   * from the synthesized configuration.
   */
  public static gitlab(stack: TerraformStack, options: GitlabStateOptions): HttpBackend {
    const stateName = options.stateName ?? stack.node.id;
    validateAtSynth(stack, (problems) => {
      problems.check("StateBackend.gitlab stateName", stateName, STATE_NAME);
      problems.check("StateBackend.gitlab project", options.project, GITLAB_PROJECT);
    });
    const address =
      `${options.apiUrl.replace(/\/+$/, "")}/projects/${encodeURIComponent(options.project)}` +
      `/terraform/state/${encodeURIComponent(stateName)}`;
    return new HttpBackend(stack, {
      address,
      lockAddress: `${address}/lock`,
      unlockAddress: `${address}/lock`,
      lockMethod: "POST",
      unlockMethod: "DELETE",
      retryWaitMin: 5,
    });
  }
}
