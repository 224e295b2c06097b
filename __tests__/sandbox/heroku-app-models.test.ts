/**
 * The sandbox's Heroku model of apps and what hangs off them (releases, config vars, formation, pipelines), called
 * in-process on a hand-built state: each rule's edge on its own, where the HTTP tests (heroku.test.ts) show the routes
 * reach them.
 */
import { attach, provisionAddon } from "../../sandbox/heroku/models/addons";
import { createApp, deleteApp, findApp, setBuildpacks, updateApp } from "../../sandbox/heroku/models/apps";
import {
  buildableStack,
  checkQuantity,
  dynoSizeNamed,
  regionNamed,
  resolvePlan,
  serviceNamed,
} from "../../sandbox/heroku/models/catalog";
import { changeConfigVars } from "../../sandbox/heroku/models/config-vars";
import { addDomain } from "../../sandbox/heroku/models/domains";
import { addDrain } from "../../sandbox/heroku/models/drains";
import { InvalidParamsError, NotFoundError, UnknownPlanError } from "../../sandbox/heroku/models/errors";
import { findFormation, formationOf, pushCode, scale } from "../../sandbox/heroku/models/formation";
import {
  couple,
  couplingOfApp,
  createPipeline,
  deletePipeline,
  findCoupling,
  findPipeline,
  moveCoupling,
  renamePipeline,
  uncouple,
} from "../../sandbox/heroku/models/pipelines";
import { createRelease, findRelease, latestVersion, releasesOf } from "../../sandbox/heroku/models/releases";
import { rollback } from "../../sandbox/heroku/models/rollback";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

let data: StoreData;
beforeEach(() => {
  data = consistentState();
});
const staging = () => data.apps[0];
const production = () => data.apps[1];
const lastRelease = () => data.releases.at(-1);

describe("apps", () => {
  test("found by id or name; anything else is not found", () => {
    expect(findApp(data, "app-2").name).toBe("songlist-production");
    expect(findApp(data, "songlist-production").id).toBe("app-2");
    expect(() => findApp(data, "songlist-review")).toThrow(new NotFoundError("Couldn't find that app."));
  });

  test("created with Heroku's defaults and release v1, personal unless a team is given", () => {
    const app = createApp(data, {});
    expect(app.name).toMatch(/^[a-z]+-[a-z]+-\d+$/);
    expect(app).toMatchObject({ region: "us", stack: "heroku-24", buildStack: "heroku-24", team: null });
    expect(app).toMatchObject({ locked: false, internalRouting: null, acm: false, maintenance: false });
    expect(app.webSuffix).toMatch(/^[0-9a-f]{12}$/);
    expect(releasesOf(data, app).map((r) => [r.version, r.description])).toEqual([[1, "Initial release"]]);
    expect(app.releasedAt).toBe(releasesOf(data, app)[0].createdAt);
  });

  test("a team app may be locked and route internally; a personal app never is", () => {
    const team = createApp(data, { name: "t", team: "songlist-team", locked: true, internalRouting: true });
    expect(team).toMatchObject({ team: "songlist-team", locked: true, internalRouting: true });
    expect(createApp(data, { name: "t2", team: "songlist-team" })).toMatchObject({
      locked: false,
      internalRouting: false,
    });
    expect(createApp(data, { name: "p", locked: true, internalRouting: true })).toMatchObject({
      locked: false,
      internalRouting: null,
    });
  });

  test("a taken name, an unknown region or stack, and a private space are refused before anything is created", () => {
    const apps = data.apps.length;
    expect(() => createApp(data, { name: "songlist-staging" })).toThrow(
      new InvalidParamsError("Name is already taken"),
    );
    expect(() => createApp(data, { name: "x", region: "mars" })).toThrow(
      new InvalidParamsError("Couldn't find that region (mars). Available regions: us, eu."),
    );
    expect(() => createApp(data, { name: "x", stack: "heroku-18" })).toThrow(InvalidParamsError);
    expect(() => createApp(data, { name: "x", space: "my-space" })).toThrow(
      new InvalidParamsError("Private spaces are not available in the sandbox."),
    );
    expect(data.apps).toHaveLength(apps);
    expect(createApp(data, { name: "x", region: "eu", stack: "heroku-22", space: null })).toMatchObject({
      region: "eu",
      stack: "heroku-22",
    });
  });

  test("an update changes what it names and keeps the rest; a refused value changes nothing", () => {
    const app = staging();
    updateApp(data, app, { maintenance: true });
    expect(app).toMatchObject({ name: "songlist-staging", buildStack: "heroku-24", maintenance: true, acm: true });
    updateApp(data, app, { name: "songlist-stage", buildStack: "heroku-22", locked: true, acm: false });
    expect(app).toMatchObject({ name: "songlist-stage", buildStack: "heroku-22", locked: true, acm: false });
    expect(app.maintenance).toBe(true);
    expect(updateApp(data, app, { name: "songlist-stage" }).name).toBe("songlist-stage");
    expect(() => updateApp(data, app, { name: "songlist-production", maintenance: false })).toThrow(
      new InvalidParamsError("Name is already taken"),
    );
    expect(() => updateApp(data, app, { buildStack: "cedar-14", maintenance: false })).toThrow(InvalidParamsError);
    expect(app).toMatchObject({ name: "songlist-stage", buildStack: "heroku-22", maintenance: true });
  });

  test("buildpacks are replaced as given, a copy", () => {
    const given = ["heroku/nodejs", "https://example.com/bp.tgz"];
    setBuildpacks(staging(), given);
    given.push("heroku/python");
    expect(staging().buildpacks).toEqual(["heroku/nodejs", "https://example.com/bp.tgz"]);
  });

  test("deleting an app removes what exists only through it and takes its add-on's vars off other apps", () => {
    attach(data, data.addons[0], production(), "REPORTING");
    provisionAddon(data, production(), { plan: "heroku-redis:mini" });
    attach(data, data.addons[1], staging(), "CACHE");
    addDomain(data, staging(), "www.songlist.example", null);
    addDrain(data, production(), "https://logs.example/p");
    const remaining = production();
    deleteApp(data, staging());
    expect(data.apps.map((a) => a.id)).toEqual(["app-2"]);
    expect(data.addons.map((a) => a.service)).toEqual(["heroku-redis"]);
    expect(data.attachments.map((a) => [a.appId, a.name])).toEqual([["app-2", "REDIS"]]);
    expect(Object.keys(remaining.configVars)).toEqual(["REDIS_URL"]);
    for (const list of [data.releases, data.couplings, data.formations, data.domains]) {
      expect(list.filter((item) => item.appId === "app-1")).toEqual([]);
    }
    expect(data.releases.filter((r) => r.appId === "app-2").length).toBeGreaterThan(0);
    expect(data.couplings.map((c) => c.appId)).toEqual(["app-2"]);
    expect(data.drains.map((d) => d.appId)).toEqual(["app-2"]);
  });
});

