/**
 * `SandboxClient`, how `heroku-flow sandbox` talks to the local sandbox, against an in-process server that records
 * each request: the Heroku side with the key as HTTP Basic and the API's version, the GitLab side with PRIVATE-TOKEN
 * (its URL's trailing slash dropped), a JSON body only when there is one, a fresh connection per call; answers parsed
 * (JSON, text, nothing). Failure paths: a project or code push the sandbox refuses is one error naming it, the status
 * and the sandbox's answer (the boundary 299/300), and a refused connection rejects.
 */
import type { Target } from "../../../cli/engine/target-env";
import { SandboxClient } from "../../../cli/platform/sandbox-client";
import { closedPort, useRecordingServer } from "../../support/recording-server";

const KEY = `sbx-${Math.random().toString(36).slice(2)}`;
const TOKEN = `glpat-${Math.random().toString(36).slice(2)}`;

const server = useRecordingServer();

const target = (overrides: Partial<Target> = {}): Target => ({
  herokuUrl: server().url,
  herokuApiKey: KEY,
  gitlabUrl: `${server().url}/api/v4/`,
  gitlabToken: TOKEN,
  ...overrides,
});

const client = () => new SandboxClient(target());

const basicKey = (header: string | undefined) =>
  header?.startsWith("Basic ") ? Buffer.from(header.slice("Basic ".length), "base64").toString() : undefined;

describe("heroku", () => {
  test("a GET: the key as HTTP Basic (empty user), the API's version, no body, a fresh connection", async () => {
    server().reply({ status: 200, body: [{ name: "shop" }] });
    expect(await client().heroku("GET", "/apps")).toEqual({ status: 200, body: [{ name: "shop" }] });
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "GET", url: "/apps", body: "" });
    expect(basicKey(request.headers.authorization) === `:${KEY}`).toBe(true);
    expect(request.headers.accept).toBe("application/vnd.heroku+json; version=3");
    expect(request.headers["content-type"]).toBeUndefined();
    expect(request.headers.connection).toBe("close");
  });

  test("a body is sent as JSON", async () => {
    server().reply({ status: 201, body: { id: "a1" } });
    expect(await client().heroku("POST", "/apps", { name: "shop" })).toEqual({ status: 201, body: { id: "a1" } });
    expect(server().requests[0]).toMatchObject({ method: "POST", body: '{"name":"shop"}' });
    expect(server().requests[0].headers["content-type"]).toBe("application/json");
  });

  test("answers: a text body is kept as text, an empty one is undefined, an error status is returned", async () => {
    server().reply({ status: 502, body: "bad gateway" }, { status: 204 }, { status: 404, body: { id: "not_found" } });
    expect(await client().heroku("GET", "/a")).toEqual({ status: 502, body: "bad gateway" });
    expect(await client().heroku("DELETE", "/b")).toEqual({ status: 204, body: undefined });
    expect(await client().heroku("GET", "/c")).toEqual({ status: 404, body: { id: "not_found" } });
  });

  test("a long body in several chunks is read whole", async () => {
    const names = Array.from({ length: 5000 }, (_, i) => ({ name: `app-${i}` }));
    server().reply({ status: 200, body: names });
    expect((await client().heroku("GET", "/apps")).body).toEqual(names);
  });

  test("a refused connection rejects with the connection's error", async () => {
    const down = new SandboxClient(target({ herokuUrl: `http://127.0.0.1:${await closedPort()}` }));
    await expect(down.heroku("GET", "/apps")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("gitlab", () => {
  test("the token as PRIVATE-TOKEN, the path below the API URL (its trailing slash dropped)", async () => {
    server().reply({ status: 201, body: { key: "V" } });
    expect(await client().gitlab("POST", "/projects/1/variables", { key: "V", value: "x" })).toEqual({
      status: 201,
      body: { key: "V" },
    });
    const [request] = server().requests;
    expect(request).toMatchObject({
      method: "POST",
      url: "/api/v4/projects/1/variables",
      body: '{"key":"V","value":"x"}',
    });
    expect(request.headers["private-token"] === TOKEN).toBe(true);
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers["content-type"]).toBe("application/json");
  });

  test("an API URL without a trailing slash is used as is", async () => {
    server().reply({ status: 200, body: [] });
    await new SandboxClient(target({ gitlabUrl: `${server().url}/api/v4` })).gitlab("GET", "/projects");
    expect(server().requests[0].url).toBe("/api/v4/projects");
  });
});

describe("appsWithoutCode", () => {
  test("apps whose formation is empty or not found, in the order given", async () => {
    server().answerWith((request) => {
      if (request.url === "/apps/with-code/formation") return { status: 200, body: [{ type: "web" }] };
      if (request.url === "/apps/new-app/formation") return { status: 200, body: [] };
      return { status: 404, body: { id: "not_found" } };
    });
    expect(await client().appsWithoutCode(["new-app", "with-code", "gone"])).toEqual(["new-app", "gone"]);
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /apps/new-app/formation",
      "GET /apps/with-code/formation",
      "GET /apps/gone/formation",
    ]);
  });

  test("a non-200 answer with a list counts as no code", async () => {
    server().reply({ status: 203, body: [{ type: "web" }] });
    expect(await client().appsWithoutCode(["odd"])).toEqual(["odd"]);
  });
});

