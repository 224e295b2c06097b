/**
 * Apps (Dokku's `apps` plugin, plugins/apps/*.go, and `IsValidAppName` / `VerifyAppName` in plugins/common/common.go,
 * at v0.34.9): the name rule, existence, creation with what the other plugins' `post-create` triggers add, destruction,
 * and renaming.
 */
import { nowIso } from "../../ids";
import { disableVhost } from "./domains";
import { AppNotFoundError, ConflictError, InvalidError, UsageError } from "./errors";
import { copyPostgresLinksToRenamedApp, forgetPostgresLinksOfApp } from "./postgres-links";
import type { DokkuAppRecord, DokkuData } from "./records";

/** `IsValidAppName`: starts with a lowercase letter or digit; no `/`, `:`, `_` or uppercase letter anywhere. */
const APP_NAME = /^[a-z0-9][^/:_A-Z]*$/;

/** The rule before underscores were refused (`isValidAppNameOld`): existing apps named so can still be used. */
const OLD_APP_NAME = /^[a-z0-9][^/:A-Z]*$/;

const MISSING_APP = "Please specify an app to run the command on";
const INVALID_APP_NAME =
  "App name must begin with lowercase alphanumeric character, and cannot include uppercase characters, colons, or underscores";

/** Refuses a name a new app may not have (`IsValidAppName`). */
export function validateNewAppName(name: string): void {
  if (name === "") throw new UsageError(MISSING_APP);
  if (!APP_NAME.test(name)) throw new InvalidError(INVALID_APP_NAME);
}

/** The app with this name, or undefined. */
export function findApp(data: DokkuData, name: string): DokkuAppRecord | undefined {
  return data.apps.find((app) => app.name === name);
}

/**
 * The app a Go plugin's command names (`VerifyAppName`): no name, and a name neither rule allows, are refused with the
 * rule's message; an unknown app exits 20.
 */
export function verifyApp(data: DokkuData, name: string): DokkuAppRecord {
  if (name === "") throw new UsageError(MISSING_APP);
  if (!APP_NAME.test(name) && !OLD_APP_NAME.test(name)) throw new InvalidError(INVALID_APP_NAME);
  const app = findApp(data, name);
  if (!app) throw new AppNotFoundError(name);
  return app;
}

/**
 * The app a shell plugin's command names (`verify_app_name` in plugins/common/functions): it runs the Go check quietly
 * and reports every failure, an empty or invalid name included, as "App <name> does not exist", exit 20.
 */
export function verifyAppInShellPlugin(data: DokkuData, name: string): DokkuAppRecord {
  const app = findApp(data, name);
  if (!app) throw new AppNotFoundError(name);
  return app;
}

/**
 * Creates an app (`createApp`), as it is after every `post-create` trigger has run: the server has no global domain, so
 * the domains plugin switches vhost support off (`NO_VHOST=1`); the ps plugin scales `web` to 1.
 */
export function createApp(data: DokkuData, name: string): DokkuAppRecord {
  validateNewAppName(name);
  if (findApp(data, name)) throw new ConflictError("Name is already taken");
  const app: DokkuAppRecord = {
    name,
    createdAt: nowIso(),
    config: {},
    domains: [],
    buildpacks: [],
    ports: [],
    nginx: {},
    scale: { web: 1 },
  };
  disableVhost(app);
  data.apps.push(app);
  return app;
}

/** What destroying an app did that Dokku reports. */
export interface AppDestruction {
  /** Every Postgres service on the server: the plugin's `pre-delete` says "Unlinking from" each. */
  servicesUnlinkedFrom: string[];
}

/** Destroys an app (`destroyApp`), its links with it (the Postgres plugin's `pre-delete`). */
export function destroyApp(data: DokkuData, app: DokkuAppRecord): AppDestruction {
  const servicesUnlinkedFrom = forgetPostgresLinksOfApp(data, app.name);
  data.apps = data.apps.filter((candidate) => candidate !== app);
  return { servicesUnlinkedFrom };
}

/** What renaming an app did that Dokku reports. */
export interface AppRename {
  renamed: DokkuAppRecord;
  destruction: AppDestruction;
}

/**
 * Renames an app (`CommandRename`): the old name must be an app, the new one valid and free. Dokku creates the new app,
 * copies the old one's state to it (`post-app-rename-setup`) and destroys the old one:
 * - config merges over the new app's (so the old `NO_VHOST` wins), buildpacks, ports, nginx properties, scale and the
 *   creation time are copied; Postgres links are copied, then dropped from the old name;
 * - domains are not: the domains plugin copies them only for each line of the global VHOST file, which is empty.
 */
export function renameApp(data: DokkuData, oldName: string, newName: string): AppRename {
  if (oldName === "") throw new UsageError(MISSING_APP);
  if (newName === "") throw new UsageError("Please specify an new app name");
  const old = verifyApp(data, oldName);
  validateNewAppName(newName);
  if (findApp(data, newName)) throw new ConflictError("Name is already taken");
  const renamed = createApp(data, newName);
  Object.assign(renamed, {
    createdAt: old.createdAt,
    config: Object.fromEntries([...Object.entries(renamed.config), ...Object.entries(old.config)]),
    buildpacks: [...old.buildpacks],
    ports: old.ports.map((portMap) => ({ ...portMap })),
    nginx: { ...old.nginx },
    scale: { ...old.scale },
  });
  copyPostgresLinksToRenamedApp(data, oldName, newName);
  return { renamed, destruction: destroyApp(data, old) };
}
