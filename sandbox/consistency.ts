import type { StoreData } from "./store";

/**
 * Walks every reference in the state and returns what is broken, one sentence each (empty when consistent): records
 * pointing at apps, add-ons, pipelines or projects that do not exist, names that must be unique and are not, release
 * versions with gaps, attachments whose config vars are missing. The load benchmark and its test run it after many
 * concurrent clients created and deleted things.
 */
export function checkConsistency(data: StoreData): string[] {
  const problems: string[] = [];
  const apps = new Map(data.apps.map((app) => [app.id, app]));
  const addons = new Set(data.addons.map((addon) => addon.id));
  const pipelines = new Set(data.pipelines.map((pipeline) => pipeline.id));
  const projects = new Set(data.gitlab.projects.map((project) => project.id));

  const unique = (kind: string, keys: string[]): void => {
    problems.push(...repeated(kind, keys));
  };
  const needApp = (kind: string, id: string, appId: string): void => {
    if (!apps.has(appId)) problems.push(`${kind} ${id} refers to missing app ${appId}`);
  };

  unique(
    "app name",
    data.apps.map((a) => a.name),
  );
  unique(
    "add-on name",
    data.addons.map((a) => a.name),
  );
  unique(
    "pipeline name",
    data.pipelines.map((p) => p.name),
  );
  for (const app of data.apps) {
    const versions = data.releases.filter((r) => r.appId === app.id).map((r) => r.version);
    const expected = versions.map((_, i) => i + 1);
    if (JSON.stringify([...versions].sort((a, b) => a - b)) !== JSON.stringify(expected) || versions.length === 0) {
      problems.push(`app ${app.name} has release versions ${versions.join(",")}, not 1..n`);
    }
  }
  for (const release of data.releases) needApp("release", release.id, release.appId);
  for (const addon of data.addons) needApp("add-on", addon.name, addon.appId);
  for (const attachment of data.attachments) {
    needApp("attachment", attachment.id, attachment.appId);
    if (!addons.has(attachment.addonId)) problems.push(`attachment ${attachment.id} refers to a missing add-on`);
    const app = apps.get(attachment.appId);
    const addon = data.addons.find((a) => a.id === attachment.addonId);
    if (app && addon?.service === "heroku-postgresql" && !(`${attachment.name}_URL` in app.configVars)) {
      problems.push(`app ${app.name} lacks ${attachment.name}_URL of its attachment`);
    }
  }
  unique(
    "attachment",
    data.attachments.map((a) => `${a.appId}/${a.name}`),
  );
  for (const coupling of data.couplings) {
    needApp("coupling", coupling.id, coupling.appId);
    if (!pipelines.has(coupling.pipelineId)) problems.push(`coupling ${coupling.id} refers to a missing pipeline`);
  }
  unique(
    "coupling of app",
    data.couplings.map((c) => c.appId),
  );
  for (const formation of data.formations) needApp("formation", formation.id, formation.appId);
  unique(
    "process type",
    data.formations.map((f) => `${f.appId}/${f.type}`),
  );
  for (const domain of data.domains) needApp("domain", domain.hostname, domain.appId);
  unique(
    "domain",
    data.domains.map((d) => d.hostname),
  );
  for (const drain of data.drains) needApp("drain", drain.id, drain.appId);
  for (const endpoint of data.sniEndpoints) needApp("SNI endpoint", endpoint.name, endpoint.appId);
  for (const domain of data.domains.filter((d) => d.sniEndpointId !== null)) {
    const endpoint = data.sniEndpoints.find((e) => e.id === domain.sniEndpointId);
    if (endpoint?.appId !== domain.appId) problems.push(`domain ${domain.hostname} refers to a missing SNI endpoint`);
  }

  const gitlab = data.gitlab;
  const needProject = (kind: string, id: string, projectId: number): void => {
    if (!projects.has(projectId)) problems.push(`${kind} ${id} refers to missing project ${projectId}`);
  };
  unique(
    "project",
    gitlab.projects.map((p) => `${p.namespacePath}/${p.path}`),
  );
  const ids = [
    ...gitlab.projects.map((p) => p.id),
    ...gitlab.environments.map((e) => e.id),
    ...gitlab.protectedTags.flatMap((t) => t.createAccessLevels.map((l) => l.id)),
    ...gitlab.protectedEnvironments.flatMap((e) => [...e.deployAccessLevels, ...e.approvalRules].map((l) => l.id)),
  ];
  unique("GitLab id", ids.map(String));
  if (ids.some((id) => id >= gitlab.nextId)) problems.push(`a GitLab id is not below nextId ${gitlab.nextId}`);
  for (const variable of gitlab.variables) needProject("variable", variable.key, variable.projectId);
  unique(
    "variable",
    gitlab.variables.map((v) => `${v.projectId}/${v.key}/${v.environmentScope}`),
  );
  for (const environment of gitlab.environments) needProject("environment", environment.name, environment.projectId);
  unique(
    "environment",
    gitlab.environments.map((e) => `${e.projectId}/${e.name}`),
  );
  const users = new Set([1, ...gitlab.users.map((user) => user.id)]);
  const groups = new Set(gitlab.groups.map((group) => group.id));
  for (const member of gitlab.projectMembers) {
    needProject("member", String(member.userId), member.projectId);
    if (!users.has(member.userId))
      problems.push(`member of project ${member.projectId} is missing user ${member.userId}`);
  }
  for (const share of gitlab.groupShares) {
    needProject("share", String(share.id), share.projectId);
    if (!groups.has(share.groupId)) problems.push(`share ${share.id} refers to missing group ${share.groupId}`);
  }
  for (const token of gitlab.personalAccessTokens) {
    if (!users.has(token.userId)) problems.push(`token ${token.id} refers to missing user ${token.userId}`);
  }
  for (const rule of gitlab.pushRules) needProject("push rule", String(rule.id), rule.projectId);
  for (const tag of gitlab.protectedTags) needProject("protected tag", tag.name, tag.projectId);
  for (const env of gitlab.protectedEnvironments) needProject("protected environment", env.name, env.projectId);
  for (const state of data.terraformStates) {
    needProject("Terraform state", state.name, state.projectId);
    if (state.lock && !state.lock.ID) problems.push(`Terraform state ${state.name} has a lock without an ID`);
    if (state.body !== null) {
      try {
        JSON.parse(state.body);
      } catch {
        problems.push(`Terraform state ${state.name} is not JSON`);
      }
    }
  }
  unique(
    "Terraform state",
    data.terraformStates.map((s) => `${s.projectId}/${s.name}`),
  );
  problems.push(...circleciProblems(data.circleci));
  problems.push(...dokkuProblems(data.dokku));
  return problems;
}

