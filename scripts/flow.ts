/**
 * `npm run flow -- <command>`: the project's own driver of Terraform, for merge-request review and the GitLab pipeline.
 * Synthesizes once (the app compiled to one file, rebuilt only when a source changes), then runs Terraform directly in
 * each `cdktf.out/stacks/<stack>`, several stacks at once. Every job of `.gitlab-ci.yml` runs one of these commands, and
 * each runs the same on a laptop. `cdktf diff` / `cdktf deploy` keep working for people who prefer them.
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { applyCommand } from "./lib/flow/commands/apply";
import { destroyCommand } from "./lib/flow/commands/destroy";
import { driftCommand } from "./lib/flow/commands/drift";
import { noteCommand } from "./lib/flow/commands/note";
import { planCommand } from "./lib/flow/commands/plan";
import { releaseCommand } from "./lib/flow/commands/release";
import { rollbackCommand } from "./lib/flow/commands/rollback";
import { FlowSession } from "./lib/flow/flow-session";

const USAGE = `usage: npm run flow -- <command> [options]

  synth                          synthesize every stack once and say how long it took
  plan [STACK...]                plan every stack (or those named) at once; writes the summary, GitLab's Terraform
                                 reports and the note's input to --out; exit 1 if a stack could not be planned
       [--lock=false]            read-only plan (Developers may not lock GitLab-managed state)
  note                           create or update the merge request's plan note from --out (merge-request pipelines)
  apply STACK...                 plan and apply, dependencies first (first code push for apps without code)
       [--dotenv FILE]           write APP_URL=<app URL> for the job's environment:url
  release STACK                  push the checked-out code to the stack's Heroku app
  destroy STACK [--delete-state] destroy the stack; then delete its GitLab-managed state
  drift [--issues]               refresh-only plan of every long-lived stack: exit 0 no drift, 2 drift, 1 error;
                                 with --issues one GitLab issue per drifting stack, kept up to date and closed
  rollback STACK                 roll the stack's Heroku app back to its previous release

common options: --out DIR (default flow-plan), --parallelism N (stacks at once, default 4)`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      lock: { type: "string", default: "true" },
      out: { type: "string", default: "flow-plan" },
      parallelism: { type: "string", default: "4" },
      dotenv: { type: "string" },
      issues: { type: "boolean", default: false },
      "delete-state": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...stacks] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (!["true", "false"].includes(values.lock!)) throw new UsageError(`--lock: "${values.lock}" must be true or false`);
  const parallelism = Number(values.parallelism);
  if (!Number.isInteger(parallelism) || parallelism < 1) {
    throw new UsageError(`--parallelism: "${values.parallelism}" must be a whole number >= 1`);
  }
  const session = new FlowSession({ parallelism });
  const outDir = path.resolve(values.out!);
  const one = (what: string): string => {
    if (stacks.length !== 1) throw new UsageError(`flow ${command} needs exactly one ${what}`);
    return stacks[0];
  };

  switch (command) {
    case "synth": {
      const engine = session.engine; // the toolchain first: the time printed is the synth's own
      const started = process.hrtime.bigint();
      await engine.synth();
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      session.print(`Synthesized ${session.engine.stacks().join(", ")} in ${seconds.toFixed(2)} s`);
      return 0;
    }
    case "plan":
      return planCommand(session, { lock: values.lock === "true", outDir, stacks });
    case "note":
      return noteCommand(session, { outDir });
    case "apply":
      return applyCommand(session, { stacks, dotenv: values.dotenv });
    case "release":
      return releaseCommand(session, one("stack"));
    case "destroy":
      return destroyCommand(session, { stack: one("stack"), deleteState: values["delete-state"]! });
    case "drift":
      return driftCommand(session, { issues: values.issues! });
    case "rollback":
      return rollbackCommand(session, one("stack"));
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`flow: ${error.message}`);
    process.exit(error instanceof UsageError ? 64 : 1);
  },
);
