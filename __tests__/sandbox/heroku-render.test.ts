/**
 * Records as the sandbox's Heroku API renders them, in-process on the hand-built state: each whole object, value by
 * value. The contract tests hold the shapes against Heroku's published schema; these hold the values the providers
 * read (owners, references, prices, URLs, the release a rollback may target).
 */
import { stableId } from "../../sandbox/ids";
import { DYNO_SIZES, REGIONS, STACKS } from "../../sandbox/heroku/models/catalog";
import {
  renderAccount,
  renderAddon,
  renderApp,
  renderAttachment,
  renderBuildpacks,
  renderCoupling,
  renderDomain,
  renderDrain,
  renderDynoSize,
  renderFormation,
  renderPipeline,
  renderRegion,
  renderRelease,
  renderStack,
  renderTeamApp,
} from "../../sandbox/heroku/routes/render";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

const AT = "2026-01-01T00:00:00Z";
const CATALOGUE_TIME = "2012-01-01T00:00:00.000Z";
const GENERATION = { id: stableId("generation", "cedar"), name: "cedar" };

let data: StoreData;
beforeEach(() => {
  data = consistentState();
});
const staging = () => data.apps[0];
const production = () => data.apps[1];

test("the account", () => {
  expect(renderAccount(data)).toEqual({
    allow_tracking: false,
    beta: false,
    created_at: AT,
    email: "sandbox@heroku-flow.example",
    federated: false,
    id: "account-1",
    identity_provider: null,
    last_login: AT,
    name: "Sandbox User",
    sms_number: null,
    suspended_at: null,
    delinquent_at: null,
    two_factor_authentication: false,
    updated_at: AT,
    verified: true,
    country_of_residence: null,
    default_organization: null,
    default_team: null,
  });
});

describe("apps", () => {
  test("a team app: owned by the team's pseudo-user, the team by id and name", () => {
    const team = { id: stableId("team", "songlist-team"), name: "songlist-team" };
    expect(renderApp(data, staging())).toEqual({
      acm: true,
      archived_at: null,
      buildpack_provided_description: null,
      build_stack: { id: stableId("stack", "heroku-24"), name: "heroku-24" },
      created_at: AT,
      generation: GENERATION,
      git_url: "https://git.heroku.com/songlist-staging.git",
      id: "app-1",
      internal_routing: null,
      maintenance: false,
      name: "songlist-staging",
      owner: { id: stableId("team-owner", "songlist-team"), email: "songlist-team@herokumanager.com" },
      organization: team,
      team,
      region: { id: stableId("region", "eu"), name: "eu" },
      released_at: AT,
      repo_size: null,
      slug_size: null,
      space: null,
      stack: { id: stableId("stack", "heroku-24"), name: "heroku-24" },
      updated_at: AT,
      web_url: "https://songlist-staging-0123456789ab.herokuapp.com/",
    });
  });

  test("a personal app: owned by the account; the first buildpack describes it; its own stack and build stack", () => {
    production().buildpacks = ["heroku/nodejs", "heroku/python"];
    const rendered = renderApp(data, production());
    expect(rendered).toMatchObject({
      owner: { id: "account-1", email: "sandbox@heroku-flow.example" },
      organization: null,
      team: null,
      buildpack_provided_description: "heroku/nodejs",
      stack: { name: "heroku-22" },
      build_stack: { name: "heroku-24" },
      released_at: null,
    });
  });

  test("as a team app: no acm, generation or organization; locked and joined; the team by name only", () => {
    staging().locked = true;
    const rendered = renderTeamApp(data, staging());
    expect(rendered).not.toHaveProperty("acm");
    expect(rendered).not.toHaveProperty("generation");
    expect(rendered).not.toHaveProperty("organization");
    expect(rendered).toMatchObject({
      joined: false,
      locked: true,
      team: { name: "songlist-team" },
      name: "songlist-staging",
    });
    expect(rendered.team).toEqual({ name: "songlist-team" });
    expect(renderTeamApp(data, production())).toMatchObject({ locked: false, team: null });
  });

  test("buildpacks keep their order and come back exactly as set, as name and URL", () => {
    staging().buildpacks = ["heroku/nodejs", "https://example.com/bp.tgz"];
    expect(renderBuildpacks(staging())).toEqual([
      { ordinal: 0, buildpack: { url: "heroku/nodejs", name: "heroku/nodejs" } },
      { ordinal: 1, buildpack: { url: "https://example.com/bp.tgz", name: "https://example.com/bp.tgz" } },
    ]);
  });
});

