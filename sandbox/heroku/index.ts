import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { registerAccountRoutes } from "./account";
import { registerAddonRoutes } from "./addons";
import { registerAttachmentRoutes } from "./addon-attachments";
import { registerAppRoutes } from "./apps";
import { registerBuildpackRoutes } from "./buildpack-installations";
import { registerConfigVarRoutes } from "./config-vars";
import { registerDomainRoutes } from "./domains";
import { registerDrainRoutes } from "./drains";
import { registerFormationRoutes } from "./formation";
import { registerCouplingRoutes } from "./pipeline-couplings";
import { registerPipelineRoutes } from "./pipelines";
import { registerReleaseRoutes } from "./releases";

/** Registers every Heroku Platform API route the sandbox serves, at the root like api.heroku.com. */
export function registerHerokuRoutes(server: FastifyInstance, context: SandboxContext): void {
  for (const register of [
    registerAccountRoutes,
    registerAppRoutes,
    registerReleaseRoutes,
    registerConfigVarRoutes,
    registerBuildpackRoutes,
    registerAddonRoutes,
    registerAttachmentRoutes,
    registerPipelineRoutes,
    registerCouplingRoutes,
    registerFormationRoutes,
    registerDomainRoutes,
    registerDrainRoutes,
  ]) {
    register(server, context);
  }
}

export { HerokuError } from "./errors";
