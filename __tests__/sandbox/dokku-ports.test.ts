/**
 * The sandbox's Dokku server: `ports:list`, `ports:add`, `ports:remove`, against Dokku 0.34.9's ports plugin
 * (plugins/ports/subcommands.go, functions.go: listAppPortMaps, parsePortMapString, reusesSchemeHostPort) with nginx's
 * build after a change, and the provider's `readAppPorts`.
 */
import { dokkuServer, readAppPorts, refusedWithoutChange } from "./support/dokku-client";

describe("ports:list", () => {
  // listAppPortMaps: LogInfo1Quiet("Port mappings for <app>"), then columnize (delimiter ":", prefix 4 spaces) of the
  // header row and the mappings, sorted together as strings.
  test("prints the mappings in columns under the header; the provider reads back the model's mappings", () => {
    const server = dokkuServer();
    server.given(
      "apps:create app",
      "domains:set app a.example.com",
      "ports:add app https:443:5000 http:80:5000 http:8080:3000",
    );
    const result = server.run("ports:list app");
    expect(result).toEqual({
      stdout:
        "-----> Port mappings for app\n" +
        "    -----> scheme  host port  container port\n" +
        "    http           8080       3000\n" +
        "    http           80         5000\n" +
        "    https          443        5000\n",
      stderr: "",
      status: 0,
    });
    expect(readAppPorts(result)).toEqual(
      server.data.apps[0].ports.map((p) => `${p.scheme}:${p.hostPort}:${p.containerPort}`),
    );
    // Sorted as text: "http:8080" before "http:80:" ("8" sorts before ":").
    expect(readAppPorts(result)).toEqual(["http:8080:3000", "http:80:5000", "https:443:5000"]);
  });

  // "No port mappings configured for app", status 1, which the provider reads as no mappings.
  test("an app without mappings: Dokku's error, status 1, and the provider reads none", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    const result = server.run("ports:list app");
    expect(result).toEqual({ stdout: "", stderr: " !     No port mappings configured for app\n", status: 1 });
    expect(readAppPorts(result)).toEqual([]);
  });

  // functions.go listAppPortMaps: the header row and LogInfo1Quiet are both dropped; dokku.go readAppPorts skips two
  // lines.
  test("--quiet drops both header lines; the provider's two skipped lines then eat a mapping", () => {
    const server = dokkuServer();
    server.given("apps:create app", "ports:add app http:80:5000 http:81:5000 http:82:5000");
    const result = server.run("--quiet ports:list app");
    expect(result.stdout).toBe("    http  80  5000\n    http  81  5000\n    http  82  5000\n");
    expect(readAppPorts(result)).toEqual(["http:82:5000"]);
  });
});

