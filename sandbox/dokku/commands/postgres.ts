/**
 * `postgres:*` (dokku-postgres 1.38.0, the plugin release current with Dokku 0.34.9: `subcommands/*`, `functions` and
 * `common-functions`). The server has every image already, so creating a service pulls nothing.
 */
import { verifyAppInShellPlugin } from "../models/apps";
import { unsetConfigVars } from "../models/config";
import { UsageError } from "../models/errors";
import {
  appsLinkedToPostgresService,
  isPostgresServiceLinked,
  linkPostgresService,
  unlinkPostgresService,
} from "../models/postgres-links";
import {
  POSTGRES_PORT,
  POSTGRES_SERVICES_ROOT,
  createPostgresService,
  destroyPostgresService,
  exposePostgresService,
  postgresServiceUrl,
  refuseDestroyingLinkedService,
  startPostgresService,
  stopPostgresService,
  unexposePostgresService,
  validateNewPostgresService,
  verifyPostgresService,
} from "../models/postgres-services";
import type { DokkuAppRecord, DokkuData, DokkuPostgresServiceRecord } from "../models/records";
import { CommandExit, type CommandContext, type DokkuCommand } from "./command";
import { printConfigSet, printConfigUnset, printRestart } from "./config";
import type { DokkuOutput } from "./output";
import { parseServiceArgs } from "./service-args";
import { printShellReport } from "./shell-report";

/** `service_info`'s flags and values. */
function serviceInfoValues(data: DokkuData, service: DokkuPostgresServiceRecord): [string, string][] {
  const root = `${POSTGRES_SERVICES_ROOT}/${service.name}`;
  const links = appsLinkedToPostgresService(data, service);
  return [
    ["--config-dir", `${root}/data`],
    ["--config-options", ""],
    ["--data-dir", `${root}/data`],
    ["--dsn", postgresServiceUrl(service)],
    // `service_exposed_ports` prints each mapping followed by a space.
    ["--exposed-ports", service.exposedOn === null ? "-" : `${POSTGRES_PORT}->${service.exposedOn} `],
    ["--id", service.containerId],
    ["--internal-ip", service.internalIp],
    ["--initial-network", ""],
    // The links file turned into one line, each name followed by a space.
    ["--links", links.length === 0 ? "-" : links.map((app) => `${app} `).join("")],
    ["--post-create-network", ""],
    ["--post-start-network", ""],
    ["--service-root", root],
    ["--status", service.status],
    // The running image, read from the container, which a stopped service no longer has.
    ["--version", service.status === "running" ? `${service.image}:${service.imageVersion}` : ""],
  ];
}

/** `service_info`: the service's report, or the value of one flag. */
function printServiceInfo(out: DokkuOutput, data: DokkuData, service: DokkuPostgresServiceRecord, infoFlag = ""): void {
  printShellReport(
    out,
    serviceInfoValues(data, service),
    { header: `${service.name} postgres service information`, keyWidth: 20, printsEmptyValue: true },
    infoFlag,
  );
}

/** What creating a container prints (`service_create_container`), the service's info last. */
function printContainerCreation(
  out: DokkuOutput,
  data: DokkuData,
  service: DokkuPostgresServiceRecord,
  restarted: boolean,
): void {
  out.verboseQuiet("Waiting for container to be ready");
  out.verboseQuiet("Creating container database");
  // On a restart the database is in the data directory already, so `createdb` fails.
  if (restarted) out.verboseQuiet("Already exists");
  out.verboseQuiet("Securing connection to database");
  out.info2(`Postgres container created: ${service.name}`);
  printServiceInfo(out, data, service);
}

/** `service_start` of a stopped service: a new container. */
function startService(out: DokkuOutput, data: DokkuData, service: DokkuPostgresServiceRecord): void {
  out.info2Quiet("Starting container");
  startPostgresService(data, service);
  printContainerCreation(out, data, service, true);
}

/** The service named first, checked as every subcommand checks it. */
function namedService({ data, args }: CommandContext): DokkuPostgresServiceRecord {
  return verifyPostgresService(data, args[0] ?? "");
}

/** The service and app a link subcommand names, both required, checked in the order the subcommand checks them. */
function serviceAndApp(
  { data, args }: CommandContext,
  order: "app first" | "service first",
): { service: DokkuPostgresServiceRecord; app: DokkuAppRecord } {
  const [serviceName = "", appName = ""] = args;
  if (serviceName === "") throw new UsageError("Please specify a valid name for the service");
  if (appName === "") throw new UsageError("Please specify an app to run the command on");
  if (order === "app first") {
    const app = verifyAppInShellPlugin(data, appName);
    return { app, service: verifyPostgresService(data, serviceName) };
  }
  const service = verifyPostgresService(data, serviceName);
  return { service, app: verifyAppInShellPlugin(data, appName) };
}

/** Whether a link change skips restarting the app: `--no-restart` anywhere, `-n`, or `--restart-apps false`. */
function skipsRestart(context: CommandContext, options: Map<string, string>): boolean {
  return (
    context.invocation.globalFlags.some((flag) => flag.includes("--no-restart")) ||
    options.has("n") ||
    options.get("R") === "false"
  );
}

/** What follows a link change's config change: the restart, or the plugin's note that it skipped it. */
function printLinkRestart(out: DokkuOutput, app: DokkuAppRecord, skipRestart: boolean): void {
  if (skipRestart) out.verbose("Skipping restart of linked app");
  else printRestart(out, app, true);
}

