import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { nowIso } from "../ids";
import type { ProjectRecord, Store } from "../store";
import { GitlabError } from "./errors";
import { findProject } from "./lookup";

/** The project every sandbox starts with: the reference deployment's repository. */
export const DEFAULT_PROJECT = "songlist/songlist";

/**
 * Adds the given `namespace/path` projects unless they exist. Projects are seeded rather than created on first use so
 * a typo in a project path fails like it does against GitLab instead of silently creating a new project.
 */
export function seedProjects(store: Store, paths: string[]): void {
  const gitlab = store.data.gitlab;
  for (const fullPath of paths) {
    const slash = fullPath.lastIndexOf("/");
    if (slash <= 0 || slash === fullPath.length - 1)
      throw new Error(`project path must be namespace/path: ${fullPath}`);
    const namespacePath = fullPath.slice(0, slash);
    const path = fullPath.slice(slash + 1);
    if (gitlab.projects.some((p) => p.namespacePath === namespacePath && p.path === path)) continue;
    const sibling = gitlab.projects.find((p) => p.namespacePath === namespacePath);
    gitlab.projects.push({
      id: store.nextGitlabId(),
      path,
      namespacePath,
      // Namespaces have their own id sequence, as in GitLab: the first project is id 1 in namespace id 1.
      namespaceId: sibling?.namespaceId ?? Math.max(0, ...gitlab.projects.map((p) => p.namespaceId)) + 1,
      createdAt: nowIso(),
    });
  }
}

/** The project as `GET /projects/:id` renders it; `namespace` is required (the provider dereferences its id). */
export function renderProject(project: ProjectRecord, baseUrl: string) {
  const fullPath = `${project.namespacePath}/${project.path}`;
  const namespaceName = project.namespacePath.split("/").pop() ?? project.namespacePath;
  return {
    id: project.id,
    name: project.path,
    path: project.path,
    name_with_namespace: `${namespaceName} / ${project.path}`,
    path_with_namespace: fullPath,
    description: "",
    default_branch: "main",
    visibility: "private",
    web_url: `${baseUrl}/${fullPath}`,
    http_url_to_repo: `${baseUrl}/${fullPath}.git`,
    ssh_url_to_repo: `git@127.0.0.1:${fullPath}.git`,
    archived: false,
    empty_repo: false,
    topics: [],
    created_at: project.createdAt,
    last_activity_at: project.createdAt,
    namespace: {
      id: project.namespaceId,
      name: namespaceName,
      path: namespaceName,
      kind: "group",
      full_path: project.namespacePath,
      web_url: `${baseUrl}/groups/${project.namespacePath}`,
    },
    builds_access_level: "enabled",
    environments_access_level: "enabled",
    public_jobs: false,
    shared_with_groups: [],
    ci_config_path: null,
  };
}

/** Routes: the current user (the provider's early auth check), projects, and the push rule (absent, as on Free). */
export function registerProjectRoutes(server: FastifyInstance, { store, baseUrl }: SandboxContext): void {
  server.get("/api/v4/user", async () => ({
    id: 1,
    username: "root",
    name: "Sandbox Administrator",
    state: "active",
    email: "root@sandbox.example",
    is_admin: true,
    web_url: `${baseUrl()}/root`,
  }));

  server.get<{ Params: { id: string } }>("/api/v4/projects/:id", async (request) => {
    return renderProject(findProject(store.data, request.params.id), baseUrl());
  });

  server.get<{ Params: { id: string } }>("/api/v4/projects/:id/push_rule", async (request) => {
    findProject(store.data, request.params.id);
    throw new GitlabError(404, "404 Not Found");
  });
}
