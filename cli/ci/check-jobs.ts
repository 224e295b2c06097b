import { HEROKU_FLOW_BIN } from "./heroku-flow-command";
import type { NamedGitlabJob } from "./gitlab-ci-model";
import { MERGE_REQUEST, SCHEDULE } from "./pipeline-rules";
import { REVIEW_JOB } from "./review-jobs";

/** The test job, which every deploy job waits for. */
export const TEST_JOB = "test";

/** Where the plan job writes the plans, summaries and Terraform reports the note job reads. */
const PLAN_DIR = "flow-plan";

/**
 * `heroku-flow drift`'s exit code when it finds drift: the job fails, amber, without failing the pipeline. Any other
 * failure (1, or 2 for a usage error) stays red.
 */
const DRIFT_FOUND_EXIT = 3;

/** The tests, on every pipeline. */
export function testJob(): NamedGitlabJob {
  return { name: TEST_JOB, job: { stage: "test", script: ["npm test"] } };
}

/** The variables of a merge request's plan and note: the synth then makes the merge request's review stack too. */
function reviewVariables(reviewApps: boolean): { variables?: Record<string, string> } {
  return reviewApps ? { variables: { HEROKU_FLOW_REVIEW_ID: "$CI_MERGE_REQUEST_IID" } } : {};
}

/** A merge request's plan: every stack at once, read-only, its own review stack included when there are review apps. */
export function planJob(reviewApps: boolean): NamedGitlabJob {
  return {
    name: "plan",
    comment:
      "Every stack planned at once, read-only: Developers may not lock GitLab-managed state. The artifacts hold the " +
      "summaries and GitLab's Terraform reports, no secret values; the plan files, which hold the deploy keys, are " +
      "deleted in the job.",
    job: {
      stage: "plan",
      rules: [{ if: MERGE_REQUEST }],
      ...reviewVariables(reviewApps),
      script: [`${HEROKU_FLOW_BIN} plan --lock=false --out ${PLAN_DIR}`],
      artifacts: {
        when: "always",
        access: "developer",
        expire_in: "1 week",
        paths: [`${PLAN_DIR}/`],
        reports: { terraform: `${PLAN_DIR}/*.tfreport.json` },
      },
    },
  };
}

/** The merge request's one plan note, linking the review app the review job deployed when there is one. */
export function noteJob(reviewApps: boolean): NamedGitlabJob {
  return {
    name: "mr-note",
    comment: "The note says what failed too, so it runs whatever the plan and the review app did.",
    job: {
      stage: "report",
      rules: [{ if: MERGE_REQUEST, when: "always" }],
      needs: [
        { job: "plan", artifacts: true },
        ...(reviewApps ? [{ job: REVIEW_JOB, artifacts: true, optional: true }] : []),
      ],
      ...reviewVariables(reviewApps),
      script: [`${HEROKU_FLOW_BIN} note --out ${PLAN_DIR}`],
    },
  };
}

/** The scheduled check for changes made outside Terraform. */
export function driftJob(): NamedGitlabJob {
  return {
    name: "drift",
    comment: "A pipeline schedule (CI/CD > Schedules) on the default branch runs this: one issue per drifting stack.",
    job: {
      stage: "plan",
      rules: [{ if: SCHEDULE }],
      script: [`${HEROKU_FLOW_BIN} drift --issues`],
      allow_failure: { exit_codes: [DRIFT_FOUND_EXIT] },
    },
  };
}
