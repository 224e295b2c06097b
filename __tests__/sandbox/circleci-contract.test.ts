/**
 * Contract test of the sandbox's CircleCI API v2 against CircleCI's own OpenAPI document (schemas/README.md says where
 * it comes from): every route the CircleCI plugin serves is an operation of the document, and every response the
 * scenario below receives — successes and refusals — validates against the document's schema for its status.
 */
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import Fastify from "fastify";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { CIRCLECI_API_PREFIX, circleciApi } from "../../sandbox/circleci";
import { Faults } from "../../sandbox/faults";
import { Store } from "../../sandbox/store";
import { startSandbox, type TestSandbox } from "./client";

const DOCUMENT_PATH = resolve(__dirname, "../../schemas/circleci-api-v2.openapi.yaml");

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

const openApi = parse(readFileSync(DOCUMENT_PATH, "utf8")) as OpenApiDocument;

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema (a `null` type beside the declared one). The document was converted
 * from Swagger 2 and still marks some fields with Swagger's `x-nullable: true`, among them the `next_page_token` of
 * the context and variable lists, which CircleCI sends as `null` on the last page; it means the same.
 */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = asJsonSchema(value);
  const nullable = copy.nullable === true || copy["x-nullable"] === true;
  if (nullable && typeof copy.type === "string") copy.type = [copy.type, "null"];
  return copy;
}

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
ajv.addSchema({ $id: "circleci", components: asJsonSchema(openApi.components) }, "circleci");

/** A document path with its parameters written `{}`: `/context/{}/restrictions`. */
const anonymous = (path: string): string => path.replace(/\{[^}]+\}/g, "{}");

/** The document path a request path is an instance of; a project slug spans three segments (`gh/org/repo`). */
function documentPathOf(method: string, path: string): string {
  const candidates = Object.keys(openApi.paths).filter((documentPath) => {
    if (!openApi.paths[documentPath][method.toLowerCase()]) return false;
    const pattern = documentPath
      .split("/")
      .map((segment) =>
        segment === "{project-slug}" ? "[^/]+/[^/]+/[^/]+" : /^\{.+\}$/.test(segment) ? "[^/]+" : segment,
      )
      .join("/");
    return new RegExp(`^${pattern}$`).test(path);
  });
  if (candidates.length !== 1) throw new Error(`${method} ${path} matches ${candidates.length} operations`);
  return candidates[0];
}

/** The validator of an operation's response with this status: listed for a success, listed or `default` for an error. */
function responseValidator(method: string, documentPath: string, status: number): ValidateFunction {
  const responses = openApi.paths[documentPath][method.toLowerCase()].responses;
  const response = responses[String(status)] ?? (status >= 400 ? responses.default : undefined);
  const ref = response?.content?.["application/json"]?.schema?.$ref;
  if (!ref) throw new Error(`${method} ${documentPath} documents no JSON response for status ${status}`);
  const validate = ajv.getSchema(`circleci${ref}`);
  if (!validate) throw new Error(`could not compile ${ref}`);
  return validate;
}

function expectConforms(method: string, path: string, status: number, body: string): void {
  const documentPath = documentPathOf(method, path);
  const validate = responseValidator(method, documentPath, status);
  if (!validate(JSON.parse(body))) {
    throw new Error(
      `${method} ${path} → ${status} does not conform to ${documentPath}:\n${JSON.stringify(validate.errors, null, 2)}\n${body}`,
    );
  }
}

/** The CircleCI plugin's routes as `METHOD /document/path/{}`, collected as Fastify registers them. */
async function servedOperations(): Promise<string[]> {
  const server = Fastify();
  const routes: string[] = [];
  server.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      const path = route.url
        .slice(CIRCLECI_API_PREFIX.length)
        .replace("/project/:vcs/:organization/:repository", "/project/{}")
        .replace(/:[A-Za-z]+/g, "{}");
      routes.push(`${method} ${path}`);
    }
  });
  await server.register(circleciApi, {
    prefix: CIRCLECI_API_PREFIX,
    store: new Store(),
    faults: new Faults(),
    baseUrl: () => "",
  });
  await server.ready();
  await server.close();
  return routes;
}

