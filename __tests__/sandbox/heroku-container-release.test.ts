/**
 * A container release as Heroku's CLI makes it (`heroku container:release`): one formation batch update
 * `PATCH /apps/{app}/formation` naming each process type's Docker image, which only apps on the `container` stack take.
 */
import { expectConforms } from "../support/heroku-schema";
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;
beforeAll(async () => {
  t = await startSandbox();
});
afterAll(async () => {
  await t?.sandbox.close();
});

const DOCKER_RELEASES = { accept: "application/vnd.heroku+json; version=3.docker-releases" };
const webImage = `sha256:${"a1".repeat(32)}`;
const workerImage = `sha256:${"b2".repeat(32)}`;

async function createApp(name: string, stack: string): Promise<{ id: string; name: string }> {
  const response = await t.heroku("POST", "/apps", { name, stack });
  expect(response.status).toBe(201);
  return response.body;
}

function release(app: string, updates: unknown[]) {
  return t.heroku("PATCH", `/apps/${app}/formation`, { updates }, DOCKER_RELEASES);
}

test("on a container app: the types named are released, a new release made, their formation exists", async () => {
  const app = await createApp("ctr-app", "container");
  expect((await t.heroku("GET", `/apps/${app.id}/formation`)).body).toEqual([]);

  const response = await release(app.name, [
    { type: "web", docker_image: webImage },
    { type: "worker", docker_image: workerImage },
  ]);
  expect(response.status).toBe(200);
  expectConforms("formation", "PATCH", "/apps/{}/formation", response.body);
  expect(response.body.map((f: any) => [f.type, f.quantity, f.size])).toEqual([
    ["web", 1, "Basic"],
    ["worker", 0, "Basic"],
  ]);

  const releases = (await t.heroku("GET", `/apps/${app.id}/releases`, undefined, { range: "version ..; order=desc" }))
    .body;
  expect(releases.map((r: any) => r.version)).toEqual([2, 1]);
  expect(releases[0]).toMatchObject({
    status: "succeeded",
    current: true,
    description: "Deployed web (a1a1a1a1a1a1), worker (b2b2b2b2b2b2)",
  });

  const formation = (await t.heroku("GET", `/apps/${app.id}/formation`)).body;
  expect(formation.map((f: any) => f.type).sort()).toEqual(["web", "worker"]);
  // Formation changes now succeed: the types exist (DESIGN decision 10).
  const scaled = await t.heroku("PATCH", `/apps/${app.id}/formation/worker`, { quantity: 1 });
  expect(scaled.status).toBe(200);
});

test("a later release of one type leaves the other types and their scale alone", async () => {
  const app = await createApp("ctr-again", "container");
  await release(app.name, [
    { type: "web", docker_image: webImage },
    { type: "worker", docker_image: workerImage },
  ]);
  await t.heroku("PATCH", `/apps/${app.id}/formation/web`, { quantity: 3, size: "Standard-1X" });

  const again = await release(app.name, [{ type: "web", docker_image: workerImage }]);
  expect(again.body).toEqual([
    expect.objectContaining({ type: "web", quantity: 3, size: "Standard-1X", command: workerImage }),
  ]);
  const formation = (await t.heroku("GET", `/apps/${app.id}/formation`)).body;
  expect(formation.map((f: any) => f.type).sort()).toEqual(["web", "worker"]);
  const state = (await t.heroku("GET", "/sandbox/state")).body;
  expect(state.apps.find((a: any) => a.id === app.id).processTypes).toEqual({ web: workerImage, worker: workerImage });
});

test("an app on another stack: 422 invalid_params, and nothing released", async () => {
  const app = await createApp("ctr-not", "heroku-24");
  const response = await release(app.name, [{ type: "web", docker_image: webImage }]);
  expect(response.status).toBe(422);
  expect(response.body).toEqual({
    id: "invalid_params",
    message: "Docker images can only be released to apps on the container stack; ctr-not is on heroku-24.",
  });
  expect((await t.heroku("GET", `/apps/${app.id}/releases`)).body).toHaveLength(1);
  expect((await t.heroku("GET", `/apps/${app.id}/formation`)).body).toEqual([]);
});

test("an app moved to the container stack (build_stack) takes images", async () => {
  const app = await createApp("ctr-moved", "heroku-24");
  expect((await t.heroku("PATCH", `/apps/${app.id}`, { build_stack: "container" })).status).toBe(200);
  expect((await release(app.name, [{ type: "web", docker_image: webImage }])).status).toBe(200);
});

let badApps = 0;
test.each([
  ["no updates key", {}, "updates"],
  ["an empty list", { updates: [] }, "updates"],
  ["an entry without an image", { updates: [{ type: "web" }] }, "docker_image"],
  ["a bad process type", { updates: [{ type: "web app", docker_image: webImage }] }, "Type must be"],
  ["an image that is not an image id", { updates: [{ type: "web", docker_image: "myimage:latest" }] }, "image id"],
  [
    "a scale in the entry",
    { updates: [{ type: "web", docker_image: webImage, quantity: 2 }] },
    "additional properties",
  ],
])("the route's schema refuses %s: 422 invalid_params", async (_case, payload, named) => {
  const app = await createApp(`ctr-bad-${++badApps}`, "container");
  const response = await t.heroku("PATCH", `/apps/${app.id}/formation`, payload, DOCKER_RELEASES);
  expect(response.status).toBe(422);
  expect(response.body.id).toBe("invalid_params");
  expect(response.body.message).toContain(named);
  expect((await t.heroku("GET", `/apps/${app.id}/releases`)).body).toHaveLength(1);
});
