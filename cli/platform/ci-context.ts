/**
 * What a flow command knows about the GitLab CI job it runs in, read from the variables GitLab sets for every job
 * (https://docs.gitlab.com/ci/variables/predefined_variables/) and the project's own CI/CD variables. Run locally,
 * the same variables can be exported by hand; a command that needs one that is missing says which.
 */
export class CiContext {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** GitLab's REST API, e.g. `https://gitlab.com/api/v4`. */
  public get apiUrl(): string {
    return this.required("CI_API_V4_URL", "GitLab's API URL");
  }

  /** The project's numeric id. */
  public get projectId(): string {
    return this.required("CI_PROJECT_ID", "the project's id");
  }

  /** The merge request of a merge-request pipeline, if this is one. */
  public get mergeRequestIid(): string | undefined {
    return this.env.CI_MERGE_REQUEST_IID || undefined;
  }

  /** The commit the pipeline runs for (the merge request's head in merge-request pipelines). */
  public get headSha(): string {
    return this.env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA || this.required("CI_COMMIT_SHA", "the commit's SHA");
  }

  /** The pipeline's page, for links. */
  public get pipelineUrl(): string | undefined {
    return this.env.CI_PIPELINE_URL || undefined;
  }

  /**
   * The token flow posts merge-request notes and drift issues with: a masked, not protected CI/CD variable holding a
   * project access token (Reporter role, `api` scope). The job token cannot: GitLab lets `CI_JOB_TOKEN` read notes,
   * not write them.
   */
  public get noteToken(): string {
    return this.required("FLOW_GITLAB_TOKEN", "a project access token (api scope) for notes and issues");
  }

  /** The job token, for GitLab-managed Terraform state. */
  public get jobToken(): string {
    return this.required("CI_JOB_TOKEN", "the job token");
  }

  private required(name: string, what: string): string {
    const value = this.env[name];
    if (!value) {
      throw new Error(`${name} is not set (${what}); GitLab CI sets it in jobs — export it to run this step locally`);
    }
    return value;
  }
}
