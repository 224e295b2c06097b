declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * The route takes a CI job token (`JOB-TOKEN` header) besides the API token, like GitLab routes declared with
     * `route_setting :authentication, job_token_allowed: true`. Every other REST route refuses it with 401.
     */
    jobTokenAllowed?: boolean;
  }
}

/**
 * Route options for the endpoints GitLab's job-token table lists: reading merge requests and their notes
 * (`doc/ci/jobs/ci_job_token.md`). Writing notes and anything about issues is not among them.
 */
export const JOB_TOKEN_ALLOWED = { config: { jobTokenAllowed: true } } as const;
