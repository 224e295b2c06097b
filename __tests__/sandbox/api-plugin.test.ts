/**
 * What both APIs share (sandbox/api-plugin.ts), each on a bare Fastify server so that the behaviour is the plugin's own:
 * how schemas are compiled, which field an error is about, how bodies are parsed and how exchanges are recorded.
 */
import type { ErrorObject } from "ajv";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import {
  fieldOf,
  installJsonBody,
  installRecorder,
  installValidator,
  INVALID_MESSAGE,
  invalidMessageOf,
  type RecordedExchange,
} from "../../sandbox/api-plugin";
import { Faults } from "../../sandbox/faults";

const servers: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Starts `server` on loopback (closed after the test) and returns its base URL. */
async function listening(server: FastifyInstance): Promise<string> {
  servers.push(server);
  return server.listen({ host: "127.0.0.1", port: 0 });
}

/** Sends `payload` (text as is, anything else as JSON) and returns the status and parsed answer ("" when empty). */
async function call(
  url: string,
  method: string,
  payload?: unknown,
  contentType = "application/json",
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    headers: payload === undefined ? {} : { "content-type": contentType },
    body: payload === undefined ? undefined : typeof payload === "string" ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? "" : JSON.parse(text) };
}

/** A server with the plugin's validator whose one route, POST /check, answers 200 or the first validation error. */
async function serverChecking(body: object, coerceTypes = false): Promise<string> {
  const server = Fastify();
  installValidator(server, { coerceTypes });
  server.setErrorHandler((error: FastifyError, _request, reply) => {
    const first = error.validation?.[0] as ErrorObject | undefined;
    void reply
      .code(422)
      .send(first ? { field: fieldOf(first), wording: invalidMessageOf(first) ?? null } : { other: error.message });
  });
  server.post("/check", { schema: { body } }, async (request) => ({ accepted: request.body }));
  return `${await listening(server)}/check`;
}

const post = (url: string, payload: unknown) => call(url, "POST", payload);

describe("installValidator", () => {
  const flagSchema = { type: "object", properties: { flag: { type: "boolean" } } };

  test("Heroku's flavour takes JSON types as sent: a string is not a boolean", async () => {
    const server = await serverChecking(flagSchema, false);
    expect(await post(server, { flag: "true" })).toEqual({ status: 422, body: { field: "flag", wording: null } });
    expect(await post(server, { flag: true })).toEqual({ status: 200, body: { accepted: { flag: true } } });
  });

  test("GitLab's flavour coerces the way Rails params do", async () => {
    const server = await serverChecking(flagSchema, true);
    expect(await post(server, { flag: "true" })).toEqual({ status: 200, body: { accepted: { flag: true } } });
  });

  test("a schema's own wording reaches the error", async () => {
    const server = await serverChecking({
      type: "object",
      properties: { name: { type: "string", pattern: "^[a-z]+$", [INVALID_MESSAGE]: "Name is lower-case letters." } },
    });
    expect(await post(server, { name: "Upper" })).toEqual({
      status: 422,
      body: { field: "name", wording: "Name is lower-case letters." },
    });
  });

  test("a schema with a misspelt keyword is refused when the server starts, not ignored", async () => {
    const server = Fastify();
    installValidator(server, { coerceTypes: false });
    server.post("/check", { schema: { body: { type: "object", propertees: {} } } }, async () => ({}));
    await expect(server.ready()).rejects.toThrow(/unknown keyword: "propertees"/);
  });
});

