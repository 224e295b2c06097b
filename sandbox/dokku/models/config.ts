/**
 * An app's environment (Dokku's `config` plugin, plugins/config/*.go at v0.34.9): its keys' rule, setting and unsetting,
 * and whether a change restarts the app.
 *
 * Keys are any shell variable name, `__proto__` included, so the environment is only ever read with `Object.hasOwn`
 * and written by rebuilding it with `Object.fromEntries` (which defines keys instead of assigning them).
 */
import { InvalidError, UsageError } from "./errors";
import { byteOrder } from "./go-text";
import type { DokkuAppRecord } from "./records";

/** `validateKey` in plugins/config/config.go: a shell variable name. */
const CONFIG_KEY = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Refuses a key Dokku would not store, with its message. */
export function validateConfigKey(key: string): void {
  if (!CONFIG_KEY.test(key)) throw new InvalidError(`Invalid key name: '${key}'`);
}

/** The value of one key, or undefined when it is not set. */
export function configValue(app: DokkuAppRecord, key: string): string | undefined {
  return Object.hasOwn(app.config, key) ? app.config[key] : undefined;
}

/**
 * The `KEY=VALUE` arguments of `config:set` as entries (`SubSet` in plugins/config/functions.go): each split at its
 * first `=`, a later pair for the same key winning. Keys are checked when they are set, not here, as Dokku does.
 */
export function parseEnvPairs(pairs: string[]): Map<string, string> {
  if (pairs.length === 0) throw new UsageError("At least one env pair must be given");
  const entries = new Map<string, string>();
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at < 0) throw new InvalidError(`Invalid env pair: ${pair}`);
    entries.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return entries;
}

/**
 * Sets the entries (`SetMany`): every key is checked before any is set, so a refused call sets nothing. A key already
 * set keeps its place; a new one goes last.
 */
export function setConfigVars(app: DokkuAppRecord, entries: Map<string, string>): void {
  for (const key of entries.keys()) validateConfigKey(key);
  app.config = Object.fromEntries([...Object.entries(app.config), ...entries]);
}

/** What `config:unset` did with one key: Dokku says "Unsetting" or "Skipping" for each. */
export interface UnsetOutcome {
  key: string;
  wasSet: boolean;
}

/**
 * Unsets the keys (`UnsetMany`), in order: every key is checked first; a key named twice is unset once and then
 * skipped, as Dokku does.
 */
export function unsetConfigVars(app: DokkuAppRecord, keys: string[]): UnsetOutcome[] {
  if (keys.length === 0) throw new UsageError("At least one key must be given");
  for (const key of keys) validateConfigKey(key);
  return keys.map((key) => {
    const wasSet = Object.hasOwn(app.config, key);
    delete app.config[key];
    return { key, wasSet };
  });
}

/**
 * Whether a config change restarts the app: unless `--no-restart`, Dokku restarts it after `config:set` and
 * `config:unset` (even when nothing changed) when `DOKKU_APP_RESTORE`, read after the change, is not `0`.
 */
export function restartsAfterConfigChange(app: DokkuAppRecord): boolean {
  return configValue(app, "DOKKU_APP_RESTORE") !== "0";
}

/** An environment's entries sorted by key (Go's `Env.Keys`), the order every listing of it uses. */
export function sortedConfig(config: Record<string, string>): [string, string][] {
  return Object.entries(config).sort(([a], [b]) => byteOrder(a, b));
}