const documented = new Set(
  Object.entries(openApi.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${anonymous(path)}`),
  ),
);

test("every route the sandbox serves for CircleCI is an operation of the OpenAPI document", async () => {
  const served = await servedOperations();
  expect(served.length).toBeGreaterThanOrEqual(13);
  expect(served.filter((operation) => !documented.has(operation))).toEqual([]);
});

describe("responses", () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startSandbox({ recordExchanges: true });
  });
  afterAll(async () => {
    await t?.sandbox.close();
  });

  test("every response of a scenario over every route conforms to the document, refusals included", async () => {
    const org = "3ddcf1d1-7f5f-4139-8cef-71ad0921a968";
    const projectId = "7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6";
    const unknown = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    await t.heroku("POST", "/sandbox/circleci/projects", {
      slug: "gh/acme/contract",
      id: projectId,
      organizationId: org,
    });

    const context = (await t.circleci("POST", "/context", { name: "contract", owner: { id: org } })).body;
    await t.circleci("POST", "/context", { name: "contract", owner: { id: org } });
    await t.circleci("POST", "/context", { name: 1, owner: { id: org } });
    await t.circleci("GET", `/context?owner-id=${org}&page-token=`);
    await t.circleci("GET", "/context");
    await t.circleci("GET", `/context/${context.id}`);
    await t.circleci("GET", `/context/${unknown}`);
    await t.circleci("GET", `/context/${context.id}`, undefined, { "circle-token": "wrong" });

    for (let i = 0; i < 21; i++) {
      await t.circleci("PUT", `/context/${context.id}/environment-variable/VAR_${i}`, { value: "v" });
    }
    const firstPage = await t.circleci("GET", `/context/${context.id}/environment-variable?page-token=`);
    await t.circleci("GET", `/context/${context.id}/environment-variable?page-token=${firstPage.body.next_page_token}`);
    await t.circleci("PUT", `/context/${context.id}/environment-variable/1BAD`, { value: "v" });
    await t.circleci("DELETE", `/context/${context.id}/environment-variable/VAR_0`);
    await t.circleci("DELETE", `/context/${context.id}/environment-variable/VAR_0`);

    const restriction = (
      await t.circleci("POST", `/context/${context.id}/restrictions`, {
        restriction_type: "project",
        restriction_value: projectId,
      })
    ).body;
    await t.circleci("POST", `/context/${context.id}/restrictions`, {
      restriction_type: "expression",
      restriction_value: 'pipeline.git.branch == "main"',
    });
    await t.circleci("POST", `/context/${context.id}/restrictions`, { project_id: projectId });
    await t.circleci("POST", `/context/${context.id}/restrictions`, { restriction_type: "project" });
    await t.circleci("GET", `/context/${context.id}/restrictions?page-token=`);
    await t.circleci("GET", "/context/not-a-uuid/restrictions");
    await t.circleci("GET", `/context/${unknown}/restrictions`);
    await t.circleci("DELETE", `/context/${context.id}/restrictions/${restriction.id}`);
    await t.circleci("DELETE", `/context/${context.id}/restrictions/not-a-uuid`);
    await t.circleci("DELETE", `/context/${context.id}/restrictions/${unknown}`);

    await t.circleci("POST", "/project/gh/acme/contract/envvar", { name: "SECRET", value: "s3cr3t-value" });
    await t.circleci("POST", "/project/gh/acme/contract/envvar", { name: "BAD-NAME", value: "v" });
    await t.circleci("POST", "/project/gh/acme/unknown/envvar", { name: "SECRET", value: "v" });
    await t.circleci("GET", "/project/gh/acme/contract/envvar?page-token=");
    await t.circleci("GET", "/project/gh/acme/contract/envvar/SECRET");
    await t.circleci("GET", "/project/gh/acme/contract/envvar/MISSING");
    await t.circleci("DELETE", "/project/gh/acme/contract/envvar/SECRET");
    await t.circleci("DELETE", `/context/${context.id}`);

    const exchanges = t.sandbox.exchanges().filter((exchange) => exchange.api === "circleci");
    const statuses = new Set(exchanges.map((exchange) => exchange.status));
    expect([...statuses].sort()).toEqual([200, 201, 400, 401, 404, 409]);
    for (const exchange of exchanges) {
      expectConforms(exchange.method, exchange.path.slice(CIRCLECI_API_PREFIX.length), exchange.status, exchange.body);
    }
    const succeeded = new Set(
      exchanges
        .filter((exchange) => exchange.status < 300)
        .map((e) => `${e.method} ${anonymous(documentPathOf(e.method, e.path.slice(CIRCLECI_API_PREFIX.length)))}`),
    );
    expect([...(await servedOperations())].filter((operation) => !succeeded.has(operation))).toEqual([]);
  });

  test("the check itself rejects a context without created_at and a list whose next_page_token is a number", () => {
    const context = { id: "3ddcf1d1-7f5f-4139-8cef-71ad0921a968", name: "x" };
    expect(() => expectConforms("GET", `/context/${context.id}`, 200, JSON.stringify(context))).toThrow(/created_at/);
    const list = JSON.stringify({ items: [], next_page_token: 3 });
    expect(() => expectConforms("GET", "/context", 200, list)).toThrow(/next_page_token/);
    expect(() =>
      expectConforms("GET", "/context", 200, JSON.stringify({ items: [], next_page_token: null })),
    ).not.toThrow();
  });

  test("a success status the document does not list is refused (CircleCI answers a new context with 200)", () => {
    const created = JSON.stringify({
      id: "3ddcf1d1-7f5f-4139-8cef-71ad0921a968",
      name: "x",
      created_at: "2026-01-01T00:00:00.000Z",
    });
    expect(() => expectConforms("POST", "/context", 201, created)).toThrow(/no JSON response for status 201/);
  });
});
