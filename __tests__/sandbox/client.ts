import { randomBytes } from "node:crypto";
import { createSandbox, type Sandbox, type SandboxOptions } from "../../sandbox";

/** A JSON response: status and parsed body (undefined when empty). */
export interface JsonResponse {
  status: number;
  body: any;
  headers: Headers;
}

/** A sandbox with random credentials and helpers that speak to it the way the providers do. */
export interface TestSandbox {
  sandbox: Sandbox;
  herokuApiKey: string;
  gitlabToken: string;
  circleciToken: string;
  heroku(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
  gitlab(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
  /** Calls CircleCI's API v2 with the `Circle-Token` header, as the CircleCI provider does; `path` starts with `/`. */
  circleci(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
}

/**
 * How long a test waits for the sandbox to answer one request. A loopback request takes milliseconds; one that is
 * never answered (a route that forgets to reply) fails the test with its method and path after this, rather than at
 * the test's own timeout, which also keeps mutation runs from waiting 20 s on each such mutant.
 */
const ANSWER_TIMEOUT_MS = 5_000;

async function request(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<JsonResponse> {
  const signal = AbortSignal.timeout(ANSWER_TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      signal,
    });
    const text = await response.text();
    return { status: response.status, body: text === "" ? undefined : JSON.parse(text), headers: response.headers };
  } catch (error) {
    if (signal.aborted) throw new Error(`the sandbox did not answer ${method} ${url} within ${ANSWER_TIMEOUT_MS} ms`);
    throw error;
  }
}

/**
 * Starts a sandbox on an ephemeral port; pass the same credentials and stateFile to restart one. A file that starts one
 * in `beforeAll` closes it with `t?.sandbox.close()`: if the start failed, that error fails the file's tests on its
 * own, without a second one from `afterAll` (which a mutation run would count as a test file that cannot run).
 */
export async function startSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const herokuApiKey = options.herokuApiKey ?? randomBytes(16).toString("hex");
  const gitlabToken = options.gitlabToken ?? randomBytes(16).toString("hex");
  const circleciToken = options.circleciToken ?? randomBytes(16).toString("hex");
  const sandbox = await createSandbox({ ...options, port: 0, herokuApiKey, gitlabToken, circleciToken });
  const basic = `Basic ${Buffer.from(`tester@example.com:${herokuApiKey}`).toString("base64")}`;
  return {
    sandbox,
    herokuApiKey,
    gitlabToken,
    circleciToken,
    heroku: (method, path, body, headers = {}) =>
      request(
        `${sandbox.herokuUrl}${path}`,
        method,
        {
          accept: "application/vnd.heroku+json; version=3",
          authorization: basic,
          ...headers,
        },
        body,
      ),
    gitlab: (method, path, body, headers = {}) =>
      request(
        `${sandbox.gitlabUrl}${path.replace(/^\//, "")}`,
        method,
        { authorization: `Bearer ${gitlabToken}`, ...headers },
        body,
      ),
    circleci: (method, path, body, headers = {}) =>
      request(`${sandbox.circleciUrl}${path}`, method, { "circle-token": circleciToken, ...headers }, body),
  };
}
