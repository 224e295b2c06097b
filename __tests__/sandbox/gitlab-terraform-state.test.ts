/**
 * Deleting GitLab-managed Terraform state, as a review app's stop job does (`DELETE …/terraform/state/:name`): the
 * state is gone afterwards, and a locked state is only deleted by the lock's holder.
 */
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;

beforeAll(async () => {
  t = await startSandbox({ projects: ["songlist/songlist"] });
});
afterAll(async () => {
  await t?.sandbox.close();
});

const auth = () => ({ authorization: `Basic ${Buffer.from(`gitlab-ci-token:${t.gitlabToken}`).toString("base64")}` });
const document = (serial: number) =>
  JSON.stringify({ version: 4, serial, lineage: "review", outputs: {}, resources: [] });
const lock = (id: string) => ({
  ID: id,
  Operation: "OperationTypeApply",
  Info: "",
  Who: "ci@runner",
  Version: "1.9.0",
  Created: new Date().toISOString(),
  Path: "",
});

test("a delete removes the state: GET answers 204 with no body, as before the first upload", async () => {
  const address = "/projects/1/terraform/state/review-41";
  expect((await t.gitlab("POST", address, document(1), auth())).status).toBe(200);
  expect((await t.gitlab("GET", address, undefined, auth())).body).toEqual(JSON.parse(document(1)));

  const deleted = await t.gitlab("DELETE", address, undefined, auth());
  expect(deleted.status).toBe(200);
  const after = await t.gitlab("GET", address, undefined, auth());
  expect(after).toMatchObject({ status: 204, body: undefined });
  expect((await t.gitlab("GET", "/projects/1/terraform/state/review-41", undefined, auth())).status).toBe(204);
  // Deleting it again finds nothing; other states are untouched.
  expect(await t.gitlab("DELETE", address, undefined, auth())).toMatchObject({
    status: 404,
    body: { message: "404 Not Found" },
  });
});

test("a locked state cannot be deleted without its lock id; its holder can delete it", async () => {
  const address = "/projects/1/terraform/state/review-42";
  const other = "/projects/1/terraform/state/review-43";
  expect((await t.gitlab("POST", other, document(7), auth())).status).toBe(200);
  expect((await t.gitlab("POST", address, document(2), auth())).status).toBe(200);
  expect((await t.gitlab("POST", `${address}/lock`, lock("holder"), auth())).status).toBe(200);

  const refused = await t.gitlab("DELETE", address, undefined, auth());
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ ID: "holder", Who: "ci@runner", Operation: "OperationTypeApply" });
  expect((await t.gitlab("DELETE", `${address}?ID=someone-else`, undefined, auth())).status).toBe(409);
  expect((await t.gitlab("GET", address, undefined, auth())).body).toEqual(JSON.parse(document(2)));

  expect((await t.gitlab("DELETE", `${address}?ID=holder`, undefined, auth())).status).toBe(200);
  expect((await t.gitlab("GET", address, undefined, auth())).status).toBe(204);
  // With the state, its lock went too: a new lock succeeds at once.
  expect((await t.gitlab("POST", `${address}/lock`, lock("next"), auth())).status).toBe(200);
  expect((await t.gitlab("GET", other, undefined, auth())).body).toEqual(JSON.parse(document(7)));
});
