import { parseCommandArgs } from "../args";
import type { Command } from "../command";
import { prepareToolchain, toolchainCacheDir } from "../engine/toolchain";

/** `heroku-flow toolchain`. */
export const toolchain: Command = {
  name: "toolchain",
  summary: "prepare the offline toolchain (Terraform and the providers built from source into a mirror)",
  help: `usage: heroku-flow toolchain [--env]

For machines that cannot reach the Terraform registry: takes Terraform from PATH (or builds v1.8.5 from the Go module
proxy), builds each provider (go install, or a release source archive in HEROKU_FLOW_PROVIDER_SOURCES, default
../shared/providers beside the project) into a filesystem mirror, and writes a Terraform CLI config for it. Once
prepared, every heroku-flow command uses the mirror; HEROKU_FLOW_OFFLINE=0 makes them use the registry anyway,
HEROKU_FLOW_OFFLINE=1 prepares it on first use. A networked machine needs none of this.

  --env                print the settings as export lines, for \`eval "$(heroku-flow toolchain --env)"\`

Reads HEROKU_FLOW_CACHE_DIR (default ~/.cache/heroku-flow-cdktf), HEROKU_FLOW_PROVIDER_SOURCES, and
HEROKU_FLOW_PROVIDERS: providers built only when named (e.g. circleci, for a CircleCI CI side).
Exit codes: 0 ready, 1 a step failed (named, with what to do), 2 usage.`,
  async run(args, context) {
    const { values } = parseCommandArgs("toolchain", args, { env: { type: "boolean", default: false } });
    const exports = prepareToolchain(context.env);
    if (values.env) {
      for (const [name, value] of Object.entries(exports)) context.print(`export ${name}="${value}"`);
    } else {
      context.print(
        `Toolchain ready in ${toolchainCacheDir(context.env)}: Terraform is ${exports.TERRAFORM_BINARY_NAME}.`,
      );
    }
    return 0;
  },
};
