/**
 * songlist's cdktf app exactly as main.ts builds it, plus test-only changes to the topology given as JSON in
 * E2E_TOPOLOGY_PATCH: `{ "<environment>": { "region": "eu", "formation": { "web": { "size": "…", "quantity": 2 } } } }`.
 * The end-to-end tests use it to make "code changes" without editing the repository.
 */
// @ts-nocheck

import { App } from "cdktf";
import {
  DynoSize,
  EnvironmentConfig,
  FlowValidation,
  HerokuFlow,
  HerokuRegion,
  TopologyConfig,
} from "../../../constructs";
import { songlist } from "../../../stacks/songlist";

interface EnvironmentPatch {
  region?: string;
  formation?: Record<string, { size: string; quantity: number }>;
}

function patched(environment: EnvironmentConfig, patch: EnvironmentPatch | undefined): EnvironmentConfig {
  if (!patch) return environment;
  return {
    ...environment,
    ...(patch.region ? { region: HerokuRegion.of(patch.region) } : {}),
    ...(patch.formation
      ? {
          formation: Object.fromEntries(
            Object.entries(patch.formation).map(([type, f]) => [
              type,
              { size: DynoSize.of(f.size), quantity: f.quantity },
            ]),
          ),
        }
      : {}),
  };
}

const patches: Record<string, EnvironmentPatch> = JSON.parse(process.env.E2E_TOPOLOGY_PATCH ?? "{}");
const topology: TopologyConfig = {
  ...songlist,
  environments: songlist.environments.map((environment) => patched(environment, patches[environment.name])),
};

const app = new App();
new HerokuFlow(app, topology);
FlowValidation.of(app).synth();
