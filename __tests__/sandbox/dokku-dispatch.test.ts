/**
 * The sandbox's Dokku server: how a command line finds its command (the `dokku` script at v0.34.9: parse_args, the
 * leading-flag shift, `execute_dokku_cmd`'s "is not a dokku command"), and what it does with commands Dokku has but
 * the sandbox does not model.
 */
import { readDokkuInvocation } from "../../sandbox/dokku/commands/global-flags";
import { isDokkuCommand } from "../../sandbox/dokku/commands/command-names";
import { dokkuServer, refusedWithoutChange } from "./support/dokku-client";

describe("finding the command", () => {
  // execute_dokku_cmd: no plugin took it → two dokku_log_warn lines naming every word ($*), exit 1.
  test("an unknown command: Dokku's two lines naming the whole command, status 1", () => {
    expect(refusedWithoutChange(dokkuServer(), "frobnicate:now app --hard")).toEqual({
      stdout: "",
      stderr:
        " !     `frobnicate:now app --hard` is not a dokku command.\n" +
        " !     See `dokku help` for a list of available commands.\n",
      status: 1,
    });
  });

  // The command exists in Dokku 0.34.9 or the plugin (command-names.ts lists them), so it is not execute_dokku_cmd's
  // "unknown".
  test("a Dokku command the sandbox does not model is refused as such, never called unknown", () => {
    for (const line of [
      "apps:list",
      "ps:report app",
      "git-receive-pack 'app'",
      "postgres:backup db bucket",
      "config:help",
    ]) {
      const result = refusedWithoutChange(dokkuServer(), line);
      expect(result.stderr).toBe(
        ` !     sandbox: \`${line.split(" ")[0]}\` is a Dokku command the sandbox does not model\n`,
      );
      expect(result.status).toBe(1);
    }
  });

  // Each plugin's `commands` answers <plugin>:help; plugins/git/commands takes every git-*.
  test("Dokku's commands: the listed ones, every plugin's :help, every git-* (and nothing else)", () => {
    expect(isDokkuCommand("postgres:upgrade")).toBe(true);
    expect(isDokkuCommand("nginx:show-config")).toBe(true);
    expect(isDokkuCommand("domains:help")).toBe(true);
    expect(isDokkuCommand("git-upload-archive")).toBe(true);
    expect(isDokkuCommand("nope:help")).toBe(false);
    expect(isDokkuCommand("apps:frobnicate")).toBe(false);
    expect(isDokkuCommand("redis:create")).toBe(false);
  });

  // dokku (the script): the SSH command is the command (`ssh dokku@host apps:list`), so a leading `dokku` is a command
  // of its own, which no plugin takes; with no words, `case "$1" in help | '')` prints the help, not modelled.
  test("a leading `dokku` word is not a command; no command at all is refused", () => {
    const server = dokkuServer();
    expect(refusedWithoutChange(server, "dokku apps:create app")).toEqual({
      stdout: "",
      stderr:
        " !     `dokku apps:create app` is not a dokku command.\n !     See `dokku help` for a list of available commands.\n",
      status: 1,
    });
    expect(refusedWithoutChange(server, "  ")).toEqual({
      stdout: "",
      stderr: " !     sandbox: no command given (Dokku would print its help)\n",
      status: 1,
    });
  });

  // dokku: parse_args exports DOKKU_TRACE (set -x everywhere) and DOKKU_APP_NAME; the sandbox reproduces neither.
  test("--trace and --app are not modelled, wherever they are", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(refusedWithoutChange(server, "--trace config:show app").stderr).toBe(
      " !     sandbox: the global flag --trace is not modelled\n",
    );
    expect(refusedWithoutChange(server, "config:show --app app").stderr).toBe(
      " !     sandbox: the global flag --app is not modelled\n",
    );
  });
});

describe("the dokku script's global flags", () => {
  // parse_args looks at every word; the loop then shifts leading `--` words off, skipping (not shifting) --version.
  test("leading flags are shifted off; --quiet and --force are seen anywhere; every -- word is kept", () => {
    expect(readDokkuInvocation(["--quiet", "--force", "apps:destroy", "app"])).toEqual({
      ok: true,
      invocation: {
        command: "apps:destroy",
        args: ["app"],
        quiet: true,
        force: true,
        globalFlags: ["--quiet", "--force"],
      },
    });
    expect(readDokkuInvocation(["postgres:link", "db", "app", "--no-restart", "--quiet"])).toMatchObject({
      invocation: { command: "postgres:link", quiet: true, force: false, globalFlags: ["--no-restart", "--quiet"] },
    });
  });

  // dokku: the leading-flag loop `continue`s on --version but `shift`s on any other --flag, shifting $1.
  test("a skipped --version stays first, so the flag after it shifts it off instead of itself", () => {
    expect(readDokkuInvocation(["--quiet", "--version"])).toMatchObject({
      invocation: { command: "--version", args: [] },
    });
    expect(readDokkuInvocation(["--version", "--quiet"])).toMatchObject({
      invocation: { command: "--quiet", args: [] },
    });
    // Over SSH a bare --version never gets this far (xargs hands it to echo); -v does.
    const server = dokkuServer();
    expect(server.run("--version --quiet").stderr).toContain("echo prints its own version text");
    expect(server.run("--quiet -v")).toEqual({ stdout: "dokku version 0.34.9\n", stderr: "", status: 0 });
  });
});
