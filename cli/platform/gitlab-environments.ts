import * as fs from "node:fs";
import * as path from "node:path";
import type { FlowSession } from "../engine/flow-session";
import { HttpApi } from "./http-api";

/**
 * Brings GitLab environments that GitLab CI created under Terraform's management before a deploy. A deploy job with
 * `environment:` makes GitLab create that environment when the job starts, before Terraform runs; Terraform would then
 * fail to create the one the stack declares ("has already been taken"). So for each `gitlab_project_environment` the
 * stack declares but its state lacks, an environment of that name found through GitLab's API (with the provider's
 * `GITLAB_BASE_URL` and `GITLAB_TOKEN`) gets an `import` block, in a file of its own beside the synthesized stack:
 * the import is then planned and applied with the rest, in dependency order (a `terraform import` run ahead would have
 * to read dependencies that may not be deployed yet). Returns the addresses to import.
 */
export async function adoptGitlabEnvironments(session: FlowSession, stack: string): Promise<string[]> {
  const importFile = path.join(session.engine.stackDir(stack), ADOPT_FILE);
  fs.rmSync(importFile, { force: true });
  const declared = Object.entries(session.config(stack).resource?.gitlab_project_environment ?? {});
  if (declared.length === 0) return [];
  const { engine, env } = session;
  await engine.init(stack);
  const state = await engine.terraform(stack, ["state", "list", "-no-color"], [0, 1]);
  const inState = new Set(state.stdout.split("\n").filter((line) => line !== ""));
  const gitlab = new HttpApi(env.GITLAB_BASE_URL || "https://gitlab.com/api/v4/", {
    "PRIVATE-TOKEN": env.GITLAB_TOKEN ?? "",
  });
  const imports: Array<{ to: string; id: string }> = [];
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
    session.print(`  ${stack.padEnd(16)} takes over GitLab environment ${environment.name} (created by GitLab CI)`);
    imports.push({ to: address, id: `${project}:${environment.id}` });
  }
  if (imports.length > 0) fs.writeFileSync(importFile, JSON.stringify({ import: imports }, null, 2));
  return imports.map((entry) => entry.to);
}

/** The file beside a synthesized stack that holds the import blocks (Terraform reads every `*.tf.json`). */
const ADOPT_FILE = "flow-adopt.tf.json";