describe("createProject", () => {
  test("POSTs the project's path to the sandbox's control route", async () => {
    server().reply({ status: 201, body: { id: 1 } });
    await expect(client().createProject("acme/shop")).resolves.toBeUndefined();
    expect(server().requests[0]).toMatchObject({ method: "POST", url: "/sandbox/projects" });
    expect(JSON.parse(server().requests[0].body)).toEqual({ path: "acme/shop" });
    expect(basicKey(server().requests[0].headers.authorization) === `:${KEY}`).toBe(true);
  });

  test("a 299 is success", async () => {
    server().reply({ status: 299, body: {} });
    await expect(client().createProject("acme/shop")).resolves.toBeUndefined();
  });

  test.each([
    [300, { message: "odd" }],
    [409, { message: "taken" }],
    [500, "internal error"],
  ])("a %i is one error naming the project, the status and the answer", async (status, body) => {
    server().reply({ status, body });
    await expect(client().createProject("acme/shop")).rejects.toThrow(
      new Error(`creating GitLab project acme/shop failed: ${status} ${JSON.stringify(body)}`),
    );
  });
});

describe("pushCode", () => {
  test("POSTs the process types to the app's push route", async () => {
    server().reply({ status: 201, body: {} });
    await expect(client().pushCode("shop", { web: "npm start" })).resolves.toBeUndefined();
    expect(server().requests[0]).toMatchObject({ method: "POST", url: "/sandbox/apps/shop/push" });
    expect(JSON.parse(server().requests[0].body)).toEqual({ process_types: { web: "npm start" } });
  });

  test("a 299 is success", async () => {
    server().reply({ status: 299, body: {} });
    await expect(client().pushCode("shop", { web: "x" })).resolves.toBeUndefined();
  });

  test.each([
    [300, { message: "odd" }],
    [404, { id: "not_found" }],
    [500, undefined],
  ])("a %i is one error naming the app, the status and the answer", async (status, body) => {
    server().reply({ status, body });
    await expect(client().pushCode("shop", { web: "x" })).rejects.toThrow(
      new Error(`code push to shop failed: ${status} ${JSON.stringify(body)}`),
    );
  });
});

describe("the CircleCI side", () => {
  const SIDE = {
    projectSlug: "gh/acme/api",
    projectId: "405d8375-3514-403b-8c43-83ae74cfe0e9",
    organizationId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
  };
  const CIRCLE_TOKEN = `circle-${Math.random().toString(36).slice(2)}`;

  test("the CircleCI project: its slug, id and organization to the control route; 299 is done, 300 an error", async () => {
    server().reply({ status: 299, body: {} });
    await client().createCircleciProject(SIDE);
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "POST", url: "/sandbox/circleci/projects" });
    expect(JSON.parse(request.body)).toEqual({
      slug: SIDE.projectSlug,
      id: SIDE.projectId,
      organizationId: SIDE.organizationId,
    });
    server().reply({ status: 300, body: { message: "no" } });
    await expect(client().createCircleciProject(SIDE)).rejects.toThrow(
      new Error('creating CircleCI project gh/acme/api failed: 300 {"message":"no"}'),
    );
  });

  test("a CircleCI call: the token as Circle-Token, the path below the CircleCI URL", async () => {
    server().reply({ status: 200, body: { items: [] } });
    const circleci = new SandboxClient(
      target({ circleciUrl: `${server().url}/circleci/api/v2`, circleciToken: CIRCLE_TOKEN }),
    );
    expect(await circleci.circleci("GET", "/context?owner-id=x")).toEqual({ status: 200, body: { items: [] } });
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "GET", url: "/circleci/api/v2/context?owner-id=x" });
    expect(request.headers["circle-token"] === CIRCLE_TOKEN).toBe(true);
  });

  test("a target without CircleCI's URL or token: an error before any call", () => {
    for (const half of [{}, { circleciUrl: "http://127.0.0.1:1/circleci/api/v2" }, { circleciToken: "t" }]) {
      expect(() => new SandboxClient(target(half)).circleci("GET", "/context")).toThrow(
        "this sandbox serves no CircleCI API: it was started without a CircleCI token",
      );
    }
    expect(server().requests).toEqual([]);
  });
});
