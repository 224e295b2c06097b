/**
 * The sandbox's Dokku server: `config:show`, `config:set`, `config:unset`, against Dokku 0.34.9's config plugin
 * (plugins/config/*.go) and what the Terraform provider reads back (`readAppConfig`).
 */
import { configVarsStr, dokkuServer, readAppConfig, refusedWithoutChange } from "./support/dokku-client";

describe("config:show", () => {
  // plugins/config/functions.go SubShow: LogInfo2Quiet("<app> env vars"), then Println(prettyPrintEnvEntries("", env)):
  // columnize with "\x00" as delimiter, keys sorted, "KEY:" padded to the longest plus two spaces of glue.
  test("prints the header and the sorted, aligned variables; the provider reads back what the app holds", () => {
    const server = dokkuServer();
    server.given(
      "apps:create songlist-staging",
      "config:set songlist-staging SECRET_KEY=abc DATABASE_URL=postgres://u:p@h:5432/d",
    );
    const result = server.run("config:show songlist-staging");
    expect(result).toEqual({
      stdout:
        "=====> songlist-staging env vars\n" +
        "DATABASE_URL:  postgres://u:p@h:5432/d\n" +
        "NO_VHOST:      1\n" +
        "SECRET_KEY:    abc\n",
      stderr: "",
      status: 0,
    });
    expect(readAppConfig(result.stdout)).toEqual(server.data.apps[0].config);
  });

  // prettyPrintEnvEntries of an empty map is "", and Println adds the newline.
  test("an empty environment prints the header and an empty line", () => {
    const server = dokkuServer();
    server.given("apps:create songlist-staging", "config:unset songlist-staging NO_VHOST");
    expect(server.run("config:show songlist-staging").stdout).toBe("=====> songlist-staging env vars\n\n");
    expect(readAppConfig(server.run("config:show songlist-staging").stdout)).toEqual({});
  });

  // Env.Keys sorts with sort.Strings: by bytes, so capitals first (Dokku's own test: BKEY, aKey, bKey, zKey).
  test("keys sort by bytes, as in Dokku's own config:show test", () => {
    const server = dokkuServer();
    server.given(
      "apps:create app",
      "config:unset app NO_VHOST",
      "config:set app zKey=true bKey=true BKEY=true aKey=true",
    );
    expect(server.run("config:show app").stdout).toBe(
      "=====> app env vars\nBKEY:  true\naKey:  true\nbKey:  true\nzKey:  true\n",
    );
  });

  // functions.go SubShow: the header is LogInfo2Quiet; the provider's readAppConfig drops the first line regardless.
  test("--quiet drops the header, and the provider's reading then loses the first variable", () => {
    const server = dokkuServer();
    server.given("apps:create app", "config:set app A=1 B=2");
    const result = server.run("--quiet config:show app");
    expect(result.stdout).toBe("A:         1\nB:         2\nNO_VHOST:  1\n");
    expect(readAppConfig(result.stdout)).toEqual({ B: "2", NO_VHOST: "1" });
  });

  // config/functions.go getAppNameOrGlobal → common.VerifyAppName (exit 20); --global is a global env the sandbox
  // lacks.
  test("an absent app exits 20; --global is not modelled", () => {
    const server = dokkuServer();
    expect(server.run("config:show nothing")).toEqual({
      stdout: "",
      stderr: " !     App nothing does not exist\n",
      status: 20,
    });
    expect(server.run("config:show --global")).toEqual({
      stdout: "",
      stderr: " !     sandbox: --global is not modelled\n",
      status: 1,
    });
  });
});