describe("releases and config vars", () => {
  test("versions count up per app; a release without a slug keeps the previous one", () => {
    expect(latestVersion(data, "app-1")).toBe(2);
    expect(latestVersion(data, "app-gone")).toBe(0);
    const deploy = createRelease(data, production(), "Deploy", "slug-1");
    expect(deploy).toMatchObject({ version: 2, slugId: "slug-1", status: "succeeded", appId: "app-2" });
    expect(createRelease(data, production(), "Set X").slugId).toBe("slug-1");
    expect(createRelease(data, staging(), "Set Y")).toMatchObject({ version: 3, slugId: null });
    expect(production().releasedAt).toBe(releasesOf(data, production()).at(-1)?.createdAt);
  });

  test("found by id or version within the app only", () => {
    expect(findRelease(data, staging(), "rel-2").version).toBe(2);
    expect(findRelease(data, staging(), "2").id).toBe("rel-2");
    expect(() => findRelease(data, production(), "2")).toThrow(new NotFoundError("Couldn't find that release."));
    expect(() => findRelease(data, production(), "rel-2")).toThrow(NotFoundError);
  });

  test("a rollback is a new release running the target's slug, even none", () => {
    const v2 = createRelease(data, production(), "Deploy", "slug-1");
    createRelease(data, production(), "Deploy", "slug-2");
    expect(rollback(data, production(), v2.id)).toMatchObject({
      version: 4,
      slugId: "slug-1",
      description: "Rollback to v2",
    });
    expect(rollback(data, production(), "1")).toMatchObject({
      version: 5,
      slugId: null,
      description: "Rollback to v1",
    });
  });

  test("one release per change set, described the way Heroku does; no change, no release", () => {
    const app = staging();
    const versions = () => latestVersion(data, app.id);
    const start = versions();
    expect(changeConfigVars(data, app, { A: "1", B: "2" })).toEqual({
      LOG_LEVEL: "info",
      DATABASE_URL: app.configVars.DATABASE_URL,
      A: "1",
      B: "2",
    });
    expect(lastRelease()?.description).toBe("Set A, B config vars");
    changeConfigVars(data, app, { A: "1", B: null, GONE: null });
    expect(lastRelease()?.description).toBe("Remove B config var");
    changeConfigVars(data, app, { C: "3", A: null });
    expect(lastRelease()?.description).toBe("Set C config var; Remove A config var");
    changeConfigVars(data, app, { C: "3", NEVER_SET: null });
    changeConfigVars(data, app, { D: "4" }, "Attach D");
    expect(lastRelease()?.description).toBe("Attach D");
    expect(versions()).toBe(start + 4);
    expect(app.configVars).toEqual({ LOG_LEVEL: "info", DATABASE_URL: app.configVars.DATABASE_URL, C: "3", D: "4" });
  });
});

