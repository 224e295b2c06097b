/** `buildpacks:list`, `buildpacks:add`, `buildpacks:clear` (plugins/buildpacks/subcommands.go at Dokku v0.34.9). */
import { verifyApp } from "../models/apps";
import { addBuildpack, clearBuildpacks } from "../models/buildpacks";
import type { DokkuCommand } from "./command";
import { parseGoFlags } from "./go-flags";

const buildpacksList: DokkuCommand = ({ data, args, out }) => {
  const app = verifyApp(data, parseGoFlags("buildpacks:list", [], args).args[0] ?? "");
  out.info1Quiet(`${app.name} buildpack urls`);
  for (const url of app.buildpacks) out.verbose(url);
};

/** Adds silently: Dokku prints nothing when a buildpack is added. */
const buildpacksAdd: DokkuCommand = ({ data, args }) => {
  const parsed = parseGoFlags(
    "buildpacks:add",
    [{ name: "index", kind: "int", usage: "--index: the 1-based index of the URL in the list of URLs" }],
    args,
  );
  const app = verifyApp(data, parsed.args[0] ?? "");
  addBuildpack(app, parsed.args[1] ?? "", Number(parsed.values.get("index") ?? "0"));
};

/** Clears silently. */
const buildpacksClear: DokkuCommand = ({ data, args }) => {
  clearBuildpacks(verifyApp(data, parseGoFlags("buildpacks:clear", [], args).args[0] ?? ""));
};

/** The `buildpacks` plugin's commands the sandbox runs. */
export const BUILDPACKS_COMMANDS: Record<string, DokkuCommand> = {
  "buildpacks:list": buildpacksList,
  "buildpacks:add": buildpacksAdd,
  "buildpacks:clear": buildpacksClear,
};
