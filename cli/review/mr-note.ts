import type { AttributeChange } from "./attribute-changes";
import { costAlertText, DEFAULT_COST_THRESHOLD_USD, stackCostText, totalCostText } from "./cost-summary";
import { codeBlock, codeSpan, collapsed, escapeHtml, escapeTableCell } from "./markdown";
import type { ResourceChangeSummary } from "./resource-change-summary";
import { SENSITIVE } from "./sensitive-values";
import type { StackSummary } from "./stack-summary";
import {
  CHANGE_GROUPS,
  COUNT_COLUMNS,
  counted,
  countsText,
  stacksText,
  statusLabel,
  symbolLabel,
} from "./summary-text";

/** The first line of every note: how the pipeline finds its own note to update instead of adding another. */
export const NOTE_MARKER = "<!-- heroku-flow:mr-plan -->";

/** GitLab's limit on the length of a note (characters). */
export const GITLAB_NOTE_LIMIT = 1_000_000;

/** What the note says beyond the plans: which commit, where the pipeline is, what merging and tagging will do. */
export interface NoteContext {
  /** The commit planned (the merge request's head); shown as its first 8 characters. */
  readonly headSha: string;
  /**
   * The pipeline that planned, where the full plans are.
   *
   * @default - no link
   */
  readonly pipelineUrl?: string;
  /** What merging does, in Markdown, e.g. "`staging` is deployed by the `deploy:staging` job." */
  readonly onMerge: string;
  /** What a `v*` tag does, in Markdown. */
  readonly onTag: string;
  /**
   * The merge request's review app.
   *
   * @default - no review app line
   */
  readonly reviewApp?: { readonly url: string; readonly expiresIn: string };
  /**
   * The monthly cost difference (USD, either way) above which the note calls the cost out beside the risks.
   *
   * @default 50
   */
  readonly costThresholdUsd?: number;
}

/** Options of {@link renderNote}. */
export interface NoteOptions {
  /**
   * The longest note to return, in characters.
   *
   * @default 1,000,000 (GitLab's note limit)
   */
  readonly limit?: number;
}

/** A part of the note that may be cut to fit the limit, and how the cut is reported. */
interface CuttableSection {
  readonly text: string;
  /** Lower is cut first. */
  readonly cutRank: number;
  /** Named in the line that reports cuts, e.g. "details of `staging`". */
  readonly name: string;
}

/**
 * The merge-request note for the plans of `summaries` (in the order given): marker, status line, a banner of every
 * deletion and replacement, a table of the stacks, then collapsed details per stack, the drift, and what happens next.
 * Secrets never appear: values are shown only where {@link StackSummary} kept them.
 *
 * When the note would pass `limit`, whole sections are cut — per-stack details from the last stack up, then the drift,
 * then the next steps — and a line says what was cut and where the full plan is. The marker, status line, banner and
 * table always stay; if they alone pass the limit, the banner keeps only each risky change's stack, address and
 * symbol (the note may then still pass the limit: no risky address is ever dropped).
 */
export function renderNote(summaries: StackSummary[], context: NoteContext, options: NoteOptions = {}): string {
  const limit = options.limit ?? GITLAB_NOTE_LIMIT;
  const costAlert = costAlertText(summaries, context.costThresholdUsd ?? DEFAULT_COST_THRESHOLD_USD);
  const totalCost = totalCostText(summaries);
  const head = (banner: string) => [
    NOTE_MARKER,
    statusLine(summaries, context),
    banner,
    ...(costAlert !== undefined ? [`> [!note]\n> **Monthly cost ${costAlert}**`] : []),
    stackTable(summaries),
    ...(totalCost !== undefined ? [`**Monthly cost:** ${totalCost}.`] : []),
  ];
  const sections = cuttableSections(summaries, context);
  const cutOrder = [...sections].sort((a, b) => a.cutRank - b.cutRank);
  const compose = (banner: string, cut: readonly CuttableSection[]) => {
    const kept = sections.filter((section) => !cut.includes(section));
    const cutInNoteOrder = sections.filter((section) => cut.includes(section));
    const notice = cut.length > 0 ? [cutNotice(cutInNoteOrder, context)] : [];
    return [...head(banner), ...notice, ...kept.map((section) => section.text)].join("\n\n") + "\n";
  };
  for (let cuts = 0; cuts <= cutOrder.length; cuts += 1) {
    const note = compose(riskBanner(summaries, "full"), cutOrder.slice(0, cuts));
    if (note.length <= limit) return note;
  }
  const shortened = compose(riskBanner(summaries, "short"), cutOrder);
  if (shortened.length <= limit) return shortened;
  return compose(riskBanner(summaries, "addresses"), cutOrder);
}

