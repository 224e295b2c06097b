#!/usr/bin/env node
/**
 * `heroku-flow`: the engine of a Heroku Flow project. Each command is a thin entry point in `commands/`; this file only
 * dispatches, prints help, and turns failures into one line and an exit code (0 done, 1 failed, 2 usage; `drift`
 * adds 3 for drift found). No stack trace reaches the user unless HEROKU_FLOW_DEBUG=1.
 */
import { type Command, type CommandContext, UsageError } from "./command";
import { apply } from "./commands/apply";
import { ci } from "./commands/ci";
import { cost } from "./commands/cost";
import { destroy } from "./commands/destroy";
import { drift } from "./commands/drift";
import { init } from "./commands/init";
import { note } from "./commands/note";
import { plan } from "./commands/plan";
import { promote } from "./commands/promote";
import { release } from "./commands/release";
import { rollback } from "./commands/rollback";
import { sandbox } from "./commands/sandbox";
import { synth } from "./commands/synth";
import { toolchain } from "./commands/toolchain";
import { packageVersion } from "./engine/package-root";

/** Every command, in the order `--help` lists them. */
const COMMANDS: readonly Command[] = [
  init,
  synth,
  plan,
  note,
  apply,
  release,
  promote,
  destroy,
  drift,
  rollback,
  cost,
  ci,
  sandbox,
  toolchain,
];

const SETTINGS = `Settings (environment variables):
  HEROKU_API_KEY, HEROKU_API_URL      the Heroku key and API (default https://api.heroku.com) Terraform and heroku-flow use
  GITLAB_TOKEN, GITLAB_BASE_URL       the GitLab token and API (default https://gitlab.com/api/v4/) for the GitLab side
  TF_VAR_<deploy key variable>        the Heroku key each environment's deploy job gets (names in cdktf.out/heroku-flow.json)
  TF_VAR_<secret variable>            each of the topology's secrets (names in cdktf.out/heroku-flow.json, secretVariables)
  HEROKU_FLOW_CODE_PUSH               where code comes from: git (default; git push to HEROKU_GIT_URL), container (the
                                      Docker image HEROKU_FLOW_IMAGE via HEROKU_REGISTRY, default registry.heroku.com)
                                      or sandbox
  HEROKU_FLOW_STATE_BACKEND           local (default) or gitlab (GitLab-managed state; TF_HTTP_USERNAME, TF_HTTP_PASSWORD)
  HEROKU_FLOW_REVIEW_ID               review ids to synthesize review stacks for (commands take --review ID instead)
  HEROKU_FLOW_BOOTSTRAP, HEROKU_FLOW_PIPELINE_ID, HEROKU_FLOW_GITLAB, HEROKU_FLOW_GITLAB_PROVIDER_VERSION
                                      read by the library at synth (see the README's settings table)
  HEROKU_FLOW_OFFLINE                 1: providers from the offline toolchain's mirror; 0: from the Terraform registry
                                      (default: the mirror when \`heroku-flow toolchain\` set one up, else the registry)
  TERRAFORM_BINARY_NAME               the terraform to run (default: terraform on PATH)
  HEROKU_FLOW_CACHE_DIR               the offline toolchain's cache (default ~/.cache/heroku-flow-cdktf)
  HEROKU_FLOW_PRICES                  a price file whose entries replace the shipped list prices (cost, plan)
  HEROKU_FLOW_COST_THRESHOLD          the monthly cost difference (USD, default 50) plan and note call out
  FLOW_GITLAB_TOKEN, CI_*             in GitLab CI: notes, drift issues, state deletion (see each command's --help)`;

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 2;
  return [
    "usage: heroku-flow <command> [options]     (heroku-flow <command> --help for one command)",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)} ${command.summary}`),
    "",
    SETTINGS,
    "",
    "Exit codes: 0 done, 1 failed (the reason is printed), 2 usage; drift: 3 drift found.",
  ].join("\n");
}

/** Runs `heroku-flow <argv>`; resolves to the exit code. */
export async function main(argv: readonly string[], context: CommandContext): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    context.print(usage());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    context.print(packageVersion());
    return 0;
  }
  if (name === undefined) throw new UsageError(`name a command\n\n${usage()}`);
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    throw new UsageError(
      `unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(", ")} (heroku-flow --help)`,
    );
  }
  if (args.includes("--help") || args.includes("-h")) {
    context.print(command.help);
    return 0;
  }
  return command.run(args, context);
}

/** The context of the bin as a shell runs it: the current directory, the process's environment, stdout. */
export function processContext(): CommandContext {
  return { dir: process.cwd(), env: process.env, print: (line) => console.log(line) };
}

/**
 * Runs `heroku-flow <argv>` as the bin does: resolves to the exit code, a failure printed as one line on `printError`
 * (its stack too when HEROKU_FLOW_DEBUG=1), 2 for a usage error and 1 for any other.
 */
export async function runBin(
  argv: readonly string[] = process.argv.slice(2),
  context: CommandContext = processContext(),
  printError: (line: string) => void = (line) => console.error(line),
): Promise<number> {
  try {
    return await main(argv, context);
  } catch (error) {
    printError(`heroku-flow: ${(error as Error).message}`);
    if (context.env.HEROKU_FLOW_DEBUG === "1") printError(String((error as Error).stack));
    return error instanceof UsageError ? 2 : 1;
  }
}

if (require.main === module) {
  void runBin().then((code) => {
    process.exitCode = code;
  });
}
