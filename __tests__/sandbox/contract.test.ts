/**
 * Contract test: the sandbox's real responses validated against the `targetSchema` of the matching link in Heroku's
 * published Platform API hyper-schema (heroku-go v6.1.0, the one the provider is built with).
 */
import { selfSignedCertificate } from "../support/certificate";
import { expectConforms } from "../support/heroku-schema";
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(async () => {
  await t?.sandbox.close();
});

test("every response the provider reads conforms to the published schema", async () => {
  const check = async (definition: string, method: string, href: string, path: string, body?: unknown) => {
    const response = await t.heroku(method, path, body);
    expect(response.status).toBeLessThan(300);
    expectConforms(definition, method, href, response.body);
    return response.body;
  };

  await check("account", "GET", "/account", "/account");

  const app = await check("app", "POST", "/apps", "/apps", { name: "contract-app", region: "us" });
  await check("app", "GET", "/apps/{}", `/apps/${app.id}`);
  await check("app", "GET", "/apps", "/apps");
  await check("app", "PATCH", "/apps/{}", `/apps/${app.id}`, {});
  await check("app", "POST", "/apps/{}/acm", `/apps/${app.id}/acm`);
  await check("app", "DELETE", "/apps/{}/acm", `/apps/${app.id}/acm`);
  await t.heroku("POST", "/sandbox/teams", { name: "contract-team" });
  await check("team", "GET", "/teams/{}", "/teams/contract-team");
  await check("team", "GET", "/teams", "/teams");
  const teamApp = await check("team-app", "POST", "/teams/apps", "/teams/apps", {
    team: "contract-team",
    name: "contract-team-app",
    personal: false,
    locked: false,
  });
  await check("team-app", "GET", "/teams/apps/{}", `/teams/apps/${teamApp.id}`);
  await check("app", "GET", "/apps/{}", `/apps/${teamApp.id}`);

  await check("config-var", "PATCH", "/apps/{}/config-vars", `/apps/${app.id}/config-vars`, { SECRET_KEY: "s3cr3t" });
  await check("config-var", "GET", "/apps/{}/config-vars", `/apps/${app.id}/config-vars`);
  const releases = await check("release", "GET", "/apps/{}/releases", `/apps/${app.id}/releases`);
  await check("release", "GET", "/apps/{}/releases/{}", `/apps/${app.id}/releases/${releases[0].id}`);
  await check("release", "POST", "/apps/{}/releases", `/apps/${app.id}/releases`, { release: releases[0].id });

  await check(
    "buildpack-installation",
    "PUT",
    "/apps/{}/buildpack-installations",
    `/apps/${app.id}/buildpack-installations`,
    {
      updates: [{ buildpack: "heroku/python" }],
    },
  );
  await check(
    "buildpack-installation",
    "GET",
    "/apps/{}/buildpack-installations",
    `/apps/${app.id}/buildpack-installations`,
  );

  const addon = await check("add-on", "POST", "/apps/{}/addons", `/apps/${app.id}/addons`, {
    plan: "heroku-postgresql",
    confirm: app.name,
  });
  await check("add-on", "GET", "/apps/{}/addons/{}", `/apps/${app.id}/addons/${addon.id}`);
  await check("add-on", "GET", "/addons/{}", `/addons/${addon.name}`);
  await check("add-on", "GET", "/apps/{}/addons", `/apps/${app.id}/addons`);
  await check("add-on", "PATCH", "/apps/{}/addons/{}", `/apps/${app.id}/addons/${addon.id}`, {
    plan: "heroku-postgresql:essential-1",
  });

  const attachment = await check("add-on-attachment", "POST", "/addon-attachments", "/addon-attachments", {
    addon: addon.id,
    app: teamApp.id,
    name: "SHARED",
  });
  await check("add-on-attachment", "GET", "/addon-attachments/{}", `/addon-attachments/${attachment.id}`);
  await check("add-on-attachment", "GET", "/apps/{}/addon-attachments", `/apps/${app.id}/addon-attachments`);
  await check("add-on-attachment", "DELETE", "/addon-attachments/{}", `/addon-attachments/${attachment.id}`);

  const pipeline = await check("pipeline", "POST", "/pipelines", "/pipelines", { name: "contract-pipe" });
  await check("pipeline", "GET", "/pipelines/{}", `/pipelines/${pipeline.id}`);
  const coupling = await check("pipeline-coupling", "POST", "/pipeline-couplings", "/pipeline-couplings", {
    app: app.id,
    pipeline: pipeline.id,
    stage: "staging",
  });
  await check("pipeline-coupling", "GET", "/pipeline-couplings/{}", `/pipeline-couplings/${coupling.id}`);
  await check("pipeline-coupling", "GET", "/apps/{}/pipeline-couplings", `/apps/${app.id}/pipeline-couplings`);
  await check(
    "pipeline-coupling",
    "GET",
    "/pipelines/{}/pipeline-couplings",
    `/pipelines/${pipeline.id}/pipeline-couplings`,
  );
  await check("pipeline", "GET", "/pipelines/{}", `/pipelines/${pipeline.name}`);
  await check("pipeline-coupling", "DELETE", "/pipeline-couplings/{}", `/pipeline-couplings/${coupling.id}`);
  await check("pipeline", "PATCH", "/pipelines/{}", `/pipelines/${pipeline.id}`, { name: "contract-pipe-2" });
  await check("pipeline", "DELETE", "/pipelines/{}", `/pipelines/${pipeline.id}`);

  await t.heroku("POST", `/sandbox/apps/${app.id}/push`, { process_types: { web: "gunicorn app:app" } });
  const formation = await check("formation", "PATCH", "/apps/{}/formation/{}", `/apps/${app.id}/formation/web`, {
    quantity: 1,
    dyno_size: { name: "standard-2x" },
  });
  await check("formation", "GET", "/apps/{}/formation/{}", `/apps/${app.id}/formation/${formation.id}`);
  await check("formation", "GET", "/apps/{}/formation", `/apps/${app.id}/formation`);

  const slug = await check("slug", "POST", "/apps/{}/slugs", `/apps/${app.id}/slugs`, {
    process_types: { web: "gunicorn app:app" },
    checksum: null,
  });
  await check("slug", "GET", "/apps/{}/slugs/{}", `/apps/${app.id}/slugs/${slug.id}`);
  await check("release", "POST", "/apps/{}/releases", `/apps/${app.id}/releases`, { slug: slug.id });

  const pair = selfSignedCertificate("songs.example.com", ["songs.example.com"]);
  const certificate = { certificate_chain: pair.certificate, private_key: pair.privateKey };
  const endpoint = await check("sni-endpoint", "POST", "/apps/{}/sni-endpoints", `/apps/${app.id}/sni-endpoints`, {
    ...certificate,
  });
  await check("sni-endpoint", "GET", "/apps/{}/sni-endpoints/{}", `/apps/${app.id}/sni-endpoints/${endpoint.id}`);
  await check("sni-endpoint", "GET", "/apps/{}/sni-endpoints", `/apps/${app.id}/sni-endpoints`);
  await check(
    "sni-endpoint",
    "PATCH",
    "/apps/{}/sni-endpoints/{}",
    `/apps/${app.id}/sni-endpoints/${endpoint.id}`,
    certificate,
  );
  const secured = await check("domain", "POST", "/apps/{}/domains", `/apps/${app.id}/domains`, {
    hostname: "secure.example.com",
    sni_endpoint: endpoint.id,
  });
  await check("domain", "PATCH", "/apps/{}/domains/{}", `/apps/${app.id}/domains/${secured.id}`, {
    sni_endpoint: endpoint.name,
  });
  await check("sni-endpoint", "DELETE", "/apps/{}/sni-endpoints/{}", `/apps/${app.id}/sni-endpoints/${endpoint.id}`);

  const domain = await check("domain", "POST", "/apps/{}/domains", `/apps/${app.id}/domains`, {
    hostname: "songs.example.com",
    sni_endpoint: null,
  });
  await check("domain", "GET", "/apps/{}/domains/{}", `/apps/${app.id}/domains/${domain.id}`);
  await check("domain", "GET", "/apps/{}/domains", `/apps/${app.id}/domains`);
  await check("domain", "DELETE", "/apps/{}/domains/{}", `/apps/${app.id}/domains/${domain.id}`);

  const drain = await check("log-drain", "POST", "/apps/{}/log-drains", `/apps/${app.id}/log-drains`, {
    url: "https://logs.example.com/drain",
  });
  await check("log-drain", "GET", "/apps/{}/log-drains/{}", `/apps/${app.id}/log-drains/${drain.id}`);
  await check("log-drain", "GET", "/apps/{}/log-drains", `/apps/${app.id}/log-drains`);
  await check("log-drain", "DELETE", "/apps/{}/log-drains/{}", `/apps/${app.id}/log-drains/${drain.id}`);

  await check("add-on", "DELETE", "/apps/{}/addons/{}", `/apps/${app.id}/addons/${addon.id}`);
  await check("app", "DELETE", "/apps/{}", `/apps/${app.id}`);
});

test("the strictProperties check itself rejects a response with a missing property", () => {
  expect(() => expectConforms("formation", "GET", "/apps/{}/formation/{}", { id: "x" })).toThrow(/does not conform/);
});

test("the validator resolves $refs and rejects a wrong type (an app whose region is a bare string)", async () => {
  const app = (await t.heroku("POST", "/apps", { name: "contract-negative" })).body;
  expectConforms("app", "GET", "/apps/{}", app);
  expect(() => expectConforms("app", "GET", "/apps/{}", { ...app, region: "us" })).toThrow(/does not conform/);
  expect(() => expectConforms("app", "GET", "/apps/{}", { ...app, created_at: "" })).toThrow(/does not conform/);
});