describe("releases", () => {
  test("the current release, with the app's add-on plans; it is not a rollback target", () => {
    expect(renderRelease(data, data.releases[1])).toEqual({
      addon_plan_names: ["heroku-postgresql:essential-0"],
      artifacts: [],
      app: { id: "app-1", name: "songlist-staging" },
      created_at: AT,
      description: "Set LOG_LEVEL",
      id: "rel-2",
      updated_at: AT,
      slug: null,
      status: "succeeded",
      user: { id: "account-1", email: "sandbox@heroku-flow.example" },
      version: 2,
      current: true,
      output_stream_url: null,
      eligible_for_rollback: false,
    });
  });

  test("an older release with a slug is a rollback target; without one it is not; a deleted app's keeps its id", () => {
    data.releases[0].slugId = "slug-1";
    expect(renderRelease(data, data.releases[0])).toMatchObject({
      artifacts: [{ type: "slug", id: "slug-1" }],
      slug: { id: "slug-1" },
      current: false,
      eligible_for_rollback: true,
    });
    data.releases[0].slugId = null;
    expect(renderRelease(data, data.releases[0])).toMatchObject({ current: false, eligible_for_rollback: false });
    expect(renderRelease(data, data.releases[2]).addon_plan_names).toEqual([]);
    data.apps = [];
    expect(renderRelease(data, data.releases[2]).app).toEqual({ id: "app-2", name: "deleted-app" });
  });
});

describe("add-ons and attachments", () => {
  test("an add-on: billed to its app, priced by plan, the config vars of its own app's attachments only", () => {
    data.attachments.push({ ...data.attachments[0], id: "att-2", appId: "app-2", name: "REPORTING" });
    expect(renderAddon(data, data.addons[0])).toEqual({
      actions: [],
      addon_service: { id: stableId("addon-service", "heroku-postgresql"), name: "heroku-postgresql" },
      billing_entity: { id: "app-1", name: "songlist-staging", type: "app" },
      app: { id: "app-1", name: "songlist-staging" },
      billed_price: { cents: 500, contract: false, unit: "month" },
      config_vars: ["DATABASE_URL"],
      created_at: AT,
      id: "addon-1",
      name: "postgresql-round-12345",
      plan: { id: stableId("plan", "heroku-postgresql:essential-0"), name: "heroku-postgresql:essential-0" },
      provider_id: "resource-1",
      state: "provisioned",
      updated_at: AT,
      web_url: "https://addons-sso.heroku.com/apps/app-1/addons/addon-1",
    });
  });

  test("a plan without a price costs nothing", () => {
    data.addons[0].plan = "unpriced";
    expect(renderAddon(data, data.addons[0]).billed_price.cents).toBe(0);
  });

  test("an attachment names the add-on and the app billed for it; one of a deleted add-on says so", () => {
    const elsewhere = { ...data.attachments[0], id: "att-2", appId: "app-2", name: "REPORTING", namespace: "ns" };
    expect(renderAttachment(data, elsewhere)).toEqual({
      addon: { id: "addon-1", name: "postgresql-round-12345", app: { id: "app-1", name: "songlist-staging" } },
      app: { id: "app-2", name: "songlist-production" },
      created_at: AT,
      id: "att-2",
      name: "REPORTING",
      namespace: "ns",
      updated_at: AT,
      web_url: "https://addons-sso.heroku.com/apps/app-2/addons/addon-1",
      log_input_url: null,
    });
    data.addons = [];
    expect(renderAttachment(data, elsewhere)).toMatchObject({
      addon: { id: "addon-1", name: "deleted-addon", app: { id: "app-2", name: "songlist-production" } },
      web_url: null,
    });
  });

  test("an attachment finds its own add-on among several, and the app that owns that add-on", () => {
    const reporting = { ...data.addons[0], id: "addon-2", appId: "app-2", name: "postgresql-reporting-67890" };
    data.addons.push(reporting);
    const attachment = { ...data.attachments[0], id: "att-2", appId: "app-1", addonId: "addon-2", name: "REPORTING" };
    expect(renderAttachment(data, attachment)).toMatchObject({
      addon: { id: "addon-2", name: "postgresql-reporting-67890", app: { id: "app-2", name: "songlist-production" } },
      app: { id: "app-1", name: "songlist-staging" },
      web_url: "https://addons-sso.heroku.com/apps/app-1/addons/addon-2",
    });
  });
});

