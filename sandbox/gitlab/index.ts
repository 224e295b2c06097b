import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { registerEnvironmentRoutes } from "./environments";
import { registerProjectRoutes } from "./projects";
import { registerProtectedEnvironmentRoutes } from "./protected-environments";
import { registerProtectedTagRoutes } from "./protected-tags";
import { registerVariableRoutes } from "./variables";

/** Registers every GitLab REST route the sandbox serves, under `/api/v4`. */
export function registerGitlabRoutes(server: FastifyInstance, context: SandboxContext): void {
  registerProjectRoutes(server, context);
  registerVariableRoutes(server, context);
  registerEnvironmentRoutes(server, context);
  registerProtectedTagRoutes(server, context);
  registerProtectedEnvironmentRoutes(server, context);
}

export { GitlabError } from "./errors";
export { DEFAULT_PROJECT, seedProjects } from "./projects";
