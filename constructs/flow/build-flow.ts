import { App } from "cdktf";
import type { DokkuTopologyConfig } from "./dokku-config";
import { DokkuFlow } from "./dokku-flow";
import type { TopologyConfig } from "./flow-config";
import { HerokuFlow, HerokuFlowOptions } from "./heroku-flow";

/**
 * The flow of `topology`'s platform: {@link DokkuFlow} for `platform: "dokku"`, else {@link HerokuFlow} (which reports a
 * platform it does not know). A project's `main.ts` written with it does not change when its topology moves from
 * Heroku to a Dokku server, or back:
 *
 * ```ts
 * import { App } from "cdktf";
 * import { buildFlow, type DokkuTopologyConfig, FlowValidation, type TopologyConfig } from "heroku-flow-cdktf";
 *
 * const topology: TopologyConfig | DokkuTopologyConfig = {
 *   platform: "dokku",
 *   name: "acme",
 *   gitlabProject: "acme/api",
 *   releaseTag: "v*",
 *   sharedConfig: {},
 *   generatedSecrets: [],
 *   environments: [{ name: "production", appName: "acme", postgres: true }],
 * };
 * const app = new App();
 * buildFlow(app, topology);
 * FlowValidation.of(app).synth();
 * ```
 */
export function buildFlow(
  app: App,
  topology: TopologyConfig | DokkuTopologyConfig,
  options: HerokuFlowOptions = {},
): HerokuFlow | DokkuFlow {
  // From JavaScript or JSON the topology may be anything: HerokuFlow reports what is not a topology.
  const platform = (topology as { platform?: unknown } | null | undefined)?.platform;
  return platform === "dokku"
    ? new DokkuFlow(app, topology as DokkuTopologyConfig, options)
    : new HerokuFlow(app, topology as TopologyConfig, options);
}
