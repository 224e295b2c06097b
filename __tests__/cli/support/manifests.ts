import * as fs from "node:fs";
import * as path from "node:path";
import { DynoSize, type EnvironmentConfig, PostgresPlan, type TopologyConfig } from "../../../constructs";
import { FLOW_MANIFEST_FILE, type FlowManifest } from "../../../constructs/flow/flow-manifest";
import { songlist } from "../../../stacks/songlist";
import { songlistStacks } from "../../support/songlist";

/**
 * The manifest `HerokuFlow` writes for `topology` (songlist unless given) with the settings `env`, synthesized in
 * process: the same file `heroku-flow synth` leaves in cdktf.out, so the generator is tested on what it will read.
 */
export function synthesizedManifest(env: NodeJS.ProcessEnv = {}, topology: TopologyConfig = songlist): FlowManifest {
  const { app } = songlistStacks(env, topology);
  app.synth();
  return JSON.parse(fs.readFileSync(path.join(app.outdir, FLOW_MANIFEST_FILE), "utf8"));
}

/** songlist with one more environment, as the README's "Adding an environment" adds one. */
export function songlistWithEnvironment(environment: Partial<EnvironmentConfig> & { name: string }): TopologyConfig {
  const added: EnvironmentConfig = {
    appName: `songlist-${environment.name}`,
    stage: "staging",
    postgres: PostgresPlan.ESSENTIAL_0,
    formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
    ...environment,
  };
  return { ...songlist, environments: [...songlist.environments, added] };
}
