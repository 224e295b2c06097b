import type { FlowSession } from "./flow-session";
import { HttpApi } from "./http-api";

/**
 * Brings GitLab environments that GitLab CI created under Terraform's management before a deploy. A deploy job with
 * `environment:` makes GitLab create that environment when the job starts, before Terraform runs; Terraform would then
 * fail to create the one the stack declares ("has already been taken"). So for each `gitlab_project_environment` the
 * stack declares but its state lacks, an environment of that name found through GitLab's API (with the provider's
 * `GITLAB_BASE_URL` and `GITLAB_TOKEN`) is imported first. Returns the addresses imported.
 */
export async function adoptGitlabEnvironments(session: FlowSession, stack: string): Promise<string[]> {
  const declared = Object.entries(session.config(stack).resource?.gitlab_project_environment ?? {});
  if (declared.length === 0) return [];
  const { engine, env } = session;
  await engine.init(stack);
  const state = await engine.terraform(stack, ["state", "list", "-no-color"], [0, 1]);
  const inState = new Set(state.stdout.split("\n").filter((line) => line !== ""));
  const gitlab = new HttpApi(env.GITLAB_BASE_URL || "https://gitlab.com/api/v4/", {
    "PRIVATE-TOKEN": env.GITLAB_TOKEN ?? "",
  });
  const imported: string[] = [];
  for (const [name, resource] of declared) {
    const address = `gitlab_project_environment.${name}`;
    if (inState.has(address)) continue;
    const project = String(resource.project);
    const existing = await gitlab.call<Array<{ id: number; name: string }>>(
      "GET",
      `/projects/${encodeURIComponent(project)}/environments?name=${encodeURIComponent(String(resource.name))}`,
    );
    const environment = existing.body.find((candidate) => candidate.name === resource.name);
    if (!environment) continue;
    session.print(`  ${stack.padEnd(16)} import GitLab environment ${environment.name} (created by GitLab CI)`);
    await engine.terraform(stack, ["import", "-input=false", "-no-color", address, `${project}:${environment.id}`]);
    imported.push(address);
  }
  return imported;
}
