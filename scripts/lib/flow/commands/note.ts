import * as fs from "node:fs";
import * as path from "node:path";
import { GITLAB_NOTE_LIMIT, NOTE_MARKER, renderNote, type StackSummary } from "../../review";
import { CiContext } from "../ci-context";
import type { FlowSession } from "../flow-session";
import { GitlabProjectApi } from "../gitlab-api";
import { SUMMARY_FILE } from "./plan";

/** Options of `flow note`. */
export interface NoteCommandOptions {
  /** Where `flow plan` wrote the summaries. */
  readonly outDir: string;
}

/**
 * `flow note`: writes the merge request's plan note from what `flow plan` left in `outDir` — one note per merge
 * request, found by its hidden marker and updated in place on every push. What merging and tagging deploy comes from
 * the pipeline's own variables (`FLOW_ON_MERGE_STACKS`, `FLOW_ON_TAG_STACKS`), the review app's URL from the review
 * job's dotenv report (`APP_URL`) and its lifetime from `REVIEW_APP_AUTO_STOP_IN`, the value the review job's
 * `auto_stop_in` uses.
 */
export async function noteCommand(session: FlowSession, options: NoteCommandOptions): Promise<number> {
  const ci = new CiContext(session.env);
  const iid = ci.mergeRequestIid;
  if (!iid) throw new Error("CI_MERGE_REQUEST_IID is not set: notes are written in merge-request pipelines only");
  const summaryPath = path.join(options.outDir, SUMMARY_FILE);
  if (!fs.existsSync(summaryPath)) throw new Error(`${summaryPath} does not exist: run \`flow plan\` first`);
  const summaries = JSON.parse(fs.readFileSync(summaryPath, "utf8")).map((summary: StackSummary) => ({
    ...summary,
    secrets: [],
  })) as StackSummary[];

  const env = session.env;
  const onMerge = stackList(env.FLOW_ON_MERGE_STACKS);
  const onTag = stackList(env.FLOW_ON_TAG_STACKS);
  const reviewUrl = env.APP_URL;
  const body = renderNote(summaries, {
    headSha: ci.headSha,
    pipelineUrl: ci.pipelineUrl,
    onMerge: onMerge
      ? `${onMerge} deployed from the default branch; this merge request's review app is destroyed.`
      : "Nothing is deployed (FLOW_ON_MERGE_STACKS is empty).",
    onTag: onTag ? `${onTag} deployed from the protected tag.` : "Nothing is deployed (FLOW_ON_TAG_STACKS is empty).",
    ...(reviewUrl
      ? { reviewApp: { url: reviewUrl, expiresIn: env.REVIEW_APP_AUTO_STOP_IN || "when the merge request closes" } }
      : {}),
  });
  if (body.length > GITLAB_NOTE_LIMIT) {
    // Only when the risky addresses alone exceed GitLab's limit: posting would fail, cutting one would hide a risk.
    throw new Error(
      `the note has ${body.length} characters even with every section cut (GitLab takes ${GITLAB_NOTE_LIMIT}): ` +
        `see the plan job's summary.txt`,
    );
  }
  const outcome = await GitlabProjectApi.fromCi(ci).upsertMergeRequestNote(iid, NOTE_MARKER, body);
  fs.writeFileSync(path.join(options.outDir, "note.md"), body);
  session.print(`${outcome === "created" ? "Created" : "Updated"} the plan note of merge request !${iid}`);
  return 0;
}

function stackList(value: string | undefined): string {
  return (value ?? "")
    .split(/\s+/)
    .filter((stack) => stack !== "")
    .map((stack) => `\`${stack}\``)
    .join(", ");
}
