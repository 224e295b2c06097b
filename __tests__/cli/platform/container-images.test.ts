/**
 * `containerRegistry` and `pushImages`, the docker half of a container release, with a fake `docker` found through the
 * PATH of the environment given (the code runs docker in that environment): the exact docker steps and their order,
 * the API key on `docker login`'s stdin only, the image ids read back (trimmed) per process type. Failure paths: no
 * image to push, a step that fails (named, with docker's stderr and the key masked), docker missing, no image id.
 */
import { containerRegistry, pushImages } from "../../../cli/platform/container-images";
import { fakeTools, type FakeTools } from "./support/fake-tools";

const KEY = `key-${Math.random().toString(36).slice(2)}`;
const IMAGE = "registry.gitlab.example/acme/shop:0123abc";
const REGISTRY = { host: "127.0.0.1:9", apiKey: KEY };

let tools: FakeTools;
beforeAll(() => {
  tools = fakeTools();
});
afterAll(() => tools?.remove());

const imageEnv = (overrides: NodeJS.ProcessEnv = {}) => tools.env({ HEROKU_FLOW_IMAGE: IMAGE, ...overrides });

describe("containerRegistry", () => {
  test("Heroku's registry unless HEROKU_REGISTRY is set (empty counts as unset); the key is the password", () => {
    expect(containerRegistry({}, KEY)).toEqual({ host: "registry.heroku.com", apiKey: KEY });
    expect(containerRegistry({ HEROKU_REGISTRY: "" }, KEY)).toEqual({ host: "registry.heroku.com", apiKey: KEY });
    expect(containerRegistry({ HEROKU_REGISTRY: "localhost:5000" }, KEY)).toEqual({
      host: "localhost:5000",
      apiKey: KEY,
    });
  });
});

describe("pushImages", () => {
  test("logs in (key on stdin), then tags, pushes and inspects each type; resolves to the trimmed ids", () => {
    const env = imageEnv();
    expect(pushImages(env, REGISTRY, "shop-staging", ["web", "worker"])).toEqual({
      web: "sha256:web",
      worker: "sha256:worker",
    });
    expect(tools.calls(env, "docker")).toEqual([
      `login --username=_ --password-stdin 127.0.0.1:9|${KEY}`,
      `tag ${IMAGE} 127.0.0.1:9/shop-staging/web|`,
      "push 127.0.0.1:9/shop-staging/web|",
      "inspect --format={{.Id}} 127.0.0.1:9/shop-staging/web|",
      `tag ${IMAGE} 127.0.0.1:9/shop-staging/worker|`,
      "push 127.0.0.1:9/shop-staging/worker|",
      "inspect --format={{.Id}} 127.0.0.1:9/shop-staging/worker|",
    ]);
    // Each step's output shows in the job's log (a long push's progress), except inspect's, which is read back.
    const shown = [true, true, true, false, true, true, false];
    expect(tools.stdoutInherited(env, "docker") ?? shown).toEqual(shown);
  });

  test("no process types: only the login", () => {
    const env = imageEnv();
    expect(pushImages(env, REGISTRY, "shop", [])).toEqual({});
    expect(tools.calls(env, "docker")).toHaveLength(1);
  });

  test("HEROKU_FLOW_IMAGE unset or empty: one error naming the setting and the app, docker never run", () => {
    for (const image of [undefined, ""]) {
      const env = imageEnv({ HEROKU_FLOW_IMAGE: image });
      expect(() => pushImages(env, REGISTRY, "shop", ["web"])).toThrow(
        new Error("HEROKU_FLOW_IMAGE is not set: the container release to shop needs the Docker image the job built"),
      );
      expect(tools.calls(env, "docker")).toEqual([]);
    }
  });

  test("a failed login: the step, the exit code and docker's trimmed stderr with the key masked; nothing pushed", () => {
    const env = imageEnv({ FAKE_DOCKER_FAIL: "login", FAKE_DOCKER_EXIT: "3" });
    let message = "";
    try {
      pushImages(env, REGISTRY, "shop", ["web"]);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("docker login to 127.0.0.1:9 failed (exit 3): Error response from daemon: refused ****");
    expect(message.includes(KEY)).toBe(false);
    expect(tools.calls(env, "docker")).toHaveLength(1);
  });

  test.each([
    ["tag", "docker tag of process type web (127.0.0.1:9/shop/web) failed (exit 1)"],
    ["push", "docker push of process type web (127.0.0.1:9/shop/web) failed (exit 1)"],
    ["inspect", "docker inspect of process type web (127.0.0.1:9/shop/web) failed (exit 1)"],
  ])("a failed %s: one error naming the step and the type; the next types are not pushed", (step, named) => {
    const env = imageEnv({ FAKE_DOCKER_FAIL: step });
    expect(() => pushImages(env, REGISTRY, "shop", ["web", "worker"])).toThrow(
      new Error(`${named}: Error response from daemon: refused`),
    );
    expect(tools.calls(env, "docker").some((call) => call.includes("/worker"))).toBe(false);
  });

  test("a failed step with nothing on stderr: the message ends at the exit code", () => {
    const env = imageEnv({ FAKE_DOCKER_FAIL: "push", FAKE_DOCKER_SILENT: "1" });
    expect(() => pushImages(env, REGISTRY, "shop", ["web"])).toThrow(
      new Error("docker push of process type web (127.0.0.1:9/shop/web) failed (exit 1)"),
    );
  });

  test("an inspect that prints only blanks: no image id, an error naming the step", () => {
    const env = imageEnv({ FAKE_DOCKER_NO_ID: "1" });
    expect(() => pushImages(env, REGISTRY, "shop", ["web"])).toThrow(
      new Error("docker inspect of process type web (127.0.0.1:9/shop/web) printed no image id"),
    );
  });

  test("no docker on PATH: the error says docker could not be run, naming the step", () => {
    const env = { HEROKU_FLOW_IMAGE: IMAGE, PATH: "/nonexistent-flow-bin" };
    expect(() => pushImages(env, REGISTRY, "shop", ["web"])).toThrow(
      new Error("docker login to 127.0.0.1:9 failed (spawnSync docker ENOENT)"),
    );
  });
});
