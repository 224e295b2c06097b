/**
 * A hidden project variable (`masked_and_hidden: true`): GitLab never shows its value again once it is created — not
 * in the list, not when read by key (with or without a scope filter), not in the answer to its creation or to an
 * update, even one that sets a new value. The sandbox must not either, or a test against it would pass on a value a
 * real GitLab never returns (the provider then keeps the value from the configuration).
 */
import { startSandbox, type TestSandbox } from "./client";

let t: TestSandbox;

beforeAll(async () => {
  t = await startSandbox({ projects: ["songlist/songlist"] });
});
afterAll(async () => {
  await t?.sandbox.close();
});

const variables = "/projects/songlist%2Fsonglist/variables";
const SECRET = "hidden-value-1234567890";
const NEW_SECRET = "hidden-value-replaced-0987";

/** A hidden variable as the GitLab provider creates one (masked false, masked_and_hidden true). */
const hidden = (key: string, scope: string, value = SECRET) => ({
  key,
  value,
  masked: false,
  masked_and_hidden: true,
  raw: true,
  environment_scope: scope,
  protected: true,
  description: "",
});

/** Fails when the answer holds either secret anywhere: in `value` or any other field. */
function expectNoSecret(answer: { status: number; body: unknown }): void {
  const text = JSON.stringify(answer.body);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(NEW_SECRET);
}

// Each test makes its own variables (keys of its own): a mutation run may run one test of this file alone.

test("the answer to its creation: hidden, masked, value null", async () => {
  const created = await t.gitlab("POST", variables, hidden("CREATED_KEY", "production"));
  expect(created).toMatchObject({ status: 201, body: { key: "CREATED_KEY", hidden: true, masked: true, value: null } });
  expectNoSecret(created);
});

test("the list: every hidden entry without its value, a visible variable with it", async () => {
  for (const scope of ["production", "staging"]) {
    expect((await t.gitlab("POST", variables, hidden("LISTED_KEY", scope))).status).toBe(201);
  }
  expect((await t.gitlab("POST", variables, { key: "LISTED_NAME", value: "songlist" })).status).toBe(201);
  const list = await t.gitlab("GET", variables);
  expect(list.status).toBe(200);
  expectNoSecret(list);
  const listed = (list.body as Array<{ key: string; environment_scope: string; value: unknown }>)
    .filter(({ key }) => key.startsWith("LISTED_"))
    .map(({ key, environment_scope, value }) => [key, environment_scope, value]);
  expect(listed).toEqual([
    ["LISTED_KEY", "production", null],
    ["LISTED_KEY", "staging", null],
    ["LISTED_NAME", "*", "songlist"],
  ]);
});

test("a read by key with a scope filter, and of a key in one scope only", async () => {
  for (const scope of ["production", "staging"]) {
    expect((await t.gitlab("POST", variables, hidden("READ_KEY", scope))).status).toBe(201);
  }
  const filtered = await t.gitlab("GET", `${variables}/READ_KEY?filter[environment_scope]=staging`);
  expect(filtered).toMatchObject({ status: 200, body: { environment_scope: "staging", value: null } });
  expectNoSecret(filtered);
  expect((await t.gitlab("POST", variables, hidden("READ_ONE", "*"))).status).toBe(201);
  const read = await t.gitlab("GET", `${variables}/READ_ONE`);
  expect(read).toMatchObject({ status: 200, body: { key: "READ_ONE", value: null } });
  expectNoSecret(read);
});

test("an update, of its value or of another field: the answer and later reads still hide it", async () => {
  expect((await t.gitlab("POST", variables, hidden("UPDATED_KEY", "production"))).status).toBe(201);
  const url = `${variables}/UPDATED_KEY?filter[environment_scope]=production`;
  const newValue = await t.gitlab("PUT", url, { value: NEW_SECRET, masked: true });
  expect(newValue).toMatchObject({ status: 200, body: { hidden: true, value: null } });
  expectNoSecret(newValue);
  const described = await t.gitlab("PUT", url, { description: "the deploy key" });
  expect(described).toMatchObject({ status: 200, body: { description: "the deploy key", value: null } });
  expectNoSecret(described);
  expectNoSecret(await t.gitlab("GET", url));
  expectNoSecret(await t.gitlab("GET", variables));
});