function statusLine(summaries: readonly StackSummary[], context: NoteContext): string {
  const parts = [`**Terraform plan** for ${codeSpan(context.headSha.slice(0, 8))}`];
  if (context.pipelineUrl !== undefined) parts.push(`[pipeline](${context.pipelineUrl})`);
  parts.push(stacksText(summaries));
  const drifted = summaries.filter((summary) => summary.drift.length > 0).length;
  if (drifted > 0) parts.push(`${drifted} with changes made outside Terraform`);
  return parts.join(" · ");
}

type BannerDetail = "full" | "short" | "addresses";

/** Every deletion, replacement and forget of every stack, or one line saying there is none. */
function riskBanner(summaries: readonly StackSummary[], detail: BannerDetail): string {
  const risky = summaries.flatMap((summary) => summary.risks.map((change) => ({ stack: summary.stack, change })));
  if (risky.length === 0) return "No deletions or replacements.";
  const title = `**${risky.length === 1 ? "1 deletion or replacement" : `${risky.length} deletions or replacements`}** — check before merging:`;
  const entries =
    detail === "addresses"
      ? [risky.map(({ stack, change }) => `${codeSpan(stack)} ${codeSpan(change.address)}`).join(", ")]
      : risky.map(({ stack, change }) => `- ${riskEntry(stack, change, detail)}`);
  const shortenedNote = detail === "full" ? [] : ["", "_Details shortened to fit GitLab's note limit._"];
  return ["[!warning]", title, "", ...entries, ...shortenedNote].map((line) => `> ${line}`.trimEnd()).join("\n");
}

function riskEntry(stack: string, change: ResourceChangeSummary, detail: BannerDetail): string {
  const where = `${codeSpan(stack)} ${addressText(change)} ${codeSpan(change.symbol)}`;
  if (detail !== "full") return where;
  const facts = [symbolLabel(change.symbol)];
  if (change.reason !== undefined) facts.push(`reason ${codeSpan(change.reason)}`);
  if (change.replacePaths.length > 0) facts.push(`forced by ${change.replacePaths.map(codeSpan).join(", ")}`);
  if (change.constructPath !== undefined) facts.push(`construct ${codeSpan(change.constructPath)}`);
  const callOut = change.callOut !== undefined ? ` — **${change.callOut}**` : "";
  return `${where} ${facts.join("; ")}${callOut}`;
}

