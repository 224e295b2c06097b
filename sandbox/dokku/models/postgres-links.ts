/**
 * Links between Postgres services and apps (dokku-postgres 1.38.0, `common-functions`: `service_link`,
 * `service_unlink`, `service_is_linked`, `service_alternative_alias`, and the `pre-delete` and `post-app-rename-setup`
 * triggers). The plugin tells whether an app is linked by looking for the service's URL in the app's config, not in its
 * `LINKS` file; so does the sandbox.
 */
import { configValue, setConfigVars, sortedConfig, validateConfigKey } from "./config";
import { ConflictError, NotFoundError } from "./errors";
import { byteOrder } from "./go-text";
import { postgresServiceUrl } from "./postgres-services";
import type { DokkuAppRecord, DokkuData, DokkuPostgresServiceRecord } from "./records";

/** The alias a first link uses (`PLUGIN_DEFAULT_ALIAS`): the URL goes in `DATABASE_URL`. */
export const DEFAULT_POSTGRES_ALIAS = "DATABASE";

/** The aliases tried, in order, when `DATABASE_URL` is taken (`service_alternative_alias`). */
const ALTERNATIVE_ALIAS_COLORS = [
  "AQUA",
  "BLACK",
  "BLUE",
  "FUCHSIA",
  "GRAY",
  "GREEN",
  "LIME",
  "MAROON",
  "NAVY",
  "OLIVE",
  "PURPLE",
  "RED",
  "SILVER",
  "TEAL",
  "WHITE",
  "YELLOW",
];

/** The service's URL as this app would be given it (`update_plugin_scheme_for_app` + `service_url`). */
export function postgresUrlForApp(service: DokkuPostgresServiceRecord, app: DokkuAppRecord): string {
  return postgresServiceUrl(service, configValue(app, "POSTGRES_DATABASE_SCHEME") || "postgres");
}

/**
 * The lines of `config:show` that the plugin greps (`config_all`): one `KEY:  value` per variable, the value trimmed as
 * the listing trims it. Padding is left out: no text the plugin looks for can span it.
 */
function configLines(app: DokkuAppRecord): string[] {
  return sortedConfig(app.config).map(([key, value]) => `${key}:  ${value.trim()}`);
}

/** The keys whose line holds the service's URL: the plugin's "is linked as" (`grep "$SERVICE_URL" | cut -d: -f1`). */
export function linkedConfigKeys(service: DokkuPostgresServiceRecord, app: DokkuAppRecord): string[] {
  const url = postgresUrlForApp(service, app);
  return configLines(app)
    .filter((line) => line.includes(url))
    .map((line) => line.slice(0, line.indexOf(":")));
}

/** Whether any config line contains the text (the plugin's `grep "${ALIAS}_URL"`, which matches keys and values). */
function configMentions(app: DokkuAppRecord, text: string): boolean {
  return configLines(app).some((line) => line.includes(text));
}

/** What `postgres:link` is given besides the service and the app. */
export interface PostgresLinkOptions {
  /**
   * The alias to link under (`--alias`): uppercased, a trailing `_URL` dropped.
   *
   * @default - `DATABASE`, or the first free `DOKKU_POSTGRES_<COLOR>` when `DATABASE_URL` is taken
   */
  alias?: string;
  /**
   * Appended to the URL after `?` (`--querystring`; a leading `?` is dropped).
   *
   * @default - none
   */
  querystring?: string;
}

/** The config variable a link set, for the command to print. */
export interface PostgresLink {
  key: string;
  url: string;
}

/**
 * Links the service to the app (`service_link`), in the plugin's order of checks: a named alias already mentioned in the
 * config is refused; with none named, `DATABASE`, else the first free colour, else a refusal; then an app already
 * holding the URL is refused ("Already linked as ..."). The link is recorded and `<ALIAS>_URL` set.
 *
 * The plugin writes the links file before `config:set` checks the key, so an alias that makes a bad key (`my-db`)
 * leaves a link behind in Dokku; the sandbox checks the key first and refuses with the same message, changing nothing.
 */
