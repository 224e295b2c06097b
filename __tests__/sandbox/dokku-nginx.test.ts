/**
 * The sandbox's Dokku server: `nginx:report` and `nginx:set`, against Dokku 0.34.9's nginx-vhosts plugin
 * (command-functions cmd-nginx-report-single, subcommands/set, nginx_vhosts.go) and what the provider reads back
 * (`readAppNginxReport`, `parseKeyValues`).
 */
import { dokkuServer, parseKeyValues, readAppNginxReport, refusedWithoutChange } from "./support/dokku-client";

/** One report line: `printf "%-30s %-25s"` after dokku_log_verbose's seven spaces. */
function reportLine(key: string, value: string): string {
  return `       ${key.padEnd(30)} ${value.padEnd(25)}\n`;
}

describe("nginx:report", () => {
  // cmd-nginx-report-single: every property's app, computed and global value; the globals are nginx_vhosts.go's
  // defaults (a 4 KiB page, logs under /var/log/nginx); the last visit is empty with no access log.
  test("a new app: its own values empty, the computed ones Dokku's defaults", () => {
    const server = dokkuServer();
    server.given("apps:create web");
    const triple = (name: string, computed: string): string =>
      reportLine(`Nginx ${name}:`, "") +
      reportLine(`Nginx computed ${name}:`, computed) +
      reportLine(`Nginx global ${name}:`, computed);
    const result = server.run("nginx:report web");
    expect(result).toEqual({
      stdout:
        "=====> web nginx information\n" +
        triple("access log format", "") +
        triple("access log path", "/var/log/nginx/web-access.log") +
        triple("bind address ipv4", "") +
        triple("bind address ipv6", "::") +
        triple("client max body size", "1m") +
        triple("disable custom config", "false") +
        triple("error log path", "/var/log/nginx/web-error.log") +
        triple("hsts include subdomains", "true") +
        triple("hsts max age", "15724800") +
        triple("hsts preload", "false") +
        triple("hsts", "true") +
        reportLine("Nginx last visited at:", "") +
        triple("nginx conf sigil path", "nginx.conf.sigil") +
        triple("proxy buffer size", "4k") +
        triple("proxy buffering", "on") +
        triple("proxy buffers", "8 4k") +
        triple("proxy busy buffers size", "8k") +
        triple("proxy read timeout", "60s") +
        triple("underscore in headers", "off") +
        triple("x forwarded for value", "$remote_addr") +
        triple("x forwarded port value", "$server_port") +
        triple("x forwarded proto value", "$scheme") +
        triple("x forwarded ssl", ""),
      stderr: "",
      status: 0,
    });
    // The lines are there but empty, so the provider reads "" (not its own 0.0.0.0 / :: fallbacks).
    expect(readAppNginxReport(result.stdout)).toEqual({ bindAddressIpv4: "", bindAddressIpv6: "" });
  });

  // subcommands/set writes the property; cmd-nginx-report-single shows it; dokku.go readAppNginxReport reads it.
  test("the bind addresses the provider sets read back as the model holds them, :: with its colons", () => {
    const server = dokkuServer();
    server.given("apps:create web", "nginx:set web bind-address-ipv4 0.0.0.0", "nginx:set web bind-address-ipv6 ::");
    const app = server.data.apps[0];
    expect(app.nginx).toEqual({ "bind-address-ipv4": "0.0.0.0", "bind-address-ipv6": "::" });
    const result = server.run("nginx:report web");
    expect(result.stdout).toContain(reportLine("Nginx bind address ipv6:", "::"));
    expect(readAppNginxReport(result.stdout)).toEqual({
      bindAddressIpv4: app.nginx["bind-address-ipv4"],
      bindAddressIpv6: app.nginx["bind-address-ipv6"],
    });
  });

  // A key of 30 characters or more leaves one space before the value; parseKeyValues then keeps only " " of "::".
  test("the provider's parseKeyValues loses an IPv6 value after a key that fills the column (the global one)", () => {
    const server = dokkuServer();
    server.given("apps:create web");
    const values = parseKeyValues(server.run("nginx:report web").stdout.split("\n").slice(1));
    expect(values["Nginx computed bind address ipv6"]).toBe("");
    expect(values["Nginx global bind address ipv6"]).toBe("");
    expect(values["Nginx computed proxy buffers"]).toBe("8 4k");
  });

  // The info-flag branch, with nginx's extra "not deployed" for a flag whose value is empty.
  test("an info flag prints its value, or fails with 'not deployed' when it is empty", () => {
    const server = dokkuServer();
    server.given("apps:create web", "nginx:set web client-max-body-size 10m");
    expect(server.run("nginx:report web --nginx-client-max-body-size")).toEqual({
      stdout: "10m\n",
      stderr: "",
      status: 0,
    });
    expect(server.run("nginx:report web --nginx-bind-address-ipv4")).toEqual({
      stdout: "",
      stderr: " !     not deployed\n",
      status: 1,
    });
    const invalid = server.run("nginx:report web --nope");
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(
      /^ !     Invalid flag passed, valid flags: --nginx-access-log-format --nginx-computed-/,
    );
    expect(invalid.stderr.trim().split(" --").length - 1).toBe(67);
  });

  // command-functions cmd-nginx-report-single → verify_app_name: exit 20.
  test("an absent app exits 20 (verify_app_name)", () => {
    expect(dokkuServer().run("nginx:report nothing")).toEqual({
      stdout: "",
      stderr: " !     App nothing does not exist\n",
      status: 20,
    });
  });
});