/** Options `postgres:create` takes that change only the container, which the sandbox does not model. */
const UNMODELLED_CREATE_OPTIONS: Record<string, string> = {
  c: "--config-options",
  C: "--custom-env",
  d: "--database",
  m: "--memory",
  N: "--initial-network",
  P: "--post-create-network",
  r: "--root-password",
  s: "--shm-size",
  S: "--post-start-network",
  u: "--user",
};

const postgresCreate: DokkuCommand = ({ data, args, out }) => {
  const name = args[0] ?? "";
  validateNewPostgresService(data, name);
  const options = parseServiceArgs(args.slice(1));
  const unmodelled = [...options.keys()].find((letter) => Object.hasOwn(UNMODELLED_CREATE_OPTIONS, letter));
  if (unmodelled !== undefined) {
    throw new CommandExit(1, `sandbox: postgres:create ${UNMODELLED_CREATE_OPTIONS[unmodelled]} is not modelled`);
  }
  const password = options.get("p") || undefined;
  const service = createPostgresService(data, name, {
    image: options.get("i") || undefined,
    imageVersion: options.get("I") || undefined,
    password,
  });
  if (password !== undefined) out.warn("Specified password may not be as secure as the auto-generated password");
  printContainerCreation(out, data, service, false);
};

const postgresInfo: DokkuCommand = (context) => {
  printServiceInfo(context.out, context.data, namedService(context), context.args[1] ?? "");
};

const postgresDestroy: DokkuCommand = (context) => {
  const { data, args, out, invocation } = context;
  const service = namedService(context);
  refuseDestroyingLinkedService(data, service);
  if (!["force", "-f", "--force"].includes(args[1] ?? "") && !invocation.force) {
    // The plugin asks for the name with `read`, which finds no input over SSH and ends the script (status 1).
    out.warn("WARNING: Potentially Destructive Action");
    out.warn(`This command will destroy ${service.name} Postgres service.`);
    out.warn(`To proceed, type "${service.name}"`);
    out.line("");
    throw new CommandExit(1);
  }
  out.info2Quiet(`Deleting ${service.name}`);
  printContainerRemoval(out, service);
  out.verboseQuiet("Removing data");
  destroyPostgresService(data, service);
  out.info2(`Postgres container deleted: ${service.name}`);
};

/** What removing the container prints (`service_container_rm` → `service_pause`), or the note that there is none. */
function printContainerRemoval(out: DokkuOutput, service: DokkuPostgresServiceRecord): void {
  if (service.status === "missing") {
    out.warn("Service is already paused");
    return;
  }
  out.info2Quiet("Pausing container");
  out.verboseQuiet("Container paused");
  out.verboseQuiet("Removing container");
}

const postgresLink: DokkuCommand = (context) => {
  const { data, args, out } = context;
  const { service, app } = serviceAndApp(context, "app first");
  const options = parseServiceArgs(args.slice(2));
  // The plugin tests both with `-n`, so an empty one counts as not given.
  const link = linkPostgresService(data, service, app, {
    alias: options.get("a") || undefined,
    querystring: options.get("q") || undefined,
  });
  printConfigSet(out, new Map([[link.key, link.url]]));
  printLinkRestart(out, app, skipsRestart(context, options));
};

const postgresLinked: DokkuCommand = (context) => {
  const { service, app } = serviceAndApp(context, "app first");
  if (!isPostgresServiceLinked(service, app)) {
    throw new CommandExit(1, `Service ${service.name} is not linked to ${app.name}`);
  }
  context.out.info1(`Service ${service.name} is linked to ${app.name}`);
};

const postgresUnlink: DokkuCommand = (context) => {
  const { data, args, out } = context;
  const { service, app } = serviceAndApp(context, "service first");
  const options = parseServiceArgs(args.slice(2));
  const keys = unlinkPostgresService(data, service, app);
  printConfigUnset(out, unsetConfigVars(app, keys));
  printLinkRestart(out, app, skipsRestart(context, options));
};

const postgresStop: DokkuCommand = (context) => {
  const service = namedService(context);
  printContainerRemoval(context.out, service);
  stopPostgresService(service);
};

const postgresStart: DokkuCommand = (context) => {
  const service = namedService(context);
  if (service.status === "running") {
    context.out.warn("Service is already started");
    return;
  }
  startService(context.out, context.data, service);
};

const postgresExpose: DokkuCommand = (context) => {
  const { data, args, out } = context;
  const service = namedService(context);
  exposePostgresService(service, args.slice(1));
  if (service.status !== "running") startService(out, data, service);
  out.info1(`Service ${service.name} exposed on port(s) [container->host]: ${POSTGRES_PORT}->${service.exposedOn} `);
};

const postgresUnexpose: DokkuCommand = (context) => {
  const service = namedService(context);
  unexposePostgresService(service);
  context.out.info1(`Service ${service.name} unexposed`);
};

/** The Postgres plugin's commands the sandbox runs. */
export const POSTGRES_COMMANDS: Record<string, DokkuCommand> = {
  "postgres:create": postgresCreate,
  "postgres:info": postgresInfo,
  "postgres:destroy": postgresDestroy,
  "postgres:link": postgresLink,
  "postgres:linked": postgresLinked,
  "postgres:unlink": postgresUnlink,
  "postgres:stop": postgresStop,
  "postgres:start": postgresStart,
  "postgres:expose": postgresExpose,
  "postgres:unexpose": postgresUnexpose,
};