describe("config:set", () => {
  // config.go SetMany: LogInfo1Quiet("Setting config vars"), the set entries pretty-printed with a 7-space prefix,
  // then triggerRestart's LogInfo1("Restarting app <app>") (release_and_deploy does nothing for an app not deployed).
  test("prints the entries it set, sorted and aligned, then the restart", () => {
    const server = dokkuServer();
    server.given("apps:create songlist-staging");
    expect(server.run("config:set songlist-staging SECRET_KEY='abc' APP_SETTINGS='x'")).toEqual({
      stdout:
        "-----> Setting config vars\n" +
        "       APP_SETTINGS:  x\n" +
        "       SECRET_KEY:    abc\n" +
        "-----> Restarting app songlist-staging\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.apps[0].config).toEqual({ NO_VHOST: "1", SECRET_KEY: "abc", APP_SETTINGS: "x" });
  });

  // functions.go SubSet splits each pair at its first "="; SubShow prints them back (prettyPrintEnvEntries).
  test("the provider's quoted values arrive whole and read back equal", () => {
    const values = {
      QUOTED: `it's "quoted"`,
      SPACED: "a b  c",
      DOLLARS: "$HOME $(id) ${X}",
      URL: "postgres://user:pa:ss@host:5432/db?sslmode=require",
      EQUALS: "a=b",
      EMPTY: "",
      OPERATORS: "a;b|c&d>e<f`g`#h~i{j}",
    };
    const server = dokkuServer();
    server.given("apps:create app", `config:set app ${configVarsStr(values)}`);
    expect(server.data.apps[0].config).toEqual({ NO_VHOST: "1", ...values });
    expect(readAppConfig(server.run("config:show app").stdout)).toEqual({ NO_VHOST: "1", ...values });
  });

  // columnize trims every field, so a value's own spaces at either end are not shown; the provider trims too.
  test("a value with spaces at its ends is stored whole but reads back trimmed (the provider would see a change)", () => {
    const server = dokkuServer();
    server.given("apps:create app", `config:set app ${configVarsStr({ PADDED: "  x  " })}`);
    expect(server.data.apps[0].config.PADDED).toBe("  x  ");
    expect(server.run("config:show app").stdout).toContain("PADDED:    x\n");
    expect(readAppConfig(server.run("config:show app").stdout).PADDED).toBe("x");
  });

  // config.go SetMany sets into the app's Env (a Go map); the sandbox also keeps the order keys were first set.
  test("a key keeps its place when set again; the last pair for a key wins", () => {
    const server = dokkuServer();
    server.given("apps:create app", "config:set app A=1 B=2", "config:set app C=3 A=4 A=5");
    expect(Object.entries(server.data.apps[0].config)).toEqual([
      ["NO_VHOST", "1"],
      ["A", "5"],
      ["B", "2"],
      ["C", "3"],
    ]);
  });

  // config.go validateKey allows any shell variable name, `__proto__` included.
  test("__proto__ is a key like any other", () => {
    const server = dokkuServer();
    server.given("apps:create app", "config:set app __proto__=x");
    expect(Object.hasOwn(server.data.apps[0].config, "__proto__")).toBe(true);
    expect(readAppConfig(server.run("config:show app").stdout)).toEqual({ NO_VHOST: "1", ["__proto__"]: "x" });
  });

  // config.go SetMany: triggerRestart only when restarting and DOKKU_APP_RESTORE is not "0"; LogInfo1 is not quiet.
  test("--no-restart skips the restart; DOKKU_APP_RESTORE=0 does too; --quiet keeps only the restart", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(server.run("config:set --no-restart app A=1").stdout).toBe("-----> Setting config vars\n       A:  1\n");
    expect(server.run("config:set app DOKKU_APP_RESTORE=0").stdout).toBe(
      "-----> Setting config vars\n       DOKKU_APP_RESTORE:  0\n",
    );
    expect(server.run("--quiet config:set app DOKKU_APP_RESTORE=1").stdout).toBe("-----> Restarting app app\n");
  });

  // validateKey: ^[a-zA-Z_][a-zA-Z0-9_]*$, every key checked before any is set; SubSet's own refusals.
  test.each([
    ["config:set app GOOD=1 1BAD=2", " !     Invalid key name: '1BAD'\n"],
    ["config:set app GOOD=1 BAD-KEY=2", " !     Invalid key name: 'BAD-KEY'\n"],
    ["config:set app =value", " !     Invalid key name: ''\n"],
    ["config:set app GOOD=1 NOEQUALS", " !     Invalid env pair: NOEQUALS\n"],
    ["config:set app", " !     At least one env pair must be given\n"],
  ])("%j is refused with Dokku's message, setting nothing", (line, stderr) => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(refusedWithoutChange(server, line)).toEqual({ stdout: "", stderr, status: 1 });
  });

  // functions.go getAppNameOrGlobal runs before SubSet looks at the pairs.
  test("an absent app is checked before the pairs (status 20); --encoded and --global are not modelled", () => {
    const server = dokkuServer();
    expect(refusedWithoutChange(server, "config:set nothing")).toEqual({
      stdout: "",
      stderr: " !     App nothing does not exist\n",
      status: 20,
    });
    server.given("apps:create app");
    expect(refusedWithoutChange(server, "config:set --encoded app A=YQ==").stderr).toBe(
      " !     sandbox: --encoded is not modelled\n",
    );
    expect(refusedWithoutChange(server, "config:set --global A=1").stderr).toBe(
      " !     sandbox: --global is not modelled\n",
    );
  });

  // pflag's ExitOnError for a flag config:set does not define: the error, "Usage of config:set:" and its flags, the
  // error again; status 2.
  test("an unknown flag is refused by pflag with the usage", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(refusedWithoutChange(server, "config:set app A=1 --restart")).toEqual({
      stdout: "",
      stderr:
        "unknown flag: --restart\n" +
        "Usage of config:set:\n" +
        "      --encoded      --encoded: interpret VALUEs as base64\n" +
        "      --global       --global: use the global environment\n" +
        "      --no-restart   --no-restart: no restart\n" +
        "unknown flag: --restart\n",
      status: 2,
    });
  });

  // functions.go SubShow prints a value's newline as is; dokku.go readAppConfig then finds a line without a colon.
  test("a value holding a newline (which no command line can carry) would break the provider's reading", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    server.data.apps[0].config.CERT = "line one\nline two";
    const shown = server.run("config:show app").stdout;
    expect(shown).toBe("=====> app env vars\nCERT:      line one\nline two\nNO_VHOST:  1\n");
    expect(() => readAppConfig(shown)).toThrow(/index out of range/);
  });
});