describe("nginx:set", () => {
  // subcommands/set: "Setting <key> to <value>" (dokku_log_info2_quiet), or "Unsetting <key>" for an empty value —
  // which the provider sends as `nginx:set <app> <key> ` when its value is empty.
  test("sets a property, and unsets it given no value", () => {
    const server = dokkuServer();
    server.given("apps:create web");
    expect(server.run("nginx:set web bind-address-ipv4 127.0.0.1")).toEqual({
      stdout: "=====> Setting bind-address-ipv4 to 127.0.0.1\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.apps[0].nginx).toEqual({ "bind-address-ipv4": "127.0.0.1" });
    expect(server.run("nginx:set web bind-address-ipv4 ")).toEqual({
      stdout: "=====> Unsetting bind-address-ipv4\n",
      stderr: "",
      status: 0,
    });
    expect(server.data.apps[0].nginx).toEqual({});
  });

  // subcommands/set: hsts is one of GLOBAL_KEYS, which skip verify_app_name; the app's value wins in the computed
  // one.
  test("a global key (hsts) is set on an app too", () => {
    const server = dokkuServer();
    server.given("apps:create web", "nginx:set web hsts false");
    expect(server.run("nginx:report web --nginx-computed-hsts").stdout).toBe("false\n");
  });

  // subcommands/set: "No key specified", the VALID_KEYS refusal, the GLOBAL_KEYS check, then verify_app_name.
  test.each([
    ["nginx:set web", " !     No key specified\n", 1],
    [
      "nginx:set web colour blue",
      /^ !     Invalid key specified, valid keys include: access-log-format, .*, x-forwarded-ssl\n$/,
      1,
    ],
    ["nginx:set --global bind-address-ipv4 0.0.0.0", " !     The key 'bind-address-ipv4' cannot be set globally\n", 1],
    ["nginx:set nothing bind-address-ipv4 0.0.0.0", " !     App nothing does not exist\n", 20],
    ["nginx:set --global hsts false", " !     sandbox: setting hsts for --global is not modelled\n", 1],
  ])("%j is refused, changing nothing", (line, stderr, status) => {
    const server = dokkuServer();
    server.given("apps:create web");
    const result = refusedWithoutChange(server, line);
    expect(result.status).toBe(status);
    expect(result.stdout).toBe("");
    if (typeof stderr === "string") expect(result.stderr).toBe(stderr);
    else expect(result.stderr).toMatch(stderr);
  });
});
