/**
 * SNI endpoints (the `heroku_ssl` resource) and the custom domains that name them: the model on a hand-built state
 * (a certificate is checked against its key and needs paid dynos; deleting it frees its domains), then the routes over
 * HTTP in the order the provider's domain tests use them. Certificates are made at run time.
 */
import { checkConsistency } from "../../sandbox/consistency";
import { selfSignedCertificate } from "../support/certificate";
import { addDomain, setSniEndpoint } from "../../sandbox/heroku/models/domains";
import { InvalidParamsError, NotFoundError } from "../../sandbox/heroku/models/errors";
import {
  certificateFacts,
  createSniEndpoint,
  deleteSniEndpoint,
  findSniEndpoint,
  sniEndpointsOf,
  updateSniEndpoint,
} from "../../sandbox/heroku/models/sni-endpoints";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";
import { startSandbox, type TestSandbox } from "./client";

const pair = selfSignedCertificate("www.songlist.example", ["www.songlist.example", "songlist.example"]);
const other = selfSignedCertificate("api.songlist.example");

describe("the SNI endpoint model", () => {
  let data: StoreData;
  beforeEach(() => {
    data = consistentState();
  });
  // staging runs 2 × Standard-1X web dynos; production runs none.
  const staging = () => data.apps[0];
  const production = () => data.apps[1];

  test("a certificate with its own key, on an app with paid dynos, gets a generated name", () => {
    const endpoint = createSniEndpoint(data, staging(), pair.certificate, pair.privateKey);
    expect(endpoint).toMatchObject({ appId: "app-1", certificateChain: pair.certificate });
    expect(endpoint.name).toMatch(/^[a-z][a-z0-9-]{2,29}$/);
    expect(JSON.stringify(endpoint)).not.toContain("PRIVATE KEY");
    expect(findSniEndpoint(data, staging(), endpoint.name)).toBe(endpoint);
    expect(findSniEndpoint(data, staging(), endpoint.id)).toBe(endpoint);
    expect(() => findSniEndpoint(data, production(), endpoint.id)).toThrow(
      new NotFoundError("Couldn't find that SNI endpoint."),
    );
    expect(sniEndpointsOf(data, staging())).toEqual([endpoint]);
  });

  test("refused: no paid dyno, Eco only, a key of another certificate, or text that is not PEM", () => {
    expect(() => createSniEndpoint(data, production(), pair.certificate, pair.privateKey)).toThrow(
      new InvalidParamsError("songlist-production must run paid dynos (Basic or larger) to use an SNI endpoint."),
    );
    data.formations[0].size = "Eco";
    expect(() => createSniEndpoint(data, staging(), pair.certificate, pair.privateKey)).toThrow(/paid dynos/);
    data.formations[0].size = "Basic";
    expect(() => createSniEndpoint(data, staging(), pair.certificate, other.privateKey)).toThrow(
      new InvalidParamsError("Private key does not match the certificate."),
    );
    expect(() => createSniEndpoint(data, staging(), "not a certificate", pair.privateKey)).toThrow(
      new InvalidParamsError("Certificate chain is not a valid PEM certificate."),
    );
    expect(() => createSniEndpoint(data, staging(), pair.certificate, "not a key")).toThrow(
      new InvalidParamsError("Private key is not a valid PEM private key."),
    );
    expect(data.sniEndpoints).toEqual([]);
  });

  test("the certificate describes itself: subject, issuer, domains, validity, self-signed", () => {
    const facts = certificateFacts(createSniEndpoint(data, staging(), pair.certificate, pair.privateKey));
    expect(facts).toMatchObject({
      subject: "/CN=www.songlist.example",
      issuer: "/CN=www.songlist.example",
      domains: ["www.songlist.example", "songlist.example"],
      selfSigned: true,
    });
    expect(Date.parse(facts.expiresAt)).toBeGreaterThan(Date.parse(facts.startsAt));
    const bare = createSniEndpoint(data, staging(), other.certificate, other.privateKey);
    expect(certificateFacts(bare).domains).toEqual(["api.songlist.example"]);
  });

  test("an update replaces the certificate after the same checks; a delete frees the domains it served", () => {
    const endpoint = createSniEndpoint(data, staging(), pair.certificate, pair.privateKey);
    expect(() => updateSniEndpoint(endpoint, other.certificate, pair.privateKey)).toThrow(InvalidParamsError);
    expect(updateSniEndpoint(endpoint, other.certificate, other.privateKey).certificateChain).toBe(other.certificate);
    const domain = addDomain(data, staging(), "www.songlist.example", endpoint.name);
    expect(domain.sniEndpointId).toBe(endpoint.id);
    deleteSniEndpoint(data, endpoint);
    expect([data.sniEndpoints, domain.sniEndpointId]).toEqual([[], null]);
    expect(() => setSniEndpoint(data, domain, endpoint.id)).toThrow(NotFoundError);
  });

  test("the consistency walk finds an endpoint without its app and a domain whose endpoint is gone", () => {
    const endpoint = createSniEndpoint(data, staging(), pair.certificate, pair.privateKey);
    addDomain(data, staging(), "www.songlist.example", endpoint.id);
    expect(checkConsistency(data)).toEqual([]);
    data.sniEndpoints = [];
    expect(checkConsistency(data)).toEqual(["domain www.songlist.example refers to a missing SNI endpoint"]);
    data.sniEndpoints = [{ ...endpoint, appId: "gone" }];
    expect(checkConsistency(data)).toEqual([
      `SNI endpoint ${endpoint.name} refers to missing app gone`,
      "domain www.songlist.example refers to a missing SNI endpoint",
    ]);
  });
});

