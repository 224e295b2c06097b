/**
 * The sandbox's Dokku server: `postgres:*`, against dokku-postgres 1.38.0 (the release current with Dokku 0.34.9:
 * subcommands/*, functions, common-functions) and what the provider reads back (`getServiceInfo`,
 * `dokkuServiceRead`, `serviceLinkRead`).
 */
import type { DokkuPostgresServiceRecord } from "../../sandbox/dokku/models/records";
import {
  dokkuServer,
  dokkuServiceRead,
  getServiceInfo,
  readAppConfig,
  refusedWithoutChange,
  type DokkuTestServer,
} from "./support/dokku-client";

/** The service's URL as `service_url` makes it: `.`/`_` become `-` in the host, `.`/`-` become `_` in the database. */
function dsn(service: DokkuPostgresServiceRecord): string {
  const host = `dokku-postgres-${service.name.replace(/[._]/g, "-")}`;
  return `postgres://postgres:${service.password}@${host}:5432/${service.name.replace(/[.-]/g, "_")}`;
}

/** `service_info`'s report: `printf "%-20s %-25s"` after dokku_log_verbose's seven spaces. */
function infoBlock(service: DokkuPostgresServiceRecord, extra: { links?: string; exposed?: string } = {}): string {
  const root = `/var/lib/dokku/services/postgres/${service.name}`;
  const running = service.status === "running";
  const lines: [string, string][] = [
    ["Config dir:", `${root}/data`],
    ["Config options:", ""],
    ["Data dir:", `${root}/data`],
    ["Dsn:", dsn(service)],
    ["Exposed ports:", extra.exposed ?? "-"],
    ["Id:", service.containerId],
    ["Internal ip:", service.internalIp],
    ["Initial network:", ""],
    ["Links:", extra.links ?? "-"],
    ["Post create network:", ""],
    ["Post start network:", ""],
    ["Service root:", root],
    ["Status:", service.status],
    ["Version:", running ? `${service.image}:${service.imageVersion}` : ""],
  ];
  return (
    `=====> ${service.name} postgres service information\n` +
    lines.map(([key, value]) => `       ${key.padEnd(20)} ${value.padEnd(25)}\n`).join("")
  );
}

function serviceNamed(server: DokkuTestServer, name: string): DokkuPostgresServiceRecord {
  const service = server.data.postgresServices.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`no service ${name}`);
  return service;
}

describe("postgres:create", () => {
  // service_create → service_create_container: "Waiting for container to be ready", "Creating container database",
  // "Securing connection to database" (verbose, quiet), "Postgres container created: <name>", then service_info.
  test("creates a running service on the default image, prints its info; the provider reads the model back", () => {
    const server = dokkuServer();
    const result = server.run("postgres:create songlist-db");
    const service = serviceNamed(server, "songlist-db");
    expect(service).toMatchObject({ image: "postgres", imageVersion: "16.4", status: "running", exposedOn: null });
    expect(service.password).toMatch(/^[0-9a-f]{32}$/);
    expect(service.containerId).toMatch(/^[0-9a-f]{64}$/);
    expect(service.internalIp).toBe("172.17.0.2");
    expect(result).toEqual({
      stdout:
        "       Waiting for container to be ready\n" +
        "       Creating container database\n" +
        "       Securing connection to database\n" +
        "=====> Postgres container created: songlist-db\n" +
        infoBlock(service),
      stderr: "",
      status: 0,
    });
    expect(result.stdout).toContain(`songlist_db`);
    const info = server.run("postgres:info songlist-db");
    expect(info).toEqual({ stdout: infoBlock(service), stderr: "", status: 0 });
    expect(dokkuServiceRead(getServiceInfo(info) ?? {})).toEqual({
      stopped: false,
      image: service.image,
      imageVersion: service.imageVersion,
    });
  });

  // The provider's createServiceFlagStr: `--image <i> --image-version <v>` after a doubled space.
  test("--image and --image-version choose the image; --password the password, with the plugin's warning", () => {
    const server = dokkuServer();
    server.given("postgres:create db  --image postgis/postgis --image-version 16-3.4");
    const db = serviceNamed(server, "db");
    expect(db).toMatchObject({ image: "postgis/postgis", imageVersion: "16-3.4" });
    expect(dokkuServiceRead(getServiceInfo(server.run("postgres:info db")) ?? {})).toMatchObject({
      image: "postgis/postgis",
      imageVersion: "16-3.4",
    });
    const result = server.run("postgres:create other -p s3cret");
    expect(result.stderr).toBe(" !     Specified password may not be as secure as the auto-generated password\n");
    expect(serviceNamed(server, "other").password).toBe("s3cret");
    expect(serviceNamed(server, "other").internalIp).toBe("172.17.0.3");
  });

  // functions service_create: is_valid_service_name, then the service directory's existence; then service_parse_args.
  test.each([
    ["postgres:create", " !     Please specify a valid name for the service. Valid characters are: [A-Za-z0-9_]+\n"],
    [
      "postgres:create my.db",
      " !     Please specify a valid name for the service. Valid characters are: [A-Za-z0-9_]+\n",
    ],
    ["postgres:create taken", " !     Postgres service taken already exists\n"],
    ["postgres:create new --memory 512", " !     sandbox: postgres:create --memory is not modelled\n"],
  ])("%j is refused, creating nothing", (line, stderr) => {
    const server = dokkuServer();
    server.given("postgres:create taken");
    expect(refusedWithoutChange(server, line)).toEqual({ stdout: "", stderr, status: 1 });
  });

  // common-functions is_valid_service_name (^[A-Za-z0-9_-]+$), service_dns_hostname, write_database_name.
  test("a name may hold '-' and '_' (the check allows more than its message says); the database name uses '_'", () => {
    const server = dokkuServer();
    server.given("postgres:create my-db_2");
    expect(server.run("postgres:info my-db_2 --dsn").stdout).toBe(`${dsn(serviceNamed(server, "my-db_2"))}\n`);
    expect(server.run("postgres:info my-db_2 --dsn").stdout).toContain("@dokku-postgres-my-db-2:5432/my_db_2\n");
  });
});

