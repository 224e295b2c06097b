/**
 * The sandbox's Dokku server: `buildpacks:list`, `buildpacks:add`, `buildpacks:clear`, against Dokku 0.34.9's
 * buildpacks plugin (plugins/buildpacks/subcommands.go, functions.go) and the provider's `readAppBuildpacks`.
 */
import { dokkuServer, readAppBuildpacks, refusedWithoutChange } from "./support/dokku-client";

describe("buildpacks", () => {
  // CommandList: LogInfo1Quiet("<app> buildpack urls"), then each URL with LogVerbose.
  test("list prints the header and one URL a line; the provider reads back the model's list", () => {
    const server = dokkuServer();
    server.given(
      "apps:create app",
      "buildpacks:add app https://github.com/heroku/heroku-buildpack-nodejs.git",
      "buildpacks:add app heroku/python",
    );
    const result = server.run("buildpacks:list app");
    expect(result).toEqual({
      stdout:
        "-----> app buildpack urls\n" +
        "       https://github.com/heroku/heroku-buildpack-nodejs.git\n" +
        "       https://github.com/heroku/heroku-buildpack-python.git\n",
      stderr: "",
      status: 0,
    });
    expect(readAppBuildpacks(result.stdout)).toEqual(server.data.apps[0].buildpacks);
  });

  // buildpacks/subcommands.go CommandList: the header even when PropertyListGet finds nothing.
  test("list of an app without buildpacks prints the header alone", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(server.run("buildpacks:list app")).toEqual({ stdout: "-----> app buildpack urls\n", stderr: "", status: 0 });
    expect(readAppBuildpacks(server.run("buildpacks:list app").stdout)).toEqual([]);
  });

  // CommandAdd → validBuildpackURL: owner/name expands (heroku-community counts as heroku), a URL stays; silent.
  test.each([
    ["heroku/ruby", "https://github.com/heroku/heroku-buildpack-ruby.git"],
    ["heroku-community/apt", "https://github.com/heroku/heroku-buildpack-apt.git"],
    ["acme/go_1-x", "https://github.com/acme/heroku-buildpack-go_1-x.git"],
    ["https://github.com/acme/buildpack.git", "https://github.com/acme/buildpack.git"],
    ["https://example.com/acme/buildpacks/x.tgz", "https://example.com/acme/buildpacks/x.tgz"],
    ["git@github.com:acme/buildpack.git", "git@github.com:acme/buildpack.git"],
    ["https://github.com/acme/buildpack.git#v2", "https://github.com/acme/buildpack.git#v2"],
  ])("add %j stores %j and prints nothing", (reference, url) => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(server.run(`buildpacks:add app ${reference}`)).toEqual({ stdout: "", stderr: "", status: 0 });
    expect(server.data.apps[0].buildpacks).toEqual([url]);
  });

  // PropertyListAdd: --index inserts at a 1-based position within the list, appends past it; duplicates are kept.
  test("add --index inserts; past the end it appends; the same buildpack may be listed twice", () => {
    const server = dokkuServer();
    server.given(
      "apps:create app",
      "buildpacks:add app acme/a",
      "buildpacks:add app acme/b",
      "buildpacks:add --index 1 app acme/c",
      "buildpacks:add app --index=9 acme/a",
    );
    expect(server.data.apps[0].buildpacks.map((url) => url.replace(/^.*buildpack-(\w)\.git$/, "$1"))).toEqual([
      "c",
      "a",
      "b",
      "a",
    ]);
  });

  // buildpacks/functions.go validBuildpackURL and CommandAdd's VerifyAppName.
  test.each([
    ["buildpacks:add app", " !     Must specify a buildpack url or reference\n", 1],
    ["buildpacks:add app not-a-url", " !     Invalid buildpack specified: not-a-url\n", 1],
    ["buildpacks:add app ftp://example.com/a/b", " !     Invalid buildpack specified: ftp://example.com/a/b\n", 1],
    ["buildpacks:add app https://example.com/x", " !     Invalid buildpack specified: https://example.com/x\n", 1],
    ["buildpacks:add nothing heroku/ruby", " !     App nothing does not exist\n", 20],
  ])("%j is refused, changing nothing", (line, stderr, status) => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(refusedWithoutChange(server, line)).toEqual({ stdout: "", stderr, status });
  });

  // buildpacks/src/subcommands/subcommands.go: `--index` is a pflag Int; pflag's failf and Parse print the error
  // twice.
  test("add --index with a non-number is refused by pflag, with the usage", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(refusedWithoutChange(server, "buildpacks:add --index one app heroku/ruby")).toEqual({
      stdout: "",
      stderr:
        'invalid argument "one" for "--index" flag: strconv.ParseInt: parsing "one": invalid syntax\n' +
        "Usage of buildpacks:add:\n" +
        "      --index int   --index: the 1-based index of the URL in the list of URLs\n" +
        'invalid argument "one" for "--index" flag: strconv.ParseInt: parsing "one": invalid syntax\n',
      status: 2,
    });
  });

  // CommandClear → PropertyDelete: silent.
  test("clear empties the list silently", () => {
    const server = dokkuServer();
    server.given("apps:create app", "buildpacks:add app heroku/ruby");
    expect(server.run("buildpacks:clear app")).toEqual({ stdout: "", stderr: "", status: 0 });
    expect(server.data.apps[0].buildpacks).toEqual([]);
    expect(refusedWithoutChange(server, "buildpacks:clear nothing").status).toBe(20);
  });
});
