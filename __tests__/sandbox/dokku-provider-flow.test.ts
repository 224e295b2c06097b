/**
 * The Terraform provider's own sequences (terraform-provider-dokku 0.5.2: dokku.go dokkuAppCreate, dokkuAppRetrieve,
 * dokkuAppUpdate; dokku_generic_service.go dokkuServiceCreate, dokkuServiceRead; dokku_generic_service_link.go
 * serviceLinkCreate, serviceLinkRead, serviceLinkDelete), with its exact command strings, against the sandbox's Dokku
 * server: what it reads back is what it wrote.
 */
import {
  configVarsStr,
  dokkuServer,
  dokkuServiceRead,
  getServiceInfo,
  readAppBuildpacks,
  readAppConfig,
  readAppDomains,
  readAppNginxReport,
  readAppPorts,
  type DokkuTestServer,
} from "./support/dokku-client";

/** dokkuAppRetrieve: apps:exists, then each reader. */
function retrieve(server: DokkuTestServer, app: string) {
  return {
    exists: server.run(`apps:exists ${app}`).status === 0,
    config: readAppConfig(server.run(`config:show ${app}`).stdout),
    domains: readAppDomains(server.run(`domains:report ${app}`).stdout),
    buildpacks: readAppBuildpacks(server.run(`buildpacks:list ${app}`).stdout),
    ports: readAppPorts(server.run(`ports:list ${app}`)),
    nginx: readAppNginxReport(server.run(`nginx:report ${app}`).stdout),
  };
}

// dokku.go dokkuAppCreate (apps:create, config:set, domains:set, buildpacks:add, ports:add, nginx:set ×2), then
// dokkuAppRetrieve.
test("dokku_app: created as dokkuAppCreate does, read back as dokkuAppRetrieve does", () => {
  const server = dokkuServer();
  const configVars = { SECRET_KEY: "s3cr3t with 'quotes'", DATABASE_POOL: "5", APP_SETTINGS: "config.Production" };
  const lines = [
    "apps:create songlist-staging",
    `config:set songlist-staging ${configVarsStr(configVars)}`,
    "domains:set songlist-staging staging.songlist.example www.staging.songlist.example",
    "buildpacks:add songlist-staging https://github.com/heroku/heroku-buildpack-python.git",
    "ports:add songlist-staging http:80:5000",
    "ports:add songlist-staging https:443:5000",
    "nginx:set songlist-staging bind-address-ipv4 0.0.0.0",
    "nginx:set songlist-staging bind-address-ipv6 ::",
  ];
  for (const line of lines) expect({ line, status: server.run(line).status }).toEqual({ line, status: 0 });
  const read = retrieve(server, "songlist-staging");
  expect(read.exists).toBe(true);
  expect(read.config).toMatchObject(configVars);
  expect(read.domains).toEqual(["staging.songlist.example", "www.staging.songlist.example"]);
  expect(read.buildpacks).toEqual(["https://github.com/heroku/heroku-buildpack-python.git"]);
  expect(read.ports).toEqual(["http:80:5000", "https:443:5000"]);
  expect(read.nginx).toEqual({ bindAddressIpv4: "0.0.0.0", bindAddressIpv6: "::" });
});

// dokku.go dokkuAppUpdate: apps:rename, config:unset of removed keys, config:set of all, domains:remove/add,
// buildpacks:clear/add, ports:remove/add.
test("dokku_app: an update as dokkuAppUpdate sends it (rename, unset, set, remove, add, clear) reads back the new state", () => {
  const server = dokkuServer();
  server.given(
    "apps:create old",
    "config:set old A=1 B=2",
    "domains:set old a.example b.example",
    "buildpacks:add old heroku/ruby",
    "ports:add old http:80:5000",
  );
  for (const line of [
    "apps:rename old new",
    "config:unset new B",
    `config:set new ${configVarsStr({ A: "3", C: "x y" })}`,
    "domains:add new c.example",
    "buildpacks:clear new",
    "buildpacks:add new heroku/python",
    "ports:remove new http:80:5000",
    "ports:add new http:8000:5000",
  ]) {
    expect({ line, status: server.run(line).status }).toEqual({ line, status: 0 });
  }
  const read = retrieve(server, "new");
  expect(retrieve(server, "old").exists).toBe(false);
  expect(read.config).toMatchObject({ A: "3", C: "x y" });
  expect(read.config.B).toBeUndefined();
  // A rename loses the domains (no global VHOST to copy them by), so only the one added afterwards is there.
  expect(read.domains).toEqual(["c.example"]);
  expect(read.buildpacks).toEqual(["https://github.com/heroku/heroku-buildpack-python.git"]);
  expect(read.ports).toEqual(["http:8000:5000"]);
});

// dokku_generic_service.go dokkuServiceCreate/Read/Destroy and dokku_generic_service_link.go
// serviceLinkCreate/Read/Delete.
test("dokku_postgres_service and its link: created, read, linked, unlinked and destroyed with the provider's strings", () => {
  const server = dokkuServer();
  server.given("apps:create songlist-staging");
  // createServiceFlagStr starts from one empty element, so the flags follow a doubled space.
  expect(server.run("postgres:create songlist-db  --image postgres --image-version 16.4").status).toBe(0);
  const info = getServiceInfo(server.run("postgres:info songlist-db"));
  expect(info && dokkuServiceRead(info)).toEqual({ stopped: false, image: "postgres", imageVersion: "16.4" });
  // serviceLinkCreate: `%s:link %s %s %s` with " " + two empty options joined: trailing blanks.
  expect(server.run("postgres:link songlist-db songlist-staging    ").status).toBe(0);
  expect(server.run("postgres:linked songlist-db songlist-staging").status).toBe(0);
  const url = readAppConfig(server.run("config:show songlist-staging").stdout).DATABASE_URL;
  expect(url).toMatch(/^postgres:\/\/postgres:[0-9a-f]{32}@dokku-postgres-songlist-db:5432\/songlist_db$/);
  expect(server.run("postgres:unlink songlist-db songlist-staging").status).toBe(0);
  expect(server.run("postgres:linked songlist-db songlist-staging").status).toBe(1);
  expect(server.run("postgres:destroy songlist-db -f").status).toBe(0);
  expect(getServiceInfo(server.run("postgres:info songlist-db"))).toBeUndefined();
  expect(server.run("apps:destroy songlist-staging --force").status).toBe(0);
  expect(server.data).toEqual({ apps: [], postgresServices: [], postgresLinks: [] });
});
