/**
 * `HerokuApi`, the Platform API calls of `apply`, `release` and `rollback`, against an in-process server that records
 * each request: the exact method, path, headers (Accept version, Bearer key, the Range of releases, the sandbox push's
 * Basic key, the docker-releases variant) and body of each call, and how each answer is handled. Code pushes run a fake
 * `git` or `docker` found through the PATH of the environment given. Failure paths: no key, an unknown code source,
 * no process types, a 4xx/5xx (one error naming the call, never the key), a refused connection, a failed git push
 * (its stderr with the key masked) and git missing.
 */
import { codeSource, HerokuApi, type HerokuRelease } from "../../../cli/platform/heroku-api";
import { fakeTools, type FakeTools } from "./support/fake-tools";
import { closedPort, useRecordingServer } from "../../support/recording-server";

const KEY = `hrku-${Math.random().toString(36).slice(2)}`;
const BEARER = `Bearer ${KEY}`;
const V3 = "application/vnd.heroku+json; version=3";

const server = useRecordingServer();
let tools: FakeTools;
beforeAll(() => {
  tools = fakeTools();
});
afterAll(() => {
  tools?.remove();
});

/** An API on the recording server, its environment with the fake tools and `overrides`. */
const heroku = (overrides: NodeJS.ProcessEnv = {}) => {
  const env = tools.env({ HEROKU_API_URL: server().url, HEROKU_API_KEY: KEY, ...overrides });
  return { api: HerokuApi.fromEnv(env), env };
};

const RELEASE: HerokuRelease = { id: "rel-4", version: 4, description: "Deploy abc", status: "succeeded" };

describe("codeSource", () => {
  test("git unless HEROKU_FLOW_CODE_PUSH says otherwise (empty counts as unset)", () => {
    expect(codeSource({})).toBe("git");
    expect(codeSource({ HEROKU_FLOW_CODE_PUSH: "" })).toBe("git");
    expect(codeSource({ HEROKU_FLOW_CODE_PUSH: "git" })).toBe("git");
    expect(codeSource({ HEROKU_FLOW_CODE_PUSH: "container" })).toBe("container");
    expect(codeSource({ HEROKU_FLOW_CODE_PUSH: "sandbox" })).toBe("sandbox");
  });

  test("anything else: one error naming the setting, the value and the choices", () => {
    expect(() => codeSource({ HEROKU_FLOW_CODE_PUSH: "docker" })).toThrow(
      new Error('HEROKU_FLOW_CODE_PUSH: "docker" must be one of git, container, sandbox'),
    );
    expect(() => codeSource({ HEROKU_FLOW_CODE_PUSH: "GIT" })).toThrow('"GIT" must be one of');
  });
});

