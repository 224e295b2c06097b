import * as fs from "node:fs";
import * as path from "node:path";
import { parseCommandArgs } from "../args";
import { type Command, type CommandContext, UsageError } from "../command";
import { generateGitlabCi } from "../ci";
import { generateCircleciConfig } from "../ci/circleci";
import { readManifest, type FlowManifest } from "../engine/manifest";
import { requireHerokuPlatform } from "../engine/platform-support";

export { generateGitlabCi, generateCircleciConfig };

/** The CI systems `heroku-flow ci` writes a configuration for: each one's file and generator. */
const PROVIDERS = {
  gitlab: {
    file: ".gitlab-ci.yml",
    generate: (manifest: FlowManifest) => generateGitlabCi(manifest),
  },
  circleci: {
    file: ".circleci/config.yml",
    generate: (manifest: FlowManifest, defaultBranch?: string) => generateCircleciConfig(manifest, { defaultBranch }),
  },
} as const;

const HELP = `usage: heroku-flow ci [--out FILE] [--check] [--provider gitlab|circleci] [--default-branch NAME]

Writes the CI configuration of the app from its manifest (cdktf.out/heroku-flow.json): for GitLab, .gitlab-ci.yml
with a deploy job per environment, the merge-request plan and note, review apps, drift and rollback jobs; for
CircleCI (a topology with ci: { provider: "circleci", … }), .circleci/config.yml with the tests, a branch's plan, a
deploy job per environment (release tags for production-like ones, each in its restricted context) and the scheduled
drift workflow. It reads the manifest and does not synthesize: run \`heroku-flow synth\` first, after any change to
the topology.

Options:
  --out FILE             the file to write or check (default .gitlab-ci.yml, or .circleci/config.yml, in the
                         project directory)
  --check                write nothing; fail if FILE is not what would be written (for CI and pre-commit hooks)
  --provider NAME        the CI system: gitlab (default) or circleci
  --default-branch NAME  CircleCI: the branch that deploys on merge (default main; CircleCI's filters name it)

Exit codes: 0 written, or with --check up to date; 1 with --check out of date or missing, or the manifest is missing,
unreadable or of another version; 2 usage (an unknown option or provider).`;

/** `heroku-flow ci`: the project's CI configuration, generated from the manifest (cli/ci/). */
export const ci: Command = {
  name: "ci",
  summary: "write .gitlab-ci.yml (or .circleci/config.yml) from the manifest (--check: fail if stale)",
  help: HELP,
  async run(args: readonly string[], context: CommandContext): Promise<number> {
    const { values } = parseCommandArgs("ci", args, {
      out: { type: "string" },
      check: { type: "boolean", default: false },
      provider: { type: "string", default: "gitlab" },
      "default-branch": { type: "string" },
    });
    const provider = values.provider!;
    if (!Object.hasOwn(PROVIDERS, provider)) {
      throw new UsageError(
        `ci: --provider ${JSON.stringify(provider)} is not supported; use ${Object.keys(PROVIDERS).join(", ")}`,
      );
    }
    const { file: defaultFile, generate } = PROVIDERS[provider as keyof typeof PROVIDERS];
    if (values["default-branch"] !== undefined && provider !== "circleci") {
      throw new UsageError("ci: --default-branch is for --provider circleci (GitLab's rules read $CI_DEFAULT_BRANCH)");
    }
    const manifest = readManifest(path.join(context.dir, "cdktf.out"));
    requireHerokuPlatform(manifest, "ci");
    // The topology chose its CI side: a pipeline for the other would deploy keys that side does not hold.
    const side = manifest.ci?.provider ?? "gitlab";
    if (side !== provider) {
      throw new Error(
        `ci: the app's CI side is ${side} (the topology's ci), not ${provider}: run \`heroku-flow ci --provider ${side}\``,
      );
    }
    const file = path.resolve(context.dir, values.out ?? defaultFile);
    const text = generate(manifest, values["default-branch"]);
    // The command that regenerates the file, as the messages name it.
    const command = provider === "gitlab" ? "heroku-flow ci" : `heroku-flow ci --provider ${provider}`;
    return values.check ? check(file, text, context, command) : write(file, text, context);
  },
};

function check(file: string, text: string, context: CommandContext, command: string): number {
  const shown = path.relative(context.dir, file) || file;
  if (!fs.existsSync(file)) {
    context.print(`${shown} does not exist: run \`${command}\` to write it`);
    return 1;
  }
  if (fs.readFileSync(file, "utf8") !== text) {
    context.print(`${shown} is out of date with the manifest: run \`${command}\` to regenerate it`);
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