describe("SNI endpoint routes", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox();
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });

  test("the provider's domain-with-certificate flow: slug, release, scale, certificate, domain, switch", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "ssl-app" })).body;
    const body = { certificate_chain: pair.certificate, private_key: pair.privateKey };
    const early = await t.heroku("POST", `/apps/${app.id}/sni-endpoints`, body);
    expect([early.status, early.body.id]).toEqual([422, "invalid_params"]);

    const slug = (await t.heroku("POST", `/apps/${app.id}/slugs`, { process_types: { web: "ruby server.rb" } })).body;
    await t.heroku("POST", `/apps/${app.id}/releases`, { slug: slug.id });
    await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { quantity: 1, dyno_size: { name: "basic" } });

    const one = await t.heroku("POST", `/apps/${app.id}/sni-endpoints`, body);
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({
      app: { id: app.id, name: "ssl-app" },
      certificate_chain: pair.certificate,
      display_name: null,
      domains: [],
      ssl_cert: {
        "self_signed?": true,
        "ca_signed?": false,
        cert_domains: ["www.songlist.example", "songlist.example"],
      },
    });
    const two = (
      await t.heroku("POST", `/apps/${app.id}/sni-endpoints`, {
        certificate_chain: other.certificate,
        private_key: other.privateKey,
      })
    ).body;

    const domain = await t.heroku("POST", `/apps/${app.id}/domains`, {
      hostname: "www.songlist.example",
      sni_endpoint: one.body.id,
    });
    expect(domain.body.sni_endpoint).toEqual({ id: one.body.id, name: one.body.name });
    expect((await t.heroku("GET", `/apps/${app.id}/sni-endpoints/${one.body.name}`)).body.domains).toEqual([
      domain.body.id,
    ]);
    const moved = await t.heroku("PATCH", `/apps/${app.id}/domains/${domain.body.id}`, { sni_endpoint: two.id });
    expect(moved.body.sni_endpoint).toEqual({ id: two.id, name: two.name });
    const unknown = await t.heroku("PATCH", `/apps/${app.id}/domains/${domain.body.id}`, { sni_endpoint: "nope" });
    expect(unknown.body).toEqual({ id: "not_found", message: "Couldn't find that SNI endpoint." });

    const list = await t.heroku("GET", `/apps/${app.id}/sni-endpoints`);
    expect(list.body.map((e: { id: string }) => e.id)).toEqual([one.body.id, two.id]);
    expect((await t.heroku("DELETE", `/apps/${app.id}/sni-endpoints/${two.id}`)).body.id).toBe(two.id);
    expect((await t.heroku("GET", `/apps/${app.id}/domains/${domain.body.id}`)).body.sni_endpoint).toBeNull();
    expect((await t.heroku("GET", `/apps/${app.id}/sni-endpoints/${two.id}`)).status).toBe(404);
  });

  test("both the chain and the key are required, as strings, on create and update", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "ssl-body-app" })).body;
    for (const bad of [{}, { certificate_chain: pair.certificate }, { certificate_chain: 1, private_key: "k" }]) {
      const answer = await t.heroku("POST", `/apps/${app.id}/sni-endpoints`, bad);
      expect([answer.status, answer.body.id]).toEqual([422, "invalid_params"]);
      const update = await t.heroku("PATCH", `/apps/${app.id}/sni-endpoints/any`, bad);
      expect(update.status).toBe(422);
    }
  });
});
