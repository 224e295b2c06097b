import type { GitlabVariable } from "./gitlab-ci-model";
import { defaultCiImage } from "./ci-image";

/** The variable naming the jobs' image; a project CI/CD variable of the same name overrides the file's default. */
export const IMAGE_VARIABLE = "HEROKU_FLOW_CI_IMAGE";

/** The file's own variables: how every job reaches its state and caches npm, and the app URL its deploy reports. */
export function pipelineVariables(): Record<string, GitlabVariable> {
  return {
    [IMAGE_VARIABLE]: {
      value: defaultCiImage(),
      comment:
        "The jobs' image: Node.js, git and Terraform (heroku-flow-cdktf's cli/ci/Dockerfile, built into the project's " +
        "registry). Set a CI/CD variable of this name to use another.",
    },
    HEROKU_FLOW_STATE_BACKEND: {
      value: "gitlab",
      comment: "State in GitLab, written with the job token (Terraform's http backend reads TF_HTTP_*).",
    },
    GITLAB_BASE_URL: { value: "$CI_API_V4_URL" },
    TF_HTTP_USERNAME: { value: "gitlab-ci-token" },
    TF_HTTP_PASSWORD: { value: "$CI_JOB_TOKEN" },
    npm_config_cache: {
      value: "$CI_PROJECT_DIR/.cache/npm",
      comment: "npm's downloads, kept between pipelines (GitLab caches paths inside the project only).",
    },
    APP_URL: {
      value: "",
      comment:
        "The deployed app's URL: `heroku-flow apply --dotenv` reports it for the job's environment and the note.",
    },
  };
}
