import * as fs from "node:fs";
import * as path from "node:path";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, UsageError } from "../command";
import { generateGitlabCi } from "../ci";
import { readManifest } from "../engine/manifest";

export { generateGitlabCi };

/** The CI systems `heroku-flow ci` writes a configuration for. */
const PROVIDERS = ["gitlab"] as const;

const HELP = `usage: heroku-flow ci [--out FILE] [--check] [--provider gitlab]

Writes the CI configuration of the app from its manifest (cdktf.out/heroku-flow.json): for GitLab, .gitlab-ci.yml
with a deploy job per environment, the merge-request plan and note, review apps, drift and rollback jobs. It reads
the manifest and does not synthesize: run \`heroku-flow synth\` first, after any change to the topology.

Options:
  --out FILE           the file to write or check (default .gitlab-ci.yml in the project directory)
  --check              write nothing; fail if FILE is not what would be written (for CI and pre-commit hooks)
  --provider gitlab    the CI system (default gitlab, the only one so far)

Exit codes: 0 written, or with --check up to date; 1 with --check out of date or missing, or the manifest is missing,
unreadable or of another version; 2 usage (an unknown option or provider).`;

/** `heroku-flow ci`: the project's CI configuration, generated from the manifest (cli/ci/). */
export const ci: Command = {
  name: "ci",
  summary: "write .gitlab-ci.yml from the manifest (--check: fail if the committed one is stale)",
  help: HELP,
  async run(args: readonly string[], context: CommandContext): Promise<number> {
    const { values } = parseCommandArgs("ci", args, {
      out: { type: "string" },
      check: { type: "boolean", default: false },
      provider: { type: "string", default: "gitlab" },
    });
    if (!(PROVIDERS as readonly string[]).includes(values.provider!)) {
      throw new UsageError(
        `ci: --provider ${JSON.stringify(values.provider)} is not supported; use ${PROVIDERS.join(", ")}`,
      );
    }
    const file = path.resolve(context.dir, values.out ?? ".gitlab-ci.yml");
    const text = generateGitlabCi(readManifest(path.join(context.dir, "cdktf.out")));
    return values.check ? check(file, text, context) : write(file, text, context);
  },
};

function check(file: string, text: string, context: CommandContext): number {
  const shown = path.relative(context.dir, file) || file;
  if (!fs.existsSync(file)) {
    context.print(`${shown} does not exist: run \`heroku-flow ci\` to write it`);
    return 1;
  }
  if (fs.readFileSync(file, "utf8") !== text) {
    context.print(`${shown} is out of date with the manifest: run \`heroku-flow ci\` to regenerate it`);
    return 1;
  }
  context.print(`${shown} is up to date`);
  return 0;
}

function write(file: string, text: string, context: CommandContext): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  context.print(`Wrote ${path.relative(context.dir, file) || file}`);
  return 0;
}