describe("fromEnv", () => {
  test("no HEROKU_API_KEY (or an empty one): one error saying what it is", () => {
    for (const key of [undefined, ""]) {
      expect(() => HerokuApi.fromEnv({ HEROKU_API_KEY: key })).toThrow(
        new Error("HEROKU_API_KEY is not set (the Heroku API key flow and the Heroku provider use)"),
      );
    }
  });

  test("Heroku's API unless HEROKU_API_URL is set (empty counts as unset)", () => {
    expect(HerokuApi.fromEnv({ HEROKU_API_KEY: KEY }).baseUrl).toBe("https://api.heroku.com");
    expect(HerokuApi.fromEnv({ HEROKU_API_KEY: KEY, HEROKU_API_URL: "" }).baseUrl).toBe("https://api.heroku.com");
    expect(HerokuApi.fromEnv({ HEROKU_API_KEY: KEY, HEROKU_API_URL: server().url }).baseUrl).toBe(server().url);
  });

  test("without an environment given, the process's is read", () => {
    const before = { key: process.env.HEROKU_API_KEY, url: process.env.HEROKU_API_URL };
    process.env.HEROKU_API_KEY = KEY;
    process.env.HEROKU_API_URL = "http://127.0.0.1:9";
    try {
      expect(HerokuApi.fromEnv().baseUrl).toBe("http://127.0.0.1:9");
    } finally {
      for (const [name, value] of [
        ["HEROKU_API_KEY", before.key],
        ["HEROKU_API_URL", before.url],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe("latestReleases", () => {
  test("GETs the app's releases newest first, as many as asked, with the API's version and the key", async () => {
    server().reply({ status: 206, body: [RELEASE] });
    expect(await heroku().api.latestReleases("shop-production", 2)).toEqual([RELEASE]);
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "GET", url: "/apps/shop-production/releases", body: "" });
    expect(request.headers).toMatchObject({ range: "version ..; order=desc, max=2", accept: V3 });
    expect(request.headers.authorization === BEARER).toBe(true);
  });

  test("the app's name is URL-encoded", async () => {
    server().reply({ status: 200, body: [] });
    await heroku().api.latestReleases("shop/x", 5);
    expect(server().requests[0].url).toBe("/apps/shop%2Fx/releases");
  });

  test("a 404 is an error naming the call and Heroku's message, not the key", async () => {
    server().reply({ status: 404, body: { id: "not_found", message: "Couldn't find that app." } });
    const failure = heroku().api.latestReleases("gone", 2);
    await expect(failure).rejects.toThrow(
      new Error('GET /apps/gone/releases answered 404: {"id":"not_found","message":"Couldn\'t find that app."}'),
    );
    await expect(failure).rejects.not.toThrow(KEY);
  });

  test("a refused connection rejects", async () => {
    const { api } = heroku({ HEROKU_API_URL: `http://127.0.0.1:${await closedPort()}` });
    await expect(api.latestReleases("shop", 2)).rejects.toThrow("fetch failed");
  });
});

describe("rollback", () => {
  test("POSTs a release naming the release to go back to; resolves to the new release", async () => {
    const created = { ...RELEASE, id: "rel-6", version: 6, description: "Rollback to v4" };
    server().reply({ status: 201, body: created });
    expect(await heroku().api.rollback("shop-production", RELEASE)).toEqual(created);
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "POST", url: "/apps/shop-production/releases" });
    expect(JSON.parse(request.body)).toEqual({ release: "rel-4" });
    expect(request.headers).toMatchObject({ accept: V3, "content-type": "application/json" });
    expect(request.headers.authorization === BEARER).toBe(true);
  });

  test("a 422 is an error", async () => {
    server().reply({ status: 422, body: { id: "invalid_params", message: "no slug" } });
    await expect(heroku().api.rollback("shop", RELEASE)).rejects.toThrow(
      'POST /apps/shop/releases answered 422: {"id":"invalid_params","message":"no slug"}',
    );
  });
});

describe("appsWithoutCode", () => {
  test("apps whose formation is empty or not found, in the order given; each asked once", async () => {
    server().answerWith((request) => {
      if (request.url === "/apps/with-code/formation") return { status: 200, body: [{ type: "web" }] };
      if (request.url === "/apps/new-app/formation") return { status: 200, body: [] };
      return { status: 404, body: { id: "not_found", message: "Couldn't find that app." } };
    });
    expect(await heroku().api.appsWithoutCode(["new-app", "with-code", "gone"])).toEqual(["new-app", "gone"]);
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /apps/new-app/formation",
      "GET /apps/with-code/formation",
      "GET /apps/gone/formation",
    ]);
    expect(server().requests[0].headers.authorization === BEARER).toBe(true);
  });

  test("a non-200 answer with a non-empty list still counts as no code", async () => {
    server().reply({ status: 206, body: [{ type: "web" }] });
    expect(await heroku().api.appsWithoutCode(["partial"])).toEqual(["partial"]);
  });

  test("no apps: no call", async () => {
    expect(await heroku().api.appsWithoutCode([])).toEqual([]);
    expect(server().requests).toEqual([]);
  });

  test("names are URL-encoded", async () => {
    server().reply({ status: 200, body: [{ type: "web" }] });
    await heroku().api.appsWithoutCode(["a b"]);
    expect(server().requests[0].url).toBe("/apps/a%20b/formation");
  });
});

describe("pushCode: sandbox", () => {
  test("POSTs the process types to the sandbox's push route with the key as HTTP Basic", async () => {
    server().reply({ status: 201, body: { ok: true } });
    const { api, env } = heroku({ HEROKU_FLOW_CODE_PUSH: "sandbox" });
    await expect(api.pushCode("shop-review-7", { web: "npm start", worker: "node w.js" })).resolves.toBeUndefined();
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "POST", url: "/sandbox/apps/shop-review-7/push" });
    expect(JSON.parse(request.body)).toEqual({ process_types: { web: "npm start", worker: "node w.js" } });
    expect(request.headers.accept).toBe(V3);
    const basic = request.headers.authorization ?? "";
    expect(basic.startsWith("Basic ")).toBe(true);
    expect(Buffer.from(basic.slice("Basic ".length), "base64").toString() === `:${KEY}`).toBe(true);
    expect(tools.calls(env, "git")).toEqual([]);
  });

  test("the app's name is URL-encoded", async () => {
    server().reply({ status: 201, body: {} });
    await heroku({ HEROKU_FLOW_CODE_PUSH: "sandbox" }).api.pushCode("a/b", { web: "x" });
    expect(server().requests[0].url).toBe("/sandbox/apps/a%2Fb/push");
  });

  test("no process types: one error saying what to declare, no call", async () => {
    await expect(heroku({ HEROKU_FLOW_CODE_PUSH: "sandbox" }).api.pushCode("shop", {})).rejects.toThrow(
      new Error(
        "the sandbox release to shop needs the code's process types: declare processTypes in the topology " +
          "or add a Procfile beside cdktf.json, then synthesize again",
      ),
    );
    expect(server().requests).toEqual([]);
  });

  test("a 404 (no such app) is an error naming the call, not the key", async () => {
    server().reply({ status: 404, body: { id: "not_found" } });
    const failure = heroku({ HEROKU_FLOW_CODE_PUSH: "sandbox" }).api.pushCode("gone", { web: "x" });
    await expect(failure).rejects.toThrow(new Error('POST /sandbox/apps/gone/push answered 404: {"id":"not_found"}'));
    await expect(failure).rejects.not.toThrow(KEY);
  });

  test("an unknown code source: its error, no call", async () => {
    await expect(heroku({ HEROKU_FLOW_CODE_PUSH: "ftp" }).api.pushCode("shop", { web: "x" })).rejects.toThrow(
      'HEROKU_FLOW_CODE_PUSH: "ftp" must be one of',
    );
    expect(server().requests).toEqual([]);
  });
});