/**
 * The Dokku part: app and service names the server keeps unique, and links of a service and an app that exist (once
 * each). A linked app's `<alias>_URL` is not checked: Dokku lets it be unset by hand, link or not.
 */
function dokkuProblems(dokku: StoreData["dokku"]): string[] {
  const problems: string[] = [
    ...repeated(
      "Dokku app name",
      dokku.apps.map((app) => app.name),
    ),
    ...repeated(
      "Dokku Postgres service name",
      dokku.postgresServices.map((service) => service.name),
    ),
    ...repeated(
      "Dokku link",
      dokku.postgresLinks.map((link) => `${link.service}/${link.app}`),
    ),
  ];
  const services = new Set(dokku.postgresServices.map((service) => service.name));
  const apps = new Set(dokku.apps.map((app) => app.name));
  for (const link of dokku.postgresLinks) {
    if (!services.has(link.service))
      problems.push(`Dokku link ${link.service}/${link.app} refers to a missing service`);
    if (!apps.has(link.app)) problems.push(`Dokku link ${link.service}/${link.app} refers to a missing app`);
  }
  return problems;
}

/**
 * The CircleCI part: variables and restrictions of projects and contexts that exist, a project restriction naming a
 * project the sandbox has, and the names CircleCI keeps unique (a slug; a context's name in its owner; a variable's
 * name in its project or context).
 */
function circleciProblems(circleci: StoreData["circleci"]): string[] {
  const problems: string[] = [];
  const projects = new Set(circleci.projects.map((project) => project.id));
  const contexts = new Set(circleci.contexts.map((context) => context.id));
  const unique = (kind: string, keys: string[]): void => {
    problems.push(...repeated(`CircleCI ${kind}`, keys));
  };
  unique(
    "project id",
    circleci.projects.map((p) => p.id),
  );
  unique(
    "project slug",
    circleci.projects.map((p) => p.slug),
  );
  unique(
    "context name",
    circleci.contexts.map((c) => `${c.ownerType}:${c.ownerId}/${c.name}`),
  );
  for (const variable of circleci.projectVariables) {
    if (!projects.has(variable.projectId))
      problems.push(`CircleCI project variable ${variable.name} refers to a missing project`);
  }
  unique(
    "project variable",
    circleci.projectVariables.map((v) => `${v.projectId}/${v.name}`),
  );
  for (const variable of circleci.contextVariables) {
    if (!contexts.has(variable.contextId))
      problems.push(`CircleCI context variable ${variable.name} refers to a missing context`);
  }
  unique(
    "context variable",
    circleci.contextVariables.map((v) => `${v.contextId}/${v.name}`),
  );
  for (const restriction of circleci.restrictions) {
    if (!contexts.has(restriction.contextId)) {
      problems.push(`CircleCI restriction ${restriction.id} refers to a missing context`);
    }
    if (restriction.type === "project" && !projects.has(restriction.value)) {
      problems.push(`CircleCI restriction ${restriction.id} refers to missing project ${restriction.value}`);
    }
  }
  return problems;
}

/** One sentence for each key met again after its first time: `<kind> <key> is not unique`. */
function repeated(kind: string, keys: string[]): string[] {
  const seen = new Set<string>();
  const sentences: string[] = [];
  for (const key of keys) {
    if (seen.has(key)) sentences.push(`${kind} ${key} is not unique`);
    seen.add(key);
  }
  return sentences;
}