describe("postgres:info", () => {
  // common-functions verify_service_name: "Postgres service <name> does not exist"; subcommands/info's empty check.
  test("an absent service: the plugin's message, status 1, which the provider reads as absent", () => {
    const result = dokkuServer().run("postgres:info nothing");
    expect(result).toEqual({ stdout: "", stderr: " !     Postgres service nothing does not exist\n", status: 1 });
    expect(getServiceInfo(result)).toBeUndefined();
    expect(dokkuServer().run("postgres:info")).toEqual({
      stdout: "",
      stderr: " !     Please specify a valid name for the service\n",
      status: 1,
    });
  });

  // service_info with a flag echoes its value, an empty line for an empty one; an unknown flag lists the valid ones.
  test("a flag prints its value alone, even an empty one", () => {
    const server = dokkuServer();
    server.given("postgres:create db");
    expect(server.run("postgres:info db --status").stdout).toBe("running\n");
    expect(server.run("postgres:info db --initial-network")).toEqual({ stdout: "\n", stderr: "", status: 0 });
    expect(server.run("postgres:info db --nope")).toEqual({
      stdout: "",
      stderr:
        " !     Invalid flag passed, valid flags: --config-dir --config-options --data-dir --dsn --exposed-ports --id" +
        " --internal-ip --initial-network --links --post-create-network --post-start-network --service-root --status" +
        " --version\n",
      status: 1,
    });
  });
});

