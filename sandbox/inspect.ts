import type { StoreData } from "./store";

/** Config var names whose values are credentials. */
const SECRET_NAME = /(KEY|SECRET|TOKEN|PASSWORD|PASS|CREDENTIAL|PRIVATE|_URL$)/i;

/** Masks values that look secret: by name, or URLs with embedded credentials. */
function shown(name: string, value: string): string {
  return SECRET_NAME.test(name) || /:\/\/[^/\s]*:[^/\s]*@/.test(value) ? "****" : value;
}

/** The serial of a Terraform state document: "-" before the first upload, "?" when the document has none. */
function serialOf(body: string | null): string {
  if (body === null) return "-";
  try {
    const serial = (JSON.parse(body) as { serial?: unknown }).serial;
    return typeof serial === "number" ? String(serial) : "?";
  } catch {
    return "?";
  }
}

/** A human-readable summary of the sandbox state, with secrets masked; what `cli.ts inspect` prints. */
export function describeState(data: StoreData, baseUrl: string): string {
  const lines: string[] = [];
  const appName = (id: string): string => data.apps.find((a) => a.id === id)?.name ?? id;
  lines.push(`Sandbox at ${baseUrl}`, "", `Heroku apps (${data.apps.length}):`);
  for (const app of data.apps) {
    const team = app.team ? ` team=${app.team}` : "";
    lines.push(
      `  ${app.name}  https://${app.name}-${app.webSuffix}.herokuapp.com/  region=${app.region} stack=${app.buildStack}${team} acm=${app.acm}`,
    );
    for (const [name, value] of Object.entries(app.configVars)) lines.push(`    ${name}=${shown(name, value)}`);
    for (const f of data.formations.filter((f) => f.appId === app.id)) {
      lines.push(`    formation ${f.type}: ${f.quantity} × ${f.size}  (${f.command})`);
    }
    for (const d of data.domains.filter((d) => d.appId === app.id)) lines.push(`    domain ${d.hostname} → ${d.cname}`);
    for (const d of data.drains.filter((d) => d.appId === app.id))
      lines.push(`    drain ${d.url.replace(/\/\/[^@/]*@/, "//****@")}`);
    const latest = data.releases.filter((r) => r.appId === app.id).reduce((max, r) => Math.max(max, r.version), 0);
    lines.push(`    latest release v${latest}`);
  }
  lines.push("", `Add-ons (${data.addons.length}):`);
  for (const addon of data.addons) {
    const attachments = data.attachments
      .filter((a) => a.addonId === addon.id)
      .map((a) => `${appName(a.appId)}:${a.name}`)
      .join(", ");
    lines.push(
      `  ${addon.name}  ${addon.service}:${addon.plan}  ${addon.state}  app=${appName(addon.appId)}  attached=${attachments}`,
    );
  }
  lines.push("", `Pipelines (${data.pipelines.length}):`);
  for (const pipeline of data.pipelines) {
    lines.push(`  ${pipeline.name}  ${pipeline.id}`);
    for (const c of data.couplings.filter((c) => c.pipelineId === pipeline.id))
      lines.push(`    ${c.stage}: ${appName(c.appId)}`);
  }
  const gitlab = data.gitlab;
  const projectPath = (id: number): string => {
    const p = gitlab.projects.find((p) => p.id === id);
    return p ? `${p.namespacePath}/${p.path}` : String(id);
  };
  lines.push("", `GitLab projects (${gitlab.projects.length}):`);
  for (const project of gitlab.projects) {
    lines.push(`  ${project.id}  ${project.namespacePath}/${project.path}`);
    for (const v of gitlab.variables.filter((v) => v.projectId === project.id)) {
      const flags = [v.protected && "protected", v.masked && "masked", v.hidden && "hidden", v.raw && "raw"].filter(
        Boolean,
      );
      const value = v.masked || v.hidden ? "****" : shown(v.key, v.value);
      lines.push(
        `    variable ${v.key} [${v.environmentScope}] = ${value}${flags.length ? `  (${flags.join(", ")})` : ""}`,
      );
    }
    for (const e of gitlab.environments.filter((e) => e.projectId === project.id)) {
      lines.push(`    environment ${e.name} (${e.tier}, ${e.state})${e.externalUrl ? ` ${e.externalUrl}` : ""}`);
    }
    for (const t of gitlab.protectedTags.filter((t) => t.projectId === project.id))
      lines.push(`    protected tag ${t.name}`);
    for (const p of gitlab.protectedEnvironments.filter((p) => p.projectId === project.id)) {
      lines.push(`    protected environment ${p.name}`);
    }
    // Titles only: note bodies can hold plan output, which is a secret in itself.
    const notes = (type: string, id: number): number =>
      gitlab.notes.filter((n) => n.noteableType === type && n.noteableId === id && !n.system).length;
    for (const m of gitlab.mergeRequests.filter((m) => m.projectId === project.id)) {
      lines.push(
        `    merge request !${m.iid} ${m.state}  ${m.sourceBranch} → ${m.targetBranch}  "${m.title}"  (${notes("MergeRequest", m.id)} notes)`,
      );
    }
    for (const i of gitlab.issues.filter((i) => i.projectId === project.id)) {
      const labels = i.labels.length ? `  [${i.labels.join(", ")}]` : "";
      lines.push(`    issue #${i.iid} ${i.state}  "${i.title}"${labels}  (${notes("Issue", i.id)} notes)`);
    }
  }
  lines.push("", `Terraform states (${data.terraformStates.length}):`);
  for (const state of data.terraformStates) {
    const lock = state.lock
      ? `  LOCKED by ${state.lock.Who ?? "?"} (${state.lock.Operation ?? "?"}, ${state.lock.ID})`
      : "";
    lines.push(`  ${projectPath(state.projectId)}:${state.name}  serial=${serialOf(state.body)}${lock}`);
  }
  describeCircleci(data.circleci, lines);
  describeDokku(data.dokku, lines);
  return lines.join("\n");
}