describe("ports:add", () => {
  // CommandAdd: silent; post-proxy-ports-update → nginx_build_config: vhost support off and no DOKKU_PROXY_PORT, so
  // "No port set, setting to random open high port" / "Random port N", an https mapping without a certificate
  // warned about, and no web listeners.
  test("adds the mappings, sorted; nginx's build picks a random proxy port and warns", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    const result = server.run("ports:add app https:443:5000 http:80:5000");
    const port = Number(server.data.apps[0].config.DOKKU_PROXY_PORT);
    expect(port).toBeGreaterThanOrEqual(32768);
    expect(port).toBeLessThanOrEqual(60999);
    expect(result).toEqual({
      stdout: `-----> No port set, setting to random open high port\n-----> Random port ${port}\n`,
      stderr:
        " !     Ignoring detected https port mapping without an accompanying ssl certificate (https:443:5000)\n" +
        " !     No web listeners specified for app\n",
      status: 0,
    });
    expect(server.data.apps[0].ports).toEqual([
      { scheme: "http", hostPort: 80, containerPort: 5000 },
      { scheme: "https", hostPort: 443, containerPort: 5000 },
    ]);
    expect(server.run("ports:add app http:8080:5000")).toEqual({
      stdout: "",
      stderr:
        " !     Ignoring detected https port mapping without an accompanying ssl certificate (https:443:5000)\n" +
        " !     No web listeners specified for app\n",
      status: 0,
    });
  });

  // functions.go initializeProxyPort: with vhost support on, the global proxy port or 80, without a message.
  test("with vhost support on, the proxy port is 80 and nothing random is said", () => {
    const server = dokkuServer();
    server.given("apps:create app", "domains:set app a.example.com");
    expect(server.run("ports:add app http:80:5000")).toEqual({
      stdout: "",
      stderr: " !     No web listeners specified for app\n",
      status: 0,
    });
    expect(server.data.apps[0].config.DOKKU_PROXY_PORT).toBe("80");
  });

  // functions.go parsePortMapString: strconv.Atoi accepts a sign and leading zeros; PortMap.String prints the int.
  test("numbers are read as Go's Atoi reads them: a sign and leading zeros are allowed", () => {
    const server = dokkuServer();
    server.given("apps:create app", "ports:add app http:+080:05000");
    expect(server.data.apps[0].ports).toEqual([{ scheme: "http", hostPort: 80, containerPort: 5000 }]);
  });

  // parsePortMapString and reusesSchemeHostPort: the first bad mapping, with the part that failed.
  test.each([
    ["ports:add app", " !     No port mapping specified\n"],
    ["ports:add app http:80", " !     Invalid port map http:80 [len=2]\n"],
    [
      "ports:add app http:x:5000",
      ' !     Invalid port map http:x:5000 [err=strconv.Atoi: parsing "x": invalid syntax]\n',
    ],
    ["ports:add app http:80:", ' !     Invalid port map http:80: [err=strconv.Atoi: parsing "": invalid syntax]\n'],
    ["ports:add app http:0:5000", " !     Invalid port map http:0:5000 [hostPort=0]\n"],
    ["ports:add app http:80:65536", " !     Invalid port map http:80:65536 [containerPort=65536]\n"],
    [
      "ports:add app http:99999999999999999999:1",
      ' !     Invalid port map http:99999999999999999999:1 [err=strconv.Atoi: parsing "99999999999999999999": value out of range]\n',
    ],
    ["ports:add app 70000", " !     Invalid port map 70000 [hostPort=70000]\n"],
    [
      "ports:add app http:80:5000 http:80:3000",
      " !     Error validating new port mappings: The same scheme:host-port is being reused: http:80\n",
    ],
    [
      "ports:add app http:8080:5000",
      " !     Error validating all port mappings: The same scheme:host-port is being reused: http:8080\n",
    ],
    ["ports:add nothing http:80:5000", " !     App nothing does not exist\n"],
  ])("%j is refused, changing nothing", (line, stderr) => {
    const server = dokkuServer();
    server.given("apps:create app", "ports:add app http:8080:5000");
    expect(refusedWithoutChange(server, line)).toEqual({
      stdout: "",
      stderr,
      status: line.includes("nothing") ? 20 : 1,
    });
  });
});

describe("ports:remove", () => {
  // removePortMaps: equal mappings go, a bare host port removes every mapping on it; an unknown one is no error.
  test("removes equal mappings, and every mapping of a bare host port, silently apart from nginx's build", () => {
    const server = dokkuServer();
    server.given(
      "apps:create app",
      "domains:set app a.example.com",
      "ports:add app http:80:5000 https:80:5000 http:81:5000 http:82:5000",
    );
    expect(server.run("ports:remove app 80 http:81:5000 http:99:1")).toEqual({
      stdout: "",
      stderr: " !     No web listeners specified for app\n",
      status: 0,
    });
    expect(server.data.apps[0].ports).toEqual([{ scheme: "http", hostPort: 82, containerPort: 5000 }]);
    expect(readAppPorts(server.run("ports:list app"))).toEqual(["http:82:5000"]);
  });

  // subcommands.go CommandRemove parses every mapping before removePortMaps changes anything.
  test("a bad mapping is refused, removing nothing", () => {
    const server = dokkuServer();
    server.given("apps:create app", "ports:add app http:80:5000");
    expect(refusedWithoutChange(server, "ports:remove app http:80:5000 http::").stderr).toBe(
      ' !     Invalid port map http:: [err=strconv.Atoi: parsing "": invalid syntax]\n',
    );
  });
});
