/**
 * The sandbox's Heroku model, called in-process on a hand-built state (no HTTP): the rules of add-ons and their
 * attachments, custom domains and log drains, each edge on its own. The HTTP tests (heroku.test.ts) show that the
 * routes reach these rules; these show the rules themselves, one refusal or outcome at a time.
 */
import {
  addonsOf,
  attach,
  attachmentConfigVars,
  changeAddon,
  deprovisionAddon,
  detach,
  findAddon,
  findAppAddon,
  findAttachment,
  observeAddon,
  provisionAddon,
  removeAddon,
} from "../../sandbox/heroku/models/addons";
import { addDomain, domainsOf, findDomain, removeDomain, setSniEndpoint } from "../../sandbox/heroku/models/domains";
import { addDrain, drainsOf, findDrain, removeDrain } from "../../sandbox/heroku/models/drains";
import { InvalidParamsError, NotFoundError } from "../../sandbox/heroku/models/errors";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

let data: StoreData;
beforeEach(() => {
  data = consistentState();
});
const staging = () => data.apps[0];
const production = () => data.apps[1];
const releaseCount = (appId: string) => data.releases.filter((r) => r.appId === appId).length;

describe("add-ons", () => {
  test("found by id or by name; anything else is not found", () => {
    expect(findAddon(data, "addon-1").name).toBe("postgresql-round-12345");
    expect(findAddon(data, "postgresql-round-12345").id).toBe("addon-1");
    expect(() => findAddon(data, "addon-2")).toThrow(new NotFoundError("Couldn't find that add-on."));
  });

  test("an app finds the add-ons it is billed for or has attached, not the others", () => {
    expect(() => findAppAddon(data, production(), "addon-1")).toThrow(new NotFoundError("Couldn't find that add-on."));
    expect(addonsOf(data, production())).toEqual([]);
    attach(data, data.addons[0], production(), "REPORTING");
    expect(findAppAddon(data, production(), "addon-1").id).toBe("addon-1");
    expect(addonsOf(data, production()).map((a) => a.id)).toEqual(["addon-1"]);
    expect(addonsOf(data, staging()).map((a) => a.id)).toEqual(["addon-1"]);
  });

  test("provisioning: named after the service, billed and attached to the app, provisioning until first read", () => {
    const addon = provisionAddon(data, production(), { plan: "heroku-postgresql:essential-0" });
    expect(addon.name).toMatch(/^postgresql-[a-z]+-[a-z]+-\d+$/);
    expect(addon).toMatchObject({ appId: "app-2", service: "heroku-postgresql", plan: "essential-0" });
    expect(addon.providerId).toMatch(/^resource[0-9a-f]{20}@heroku\.com$/);
    expect(production().configVars.DATABASE_URL).toBe(addon.secret);
    expect(observeAddon(addon).state).toBe("provisioning");
    expect(addon.state).toBe("provisioned");
    expect(observeAddon(addon).state).toBe("provisioned");
  });

  test("the app billed for an add-on finds it with no attachment of its own", () => {
    detach(data, data.attachments[0]);
    expect(findAppAddon(data, staging(), "addon-1").id).toBe("addon-1");
  });

  test("reading an add-on that is already provisioned changes nothing, not even its update time", () => {
    const addon = data.addons[0];
    const before = structuredClone(addon);
    expect(observeAddon(addon)).toEqual(before);
    expect(addon).toEqual(before);
  });

  test.each([
    [
      "heroku-postgresql",
      /^postgres:\/\/u[0-9a-f]{13}:p[0-9a-f]{40}@ec2-[0-9a-f]{6}\.compute-1\.amazonaws\.com:5432\/d[0-9a-f]{13}$/,
    ],
    ["heroku-redis", /^rediss:\/\/:p[0-9a-f]{40}@ec2-[0-9a-f]{6}\.compute-1\.amazonaws\.com:6380$/],
    ["papertrail", /^[0-9a-f]{20}$/],
    // The Scheduler sets no config var, so it has nothing to keep secret.
    ["scheduler", /^$/],
  ])("%s: the secret behind the add-on's config vars has the service's shape", (plan, shape) => {
    expect(provisionAddon(data, production(), { plan }).secret).toMatch(shape);
  });

  test("provisioning keeps a given name and config, and refuses a name already taken by any app", () => {
    const addon = provisionAddon(data, production(), {
      plan: "heroku-postgresql",
      name: "reports-db",
      config: { "db-version": "16" },
      attachmentName: "reporting",
    });
    expect(addon).toMatchObject({ name: "reports-db", config: { "db-version": "16" } });
    expect(findAttachment(data, "REPORTING", production()).addonId).toBe(addon.id);
    expect(() =>
      provisionAddon(data, staging(), { plan: "heroku-postgresql", name: "postgresql-round-12345" }),
    ).toThrow(new InvalidParamsError("Name postgresql-round-12345 is already taken."));
  });

  test.each([undefined, null, "songlist-production"])("a confirmation of %p is accepted", (confirm) => {
    expect(provisionAddon(data, production(), { plan: "heroku-postgresql", confirm }).appId).toBe("app-2");
  });

  test.each(["songlist-staging", ""])("a confirmation of %p is refused", (confirm) => {
    expect(() => provisionAddon(data, production(), { plan: "heroku-postgresql", confirm })).toThrow(
      new InvalidParamsError("Confirmation did not match app name (songlist-production)."),
    );
  });

  test("a plan change: by plan alone, by service:plan or by service; an empty plan keeps it; never another service", () => {
    const addon = data.addons[0];
    expect(changeAddon(data, addon, { plan: "standard-0" }).plan).toBe("standard-0");
    expect(changeAddon(data, addon, { plan: "heroku-postgresql:essential-1" }).plan).toBe("essential-1");
    expect(changeAddon(data, addon, { plan: "", name: "renamed-db" })).toMatchObject({
      plan: "essential-1",
      name: "renamed-db",
    });
    expect(changeAddon(data, addon, { name: "renamed-db" }).name).toBe("renamed-db");
    expect(changeAddon(data, addon, {}).name).toBe("renamed-db");
    expect(() => changeAddon(data, addon, { plan: "heroku-redis:mini" })).toThrow(
      new InvalidParamsError("Cannot change renamed-db from heroku-postgresql to heroku-redis."),
    );
    expect(() => changeAddon(data, addon, { plan: "heroku-redis" })).toThrow(InvalidParamsError);
  });

  test("a rename to a name another add-on has is refused", () => {
    const other = provisionAddon(data, production(), { plan: "heroku-redis:mini", name: "cache" });
    expect(() => changeAddon(data, other, { name: "postgresql-round-12345" })).toThrow(
      new InvalidParamsError("Name postgresql-round-12345 is already taken."),
    );
    expect(other.name).toBe("cache");
  });

  test("deprovisioning: only by the app billed; it detaches everywhere and removes the config vars it set", () => {
    const addon = data.addons[0];
    attach(data, addon, production(), "REPORTING");
    expect(() => deprovisionAddon(data, production(), addon)).toThrow(
      new InvalidParamsError("postgresql-round-12345 is billed to another app; detach it instead."),
    );
    deprovisionAddon(data, staging(), addon);
    expect(data.addons).toEqual([]);
    expect(data.attachments).toEqual([]);
    expect(staging().configVars).toEqual({ LOG_LEVEL: "info" });
    expect(production().configVars).toEqual({});
  });

  test("removing one add-on leaves the others and their attachments", () => {
    const other = provisionAddon(data, production(), { plan: "heroku-redis:mini" });
    removeAddon(data, data.addons[0]);
    expect(data.addons).toEqual([other]);
    expect(data.attachments.map((a) => a.addonId)).toEqual([other.id]);
  });
});