describe("formation", () => {
  test("found by id or type within the app; a type no release declared is not found, naming it", () => {
    expect(findFormation(data, staging(), "web").id).toBe("form-1");
    expect(findFormation(data, staging(), "form-1").type).toBe("web");
    expect(() => findFormation(data, production(), "web")).toThrow(
      new NotFoundError("Couldn't find that process type (web)."),
    );
  });

  test("scaling keeps what it does not name; sizes in any case; limits and Private Space sizes refused first", () => {
    const web = data.formations[0];
    expect(scale(web, { quantity: 3 })).toMatchObject({ quantity: 3, size: "Standard-1X" });
    expect(scale(web, { size: "standard-2x" })).toMatchObject({ quantity: 3, size: "Standard-2X" });
    expect(() => scale(web, { size: "Basic", quantity: 2 })).toThrow(
      new InvalidParamsError("Cannot run more than 1 Basic dyno per process type."),
    );
    expect(() => scale(web, { size: "Private-M" })).toThrow(
      new InvalidParamsError("Private-M dynos can only be used by apps in a Private Space."),
    );
    expect(web).toMatchObject({ quantity: 3, size: "Standard-2X" });
    expect(scale(web, { size: "Basic", quantity: 1 })).toMatchObject({ quantity: 1, size: "Basic" });
  });

  test("a push declares the process types: new ones get one web or no worker dyno of Basic, old ones keep their scale", () => {
    const release = pushCode(data, staging(), { web: "node server.js", worker: "node worker.js" });
    expect(formationOf(data, staging()).map((f) => [f.type, f.quantity, f.size, f.command])).toEqual([
      ["web", 2, "Standard-1X", "node server.js"],
      ["worker", 0, "Basic", "node worker.js"],
    ]);
    expect(release.description).toMatch(/^Deploy [0-9a-f]{8}$/);
    expect(release.slugId).toMatch(/^[0-9a-f-]{36}$/);
    expect(staging().processTypes).toEqual({ web: "node server.js", worker: "node worker.js" });
    pushCode(data, production(), { web: "npm start" });
    expect(formationOf(data, production()).map((f) => [f.type, f.quantity, f.size])).toEqual([["web", 1, "Basic"]]);
  });

  test("a push drops the types it no longer declares, on that app only; an empty Procfile is refused", () => {
    pushCode(data, production(), { web: "npm start", clock: "node clock.js" });
    pushCode(data, staging(), { worker: "node worker.js" });
    expect(formationOf(data, staging()).map((f) => f.type)).toEqual(["worker"]);
    expect(formationOf(data, production()).map((f) => f.type)).toEqual(["web", "clock"]);
    expect(() => pushCode(data, staging(), {})).toThrow(
      new InvalidParamsError("A push must declare at least one process type."),
    );
  });
});

