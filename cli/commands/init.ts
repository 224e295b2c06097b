import * as path from "node:path";
import type { Command } from "../command";
import { afterScaffold, GITLAB_CI_COMMANDS } from "../init/after-scaffold";
import { DEFAULT_ENVIRONMENTS, DEFAULT_REGION, INIT_REGIONS, parseInitOptions } from "../init/init-options";
import { renderScaffold } from "../init/scaffold";
import { CDKTN_CLI_NODE, DEFAULT_ENGINE, INIT_ENGINES } from "../init/scaffold-engines";
import { readScaffoldTemplates, readScaffoldVersions } from "../init/template-files";
import { writeScaffold } from "../init/write-scaffold";

/** `heroku-flow init`: scaffolds a new project from `cli/init/template/`, non-interactively. */
export const init: Command = {
  name: "init",
  summary: "scaffold a new project (topology, app, test, package.json, .gitlab-ci.yml) into an empty directory",
  help: `usage: heroku-flow init --name <app> --gitlab-project <group/project> [--region ${INIT_REGIONS.join("|")}]
                        [--environments <env,env,...>] [--engine ${INIT_ENGINES.join("|")}] [--dir <dir>]

Writes a new Heroku Flow project that installs, tests and deploys into the local sandbox on the first run
(npm install && npm test && npm start). Nothing is asked; nothing is written unless every flag is valid and the
directory is empty (or does not exist yet), and a failure while writing them leaves nothing behind.

  --name <app>                     the pipeline's name and the production app's; other apps are <app>-<env>, review
                                   apps <app>-review-<id> (<app> cut to fit); 3-30 lowercase letters, digits and
                                   dashes, and every app name it makes must fit Heroku's 30 characters
  --gitlab-project <group/project> the GitLab project that deploys the apps, by path (subgroups allowed)
  --region ${INIT_REGIONS.join("|")}                   where the apps run (default ${DEFAULT_REGION})
  --environments <env,env,...>     the long-lived environments, in deploy order (default ${DEFAULT_ENVIRONMENTS});
                                   "production" is the production stage (Standard Postgres, 2 standard-1x dynos,
                                   protected deploy key, deployed on v* tags), any other a staging one (Essential
                                   Postgres, 1 basic dyno, deployed from the default branch); lowercase, unique, not
                                   "pipeline", not starting with "review"
  --engine ${INIT_ENGINES.join("|")}             the CDK for Terraform engine (default ${DEFAULT_ENGINE}): cdktf 0.21 with cdktf-cli, or
                                   cdktn (cdktf's maintained successor) installed under the name cdktf with
                                   cdktn-cli, which needs Node.js ${CDKTN_CLI_NODE.replace(">=", "")} or later
  --dir <dir>                      where to write (default: the current directory)

Writes: package.json (heroku-flow-cdktf, the engine and the toolchain it is tested with, pinned; "overrides" keeps
one copy of the engine), cdktf.json, main.ts, topology.ts (the typed topology to edit), Procfile and server.js (the
app Heroku runs: answers 200 on $PORT), tsconfig.json, .gitignore, jest.config.js, __tests__/topology.test.ts
(synthesizes the stacks and checks them), README.md (the commands), and .gitlab-ci.yml: the new project synthesized
with this heroku-flow's own library (it has no node_modules yet), then its pipeline generated as \`heroku-flow ci\`
would (the synth output is removed again).

Exit codes: 0 written, 1 the directory is not empty or could not be written (nothing is left behind), or the files
were written but synthesizing them for .gitlab-ci.yml failed (the reason is printed, and how to write it once
fixed: ${GITLAB_CI_COMMANDS}), 2 usage (a missing, unknown or invalid flag;
nothing is written).`,
  async run(args, context) {
    const options = parseInitOptions(args);
    const dir = path.resolve(context.dir, options.dir ?? "");
    const files = renderScaffold(options, readScaffoldTemplates(), readScaffoldVersions());
    writeScaffold(dir, files);
    context.print(`Wrote ${[...files.keys()].sort().join(", ")} to ${dir}`);
    await afterScaffold(dir, options, context);
    return 0;
  },
};
