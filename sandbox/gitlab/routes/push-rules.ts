import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Store } from "../../store";
import { roleOn } from "../models/members";
import { findProject } from "../models/projects";
import { addPushRule, deletePushRule, editPushRule, pushRuleOf } from "../models/push-rules";
import type { ProjectRecord, PushRuleSettings } from "../models/records";
import { ADMINISTRATOR } from "../models/users";
import { GitlabError } from "./exceptions";
import { renderPushRule } from "./render";
import { body, booleanFlag, flag, integer, string } from "./schemas";
import { callerOf } from "./users";

type PushRuleBody = Partial<Record<keyof PushRuleSettings, string | boolean | number>>;

const PATTERNS = [
  "commit_message_regex",
  "commit_message_negative_regex",
  "branch_name_regex",
  "author_email_regex",
  "file_name_regex",
] as const;
const CHECKS = [
  "deny_delete_tag",
  "member_check",
  "prevent_secrets",
  "commit_committer_check",
  "commit_committer_name_check",
  "reject_unsigned_commits",
  "reject_non_dco_commits",
] as const;

const pushRuleBody = body({
  ...Object.fromEntries(PATTERNS.map((name) => [name, string])),
  ...Object.fromEntries(CHECKS.map((name) => [name, booleanFlag])),
  max_file_size: integer,
});

/** The settings a request names, as the model keeps them. */
function settingsOf(request: PushRuleBody): Partial<PushRuleSettings> {
  const settings: Partial<PushRuleSettings> = {};
  for (const name of PATTERNS) if (request[name] !== undefined) settings[name] = String(request[name]);
  for (const name of CHECKS) {
    const value = flag(request[name] as boolean | string | undefined);
    if (value !== undefined) settings[name] = value;
  }
  if (request.max_file_size !== undefined) settings.max_file_size = Number(request.max_file_size);
  return settings;
}

/**
 * Routes: the project's push rule (Premium). Only a maintainer or an administrator may see or change it; anyone else
 * is refused with 403, as GitLab's `authorize_admin_project`.
 */
export function pushRuleRoutes(server: FastifyInstance, store: Store): void {
  const administeredProject = (request: FastifyRequest<{ Params: { id: string } }>): ProjectRecord => {
    const project = findProject(store.data, request.params.id);
    const caller = callerOf(store, request);
    if (roleOn(store.data, project, caller, caller.id === ADMINISTRATOR.id) < 40) {
      throw new GitlabError(403, { message: "403 Forbidden" });
    }
    return project;
  };

  // A project without a push rule answers 200 with `null`, which clients read as "no rule yet".
  server.get<{ Params: { id: string } }>("/projects/:id/push_rule", async (request, reply) => {
    const rule = pushRuleOf(store.data, administeredProject(request));
    return reply.type("application/json").send(rule ? JSON.stringify(renderPushRule(rule)) : "null");
  });

  server.post<{ Params: { id: string }; Body: PushRuleBody }>(
    "/projects/:id/push_rule",
    { schema: { body: pushRuleBody } },
    async (request, reply) => {
      const rule = addPushRule(store.data, administeredProject(request), settingsOf(request.body));
      return reply.code(201).send(renderPushRule(rule));
    },
  );

  server.put<{ Params: { id: string }; Body: PushRuleBody }>(
    "/projects/:id/push_rule",
    { schema: { body: pushRuleBody } },
    async (request) => renderPushRule(editPushRule(store.data, administeredProject(request), settingsOf(request.body))),
  );

  server.delete<{ Params: { id: string } }>("/projects/:id/push_rule", async (request, reply) => {
    deletePushRule(store.data, administeredProject(request));
    return reply.code(204).send();
  });
}
