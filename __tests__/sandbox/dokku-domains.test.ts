/**
 * The sandbox's Dokku server: `domains:*`, against Dokku 0.34.9's domains plugin (plugins/domains/functions,
 * subcommands/*, internal-functions) and the nginx triggers it fires, and what the provider reads back
 * (`readAppDomains`).
 */
import { dokkuServer, readAppDomains, refusedWithoutChange } from "./support/dokku-client";

/** One report line: `printf "%-30s %-25s"` after dokku_log_verbose's seven spaces. */
function reportLine(key: string, value: string): string {
  return `       ${key.padEnd(30)} ${value.padEnd(25)}\n`;
}

describe("domains:report", () => {
  // internal-functions cmd-domains-report-single: the app's switch and VHOST file, then the server's (empty).
  test("a new app: vhost support off, no domains, and no global domain", () => {
    const server = dokkuServer();
    server.given("apps:create songlist-staging");
    const result = server.run("domains:report songlist-staging");
    expect(result).toEqual({
      stdout:
        "=====> songlist-staging domains information\n" +
        reportLine("Domains app enabled:", "false") +
        reportLine("Domains app vhosts:", "") +
        reportLine("Domains global enabled:", "false") +
        reportLine("Domains global vhosts:", ""),
      stderr: "",
      status: 0,
    });
    expect(readAppDomains(result.stdout)).toEqual([]);
  });

  // internal-functions fn-domains-app-vhosts: the VHOST file's lines joined by spaces (then awk squeezes blanks).
  test("the app's domains, space-separated, read back as the model holds them", () => {
    const server = dokkuServer();
    server.given("apps:create app", "domains:set app a.example.com www.example.com");
    const result = server.run("domains:report app");
    expect(result.stdout).toContain(reportLine("Domains app enabled:", "true"));
    expect(result.stdout).toContain("       Domains app vhosts:            a.example.com www.example.com\n");
    expect(readAppDomains(result.stdout)).toEqual(server.data.apps[0].domains);
    expect(server.data.apps[0].domains).toEqual(["a.example.com", "www.example.com"]);
  });

  // The info-flag branch: the value alone, nothing for an empty one, and Dokku's list of flags for an unknown one.
  test("an info flag prints its value alone", () => {
    const server = dokkuServer();
    server.given("apps:create app", "domains:set app a.example.com b.example.com");
    expect(server.run("domains:report app --domains-app-vhosts")).toEqual({
      stdout: "a.example.com b.example.com\n",
      stderr: "",
      status: 0,
    });
    expect(server.run("domains:report app --domains-global-vhosts")).toEqual({ stdout: "", stderr: "", status: 0 });
    expect(server.run("domains:report app --nope")).toEqual({
      stdout: "",
      stderr:
        " !     Invalid flag passed, valid flags: --domains-app-enabled --domains-app-vhosts --domains-global-enabled" +
        " --domains-global-vhosts\n",
      status: 1,
    });
  });

  // cmd-domains-report: no app reports every app (sorted, each failure printed and passed over); --global the server.
  test("without an app every app is reported; with --global the server alone", () => {
    const server = dokkuServer();
    expect(server.run("domains:report")).toEqual({
      stdout: "",
      stderr: " !     You haven't deployed any applications yet\n",
      status: 1,
    });
    server.given("apps:create zeta", "apps:create alpha", "domains:set zeta z.example.com");
    expect(server.run("domains:report --domains-app-vhosts")).toEqual({
      stdout: "z.example.com\n",
      stderr: "",
      status: 0,
    });
    expect(server.run("domains:report").stdout).toMatch(
      /^=====> alpha domains information\n(.*\n){4}=====> zeta domains/,
    );
    expect(server.run("domains:report --global")).toEqual({
      stdout:
        "=====> Global domains information\n" +
        reportLine("Domains global enabled:", "false") +
        reportLine("Domains global vhosts:", ""),
      stderr: "",
      status: 0,
    });
  });

  // internal-functions cmd-domains-report-single → verify_app_name: "App <app> does not exist", exit 20.
  test("an absent app exits 20 (verify_app_name)", () => {
    expect(dokkuServer().run("domains:report nothing")).toEqual({
      stdout: "",
      stderr: " !     App nothing does not exist\n",
      status: 20,
    });
  });
});

