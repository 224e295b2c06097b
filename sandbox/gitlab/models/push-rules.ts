import { nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { AlreadyExistsError, NotFoundError } from "./errors";
import type { ProjectRecord, PushRuleRecord, PushRuleSettings } from "./records";

/** A push rule's settings before anything is set: no patterns, no checks, no size limit. */
export const EMPTY_PUSH_RULE: Readonly<PushRuleSettings> = {
  commit_message_regex: "",
  commit_message_negative_regex: "",
  branch_name_regex: "",
  author_email_regex: "",
  file_name_regex: "",
  deny_delete_tag: false,
  member_check: false,
  prevent_secrets: false,
  commit_committer_check: false,
  commit_committer_name_check: false,
  reject_unsigned_commits: false,
  reject_non_dco_commits: false,
  max_file_size: 0,
};

/** The project's push rule, if it has one (a project starts without). */
export function pushRuleOf(data: StoreData, project: ProjectRecord): PushRuleRecord | undefined {
  return data.gitlab.pushRules.find((r) => r.projectId === project.id);
}

/** Adds the project's push rule; a project has at most one. */
export function addPushRule(
  data: StoreData,
  project: ProjectRecord,
  settings: Partial<PushRuleSettings>,
): PushRuleRecord {
  if (pushRuleOf(data, project)) throw new AlreadyExistsError("Project push rule exists");
  const rules = data.gitlab.pushRules;
  const rule: PushRuleRecord = {
    id: Math.max(0, ...rules.map((r) => r.id)) + 1,
    projectId: project.id,
    settings: { ...EMPTY_PUSH_RULE, ...settings },
    createdAt: nowIso(),
  };
  rules.push(rule);
  return rule;
}

/** Changes the settings a request names; the others keep their values. */
export function editPushRule(
  data: StoreData,
  project: ProjectRecord,
  settings: Partial<PushRuleSettings>,
): PushRuleRecord {
  const rule = pushRuleOf(data, project);
  if (!rule) throw new NotFoundError("Push Rule");
  rule.settings = { ...rule.settings, ...settings };
  return rule;
}

export function deletePushRule(data: StoreData, project: ProjectRecord): void {
  const rule = pushRuleOf(data, project);
  if (!rule) throw new NotFoundError("Push Rule");
  data.gitlab.pushRules = data.gitlab.pushRules.filter((r) => r !== rule);
}
