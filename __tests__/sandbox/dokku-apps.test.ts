/**
 * The sandbox's Dokku server: `version` and `apps:*`, against Dokku 0.34.9's own output (plugins/apps/*.go,
 * plugins/common/*) and what the Terraform provider reads from it.
 */
import { runDokkuCommand } from "../../sandbox/dokku/commands";
import { emptyDokkuData } from "../../sandbox/dokku/models/records";
import { detectedVersion, dokkuServer, refusedWithoutChange } from "./support/dokku-client";

const INVALID_NAME =
  " !     App name must begin with lowercase alphanumeric character, and cannot include uppercase characters, colons, or underscores\n";

describe("version", () => {
  // dokku (the script): `version | -v | --version` → `dokku_version` in plugins/common/functions, which prints
  // "dokku version" and the STABLE_VERSION file (the tag without its `v`).
  test.each(["version", "-v", "--quiet version"])("%j prints the release, which the provider accepts", (line) => {
    const result = dokkuServer().run(line);
    expect(result).toEqual({ stdout: "dokku version 0.34.9\n", stderr: "", status: 0 });
    expect(detectedVersion(result.stdout)).toEqual({ version: "0.34.9", tested: true });
  });

  test("a server set to claim another release says so, for tests of a client's range check", () => {
    const server = emptyDokkuData();
    expect(runDokkuCommand(server, "version", { version: "0.36.1" }).stdout).toBe("dokku version 0.36.1\n");
    expect(detectedVersion("dokku version 0.36.1\n")).toEqual({ version: "0.36.1", tested: false });
  });

  // Over SSH, `--version` reaches Dokku through `xargs -n 1`, whose `echo` prints its own version instead.
  test("--version over SSH is refused: Dokku's xargs would hand it to echo", () => {
    expect(dokkuServer().run("--version")).toEqual({
      stdout: "",
      stderr:
        " !     sandbox: refused: Dokku re-reads the line with `xargs -n 1` and would not see the words a shell sees " +
        "(echo prints its own version text for `--version`)\n",
      status: 2,
    });
  });

  // provider.go providerConfigure: the tested range ">=0.30.0 <0.36.0" (no Dokku output involved).
  test("the provider's range check refuses what it has not been tested with", () => {
    expect(detectedVersion("dokku version 0.36.0\n").tested).toBe(false);
    expect(detectedVersion("dokku version 0.29.4\n").tested).toBe(false);
  });
});

