import type { StackSummary } from "./stack-summary";

/** The report GitLab's merge-request widget reads from `artifacts:reports:terraform`. */
export interface TerraformReport {
  readonly create: number;
  readonly update: number;
  readonly delete: number;
}

/**
 * The stack's GitLab Terraform report, `{"create":N,"update":N,"delete":N}` in that key order, counted the way GitLab
 * counts when it builds the report itself: every `create`, `update` and `delete` in the flattened `change.actions` of
 * the resource changes. So a replace counts as one create AND one delete, a deposed object's delete as a delete, and
 * an import or move without another action, a forget and a data source read not at all — the widget then agrees with
 * GitLab's own templates. A failed stack reports zeros; the note says it failed.
 */
export function terraformReport(summary: StackSummary): TerraformReport {
  const flattened = summary.changes.flatMap((change) => change.actions);
  const count = (action: string) => flattened.filter((candidate) => candidate === action).length;
  return { create: count("create"), update: count("update"), delete: count("delete") };
}
