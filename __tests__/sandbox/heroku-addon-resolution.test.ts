/**
 * How an add-on is named within an app, the way Heroku resolves add-on identities: its id or name, its attachment
 * name there, or its service when the app has only one add-on of that service (the provider's `Addon_Disappears` test
 * deletes `scheduler` by service name). Two of a service are ambiguous: 422 `multiple_matches`.
 */
import { attach, findAppAddon, provisionAddon } from "../../sandbox/heroku/models/addons";
import { AmbiguousError, NotFoundError } from "../../sandbox/heroku/models/errors";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";
import { startSandbox, type TestSandbox } from "./client";

describe("add-on identities within an app", () => {
  let data: StoreData;
  beforeEach(() => {
    data = consistentState();
  });
  const staging = () => data.apps[0];
  const production = () => data.apps[1];

  test("by id, name, attachment name (in any case) or service", () => {
    for (const identifier of ["addon-1", "postgresql-round-12345", "DATABASE", "database", "heroku-postgresql"]) {
      expect(findAppAddon(data, staging(), identifier).id).toBe("addon-1");
    }
    expect(() => findAppAddon(data, staging(), "heroku-redis")).toThrow(
      new NotFoundError("Couldn't find that add-on."),
    );
  });

  test("only among the app's own and attached add-ons", () => {
    expect(() => findAppAddon(data, production(), "heroku-postgresql")).toThrow(NotFoundError);
    expect(() => findAppAddon(data, production(), "DATABASE")).toThrow(NotFoundError);
    expect(() => findAppAddon(data, production(), "postgresql-round-12345")).toThrow(NotFoundError);
    attach(data, data.addons[0], production(), "REPORTING");
    expect(findAppAddon(data, production(), "REPORTING").id).toBe("addon-1");
    expect(findAppAddon(data, production(), "heroku-postgresql").id).toBe("addon-1");
  });

  test("a service the app has twice is ambiguous; an exact name still resolves", () => {
    const second = provisionAddon(data, staging(), { plan: "heroku-postgresql", name: "second-db" });
    expect(() => findAppAddon(data, staging(), "heroku-postgresql")).toThrow(
      new AmbiguousError("Ambiguous identifier; multiple matching add-ons found: postgresql-round-12345, second-db."),
    );
    expect(findAppAddon(data, staging(), "second-db")).toBe(second);
  });
});

describe("add-on routes resolve the same way", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox();
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });

  test("an add-on deleted by its service name, as the provider's disappearance test does", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "resolve-app" })).body;
    const addon = (await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "scheduler:standard" })).body;
    expect((await t.heroku("GET", `/apps/resolve-app/addons/scheduler`)).body.id).toBe(addon.id);
    const deleted = await t.heroku("DELETE", "/apps/resolve-app/addons/scheduler");
    expect([deleted.status, deleted.body.id, deleted.body.state]).toEqual([200, addon.id, "deprovisioned"]);
    expect((await t.heroku("GET", `/apps/${app.id}/addons/${addon.id}`)).status).toBe(404);
  });

  test("two add-ons of one service: naming the service is a 422 multiple_matches", async () => {
    const app = (await t.heroku("POST", "/apps", { name: "resolve-twice" })).body;
    await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-postgresql", name: "db-one" });
    await t.heroku("POST", `/apps/${app.id}/addons`, { plan: "heroku-postgresql", name: "db-two" });
    const ambiguous = await t.heroku("DELETE", `/apps/${app.id}/addons/heroku-postgresql`);
    expect([ambiguous.status, ambiguous.body.id]).toEqual([422, "multiple_matches"]);
    expect((await t.heroku("GET", `/apps/${app.id}/addons`)).body).toHaveLength(2);
  });
});