describe("pushCode: git", () => {
  /** The one git call logged: its arguments, the URL parsed. */
  const pushed = (env: NodeJS.ProcessEnv) => {
    const calls = tools.calls(env, "git");
    expect(calls).toHaveLength(1);
    const [push, force, url, ref] = calls[0].replace(/\|$/, "").split(" ");
    return { push, force, url: new URL(url), ref };
  };

  // First: a mutant that lost the environment would run the real git, which must then find only a closed loopback port.
  test("HEROKU_GIT_URL replaces the endpoint; no process types are needed", async () => {
    const { api, env } = heroku({ HEROKU_FLOW_CODE_PUSH: "git", HEROKU_GIT_URL: "http://127.0.0.1:9/repos" });
    await api.pushCode("shop", {});
    const { url } = pushed(env);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe("http://127.0.0.1:9/repos/shop.git");
    // git's own output shows in the job's log.
    expect(tools.stdoutInherited(env, "git") ?? [true]).toEqual([true]);
  });

  test("pushes HEAD to the app's repository on Heroku's git endpoint, as user heroku with the key; no API call", async () => {
    const { api, env } = heroku();
    await expect(api.pushCode("shop-staging", { web: "npm start" })).resolves.toBeUndefined();
    const { push, force, url, ref } = pushed(env);
    expect([push, force, ref]).toEqual(["push", "--force", "HEAD:refs/heads/main"]);
    expect(`${url.protocol}//${url.host}${url.pathname}`).toBe("https://git.heroku.com/shop-staging.git");
    expect(url.username).toBe("heroku");
    expect(url.password === KEY).toBe(true);
    expect(server().requests).toEqual([]);
  });

  test("a failed push: the app, git's exit code and its stderr with the key masked", async () => {
    const { api } = heroku({ FAKE_GIT_EXIT: "128" });
    const failure = api.pushCode("shop", { web: "npm start" });
    await expect(failure).rejects.toThrow(
      new Error(
        "git push to shop failed (exit 128): fatal: unable to access 'https://heroku:****@git.heroku.com/shop.git': " +
          "The requested URL returned error: 403",
      ),
    );
    await expect(failure).rejects.not.toThrow(KEY);
  });

  test("a failed push with nothing on stderr: the message ends at the exit code", async () => {
    const { api } = heroku({ FAKE_GIT_EXIT: "1", FAKE_GIT_SILENT: "1" });
    await expect(api.pushCode("shop", {})).rejects.toThrow(new Error("git push to shop failed (exit 1)"));
  });

  test("no git to run: says git could not be run (no TypeError on the missing output)", async () => {
    const api = HerokuApi.fromEnv({ HEROKU_API_KEY: KEY, PATH: "/nonexistent-flow-bin" });
    await expect(api.pushCode("shop", {})).rejects.toThrow(new Error("git push to shop failed (spawnSync git ENOENT)"));
  });
});