describe("apps:exists", () => {
  // plugins/apps/subcommands.go CommandExists → common.VerifyAppName: silent when the app exists.
  test("an existing app: no output, status 0", () => {
    const server = dokkuServer();
    server.given("apps:create songlist-staging");
    expect(server.run("apps:exists songlist-staging")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  // common.AppDoesNotExist: " !     App <name> does not exist", ExitCode 20; the provider reads status > 0 as absent.
  test("an absent app: Dokku's message and status 20", () => {
    expect(dokkuServer().run("apps:exists nothing-here")).toEqual({
      stdout: "",
      stderr: " !     App nothing-here does not exist\n",
      status: 20,
    });
  });

  // common.VerifyAppName: a name neither rule allows fails the rule (status 1); an empty one asks for a name.
  test("an invalid name and a missing one are refused with the rule's message, status 1", () => {
    const server = dokkuServer();
    expect(server.run("apps:exists Songlist")).toEqual({ stdout: "", stderr: INVALID_NAME, status: 1 });
    expect(server.run("apps:exists")).toEqual({
      stdout: "",
      stderr: " !     Please specify an app to run the command on\n",
      status: 1,
    });
  });

  // isValidAppNameOld allows underscores, so such a name is looked up, not refused.
  test("a name with an underscore is looked up (the old rule allowed it)", () => {
    expect(dokkuServer().run("apps:exists old_app")).toEqual({
      stdout: "",
      stderr: " !     App old_app does not exist\n",
      status: 20,
    });
  });
});

describe("apps:create", () => {
  // plugins/apps/functions.go createApp: "Creating <app>..." (LogInfo1Quiet), then plugins/domains/post-create →
  // domains_setup: no global VHOST, so "Global server virtual host not set, disabling app vhost..." and NO_VHOST=1;
  // plugins/ps/triggers.go TriggerPostCreate scales web to 1.
  test("creates the app with vhost support off and web=1, and says so", () => {
    const server = dokkuServer();
    expect(server.run("apps:create songlist-staging")).toEqual({
      stdout:
        "-----> Creating songlist-staging...\n-----> Global server virtual host not set, disabling app vhost...\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.apps).toEqual([
      {
        name: "songlist-staging",
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        config: { NO_VHOST: "1" },
        domains: [],
        buildpacks: [],
        ports: [],
        nginx: {},
        scale: { web: 1 },
      },
    ]);
    expect(server.run("apps:exists songlist-staging").status).toBe(0);
  });

  // --quiet sets DOKKU_QUIET_OUTPUT, which LogInfo1Quiet and dokku_log_info1_quiet honour.
  test("--quiet drops the quiet lines", () => {
    expect(dokkuServer().run("--quiet apps:create songlist-staging")).toEqual({ stdout: "", stderr: "", status: 0 });
  });

  // createApp: "Name is already taken".
  test("a taken name is refused, changing nothing", () => {
    const server = dokkuServer();
    server.given("apps:create songlist-staging");
    expect(refusedWithoutChange(server, "apps:create songlist-staging")).toEqual({
      stdout: "",
      stderr: " !     Name is already taken\n",
      status: 1,
    });
  });

  // common.IsValidAppName: ^[a-z0-9][^/:_A-Z]*$.
  test.each(["Songlist", "songList", "song_list", "song:list", "song/list", ".songlist"])(
    "%j is refused by the name rule",
    (name) => {
      const server = dokkuServer();
      expect(refusedWithoutChange(server, `apps:create ${name}`)).toEqual({
        stdout: "",
        stderr: INVALID_NAME,
        status: 1,
      });
    },
  );

  // common.IsValidAppName: these match ^[a-z0-9][^/:_A-Z]*$.
  test.each(["songlist", "0songlist", "song.list", "s-0.x"])("%j is a valid name", (name) => {
    expect(dokkuServer().run(`apps:create ${name}`).status).toBe(0);
  });

  // pflag (v1.0.5, ExitOnError) reads a word starting with `-` as flags: the error, the usage, the error, status 2.
  test("a name starting with - never reaches the name rule: pflag refuses it as a flag", () => {
    expect(refusedWithoutChange(dokkuServer(), "apps:create -songlist")).toEqual({
      stdout: "",
      stderr:
        "unknown shorthand flag: 's' in -songlist\nUsage of apps:create:\nunknown shorthand flag: 's' in -songlist\n",
      status: 2,
    });
  });

  // CommandCreate → IsValidAppName(""): "Please specify an app to run the command on".
  test("no name is refused", () => {
    expect(refusedWithoutChange(dokkuServer(), "apps:create").stderr).toBe(
      " !     Please specify an app to run the command on\n",
    );
  });
});

describe("apps:destroy", () => {
  // destroyApp: "Destroying <app> (including all add-ons)"; dokku-postgres's pre-delete says "Unlinking from" every
  // service and drops the app from its links; DockerCleanup "Cleaning up..."; "Retiring old containers and images".
  test("--force destroys the app and its links, naming every service", () => {
    const server = dokkuServer();
    server.given(
      "apps:create songlist-staging",
      "apps:create other",
      "postgres:create songlist-db",
      "postgres:create zz-db",
      "postgres:link songlist-db songlist-staging",
      "postgres:link songlist-db other",
    );
    expect(server.run("apps:destroy songlist-staging --force")).toEqual({
      stdout:
        "-----> Destroying songlist-staging (including all add-ons)\n" +
        "       Unlinking from songlist-db\n" +
        "       Unlinking from zz-db\n" +
        "-----> Cleaning up...\n" +
        "-----> Retiring old containers and images\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.apps.map((app) => app.name)).toEqual(["other"]);
    expect(server.data.postgresLinks).toEqual([{ service: "songlist-db", app: "other", alias: "DATABASE" }]);
    expect(server.run("apps:exists songlist-staging").status).toBe(20);
  });

  // dokku's parse_args exports DOKKU_APPS_FORCE_DELETE for `--force` anywhere, before the app's name too.
  test("--force before the name works as well", () => {
    const server = dokkuServer();
    server.given("apps:create songlist-staging");
    expect(server.run("apps:destroy --force songlist-staging").status).toBe(0);
    expect(server.data.apps).toEqual([]);
  });

  // common.AskForDestructiveConfirmation: three warnings, a "> " prompt, and fmt.Scanln's EOF on an empty stdin.
  test("without --force the confirmation finds no input: Dokku's prompt, EOF, status 1, nothing destroyed", () => {
    const server = dokkuServer();
    server.given("apps:create songlist-staging");
    expect(refusedWithoutChange(server, "apps:destroy songlist-staging")).toEqual({
      stdout: "> ",
      stderr:
        " !     WARNING: Potentially Destructive Action\n" +
        " !     This command will destroy app songlist-staging.\n" +
        ' !     To proceed, type "songlist-staging"\n' +
        " !     EOF\n",
      status: 1,
    });
  });

  // apps/subcommands.go CommandDestroy → common.VerifyAppName: AppDoesNotExist, exit 20.
  test("an absent app is refused with status 20", () => {
    expect(refusedWithoutChange(dokkuServer(), "apps:destroy nothing-here --force")).toEqual({
      stdout: "",
      stderr: " !     App nothing-here does not exist\n",
      status: 20,
    });
  });
});

describe("apps:rename", () => {
  // CommandRename: "Renaming <old> to <new>", createApp(new) with its post-create lines, post-app-rename-setup (config
  // merged, properties cloned, links copied; VHOST copied only per global VHOST line: none), destroyApp(old).
  test("moves config, buildpacks, ports, nginx properties, scale and links to the new name; domains are lost", () => {
    const server = dokkuServer();
    server.given(
      "apps:create old-name",
      "config:set old-name SECRET=s",
      "domains:set old-name old.example.com",
      "buildpacks:add old-name heroku/python",
      "ports:add old-name http:80:5000",
      "nginx:set old-name bind-address-ipv4 127.0.0.1",
      "ps:scale old-name web=2",
      "postgres:create db",
      "postgres:link db old-name",
    );
    const old = structuredClone(server.data.apps[0]);
    expect(server.run("apps:rename old-name new-name")).toEqual({
      stdout:
        "-----> Renaming old-name to new-name\n" +
        "-----> Creating new-name...\n" +
        "-----> Global server virtual host not set, disabling app vhost...\n" +
        "-----> Destroying old-name (including all add-ons)\n" +
        "       Unlinking from db\n" +
        "-----> Cleaning up...\n" +
        "-----> Retiring old containers and images\n",
      stderr: "",
      status: 0,
    });
    const renamed = server.data.apps.find((app) => app.name === "new-name");
    expect(renamed).toEqual({ ...old, name: "new-name", domains: [] });
    expect(server.data.apps.map((app) => app.name)).toEqual(["new-name"]);
    expect(server.data.postgresLinks).toEqual([{ service: "db", app: "new-name", alias: "DATABASE" }]);
    expect(server.run("postgres:linked db new-name").status).toBe(0);
  });

  // apps/subcommands.go CommandRename: its own two "Please specify" checks, VerifyAppName, IsValidAppName, appExists.
  test.each([
    ["apps:rename", " !     Please specify an app to run the command on\n", 1],
    ["apps:rename old-name", " !     Please specify an new app name\n", 1],
    ["apps:rename nothing new-name", " !     App nothing does not exist\n", 20],
    ["apps:rename old-name New", INVALID_NAME, 1],
    ["apps:rename old-name taken", " !     Name is already taken\n", 1],
  ])("%j is refused with Dokku's message, changing nothing", (line, stderr, status) => {
    const server = dokkuServer();
    server.given("apps:create old-name", "apps:create taken");
    expect(refusedWithoutChange(server, line)).toEqual({ stdout: "", stderr, status });
  });
});