describe("pipelines, formation, domains and drains", () => {
  test("a pipeline with its owner and generation; a coupling by ids", () => {
    expect(renderPipeline(data.pipelines[0])).toEqual({
      created_at: AT,
      id: "pipe-1",
      name: "songlist",
      owner: { id: "account-1", type: "user" },
      updated_at: AT,
      generation: GENERATION,
    });
    expect(renderCoupling(data.couplings[1])).toEqual({
      app: { id: "app-2" },
      created_at: AT,
      id: "coup-2",
      pipeline: { id: "pipe-1" },
      stage: "production",
      updated_at: AT,
    });
  });

  test("a formation entry with the deprecated size beside the dyno size", () => {
    expect(renderFormation(data, data.formations[0])).toEqual({
      app: { id: "app-1", name: "songlist-staging" },
      command: "npm start",
      created_at: AT,
      dyno_size: { id: stableId("dyno-size", "Standard-1X"), name: "Standard-1X" },
      id: "form-1",
      quantity: 2,
      size: "Standard-1X",
      type: "web",
      updated_at: AT,
    });
  });

  test("a domain: its certificate issued only with ACM, its SNI endpoint when it has one", () => {
    expect(renderDomain(data, data.domains[0])).toEqual({
      acm_status: null,
      acm_status_reason: null,
      app: { id: "app-2", name: "songlist-production" },
      cname: "songlist.herokudns.example",
      created_at: AT,
      hostname: "songlist.example",
      id: "dom-1",
      kind: "custom",
      updated_at: AT,
      status: "succeeded",
      sni_endpoint: null,
    });
    production().acm = true;
    data.sniEndpoints.push({
      id: "sni-1",
      appId: "app-2",
      name: "polar-river-10001",
      certificateChain: "",
      createdAt: AT,
      updatedAt: AT,
    });
    data.domains[0].sniEndpointId = "sni-1";
    expect(renderDomain(data, data.domains[0])).toMatchObject({
      acm_status: "cert issued",
      sni_endpoint: { id: "sni-1", name: "polar-river-10001" },
    });
  });

  test("a drain with its token and URL", () => {
    expect(renderDrain(data, data.drains[0])).toEqual({
      addon: null,
      app: { id: "app-1", name: "songlist-staging" },
      created_at: AT,
      id: "drain-1",
      token: "d.1",
      updated_at: AT,
      url: "https://user:drain-secret@logs.example/in",
    });
  });
});

describe("the catalogue", () => {
  test("regions, each in its AWS region", () => {
    expect(REGIONS.map(renderRegion)).toEqual([
      {
        country: "United States",
        created_at: CATALOGUE_TIME,
        description: "United States",
        id: stableId("region", "us"),
        locale: "Virginia",
        name: "us",
        private_capable: false,
        provider: { name: "amazon-web-services", region: "us-east-1" },
        updated_at: CATALOGUE_TIME,
      },
      {
        country: "Ireland",
        created_at: CATALOGUE_TIME,
        description: "Europe",
        id: stableId("region", "eu"),
        locale: "Dublin",
        name: "eu",
        private_capable: false,
        provider: { name: "amazon-web-services", region: "eu-west-1" },
        updated_at: CATALOGUE_TIME,
      },
    ]);
  });

  test("stacks: the default marked, a retired one deprecated", () => {
    const byName = (name: string) => STACKS.find((s) => s.name === name)!;
    expect(renderStack(byName("heroku-24"), "heroku-24")).toEqual({
      default: true,
      created_at: CATALOGUE_TIME,
      id: stableId("stack", "heroku-24"),
      name: "heroku-24",
      state: "public",
      updated_at: CATALOGUE_TIME,
    });
    expect(renderStack(byName("heroku-22"), "heroku-24")).toMatchObject({ default: false, state: "public" });
    expect(renderStack(byName("heroku-20"), "heroku-24")).toMatchObject({ default: false, state: "deprecated" });
  });

  test("dyno sizes: compute at least one unit, dedicated above Standard, Private and Shield only in spaces", () => {
    const byName = (name: string) => renderDynoSize(DYNO_SIZES.find((s) => s.name === name)!);
    expect(byName("Basic")).toEqual({
      architecture: "amd64",
      compute: 1,
      cost: null,
      dedicated: false,
      precise_dyno_units: 0.28,
      generation: GENERATION,
      id: stableId("dyno-size", "Basic"),
      memory: 0.5,
      name: "Basic",
      private_space_only: false,
    });
    expect(byName("Eco")).toMatchObject({ compute: 1, dedicated: false });
    expect(byName("Standard-2X")).toMatchObject({ compute: 2, dedicated: false, memory: 1 });
    expect(byName("Performance-M")).toMatchObject({ compute: 8, dedicated: true, private_space_only: false });
    expect(byName("Private-M")).toMatchObject({ dedicated: true, private_space_only: true });
    expect(byName("Shield-S")).toMatchObject({ private_space_only: true });
  });

  test("no catalogue size names Eco, Basic or Standard- after its start (an equivalent mutant in stryker.config.mjs relies on it)", () => {
    const inside = DYNO_SIZES.map((s) => s.name).filter((name) => /.(Eco|Basic|Standard-)/.test(name));
    expect(inside).toEqual([]);
  });
});
