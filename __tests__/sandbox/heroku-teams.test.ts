/**
 * Teams: the sandbox's user belongs only to the teams its operator adds (`POST /sandbox/teams`); Heroku hides every
 * other team, so reading one or creating an app in it is "Couldn't find that team."
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "../../sandbox/heroku/models/apps";
import { NotFoundError } from "../../sandbox/heroku/models/errors";
import { findTeam, joinTeam } from "../../sandbox/heroku/models/teams";
import { stableId } from "../../sandbox/ids";
import { consistentState } from "../support/sandbox-state";
import { startSandbox, type TestSandbox } from "./client";

describe("the team model", () => {
  test("joining a team once makes it visible by name or id; joining again changes nothing", () => {
    const data = consistentState();
    const team = joinTeam(data, "acme");
    expect(team).toMatchObject({ id: stableId("team", "acme"), name: "acme" });
    expect(joinTeam(data, "acme")).toBe(team);
    expect(findTeam(data, "acme")).toBe(team);
    expect(findTeam(data, team.id)).toBe(team);
    expect(() => findTeam(data, "elsewhere")).toThrow(new NotFoundError("Couldn't find that team."));
  });

  test("a team app only in a team the user belongs to; a personal app in none", () => {
    const data = consistentState();
    expect(() => createApp(data, { name: "outsider", team: "elsewhere" })).toThrow(
      new NotFoundError("Couldn't find that team."),
    );
    expect(data.apps.map((a) => a.name)).not.toContain("outsider");
    expect(createApp(data, { name: "insider", team: "songlist-team" }).team).toBe("songlist-team");
    expect(createApp(data, { name: "mine", team: null }).team).toBeNull();
  });
});

describe("team routes", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox();
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });

  test("the operator adds a team (201, then 200); the API then shows it, and only it", async () => {
    expect((await t.heroku("GET", "/teams")).body).toEqual([]);
    const added = await t.heroku("POST", "/sandbox/teams", { name: "acme" });
    expect(added.status).toBe(201);
    expect((await t.heroku("POST", "/sandbox/teams", { name: "acme" })).status).toBe(200);
    expect((await t.heroku("POST", "/sandbox/teams", { name: "Not A Team" })).status).toBe(422);

    const team = await t.heroku("GET", "/teams/acme");
    expect(team.body).toMatchObject({ id: added.body.id, name: "acme", type: "team", role: "admin", default: false });
    expect((await t.heroku("GET", `/teams/${added.body.id}`)).body.name).toBe("acme");
    expect((await t.heroku("GET", "/teams")).body.map((x: { name: string }) => x.name)).toEqual(["acme"]);
    expect(await t.heroku("GET", "/teams/elsewhere")).toMatchObject({
      status: 404,
      body: { id: "not_found", message: "Couldn't find that team." },
    });
  });

  test("a team app in the user's team is owned by the team; in another team it is refused and not created", async () => {
    await t.heroku("POST", "/sandbox/teams", { name: "acme" });
    const created = await t.heroku("POST", "/teams/apps", { team: "acme", name: "acme-app", personal: false });
    expect(created.status).toBe(201);
    expect(created.body.team).toEqual({ name: "acme" });
    expect((await t.heroku("GET", "/apps/acme-app")).body).toMatchObject({
      team: { id: stableId("team", "acme"), name: "acme" },
      owner: { email: "acme@herokumanager.com" },
    });
    const refused = await t.heroku("POST", "/teams/apps", { team: "elsewhere", name: "other-app", personal: false });
    expect(refused).toMatchObject({ status: 404, body: { id: "not_found", message: "Couldn't find that team." } });
    expect((await t.heroku("GET", "/apps/other-app")).status).toBe(404);
  });
});

describe("teams joined on start", () => {
  test("createSandbox({ teams }): the user is in those teams from the first request, and stays after a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "teams-"));
    const stateFile = join(dir, "state.json");
    let t: TestSandbox | undefined;
    try {
      t = await startSandbox({ stateFile, teams: ["acme", "acme", "beta-2"] });
      expect((await t.heroku("GET", "/teams")).body.map((x: { name: string }) => x.name)).toEqual(["acme", "beta-2"]);
      expect((await t.heroku("POST", "/teams/apps", { team: "acme", name: "acme-web", personal: false })).status).toBe(
        201,
      );
      expect(
        (await t.heroku("POST", "/teams/apps", { team: "other", name: "other-web", personal: false })).status,
      ).toBe(404);
      await t.sandbox.close();
      t = await startSandbox({ stateFile, herokuApiKey: t.herokuApiKey, gitlabToken: t.gitlabToken });
      expect((await t.heroku("GET", "/teams/beta-2")).status).toBe(200);
    } finally {
      await t?.sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