/**
 * The Dokku server: each app with its config (secret-looking values masked, as for Heroku apps), domains, ports,
 * buildpacks and process scale; each Postgres service with its image, status and the apps it is linked to.
 */
function describeDokku(dokku: StoreData["dokku"], lines: string[]): void {
  lines.push("", `Dokku apps (${dokku.apps.length}):`);
  for (const app of dokku.apps) {
    const scale = Object.entries(app.scale).map(([type, quantity]) => `${type}=${quantity}`);
    lines.push(`  ${app.name}  scale ${scale.join(" ") || "none"}`);
    for (const [name, value] of Object.entries(app.config)) lines.push(`    ${name}=${shown(name, value)}`);
    for (const domain of app.domains) lines.push(`    domain ${domain}`);
    for (const port of app.ports) lines.push(`    port ${port.scheme}:${port.hostPort}:${port.containerPort}`);
    for (const buildpack of app.buildpacks) lines.push(`    buildpack ${buildpack}`);
  }
  lines.push("", `Dokku Postgres services (${dokku.postgresServices.length}):`);
  for (const service of dokku.postgresServices) {
    const exposed = service.exposedOn === null ? "" : `  exposed on ${service.exposedOn}`;
    lines.push(`  ${service.name}  ${service.image}:${service.imageVersion}  ${service.status}${exposed}`);
    for (const link of dokku.postgresLinks.filter((link) => link.service === service.name)) {
      lines.push(`    linked to ${link.app} as ${link.alias}_URL`);
    }
  }
}

/** The CircleCI part: projects with their variables, contexts with theirs and their restrictions; never a value. */
function describeCircleci(circleci: StoreData["circleci"], lines: string[]): void {
  lines.push("", `CircleCI projects (${circleci.projects.length}):`);
  for (const project of circleci.projects) {
    lines.push(`  ${project.slug}  ${project.id}`);
    for (const v of circleci.projectVariables.filter((v) => v.projectId === project.id))
      lines.push(`    variable ${v.name} = ****`);
  }
  lines.push("", `CircleCI contexts (${circleci.contexts.length}):`);
  for (const context of circleci.contexts) {
    lines.push(`  ${context.name}  ${context.id}  ${context.ownerType}=${context.ownerId}`);
    for (const v of circleci.contextVariables.filter((v) => v.contextId === context.id))
      lines.push(`    variable ${v.name} = ****`);
    for (const r of circleci.restrictions.filter((r) => r.contextId === context.id))
      lines.push(`    restricted to ${r.type} ${r.value}`);
  }
}