describe("config:unset", () => {
  // config.go UnsetMany: "Unsetting <key>" or "Skipping <key>, it is not set in the environment" (LogInfo1Quiet),
  // then the restart even when nothing changed.
  test("unsets each key it has, skips the others, and restarts", () => {
    const server = dokkuServer();
    server.given("apps:create app", "config:set app A=1 B=2");
    expect(server.run("config:unset app A NOPE A")).toEqual({
      stdout:
        "-----> Unsetting A\n" +
        "-----> Skipping NOPE, it is not set in the environment\n" +
        "-----> Skipping A, it is not set in the environment\n" +
        "-----> Restarting app app\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.apps[0].config).toEqual({ NO_VHOST: "1", B: "2" });
    expect(readAppConfig(server.run("config:show app").stdout)).toEqual({ NO_VHOST: "1", B: "2" });
  });

  // config.go UnsetMany: no triggerRestart with --no-restart.
  test("--no-restart skips the restart", () => {
    const server = dokkuServer();
    server.given("apps:create app", "config:set app A=1");
    expect(server.run("config:unset --no-restart app A").stdout).toBe("-----> Unsetting A\n");
  });

  // config.go UnsetMany: every key validated first; functions.go SubUnset: "At least one key must be given".
  test.each([
    ["config:unset app B bad-key", " !     Invalid key name: 'bad-key'\n"],
    ["config:unset app", " !     At least one key must be given\n"],
  ])("%j is refused, unsetting nothing", (line, stderr) => {
    const server = dokkuServer();
    server.given("apps:create app", "config:set app B=2");
    expect(refusedWithoutChange(server, line)).toEqual({ stdout: "", stderr, status: 1 });
  });
});
