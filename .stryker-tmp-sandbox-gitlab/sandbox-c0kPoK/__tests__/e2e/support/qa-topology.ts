// @ts-nocheck
import * as fs from "node:fs";
import * as path from "node:path";
import { DynoSize, EnvironmentConfig, PostgresPlan, TopologyConfig } from "../../../constructs";
import { songlist } from "../../../stacks/songlist";

/**
 * songlist with the README's "Adding an environment" entry appended, read from the README itself, so that the test
 * deploying it proves those steps work as written.
 */
export function songlistWithQa(): TopologyConfig {
  const readme = fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Adding an environment"));
  const entry = /```ts\n([\s\S]*?),?\n```/.exec(section)?.[1];
  if (entry === undefined) throw new Error("README.md has no ts example under ## Adding an environment");
  const qa = new Function("PostgresPlan", "DynoSize", `return (${entry});`)(
    PostgresPlan,
    DynoSize,
  ) as EnvironmentConfig;
  return { ...songlist, environments: [...songlist.environments, qa] };
}
