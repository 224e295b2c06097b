import { HEROKU_FLOW_BIN } from "./heroku-flow-command";
import type { NamedGitlabJob } from "./gitlab-ci-model";
import { MERGE_REQUEST } from "./pipeline-rules";

/** The job that deploys a merge request's review app; the note reads the app's URL from its dotenv report. */
export const REVIEW_JOB = "review";

const STOP_JOB = "review:stop";

/** The merge request's review app, in GitLab's terms: one environment and one Terraform state per merge request. */
const ENVIRONMENT = "review/$CI_MERGE_REQUEST_IID";
const RESOURCE_GROUP = "review-$CI_MERGE_REQUEST_IID";

/**
 * A review app per merge request: the deploy job, and the stop job GitLab runs when the merge request is merged or
 * closed, or the app expires (`autoStopIn` after its last deploy). GitLab runs an `on_stop` job only if both jobs share
 * their rules' condition and their stage, and stops from the UI only if they share a resource group.
 */
export function reviewJobs(autoStopIn: string): NamedGitlabJob[] {
  return [
    {
      name: REVIEW_JOB,
      comment: "This merge request's own app, deployed on every push; review:stop removes it and its state.",
      job: {
        stage: "deploy",
        rules: [{ if: MERGE_REQUEST }],
        resource_group: RESOURCE_GROUP,
        // A push cancels the merge request's older pipeline; a cancelled apply can leave the review state locked.
        interruptible: false,
        script: [
          `${HEROKU_FLOW_BIN} apply --review $CI_MERGE_REQUEST_IID --dotenv review.env`,
          `${HEROKU_FLOW_BIN} release --review $CI_MERGE_REQUEST_IID`,
        ],
        environment: {
          name: ENVIRONMENT,
          url: "$APP_URL",
          on_stop: STOP_JOB,
          auto_stop_in: autoStopIn,
          deployment_tier: "development",
        },
        artifacts: { reports: { dotenv: "review.env" } },
      },
    },
    {
      name: STOP_JOB,
      comment:
        "Runs when the merge request is merged or closed, or the review app expires. It still has what it needs after " +
        "the source branch is deleted: merge-request pipelines check out refs/merge-requests/<iid>/head, which GitLab " +
        "keeps, and the state and credentials come from GitLab (managed state, CI/CD variables), not from the branch.",
      job: {
        stage: "deploy",
        rules: [{ if: MERGE_REQUEST, when: "manual", allow_failure: true }],
        resource_group: RESOURCE_GROUP,
        interruptible: false,
        script: [`${HEROKU_FLOW_BIN} destroy --review $CI_MERGE_REQUEST_IID --delete-state`],
        // No url: the stop job writes no dotenv report to take it from.
        environment: { name: ENVIRONMENT, action: "stop" },
      },
    },
  ];
}