describe("pipelines", () => {
  test("by id always; by name only while something is coupled to it", () => {
    const empty = createPipeline(data, { name: "empty" });
    expect(findPipeline(data, empty.id)).toBe(empty);
    expect(() => findPipeline(data, "empty")).toThrow(new NotFoundError("Couldn't find that pipeline."));
    expect(findPipeline(data, "songlist").id).toBe("pipe-1");
    couple(data, createApp(data, { name: "e" }), empty.id, "staging");
    expect(findPipeline(data, "empty")).toBe(empty);
  });

  test("owned by the account's user unless an owner is given; names are unique, also on rename", () => {
    expect(createPipeline(data, { name: "a" })).toMatchObject({ ownerId: "account-1", ownerType: "user" });
    const team = createPipeline(data, { name: "b", owner: { id: "team-1", type: "team" } });
    expect(team).toMatchObject({ ownerId: "team-1", ownerType: "team" });
    expect(() => createPipeline(data, { name: "songlist" })).toThrow(new InvalidParamsError("Name is already taken"));
    expect(() => renamePipeline(data, team, "a")).toThrow(new InvalidParamsError("Name is already taken"));
    expect(renamePipeline(data, team, "b").name).toBe("b");
    expect(renamePipeline(data, team, undefined).name).toBe("b");
    expect(renamePipeline(data, team, "c").name).toBe("c");
  });

  test("deleting a pipeline uncouples its apps and keeps the apps and the other pipelines' couplings", () => {
    const other = createPipeline(data, { name: "other" });
    const app = createApp(data, { name: "o" });
    couple(data, app, other.id, "development");
    deletePipeline(data, data.pipelines[0]);
    expect(data.pipelines).toEqual([other]);
    expect(data.couplings.map((c) => c.appId)).toEqual([app.id]);
    expect(data.apps).toHaveLength(3);
  });

  test("an app is coupled once, to a pipeline named by id; a coupling is found by id or by its app", () => {
    const app = createApp(data, { name: "r" });
    expect(() => couple(data, app, "songlist", "review")).toThrow(new NotFoundError("Couldn't find that pipeline."));
    const coupling = couple(data, app, "pipe-1", "review");
    expect(coupling).toMatchObject({ appId: app.id, pipelineId: "pipe-1", stage: "review" });
    expect(() => couple(data, app, "pipe-1", "staging")).toThrow(
      new InvalidParamsError("r is already a member of a pipeline."),
    );
    expect(findCoupling(data, coupling.id)).toBe(coupling);
    expect(couplingOfApp(data, app)).toBe(coupling);
    expect(moveCoupling(coupling, "staging").stage).toBe("staging");
    uncouple(data, coupling);
    expect(() => findCoupling(data, coupling.id)).toThrow(new NotFoundError("Couldn't find that pipeline coupling."));
    expect(() => couplingOfApp(data, app)).toThrow(NotFoundError);
    expect(data.couplings).toHaveLength(2);
  });
});

describe("catalogue lookups", () => {
  test("regions, stacks and dyno sizes are refused with what there is instead", () => {
    expect(regionNamed("eu").name).toBe("eu");
    expect(buildableStack("heroku-22").name).toBe("heroku-22");
    expect(() => buildableStack("heroku-99")).toThrow(
      new InvalidParamsError(
        "Couldn't find that stack (heroku-99). Available stacks: heroku-22, heroku-24, container.",
      ),
    );
    expect(dynoSizeNamed("PERFORMANCE-M").name).toBe("Performance-M");
    expect(() => dynoSizeNamed("Hobby")).toThrow(
      new InvalidParamsError("Hobby dynos were retired on 2022-11-28: use Basic."),
    );
    expect(() => dynoSizeNamed("Huge")).toThrow(new InvalidParamsError("Couldn't find that dyno size (Huge)."));
  });

  test("a quantity up to the size's limit is accepted, one more is refused, in the plural where it applies", () => {
    const standard = dynoSizeNamed("Standard-1X");
    expect(checkQuantity(standard.maxQuantity, standard)).toBe(standard.maxQuantity);
    expect(() => checkQuantity(standard.maxQuantity + 1, standard)).toThrow(
      new InvalidParamsError(`Cannot run more than ${standard.maxQuantity} Standard-1X dynos per process type.`),
    );
  });

  test("plans: a service alone takes its default plan; unknown services and plans are refused as unknown", () => {
    expect(resolvePlan("heroku-postgresql").plan).toBe(serviceNamed("heroku-postgresql").defaultPlan);
    expect(resolvePlan("heroku-redis:mini")).toMatchObject({ plan: "mini" });
    expect(() => resolvePlan("heroku-redis:huge")).toThrow(
      new UnknownPlanError('Couldn\'t find either the add-on service or the add-on plan of "heroku-redis:huge".'),
    );
    expect(() => resolvePlan("sendgrid")).toThrow(UnknownPlanError);
    expect(() => serviceNamed("sendgrid")).toThrow("unknown add-on service sendgrid");
  });
});