describe("attachments", () => {
  test("the default name is the service's, then its prefix with a colour, in order, then with the add-on's id", () => {
    const addon = data.addons[0];
    const names = Array.from({ length: 13 }, () => attach(data, addon, staging()).name);
    expect(names.slice(0, 3)).toEqual([
      "HEROKU_POSTGRESQL_AMBER",
      "HEROKU_POSTGRESQL_BLUE",
      "HEROKU_POSTGRESQL_COBALT",
    ]);
    expect(names[11]).toBe("HEROKU_POSTGRESQL_TEAL");
    expect(names[12]).toBe("HEROKU_POSTGRESQL_ADDON-1");
    expect(attach(data, addon, production()).name).toBe("DATABASE");
  });

  test("a requested name is upper-cased, must be free on that app, and sets NAME_URL in one release", () => {
    const addon = data.addons[0];
    const before = releaseCount("app-2");
    const attachment = attach(data, addon, production(), "reporting", "credential:readonly");
    expect(attachment).toMatchObject({ name: "REPORTING", namespace: "credential:readonly", appId: "app-2" });
    expect(production().configVars).toEqual({ REPORTING_URL: addon.secret });
    expect(releaseCount("app-2")).toBe(before + 1);
    expect(data.releases.at(-1)?.description).toBe("Attach REPORTING (@ref:postgresql-round-12345)");
    expect(() => attach(data, addon, production(), "Reporting")).toThrow(
      new InvalidParamsError("Name REPORTING is already taken on songlist-production."),
    );
    expect(attach(data, addon, production(), "OTHER", "").namespace).toBeNull();
  });

  test("the config var names come from the service's suffixes; an attachment of a gone add-on has none", () => {
    const papertrail = provisionAddon(data, production(), { plan: "papertrail" });
    const attachment = findAttachment(data, "PAPERTRAIL", production());
    expect(attachmentConfigVars(data, attachment)).toEqual(["PAPERTRAIL_API_TOKEN"]);
    expect(attachmentConfigVars(data, { ...attachment, addonId: "gone" })).toEqual([]);
    expect(production().configVars.PAPERTRAIL_API_TOKEN).toBe(papertrail.secret);
  });

  test("detaching removes the attachment and only its config vars, in one release", () => {
    const before = releaseCount("app-1");
    detach(data, data.attachments[0]);
    expect(data.attachments).toEqual([]);
    expect(staging().configVars).toEqual({ LOG_LEVEL: "info" });
    expect(releaseCount("app-1")).toBe(before + 1);
    expect(data.releases.at(-1)?.description).toBe("Detach DATABASE");
  });

  test("found by id anywhere, by name only within an app", () => {
    expect(findAttachment(data, "att-1").name).toBe("DATABASE");
    expect(findAttachment(data, "DATABASE", staging()).id).toBe("att-1");
    expect(() => findAttachment(data, "DATABASE")).toThrow(new NotFoundError("Couldn't find that add-on attachment."));
    expect(() => findAttachment(data, "DATABASE", production())).toThrow(NotFoundError);
    expect(() => findAttachment(data, "att-1", production())).toThrow(NotFoundError);
  });
});