describe("postgres:link, postgres:linked, postgres:unlink", () => {
  // service_link: DATABASE_URL=<service_url> through config_set (Setting config vars, Restarting app).
  test("link sets DATABASE_URL to the service's URL and restarts; linked says so; the app's config holds it", () => {
    const server = dokkuServer();
    server.given("apps:create app", "postgres:create db");
    const db = serviceNamed(server, "db");
    expect(server.run("postgres:link db app")).toEqual({
      stdout: `-----> Setting config vars\n       DATABASE_URL:  ${dsn(db)}\n-----> Restarting app app\n`,
      stderr: "",
      status: 0,
    });
    expect(server.data.postgresLinks).toEqual([{ service: "db", app: "app", alias: "DATABASE" }]);
    expect(readAppConfig(server.run("config:show app").stdout).DATABASE_URL).toBe(dsn(db));
    expect(server.run("postgres:linked db app")).toEqual({
      stdout: "-----> Service db is linked to app\n",
      stderr: "",
      status: 0,
    });
    expect(server.run("postgres:info db --links").stdout).toBe("app \n");
  });

  // The provider sends `postgres:link <s> <a>  --alias X --querystring Q` (serviceLinkCreate's doubled spaces).
  test("--alias names the variable (uppercased, _URL dropped); --querystring is appended after ?", () => {
    const server = dokkuServer();
    server.given(
      "apps:create app",
      "postgres:create db",
      "postgres:link db app   --alias reporting_url --querystring '?sslmode=require'",
    );
    const url = `${dsn(serviceNamed(server, "db"))}?sslmode=require`;
    expect(server.data.apps[0].config.REPORTING_URL).toBe(url);
    expect(server.data.postgresLinks).toEqual([{ service: "db", app: "app", alias: "REPORTING" }]);
    expect(server.run("postgres:linked db app").status).toBe(0);
  });

  // service_alternative_alias: DATABASE_URL taken, the first free DOKKU_POSTGRES_<COLOR>.
  test("a second service gets DOKKU_POSTGRES_AQUA, a third BLACK", () => {
    const server = dokkuServer();
    server.given("apps:create app", "postgres:create a", "postgres:create b", "postgres:create c");
    server.given("postgres:link a app", "postgres:link b app", "postgres:link c app");
    expect(Object.keys(server.data.apps[0].config)).toEqual([
      "NO_VHOST",
      "DATABASE_URL",
      "DOKKU_POSTGRES_AQUA_URL",
      "DOKKU_POSTGRES_BLACK_URL",
    ]);
  });

  // common-functions update_plugin_scheme_for_app and service_link's --no-restart branch ("Skipping restart of linked
  // app").
  test("POSTGRES_DATABASE_SCHEME on the app changes the URL's scheme; --no-restart skips the restart", () => {
    const server = dokkuServer();
    server.given("apps:create app", "config:set app POSTGRES_DATABASE_SCHEME=postgis", "postgres:create db");
    const url = dsn(serviceNamed(server, "db")).replace(/^postgres:/, "postgis:");
    expect(server.run("postgres:link db app --no-restart")).toEqual({
      stdout: `-----> Setting config vars\n       DATABASE_URL:  ${url}\n       Skipping restart of linked app\n`,
      stderr: "",
      status: 0,
    });
  });

  // common-functions service_link: alias checks, then "Already linked as"; config:set's validateKey; the subcommand's
  // own checks.
  test.each([
    ["postgres:link db app", " !     Already linked as DATABASE_URL\n", 1],
    ["postgres:link db app --alias other", " !     Already linked as DATABASE_URL\n", 1],
    ["postgres:link db app --alias database", " !     Specified alias DATABASE already in use\n", 1],
    ["postgres:link other app --alias my-db", " !     Invalid key name: 'MY-DB_URL'\n", 1],
    ["postgres:link db nothing", " !     App nothing does not exist\n", 20],
    ["postgres:link nothing app", " !     Postgres service nothing does not exist\n", 1],
    ["postgres:link db", " !     Please specify an app to run the command on\n", 1],
    ["postgres:link", " !     Please specify a valid name for the service\n", 1],
  ])("%j is refused, changing nothing", (line, stderr, status) => {
    const server = dokkuServer();
    server.given("apps:create app", "postgres:create db", "postgres:create other", "postgres:link db app");
    expect(refusedWithoutChange(server, line)).toEqual({ stdout: "", stderr, status });
  });

  // service_is_linked: a warning and exit 1 when no config line holds the URL; the provider's serviceLinkRead reads
  // status > 0 as "no link".
  test("linked of an app without the URL: the plugin's warning, status 1", () => {
    const server = dokkuServer();
    server.given("apps:create app", "postgres:create db");
    expect(server.run("postgres:linked db app")).toEqual({
      stdout: "",
      stderr: " !     Service db is not linked to app\n",
      status: 1,
    });
  });

  // service_unlink: config_unset of every variable holding the URL, with the restart.
  test("unlink unsets the variable and restarts; the link is gone", () => {
    const server = dokkuServer();
    server.given("apps:create app", "postgres:create db", "postgres:link db app");
    expect(server.run("postgres:unlink db app")).toEqual({
      stdout: "-----> Unsetting DATABASE_URL\n-----> Restarting app app\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.postgresLinks).toEqual([]);
    expect(server.data.apps[0].config).toEqual({ NO_VHOST: "1" });
    expect(server.run("postgres:linked db app").status).toBe(1);
    expect(server.run("postgres:info db --links").stdout).toBe("-\n");
  });

  // service_unlink removes the app from the links file before it finds no URL to unset: the refusal still clears the
  // link, which is how a service whose app's variable was unset by hand becomes destroyable.
  test("unlink of an app whose variable is gone: refused, yet the link is cleared (as the plugin does)", () => {
    const server = dokkuServer();
    server.given("apps:create app", "postgres:create db", "postgres:link db app", "config:unset app DATABASE_URL");
    expect(server.run("postgres:destroy db -f").stderr).toBe(" !     Cannot delete linked service\n");
    expect(server.run("postgres:unlink db app")).toEqual({
      stdout: "",
      stderr: " !     Not linked to app app\n",
      status: 1,
    });
    expect(server.data.postgresLinks).toEqual([]);
    expect(server.run("postgres:destroy db -f").status).toBe(0);
  });

  // subcommands/unlink verifies the service, then the app; subcommands/linked the app, then the service.
  test("unlink checks the service before the app", () => {
    const server = dokkuServer();
    expect(refusedWithoutChange(server, "postgres:unlink nothing none").stderr).toBe(
      " !     Postgres service nothing does not exist\n",
    );
    expect(refusedWithoutChange(server, "postgres:linked nothing none").stderr).toBe(
      " !     App none does not exist\n",
    );
  });
});

describe("postgres:destroy", () => {
  // subcommands/destroy: "Deleting <name>", service_container_rm (Pausing container / Container paused / Removing
  // container), "Removing data", "Postgres container deleted: <name>".
  test("-f destroys the service", () => {
    const server = dokkuServer();
    server.given("postgres:create db");
    expect(server.run("postgres:destroy db -f")).toEqual({
      stdout:
        "=====> Deleting db\n" +
        "=====> Pausing container\n" +
        "       Container paused\n" +
        "       Removing container\n" +
        "       Removing data\n" +
        "=====> Postgres container deleted: db\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.postgresServices).toEqual([]);
    expect(server.run("postgres:info db").status).toBe(1);
  });

  // common-functions service_container_rm → service_pause: no container, so "Service is already paused" (a warning).
  test("a stopped service has no container to remove: the plugin notes it is paused already", () => {
    const server = dokkuServer();
    server.given("postgres:create db", "postgres:stop db");
    expect(server.run("postgres:destroy db --force")).toEqual({
      stdout: "=====> Deleting db\n       Removing data\n=====> Postgres container deleted: db\n",
      stderr: " !     Service is already paused\n",
      status: 0,
    });
  });

  // Without force the plugin prompts with `read`, which finds nothing over SSH: the warnings, an empty line, status 1.
  test("without -f: the warnings, and nothing destroyed", () => {
    const server = dokkuServer();
    server.given("postgres:create db");
    expect(refusedWithoutChange(server, "postgres:destroy db")).toEqual({
      stdout: "\n",
      stderr:
        " !     WARNING: Potentially Destructive Action\n" +
        " !     This command will destroy db Postgres service.\n" +
        ' !     To proceed, type "db"\n',
      status: 1,
    });
  });

  // subcommands/destroy: the LINKS check comes before the confirmation; verify_service_name for an absent one.
  test("a linked service is refused before any prompt; an absent one is unknown", () => {
    const server = dokkuServer();
    server.given("apps:create app", "postgres:create db", "postgres:link db app");
    expect(refusedWithoutChange(server, "postgres:destroy db")).toEqual({
      stdout: "",
      stderr: " !     Cannot delete linked service\n",
      status: 1,
    });
    expect(refusedWithoutChange(server, "postgres:destroy nothing -f").stderr).toBe(
      " !     Postgres service nothing does not exist\n",
    );
  });
});

describe("postgres:stop, postgres:start, postgres:expose, postgres:unexpose", () => {
  // stop = service_container_rm: the container is removed, so inspect finds nothing: status "missing", no version.
  test("stop removes the container; the provider reads the service as stopped", () => {
    const server = dokkuServer();
    server.given("postgres:create db");
    expect(server.run("postgres:stop db")).toEqual({
      stdout: "=====> Pausing container\n       Container paused\n       Removing container\n",
      stderr: "",
      status: 0,
    });
    const db = serviceNamed(server, "db");
    expect(db).toMatchObject({ status: "missing", internalIp: "" });
    const info = server.run("postgres:info db");
    expect(info.stdout).toBe(infoBlock(db));
    expect(dokkuServiceRead(getServiceInfo(info) ?? {})).toEqual({ stopped: true });
    expect(server.run("postgres:stop db")).toEqual({
      stdout: "",
      stderr: " !     Service is already paused\n",
      status: 0,
    });
  });

  // service_start with no container: "Starting container", then service_create_container (the database exists
  // already, so createdb fails: "Already exists").
  test("start makes a new container on the same data", () => {
    const server = dokkuServer();
    server.given("postgres:create db", "postgres:stop db");
    const oldId = serviceNamed(server, "db").containerId;
    const result = server.run("postgres:start db");
    const db = serviceNamed(server, "db");
    expect(db.containerId).not.toBe(oldId);
    expect(db.status).toBe("running");
    expect(result).toEqual({
      stdout:
        "=====> Starting container\n" +
        "       Waiting for container to be ready\n" +
        "       Creating container database\n" +
        "       Already exists\n" +
        "       Securing connection to database\n" +
        "=====> Postgres container created: db\n" +
        infoBlock(db),
      stderr: "",
      status: 0,
    });
    expect(server.run("postgres:start db")).toEqual({
      stdout: "",
      stderr: " !     Service is already started\n",
      status: 0,
    });
  });

  // service_port_expose: "Service <name> exposed on port(s) [container->host]: 5432->PORT " (with its trailing space).
  test("expose on host:port, which the provider reads back as expose_on; unexpose forgets it", () => {
    const server = dokkuServer();
    server.given("postgres:create db");
    expect(server.run("postgres:expose db 0.0.0.0:8085")).toEqual({
      stdout: "-----> Service db exposed on port(s) [container->host]: 5432->0.0.0.0:8085 \n",
      stderr: "",
      status: 0,
    });
    const info = server.run("postgres:info db");
    expect(info.stdout).toBe(infoBlock(serviceNamed(server, "db"), { exposed: "5432->0.0.0.0:8085 " }));
    expect(dokkuServiceRead(getServiceInfo(info) ?? {}).exposed).toBe(serviceNamed(server, "db").exposedOn);
    expect(server.run("postgres:unexpose db")).toEqual({
      stdout: "-----> Service db unexposed\n",
      stderr: "",
      status: 0,
    });
    expect(serviceNamed(server, "db").exposedOn).toBeNull();
    expect(dokkuServiceRead(getServiceInfo(server.run("postgres:info db")) ?? {}).exposed).toBeUndefined();
  });

  // common-functions service_port_expose: get_random_ports ($RANDOM) when none is given; service_start for a stopped
  // one.
  test("expose without a port picks one; on a stopped service it starts it first", () => {
    const server = dokkuServer();
    server.given("postgres:create db", "postgres:stop db");
    const result = server.run("postgres:expose db");
    const db = serviceNamed(server, "db");
    expect(Number(db.exposedOn)).toBeGreaterThanOrEqual(1024);
    expect(Number(db.exposedOn)).toBeLessThan(32768);
    expect(db.status).toBe("running");
    expect(result.stdout).toMatch(/^=====> Starting container\n/);
    expect(result.stdout).toMatch(
      new RegExp(`-----> Service db exposed on port\\(s\\) \\[container->host\\]: 5432->${db.exposedOn} \\n$`),
    );
  });

  // common-functions service_port_expose: the port count, then the PORT file; verify_service_name.
  test.each([
    ["postgres:expose db 1 2", " !     1 ports to be exposed need to be provided in the following order: 5432\n"],
    ["postgres:expose db 9000", " !     Service db already exposed on port(s) 8085\n"],
    ["postgres:expose nothing 1", " !     Postgres service nothing does not exist\n"],
  ])("%j is refused, changing nothing", (line, stderr) => {
    const server = dokkuServer();
    server.given("postgres:create db", "postgres:expose db 8085");
    expect(refusedWithoutChange(server, line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});
