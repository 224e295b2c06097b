import * as fs from "node:fs";
import * as path from "node:path";
import { parseCommandArgs } from "../args";
import type { Command } from "../command";
import { readManifest } from "../engine/manifest";
import { GITLAB_NOTE_LIMIT, NOTE_MARKER, renderNote, type StackSummary } from "../review";
import { CiContext } from "../platform/ci-context";
import type { FlowManifest, FlowManifestStack } from "../engine/manifest";
import { GitlabProjectApi } from "../platform/gitlab-api";
import { SUMMARY_FILE } from "./plan";
import { COST_THRESHOLD_SETTING, costThresholdFrom } from "../cost/cost-settings";

/** `heroku-flow note`. */
export const note: Command = {
  name: "note",
  summary: "create or update the merge request's plan note from what plan wrote",
  help: `usage: heroku-flow note [--out DIR]

Writes the merge request's plan note from what \`heroku-flow plan\` left in DIR (default flow-plan): one note per merge
request, found by its hidden marker and updated in place on every push. What merging and tagging deploy comes from
the manifest (cdktf.out/heroku-flow.json); the review app's URL from APP_URL (the review job's dotenv report).

Reads CI_MERGE_REQUEST_IID, CI_API_V4_URL, CI_PROJECT_ID, CI_COMMIT_SHA and FLOW_GITLAB_TOKEN (a project access token,
Reporter, api scope: the job token may not write notes). The note calls out a monthly cost difference above
${COST_THRESHOLD_SETTING} (USD, default 50).
Exit codes: 0 note written, 1 an error, 2 usage.`,
  async run(args, context) {
    const { values } = parseCommandArgs("note", args, { out: { type: "string", default: "flow-plan" } });
    return noteCommand(
      { env: context.env, print: context.print, manifest: readManifest(path.join(context.dir, "cdktf.out")) },
      { outDir: path.resolve(context.dir, values.out!) },
    );
  },
};

/** What `heroku-flow note` works with: no Terraform, only the manifest and what `plan` wrote. */
export interface NoteSession {
  readonly env: NodeJS.ProcessEnv;
  readonly print: (line: string) => void;
  readonly manifest: FlowManifest;
}

/** Options of `heroku-flow note`. */
export interface NoteCommandOptions {
  /** Where `heroku-flow plan` wrote the summaries. */
  readonly outDir: string;
}

/**
 * `heroku-flow note`: writes the merge request's plan note from what `heroku-flow plan` left in `outDir` — one note per
 * merge request, found by its hidden marker and updated in place on every push. What merging and tagging deploy comes
 * from the manifest (each stack's `deployOn`), the review app's URL from the review
 * job's dotenv report (`APP_URL`) and its lifetime from the manifest's `review.autoStopIn`, the value the review job's
 * `auto_stop_in` uses.
 */
export async function noteCommand(session: NoteSession, options: NoteCommandOptions): Promise<number> {
  const ci = new CiContext(session.env);
  const iid = ci.mergeRequestIid;
  if (!iid) throw new Error("CI_MERGE_REQUEST_IID is not set: notes are written in merge-request pipelines only");
  const summaryPath = path.join(options.outDir, SUMMARY_FILE);
  if (!fs.existsSync(summaryPath)) throw new Error(`${summaryPath} does not exist: run \`heroku-flow plan\` first`);
  const summaries = JSON.parse(fs.readFileSync(summaryPath, "utf8")).map((summary: StackSummary) => ({
    ...summary,
    secrets: [],
  })) as StackSummary[];

  const env = session.env;
  const costThresholdUsd = costThresholdFrom(env);
  const onMerge = stackList(session.manifest.stacks.filter((stack) => stack.deployOn === "merge"));
  const onTag = stackList(session.manifest.stacks.filter((stack) => stack.deployOn === "tag"));
  const reviewUrl = env.APP_URL;
  const body = renderNote(summaries, {
    headSha: ci.headSha,
    pipelineUrl: ci.pipelineUrl,
    costThresholdUsd,
    onMerge: onMerge
      ? `${onMerge} deployed from the default branch; this merge request's review app is destroyed.`
      : "Nothing is deployed from the default branch.",
    onTag: onTag ? `${onTag} deployed from the protected tag.` : "Nothing is deployed from release tags.",
    ...(reviewUrl && session.manifest.review
      ? { reviewApp: { url: reviewUrl, expiresIn: session.manifest.review.autoStopIn } }
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

function stackList(stacks: readonly FlowManifestStack[]): string {
  return stacks.map((stack) => `\`${stack.name}\``).join(", ");
}