function stackTable(summaries: readonly StackSummary[]): string {
  // The cost column only where a stack has a cost: notes of plans made without prices read as before.
  const withCost = summaries.some((summary) => summary.cost !== undefined);
  const header = [
    "Stack",
    "Status",
    ...COUNT_COLUMNS.map(capitalize),
    "Outputs",
    "Drift",
    ...(withCost ? ["Cost/month"] : []),
  ];
  const rows = summaries.map((summary) => {
    const failed = summary.status === "failed";
    const counts = COUNT_COLUMNS.map((kind) => (failed ? "–" : String(summary.counts[kind])));
    const outputs = failed ? "–" : String(summary.outputChanges.length);
    const drift = failed ? "–" : String(summary.drift.length);
    const cost = withCost ? [escapeTableCell(stackCostText(summary, "–"))] : [];
    return [escapeTableCell(codeSpan(summary.stack)), statusLabel(summary.status), ...counts, outputs, drift, ...cost];
  });
  const alignment = header.map((_, column) => (column < 2 ? "---" : "---:"));
  return [header, alignment, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Per-stack details (rank by stack, the last cut first), then the drift, then the next steps. */
function cuttableSections(summaries: readonly StackSummary[], context: NoteContext): CuttableSection[] {
  const details = summaries
    .map((summary, position) => ({ summary, position }))
    .filter(({ summary }) => summary.status !== "no-changes")
    .map(({ summary, position }) => ({
      text: summary.status === "failed" ? failedDetails(summary) : changeDetails(summary),
      cutRank: summaries.length - position,
      name: `details of ${codeSpan(summary.stack)}`,
    }));
  const sections: CuttableSection[] = [...details];
  const drift = driftSection(summaries);
  if (drift !== undefined)
    sections.push({ text: drift, cutRank: summaries.length + 1, name: "changes made outside Terraform" });
  sections.push({ text: nextSteps(context), cutRank: summaries.length + 2, name: "what happens next" });
  return sections;
}

function changeDetails(summary: StackSummary): string {
  const groups = CHANGE_GROUPS.map((group) => ({ title: group.title, changes: summary.changes.filter(group.matches) }))
    .filter((group) => group.changes.length > 0)
    .map((group) => [`**${group.title}**`, "", ...group.changes.map(changeEntry)].join("\n"));
  if (summary.outputChanges.length > 0) {
    const outputs = summary.outputChanges.map((output) => `- ${codeSpan(output.name)} (${output.action})`);
    groups.push(["**Outputs**", "", ...outputs].join("\n"));
  }
  const title = `<code>${escapeHtml(summary.stack)}</code>: ${escapeHtml(countsText(summary))}`;
  return collapsed(title, groups.join("\n\n"));
}

function failedDetails(summary: StackSummary): string {
  const title = `<code>${escapeHtml(summary.stack)}</code>: failed`;
  return collapsed(title, codeBlock(summary.message ?? ""));
}

/** One change: symbol, address, construct path, what else happens to it, then its attributes one per line. */
function changeEntry(change: ResourceChangeSummary): string {
  const facts: string[] = [];
  if (change.constructPath !== undefined) facts.push(codeSpan(change.constructPath));
  if (change.previousAddress !== undefined) facts.push(`moved from ${codeSpan(change.previousAddress)}`);
  if (change.importId !== undefined) facts.push(`imported from id ${codeSpan(change.importId)}`);
  if (change.reason !== undefined) facts.push(`reason ${codeSpan(change.reason)}`);
  const symbol = change.symbol !== "" ? `${codeSpan(change.symbol)} ` : "";
  const line = `- ${symbol}${addressText(change)}${facts.length > 0 ? ` — ${facts.join("; ")}` : ""}`;
  const forcing = new Set(change.replacePaths);
  return [line, ...change.attributes.map((attribute) => `  - ${attributeText(attribute, forcing)}`)].join("\n");
}

function addressText(change: ResourceChangeSummary): string {
  return change.deposed !== undefined
    ? `${codeSpan(change.address)} (deposed object ${codeSpan(change.deposed)})`
    : codeSpan(change.address);
}

function attributeText(attribute: AttributeChange, forcing: ReadonlySet<string>): string {
  const forces = forcing.has(attribute.path) ? " (forces replacement)" : "";
  if (attribute.sensitive) return `${codeSpan(attribute.path)}: ${SENSITIVE}${forces}`;
  const before = attribute.before !== undefined ? codeSpan(attribute.before) : "(none)";
  const after = attribute.after !== undefined ? codeSpan(attribute.after) : "(none)";
  const values = attribute.before === undefined ? after : `${before} → ${after}`;
  return `${codeSpan(attribute.path)}: ${values}${forces}`;
}

/** Drift of every stack, in one collapsed section apart from the changes the plan makes. */
function driftSection(summaries: readonly StackSummary[]): string | undefined {
  const drifted = summaries.filter((summary) => summary.drift.length > 0);
  if (drifted.length === 0) return undefined;
  const total = drifted.reduce((sum, summary) => sum + summary.drift.length, 0);
  const ignored = summaries.reduce((sum, summary) => sum + summary.ignoredDrift, 0);
  const intro =
    "Terraform found these objects changed since the last apply. The plan does not cause these changes; " +
    "where it updates the same attributes, applying it undoes them." +
    (ignored > 0 ? ` ${ignored} more changed outside Terraform in ways this plan does not depend on.` : "");
  const perStack = drifted.map((summary) =>
    [`**${codeSpan(summary.stack)}**`, "", ...summary.drift.map(changeEntry)].join("\n"),
  );
  const title = `Changed outside Terraform: ${counted(total, "resource")} in ${counted(drifted.length, "stack")}`;
  return collapsed(escapeHtml(title), [intro, ...perStack].join("\n\n"));
}

function nextSteps(context: NoteContext): string {
  const lines = [
    "#### What happens next",
    "",
    `- **On merge:** ${context.onMerge}`,
    `- **On a \`v*\` tag:** ${context.onTag}`,
  ];
  if (context.reviewApp !== undefined) {
    const { url, expiresIn } = context.reviewApp;
    lines.push(`- **Review app:** <${url}> (expires in ${expiresIn})`);
  }
  return lines.join("\n");
}

/** Says what was cut (in the order the note would have shown it) and where the whole plan is. */
function cutNotice(cut: readonly CuttableSection[], context: NoteContext): string {
  const where =
    context.pipelineUrl !== undefined ? `the [pipeline](${context.pipelineUrl})` : "the pipeline that made this note";
  const names = cut.map((section) => section.name).join(", ");
  return `_Cut to fit GitLab's note limit: ${names}. The full plans are in ${where}._`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