describe("pushCode: container", () => {
  test("pushes the image per type, then one PATCH of the formation naming each type's image id", async () => {
    server().reply({ status: 200, body: [] });
    const { api, env } = heroku({
      HEROKU_FLOW_CODE_PUSH: "container",
      HEROKU_FLOW_IMAGE: "img:1",
      HEROKU_REGISTRY: "127.0.0.1:9",
    });
    await expect(api.pushCode("shop", { web: "npm start", worker: "node w.js" })).resolves.toBeUndefined();
    expect(tools.calls(env, "docker")[0]).toBe(`login --username=_ --password-stdin 127.0.0.1:9|${KEY}`);
    expect(tools.calls(env, "docker")).toHaveLength(7);
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "PATCH", url: "/apps/shop/formation" });
    expect(JSON.parse(request.body)).toEqual({
      updates: [
        { type: "web", docker_image: "sha256:web" },
        { type: "worker", docker_image: "sha256:worker" },
      ],
    });
    expect(request.headers.accept).toBe("application/vnd.heroku+json; version=3.docker-releases");
    expect(request.headers.authorization === BEARER).toBe(true);
  });

  test("the registry defaults to Heroku's", async () => {
    server().reply({ status: 200, body: [] });
    const { api, env } = heroku({ HEROKU_FLOW_CODE_PUSH: "container", HEROKU_FLOW_IMAGE: "img:1" });
    await api.pushCode("shop", { web: "npm start" });
    expect(tools.calls(env, "docker")).toContain("push registry.heroku.com/shop/web|");
  });

  test("no process types: one error, docker never run", async () => {
    const { api, env } = heroku({ HEROKU_FLOW_CODE_PUSH: "container", HEROKU_FLOW_IMAGE: "img:1" });
    await expect(api.pushCode("shop", {})).rejects.toThrow(
      new Error(
        "the container release to shop needs the code's process types: declare processTypes in the topology " +
          "or add a Procfile beside cdktf.json, then synthesize again",
      ),
    );
    expect(tools.calls(env, "docker")).toEqual([]);
  });

  test("a 422 from the release is an error naming the call", async () => {
    server().reply({ status: 422, body: { id: "invalid_params", message: "not a container app" } });
    const { api } = heroku({ HEROKU_FLOW_CODE_PUSH: "container", HEROKU_FLOW_IMAGE: "img:1" });
    await expect(api.pushCode("shop", { web: "x" })).rejects.toThrow(
      'PATCH /apps/shop/formation answered 422: {"id":"invalid_params","message":"not a container app"}',
    );
  });
});