describe("custom domains", () => {
  test("a hostname is lower-cased, gets a herokudns target, and belongs to one app at a time", () => {
    const domain = addDomain(data, production(), "WWW.Songlist.Example", null);
    expect(domain).toMatchObject({ appId: "app-2", hostname: "www.songlist.example", sniEndpointId: null });
    expect(domain.cname).toMatch(/^[a-z]+-[a-z]+-\d+\.herokudns\.com$/);
    expect(() => addDomain(data, staging(), "www.songlist.example", null)).toThrow(
      new InvalidParamsError("www.songlist.example is currently in use by another app."),
    );
  });

  test("*.herokuapp.com belongs to Heroku, in any case", () => {
    expect(() => addDomain(data, staging(), "Mine.HerokuApp.com", null)).toThrow(
      new InvalidParamsError("Hostname Mine.HerokuApp.com is invalid."),
    );
    expect(addDomain(data, staging(), "herokuapp.com.example", "").sniEndpointId).toBeNull();
  });

  test("found by id or hostname within its app only; the SNI endpoint is set and cleared", () => {
    const endpoint = (id: string, name: string, appId: string) =>
      ({ id, name, appId, certificateChain: "", createdAt: "", updatedAt: "" }) as const;
    data.sniEndpoints.push(
      endpoint("sni-1", "polar-river-10001", "app-2"),
      endpoint("sni-2", "calm-beacon-10002", "app-2"),
    );
    data.sniEndpoints.push(endpoint("sni-3", "quiet-forest-10003", "app-1"));
    const domain = addDomain(data, production(), "api.songlist.example", "sni-1");
    expect(domain.sniEndpointId).toBe("sni-1");
    expect(() => addDomain(data, production(), "w.songlist.example", "sni-3")).toThrow(
      new NotFoundError("Couldn't find that SNI endpoint."),
    );
    expect(findDomain(data, production(), "api.songlist.example")).toBe(domain);
    expect(findDomain(data, production(), domain.id)).toBe(domain);
    expect(() => findDomain(data, staging(), domain.id)).toThrow(new NotFoundError("Couldn't find that domain."));
    expect(setSniEndpoint(data, domain, "").sniEndpointId).toBeNull();
    expect(setSniEndpoint(data, domain, "calm-beacon-10002").sniEndpointId).toBe("sni-2");
    expect(domainsOf(data, staging())).toEqual([]);
    const others = domainsOf(data, production()).filter((d) => d !== domain);
    removeDomain(data, domain);
    expect(domainsOf(data, production())).toEqual(others);
  });
});

describe("log drains", () => {
  test.each([
    "http://logs.example/in",
    "https://logs.example/in",
    "syslog://logs.example:514",
    "syslog+tls://l.example:6514",
  ])("%s is accepted, with a token", (url) => {
    const drain = addDrain(data, production(), url);
    expect(drain).toMatchObject({ appId: "app-2", url });
    expect(drain.token).toMatch(/^d\.[0-9a-f-]{36}$/);
  });

  test.each(["ftp://logs.example/in", "not a url", "file:///var/log/app", "https://", "syslog:///in"])(
    "%s is refused",
    (url) => {
      expect(() => addDrain(data, production(), url)).toThrow(
        new InvalidParamsError(`Url ${url} is invalid: use an http(s), syslog or syslog+tls URL.`),
      );
    },
  );

  test("a URL once per app; another app may drain to it too", () => {
    addDrain(data, production(), "https://logs.example/shared");
    expect(() => addDrain(data, production(), "https://logs.example/shared")).toThrow(
      new InvalidParamsError("Url has already been taken"),
    );
    expect(addDrain(data, staging(), "https://logs.example/shared").appId).toBe("app-1");
  });

  test("found by id, URL or token within its app only; removed alone", () => {
    const drain = addDrain(data, production(), "https://logs.example/p");
    for (const key of [drain.id, drain.url, drain.token]) expect(findDrain(data, production(), key)).toBe(drain);
    expect(() => findDrain(data, staging(), drain.id)).toThrow(new NotFoundError("Couldn't find that log drain."));
    expect(drainsOf(data, production())).toEqual([drain]);
    removeDrain(data, drain);
    expect(drainsOf(data, production())).toEqual([]);
    expect(drainsOf(data, staging())).toHaveLength(1);
  });
});
