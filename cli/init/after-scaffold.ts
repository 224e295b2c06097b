import * as fs from "node:fs";
import * as path from "node:path";
import { generateGitlabCi } from "../ci";
import type { CommandContext } from "../command";
import type { FlowManifest } from "../engine/manifest";
import type { InitOptions } from "./init-options";
import { synthesizeScaffold } from "./synthesize-scaffold";

/** The CI configuration `init` generates, beside the scaffold's files. */
export const GITLAB_CI_FILE = ".gitlab-ci.yml";

/** What makes {@link GITLAB_CI_FILE} by hand, once the project has its dependencies. */
export const GITLAB_CI_COMMANDS = "npm install && npx heroku-flow synth && npx heroku-flow ci";

/**
 * What `init` does once every file is written: synthesizes the new project, writes its `.gitlab-ci.yml` from the
 * manifest (what `heroku-flow synth` then `heroku-flow ci` would write: `heroku-flow ci --check` passes), and prints the
 * next steps. A synth that fails is an error saying that the files are there but `.gitlab-ci.yml` is not, and how to
 * make it: the files are kept, since they are what the user fixes.
 */
export async function afterScaffold(dir: string, options: InitOptions, context: CommandContext): Promise<void> {
  const relative = path.relative(context.dir, dir);
  const cd = relative === "" ? "" : `cd ${relative} && `;
  let manifest: FlowManifest;
  try {
    manifest = await synthesizeScaffold(dir, context.env);
  } catch (error) {
    throw new Error(
      `the project's files were written to ${dir}, but ${GITLAB_CI_FILE} was not: synthesizing the new project to ` +
        `generate it failed:\n${(error as Error).message}\n` +
        `Once that is fixed, write it with: ${cd}${GITLAB_CI_COMMANDS}`,
    );
  }
  fs.writeFileSync(path.join(dir, GITLAB_CI_FILE), generateGitlabCi(manifest));
  const deployed = manifest.stacks.filter((stack) => stack.kind !== "review").map((stack) => stack.name);
  context.print(`Wrote ${GITLAB_CI_FILE} for ${options.gitlabProject}: a deploy job each for ${deployed.join(", ")}`);
  context.print(
    [
      "",
      "Next:",
      ...(relative === "" ? [] : [`  cd ${relative}`]),
      "  npm install",
      "  npm test                # synthesizes the topology and checks it",
      "  npm start               # deploys every stack into the local sandbox",
      "After a change to topology.ts, regenerate .gitlab-ci.yml (commit both):",
      "  npx heroku-flow synth && npx heroku-flow ci",
    ].join("\n"),
  );
}
