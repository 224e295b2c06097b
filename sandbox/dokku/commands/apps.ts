/** `apps:*` (plugins/apps/src/subcommands/subcommands.go and plugins/apps/subcommands.go at Dokku v0.34.9). */
import { createApp, destroyApp, renameApp, verifyApp, type AppDestruction } from "../models/apps";
import type { DokkuCommand } from "./command";
import { CommandExit } from "./command";
import { goFlagIsTrue, parseGoFlags } from "./go-flags";
import type { DokkuOutput } from "./output";

/** What creating an app prints (`createApp`, then the domains plugin's `post-create`, the server having no domain). */
function printCreation(out: DokkuOutput, name: string): void {
  out.info1Quiet(`Creating ${name}...`);
  out.info1Quiet("Global server virtual host not set, disabling app vhost...");
}

/** What destroying an app prints (`destroyApp`, with the Postgres plugin's `pre-delete` and Docker's cleanup). */
function printDestruction(out: DokkuOutput, name: string, destruction: AppDestruction): void {
  out.info1(`Destroying ${name} (including all add-ons)`);
  for (const service of destruction.servicesUnlinkedFrom) out.verboseQuiet(`Unlinking from ${service}`);
  out.info1("Cleaning up...");
  out.info1("Retiring old containers and images");
}

const appsCreate: DokkuCommand = ({ data, args, out }) => {
  const name = parseGoFlags("apps:create", [], args).args[0] ?? "";
  createApp(data, name);
  printCreation(out, name);
};

const appsDestroy: DokkuCommand = ({ data, args, out, invocation }) => {
  const parsed = parseGoFlags(
    "apps:destroy",
    [{ name: "force", kind: "bool", usage: "--force: force destroy without confirmation" }],
    args,
  );
  const app = verifyApp(data, parsed.args[0] ?? "");
  if (!goFlagIsTrue(parsed, "force") && !invocation.force) {
    // `AskForDestructiveConfirmation`: the answer is read from stdin, which a command run over SSH has none of.
    out.warn("WARNING: Potentially Destructive Action");
    out.warn(`This command will destroy app ${app.name}.`);
    out.warn(`To proceed, type "${app.name}"`);
    out.print("> ");
    throw new CommandExit(1, "EOF");
  }
  printDestruction(out, app.name, destroyApp(data, app));
};

/** Succeeds silently when the app exists; otherwise exits 20 ("App x does not exist"), as the provider expects. */
const appsExists: DokkuCommand = ({ data, args }) => {
  verifyApp(data, parseGoFlags("apps:exists", [], args).args[0] ?? "");
};

const appsRename: DokkuCommand = ({ data, args, out }) => {
  const parsed = parseGoFlags(
    "apps:rename",
    [{ name: "skip-deploy", kind: "bool", usage: "--skip-deploy: skip deploy of the new app" }],
    args,
  );
  const [oldName = "", newName = ""] = parsed.args;
  const { destruction } = renameApp(data, oldName, newName);
  out.info1Quiet(`Renaming ${oldName} to ${newName}`);
  printCreation(out, newName);
  printDestruction(out, oldName, destruction);
};

/** The `apps` plugin's commands the sandbox runs. */
export const APPS_COMMANDS: Record<string, DokkuCommand> = {
  "apps:create": appsCreate,
  "apps:destroy": appsDestroy,
  "apps:exists": appsExists,
  "apps:rename": appsRename,
};
