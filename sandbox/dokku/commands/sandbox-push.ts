/**
 * `sandbox:push <app> <commit | -> [<type>=<command> …]`: the sandbox's stand-in for `git push dokku@<host>:<app>`,
 * which the sandbox cannot build: it records the commit (or none, `-`) and the process types the code's Procfile would
 * declare, as `heroku-flow release` with `HEROKU_FLOW_CODE_PUSH=sandbox` sends them. Not a Dokku command.
 */
import { verifyApp } from "../models/apps";
import { UsageError } from "../models/errors";
import type { DokkuCommand } from "./command";

/** A full commit id, as git names one. */
const COMMIT = /^[0-9a-f]{40}$/;

/** A Procfile's process type (Dokku's rule, as Heroku's). */
const PROCESS_TYPE = /^[A-Za-z0-9_-]+$/;

const sandboxPush: DokkuCommand = ({ data, args, out }) => {
  const [appName = "", commit = "", ...declarations] = args;
  const app = verifyApp(data, appName);
  if (commit !== "-" && !COMMIT.test(commit)) {
    throw new UsageError(
      `Commit must be a full commit id (40 lowercase hex digits) or -, not ${JSON.stringify(commit)}`,
    );
  }
  const processTypes: Record<string, string> = {};
  for (const declaration of declarations) {
    const equals = declaration.indexOf("=");
    const type = declaration.slice(0, Math.max(equals, 0));
    const command = declaration.slice(equals + 1).trim();
    if (equals < 1 || !PROCESS_TYPE.test(type) || command === "") {
      throw new UsageError(`Process types are <type>=<command>, not ${JSON.stringify(declaration)}`);
    }
    processTypes[type] = command;
  }
  app.release = { commit: commit === "-" ? null : commit, processTypes, at: new Date().toISOString() };
  const declared = Object.keys(processTypes);
  out.info1(`Pushed ${commit === "-" ? "the code" : commit.slice(0, 8)} to ${app.name} (sandbox)`);
  out.line(`Process types: ${declared.length > 0 ? declared.join(", ") : "none"}`);
};

/** The sandbox's own commands. */
export const SANDBOX_COMMANDS: Record<string, DokkuCommand> = {
  "sandbox:push": sandboxPush,
};