describe("fieldOf", () => {
  const nested = {
    type: "object",
    properties: {
      dyno_size: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      config: { type: "object", propertyNames: { pattern: "^[A-Z_]+$" } },
      id: { type: "string" },
    },
  };

  test.each([
    ["a missing property, nested", { dyno_size: {} }, "dyno_size.name"],
    ["a wrong type, nested", { dyno_size: { name: 1 } }, "dyno_size.name"],
    ["a missing property of the body", {}, "id"],
    ["a rejected property name is the field itself", { config: { "BAD-NAME": "x" } }, "config.BAD-NAME"],
  ])("%s", async (_case, payload, field) => {
    const url = await serverChecking({ ...nested, required: ["id"] });
    const complete = { id: "x", ...payload };
    expect(await post(url, field === "id" ? payload : complete)).toEqual({
      status: 422,
      body: { field, wording: null },
    });
  });

  test("an error without a property name is about its path", () => {
    const error = { instancePath: "/dyno_size/name", keyword: "type", params: {} } as unknown as ErrorObject;
    expect(fieldOf(error)).toBe("dyno_size.name");
    expect(fieldOf({ instancePath: "", keyword: "type", params: {} } as unknown as ErrorObject)).toBe("");
  });

  test("a required property at the top is named alone", () => {
    const error = {
      instancePath: "",
      keyword: "required",
      params: { missingProperty: "name" },
    } as unknown as ErrorObject;
    expect(fieldOf(error)).toBe("name");
  });

  test("without a schema wording there is none", () => {
    expect(
      invalidMessageOf({ instancePath: "", keyword: "type", params: {} } as unknown as ErrorObject),
    ).toBeUndefined();
    const worded = { parentSchema: { [INVALID_MESSAGE]: 7 } } as unknown as ErrorObject;
    expect(invalidMessageOf(worded)).toBeUndefined();
  });
});

describe("installJsonBody", () => {
  /** A server with the plugin's body parser whose route answers what it parsed, and the raw text it kept. */
  async function serverParsing(malformedIsError: boolean): Promise<string> {
    const server = Fastify();
    installJsonBody(server, (_request, error) =>
      malformedIsError ? Object.assign(new Error(`malformed: ${error.name}`), { statusCode: 400 }) : undefined,
    );
    server.post("/parse", async (request) => ({
      parsed: request.body === undefined ? "(none)" : request.body,
      raw: request.rawBody ?? "(not kept)",
    }));
    return `${await listening(server)}/parse`;
  }

  const send = (url: string, payload: string, contentType?: string) => call(url, "POST", payload, contentType);

  test("JSON is parsed and its text kept byte for byte, whatever the content type says", async () => {
    const server = await serverParsing(true);
    const text = '{ "serial" :  3,\n  "lineage": "x" }\n';
    expect(await send(server, text)).toEqual({ status: 200, body: { parsed: { serial: 3, lineage: "x" }, raw: text } });
    expect(await send(server, "[1]", "text/plain")).toEqual({ status: 200, body: { parsed: [1], raw: "[1]" } });
  });

  test("a blank body is no body", async () => {
    const server = await serverParsing(true);
    expect(await send(server, " \n ")).toEqual({ status: 200, body: { parsed: "(none)", raw: " \n " } });
  });

  test("malformed JSON is handed to the API: an error where it says so, no body where it does not", async () => {
    expect(await send(await serverParsing(true), "{ not json")).toEqual({
      status: 400,
      body: expect.objectContaining({ message: "malformed: SyntaxError" }),
    });
    expect(await send(await serverParsing(false), "{ not json")).toEqual({
      status: 200,
      body: { parsed: "(none)", raw: "{ not json" },
    });
  });
});

describe("installRecorder", () => {
  async function serverRecording(exchanges: RecordedExchange[] | undefined): Promise<string> {
    const server = Fastify();
    installRecorder(server, "gitlab", { faults: new Faults(), exchanges, baseUrl: () => "http://127.0.0.1:1" });
    server.get("/projects/:id", async (request, reply) =>
      (request.params as { id: string }).id === "1" ? { id: 1 } : reply.code(404).send({ message: "404 Not found" }),
    );
    server.delete("/projects/:id", async (_request, reply) => reply.code(204).send());
    return listening(server);
  }

  test("every exchange is recorded with its API, method, path without query, status and body as sent", async () => {
    const exchanges: RecordedExchange[] = [];
    const url = await serverRecording(exchanges);
    await call(`${url}/projects/1?statistics=true`, "GET");
    await call(`${url}/projects/2`, "GET");
    await call(`${url}/projects/1`, "DELETE");
    expect(exchanges).toEqual([
      { api: "gitlab", method: "GET", path: "/projects/1", status: 200, body: '{"id":1}' },
      { api: "gitlab", method: "GET", path: "/projects/2", status: 404, body: '{"message":"404 Not found"}' },
      { api: "gitlab", method: "DELETE", path: "/projects/1", status: 204, body: "" },
    ]);
  });

  test("nothing is recorded, and nothing breaks, without a list to record to", async () => {
    const url = await serverRecording(undefined);
    expect(await call(`${url}/projects/1`, "GET")).toEqual({ status: 200, body: { id: 1 } });
  });
});