export function linkPostgresService(
  data: DokkuData,
  service: DokkuPostgresServiceRecord,
  app: DokkuAppRecord,
  options: PostgresLinkOptions = {},
): PostgresLink {
  const alreadyLinkedAs = linkedConfigKeys(service, app);
  let alias: string | undefined;
  if (options.alias !== undefined) {
    alias = options.alias.toUpperCase().replace(/_URL$/, "");
    if (configMentions(app, `${alias}_URL`)) throw new ConflictError(`Specified alias ${alias} already in use`);
  } else {
    alias = configMentions(app, `${DEFAULT_POSTGRES_ALIAS}_URL`)
      ? ALTERNATIVE_ALIAS_COLORS.map((color) => `DOKKU_POSTGRES_${color}`).find(
          (candidate) => !configMentions(app, `${candidate}_URL`),
        )
      : DEFAULT_POSTGRES_ALIAS;
    if (alias === undefined) throw new ConflictError("Unable to use default or generated URL alias");
  }
  if (alreadyLinkedAs.length > 0) throw new ConflictError(`Already linked as ${alreadyLinkedAs.join("\n")}`);
  const key = `${alias}_URL`;
  validateConfigKey(key);
  const querystring = options.querystring?.replace(/^\?/, "") ?? "";
  const url = postgresUrlForApp(service, app) + (querystring === "" ? "" : `?${querystring}`);
  data.postgresLinks = [
    ...data.postgresLinks.filter((link) => link.service !== service.name || link.app !== app.name),
    { service: service.name, app: app.name, alias },
  ];
  setConfigVars(app, new Map([[key, url]]));
  return { key, url };
}

/** `postgres:linked`: whether the app's config holds the service's URL. */
export function isPostgresServiceLinked(service: DokkuPostgresServiceRecord, app: DokkuAppRecord): boolean {
  return linkedConfigKeys(service, app).length > 0;
}

/**
 * Unlinks the service from the app (`service_unlink`) and returns the config keys to unset (every one holding the URL).
 * The plugin removes the app from the links file *before* it finds no URL to unset and refuses ("Not linked to app"),
 * and so does the sandbox: that refusal is how a link whose variable was unset by hand is cleared, which
 * `postgres:destroy` needs.
 */
export function unlinkPostgresService(
  data: DokkuData,
  service: DokkuPostgresServiceRecord,
  app: DokkuAppRecord,
): string[] {
  const keys = linkedConfigKeys(service, app);
  data.postgresLinks = data.postgresLinks.filter((link) => link.service !== service.name || link.app !== app.name);
  if (keys.length === 0) throw new NotFoundError(`Not linked to app ${app.name}`);
  return keys;
}

/**
 * The plugin's `pre-delete` trigger when an app is destroyed: the app leaves every service's links file. Returns every
 * service's name, sorted (the plugin lists its services directory), for it says "Unlinking from" each one, linked or
 * not.
 */
export function forgetPostgresLinksOfApp(data: DokkuData, appName: string): string[] {
  data.postgresLinks = data.postgresLinks.filter((link) => link.app !== appName);
  return data.postgresServices.map((service) => service.name).sort(byteOrder);
}

/** The plugin's `post-app-rename-setup`: a service linked to the old name is linked to the new one too. */
export function copyPostgresLinksToRenamedApp(data: DokkuData, oldName: string, newName: string): void {
  const copies = data.postgresLinks.filter((link) => link.app === oldName).map((link) => ({ ...link, app: newName }));
  data.postgresLinks.push(...copies);
}

/** The apps linked to a service, sorted and unique, as its links file lists them (`sort -u`, in the C locale). */
export function appsLinkedToPostgresService(data: DokkuData, service: DokkuPostgresServiceRecord): string[] {
  const apps = data.postgresLinks.filter((link) => link.service === service.name).map((link) => link.app);
  return [...new Set(apps)].sort(byteOrder);
}