describe("domains:set", () => {
  // functions domains_set: "Set <domains> for <app>"; vhost support off → domains_enable (nginx's pre-enable-vhost
  // unsets the proxy ports and clears the port mappings, then NO_VHOST=0); post-domains-update → nginx_build_config
  // gives DOKKU_PROXY_PORT=80 and, with no container, warns "No web listeners specified for <app>".
  test("replaces the domains, switches vhost support on, and nginx's build warns that nothing listens", () => {
    const server = dokkuServer();
    server.given(
      "apps:create songlist-staging",
      "ports:add songlist-staging http:8080:5000",
      "domains:set songlist-staging old.example.com",
    );
    expect(server.run("domains:set songlist-staging staging.example.com Www.Example.com")).toEqual({
      stdout: "-----> Set staging.example.com Www.Example.com for songlist-staging\n",
      stderr: " !     No web listeners specified for songlist-staging\n",
      status: 0,
    });
    const app = server.data.apps[0];
    expect(app.domains).toEqual(["staging.example.com", "Www.Example.com"]);
    expect(app.config).toEqual({ NO_VHOST: "0", DOKKU_PROXY_PORT: "80" });
    expect(app.ports).toEqual([]);
  });

  // functions domains_set: domains_enable only runs while vhost support is off, so the port mappings stay.
  test("on an app with vhost support on, the port mappings stay", () => {
    const server = dokkuServer();
    server.given("apps:create app", "domains:set app a.example.com", "ports:add app http:80:5000");
    server.given("domains:set app b.example.com b.example.com");
    expect(server.data.apps[0].ports).toEqual([{ scheme: "http", hostPort: 80, containerPort: 5000 }]);
    expect(server.data.apps[0].domains).toEqual(["b.example.com", "b.example.com"]);
  });

  // is_valid_hostname: the lowercased name is "_" or matches ^[a-z0-9\.\*-]*[a-z0-9\*-]$.
  test.each(["_", "*.example.com", "EXAMPLE.com", "a..b", "localhost", "x-"])("%j is a hostname", (domain) => {
    const server = dokkuServer();
    server.given("apps:create app", `domains:set app ${domain}`);
    expect(server.data.apps[0].domains).toEqual([domain]);
  });

  // functions domains_set: is_valid_hostname checks every domain before the VHOST file is written.
  test.each(["example.com.", "bad_name.com", "ex@mple.com", ".", "café.com"])(
    "%j is refused, setting nothing",
    (domain) => {
      const server = dokkuServer();
      server.given("apps:create app");
      expect(refusedWithoutChange(server, `domains:set app ok.example.com ${domain}`)).toEqual({
        stdout: "",
        stderr: ` !     ${domain} is invalid. exiting...\n`,
        status: 1,
      });
    },
  );

  // subcommands/set: the usage line quotes $1 and $2, which are the app and the (missing) domain.
  test("no domain, or an absent app, is refused with the subcommand's messages", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(refusedWithoutChange(server, "domains:set app")).toEqual({
      stdout: "",
      stderr: " !     Please specify a domain name. Usage: dokku app  <domain> [<domain> ...]\n",
      status: 1,
    });
    expect(refusedWithoutChange(server, "domains:set nothing a.example.com")).toEqual({
      stdout: "",
      stderr: " !     App nothing does not exist\n",
      status: 20,
    });
  });
});

describe("domains:add and domains:remove", () => {
  // domains_add: "Added <d> to <app>", or "Skipping: <d> already added to <app>" for a line already there.
  test("add appends new domains, skips listed ones, and switches vhost support on", () => {
    const server = dokkuServer();
    server.given("apps:create app", "ports:add app http:8080:5000");
    expect(server.run("domains:add app a.example.com b.example.com a.example.com")).toEqual({
      stdout:
        "-----> Added a.example.com to app\n" +
        "-----> Added b.example.com to app\n" +
        "-----> Skipping: a.example.com already added to app\n",
      stderr: " !     No web listeners specified for app\n",
      status: 0,
    });
    expect(server.data.apps[0].domains).toEqual(["a.example.com", "b.example.com"]);
    expect(server.data.apps[0].config.NO_VHOST).toBe("0");
    expect(server.data.apps[0].ports).toEqual([]);
    expect(readAppDomains(server.run("domains:report app").stdout)).toEqual(["a.example.com", "b.example.com"]);
  });

  // domains_remove: "Removed <d> from <app>" for every domain named, there or not; nothing is checked.
  test("remove drops the named domains and says so for each, present or not", () => {
    const server = dokkuServer();
    server.given("apps:create app", "domains:set app a.example.com b.example.com");
    expect(server.run("domains:remove app a.example.com gone.example.com")).toEqual({
      stdout: "-----> Removed a.example.com from app\n-----> Removed gone.example.com from app\n",
      stderr: " !     No web listeners specified for app\n",
      status: 0,
    });
    expect(server.data.apps[0].domains).toEqual(["b.example.com"]);
    expect(server.data.apps[0].config.NO_VHOST).toBe("0");
  });

  // functions domains_add checks every domain first; subcommands/remove needs one like set and add.
  test("add refuses an invalid name before adding any; remove needs a domain", () => {
    const server = dokkuServer();
    server.given("apps:create app");
    expect(refusedWithoutChange(server, "domains:add app a.example.com not_valid").stderr).toBe(
      " !     not_valid is invalid. exiting...\n",
    );
    expect(refusedWithoutChange(server, "domains:remove app").stderr).toBe(
      " !     Please specify a domain name. Usage: dokku app  <domain> [<domain> ...]\n",
    );
  });
});
