/**
 * `HttpApi`, the JSON client every Heroku and GitLab call goes through, against an in-process server that records
 * each request: the URL joined from the base (with or without its trailing slash), the fixed headers (credentials)
 * overridden per call, a JSON body only when there is one, the answer parsed (JSON, text, or nothing). `call` throws
 * an `ApiError` naming the method, path, status and body for anything but 2xx (the boundaries 200, 299 and 300), and
 * never the credentials; a network error (connection refused) rejects.
 */
import { ApiError, HttpApi } from "../../../cli/platform/http-api";
import { closedPort, useRecordingServer } from "../../support/recording-server";

const TOKEN = `token-${Math.random().toString(36).slice(2)}`;

const server = useRecordingServer();

describe("request: what goes over the wire", () => {
  test("a GET: base URL and path joined, the fixed headers, no body and no Content-Type", async () => {
    server().reply({ status: 200, body: [{ id: 1 }] });
    const api = new HttpApi(`${server().url}/api/v4`, { "PRIVATE-TOKEN": TOKEN, Accept: "application/json" });
    await api.request("GET", "/projects/1/issues?state=opened");
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(request).toMatchObject({ method: "GET", url: "/api/v4/projects/1/issues?state=opened", body: "" });
    expect(request.headers["private-token"]).toBe(TOKEN);
    expect(request.headers.accept).toBe("application/json");
    expect(request.headers["content-type"]).toBeUndefined();
  });

  test("one trailing slash of the base URL is dropped, slashes inside it are kept", async () => {
    server().reply({ status: 200, body: {} }, { status: 200, body: {} });
    await new HttpApi(`${server().url}/api/v4/`, {}).request("GET", "/user");
    await new HttpApi(server().url, {}).request("GET", "/user");
    expect(server().requests.map((r) => r.url)).toEqual(["/api/v4/user", "/user"]);
  });

  test("a body is sent as JSON with its Content-Type", async () => {
    server().reply({ status: 201, body: { id: 3 } });
    await new HttpApi(server().url, { "PRIVATE-TOKEN": TOKEN }).request("POST", "/notes", { body: "hello", n: 1 });
    const [request] = server().requests;
    expect(request.method).toBe("POST");
    expect(JSON.parse(request.body)).toEqual({ body: "hello", n: 1 });
    expect(request.body).toBe('{"body":"hello","n":1}');
    expect(request.headers["content-type"]).toBe("application/json");
  });

  test("a call's own headers are added to the fixed ones and win over them", async () => {
    server().reply({ status: 200, body: [] });
    const api = new HttpApi(server().url, {
      Accept: "application/vnd.heroku+json; version=3",
      Authorization: "Bearer x",
    });
    await api.request("GET", "/apps", undefined, { Accept: "text/plain", Range: "version ..; max=2" });
    const { headers } = server().requests[0];
    expect(headers.accept).toBe("text/plain");
    expect(headers.authorization).toBe("Bearer x");
    expect(headers.range).toBe("version ..; max=2");
  });
});

describe("request: the answer as it came, whatever the status", () => {
  test("a JSON body is parsed; status and headers are returned", async () => {
    server().reply({ status: 200, body: [{ id: 1 }, { id: 2 }], headers: { "x-next-page": "3" } });
    const response = await new HttpApi(server().url, {}).request("GET", "/notes");
    expect(response.status).toBe(200);
    expect(response.body).toEqual([{ id: 1 }, { id: 2 }]);
    expect(response.headers.get("x-next-page")).toBe("3");
  });

  test("an empty body is undefined", async () => {
    server().reply({ status: 204 });
    const response = await new HttpApi(server().url, {}).request("DELETE", "/state");
    expect(response).toMatchObject({ status: 204, body: undefined });
  });

  test("a body that is not JSON is kept as text", async () => {
    server().reply({ status: 502, body: "<html>Bad Gateway</html>" });
    const response = await new HttpApi(server().url, {}).request("GET", "/apps");
    expect(response).toMatchObject({ status: 502, body: "<html>Bad Gateway</html>" });
  });

  test("a 4xx is returned, not thrown", async () => {
    server().reply({ status: 404, body: { message: "404 Not found" } });
    const response = await new HttpApi(server().url, {}).request("GET", "/apps/none/formation");
    expect(response).toMatchObject({ status: 404, body: { message: "404 Not found" } });
  });
});

describe("call: 2xx or an ApiError", () => {
  test.each([200, 201, 204, 299])("%i is success: the response is returned", async (status) => {
    server().reply({ status, body: status === 204 ? undefined : { ok: status } });
    const response = await new HttpApi(server().url, {}).call("PUT", "/issues/1", { state_event: "close" });
    expect(response.status).toBe(status);
    expect(response.body).toEqual(status === 204 ? undefined : { ok: status });
  });

  test.each([
    [300, { message: "multiple choices" }],
    [401, { message: "401 Unauthorized" }],
    [404, { message: "404 Project Not Found" }],
    [422, { id: "invalid_params", message: "Name is already taken" }],
    [500, { message: "500 Internal Server Error" }],
  ])("%i: an ApiError naming the method, path, status and body, not the token", async (status, body) => {
    server().reply({ status, body });
    const api = new HttpApi(server().url, { "PRIVATE-TOKEN": TOKEN });
    const failure = api.call("POST", "/projects/1/issues", { title: "drift" });
    await expect(failure).rejects.toThrow(new ApiError("POST", "/projects/1/issues", status, body).message);
    const error = (await failure.catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe(`POST /projects/1/issues answered ${status}: ${JSON.stringify(body)}`);
    expect([error.method, error.path, error.status, error.body]).toEqual(["POST", "/projects/1/issues", status, body]);
    expect(error.message).not.toContain(TOKEN);
    expect(server().requests).toHaveLength(1);
  });

  test("a 5xx whose body is text: the text is in the message", async () => {
    server().reply({ status: 503, body: "upstream unavailable" });
    await expect(new HttpApi(server().url, {}).call("GET", "/apps")).rejects.toThrow(
      'GET /apps answered 503: "upstream unavailable"',
    );
  });

  test("the call's headers and body reach the server", async () => {
    server().reply({ status: 200, body: {} });
    await new HttpApi(server().url, { Authorization: "Bearer y" }).call("PATCH", "/f", { a: 1 }, { Accept: "x/y" });
    expect(server().requests[0]).toMatchObject({ method: "PATCH", url: "/f", body: '{"a":1}' });
    expect(server().requests[0].headers).toMatchObject({ accept: "x/y", authorization: "Bearer y" });
  });
});

test("ApiError is an Error whose message is the one line", () => {
  const error = new ApiError("GET", "/apps/x", 404, { id: "not_found" });
  expect(error).toBeInstanceOf(Error);
  expect(error.message).toBe('GET /apps/x answered 404: {"id":"not_found"}');
});

test("a network error (connection refused) rejects, without the token in the message", async () => {
  const api = new HttpApi(`http://127.0.0.1:${await closedPort()}`, { "PRIVATE-TOKEN": TOKEN });
  const error = (await api.call("GET", "/user").catch((e: unknown) => e)) as Error & { cause?: { code?: string } };
  // fetch's own error (made outside Jest's realm, hence no toBeInstanceOf(Error)), not an answer.
  expect(error.message).toBe("fetch failed");
  expect(error).not.toBeInstanceOf(ApiError);
  expect(error.cause?.code).toBe("ECONNREFUSED");
  expect(error.message).not.toContain(TOKEN);
});
