import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { EnvironmentConfig, HerokuFlow, ReviewAppConfig, TopologyConfig } from "../../constructs";
import { songlist } from "../../stacks/songlist";
import { SONGLIST_CIRCLECI_SIDE, songlistOnCircleci } from "../../stacks/songlist-on-circleci";
import { testApp } from "./stacks";

/** songlist's stacks in a test app, with the given environment settings (none from the test process leak in). */
export function songlistStacks(
  env: NodeJS.ProcessEnv = {},
  topology: TopologyConfig = songlist,
): { app: App; flow: HerokuFlow } & Pick<HerokuFlow, "settings" | "pipeline" | "environments" | "reviewApps"> {
  const app = testApp();
  const flow = new HerokuFlow(app, topology, { env });
  const { settings, pipeline, environments, reviewApps } = flow;
  return { app, flow, settings, pipeline, environments, reviewApps };
}

/** The CircleCI organization, project and slug songlist's CircleCI side names in the tests. */
export const CIRCLECI_SIDE = SONGLIST_CIRCLECI_SIDE;

/** songlist on the CircleCI side: no GitLab project, no review apps, no GitLab settings; `change` on top. */
export const circleciSonglist = songlistOnCircleci;

/** A copy of songlist with some fields changed, for the validation tests. */
export function songlistWith(change: (topology: Mutable<TopologyConfig>) => void): TopologyConfig {
  const copy = {
    ...songlist,
    environments: songlist.environments.map((environment) => ({ ...environment })),
    review: { ...songlist.review },
  } as Mutable<TopologyConfig>;
  change(copy);
  return copy;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** songlist's configuration with its top level, its environments and its review settings writable. */
type Mutable<T extends TopologyConfig> = Omit<Writable<T>, "environments" | "review"> & {
  environments: Writable<EnvironmentConfig>[];
  review: Writable<ReviewAppConfig>;
};

/**
 * Synthesizes the whole app as `cdktf synth` does (cross-stack references included) and returns each stack's
 * `cdk.tf.json`.
 */
export function synthesizeApp(app: App): Record<string, any> {
  app.synth();
  const stacks: Record<string, any> = {};
  for (const child of app.node.children) {
    const file = path.join(app.outdir, "stacks", child.node.id, "cdk.tf.json");
    if (fs.existsSync(file)) stacks[child.node.id] = JSON.parse(fs.readFileSync(file, "utf8"));
  }
  return stacks;
}
