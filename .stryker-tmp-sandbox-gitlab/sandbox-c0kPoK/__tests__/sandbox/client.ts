// @ts-nocheck
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
  heroku(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
  gitlab(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonResponse>;
}

async function request(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<JsonResponse> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === "" ? undefined : JSON.parse(text), headers: response.headers };
}

/** Starts a sandbox on an ephemeral port; pass the same credentials and stateFile to restart one. */
export async function startSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const herokuApiKey = options.herokuApiKey ?? randomBytes(16).toString("hex");
  const gitlabToken = options.gitlabToken ?? randomBytes(16).toString("hex");
  const sandbox = await createSandbox({ ...options, port: 0, herokuApiKey, gitlabToken });
  const basic = `Basic ${Buffer.from(`tester@example.com:${herokuApiKey}`).toString("base64")}`;
  return {
    sandbox,
    herokuApiKey,
    gitlabToken,
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
  };
}
