/** A JSON answer from an HTTP API. */
export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** An API call that did not succeed: names the call and the status, never the credentials. */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path} answered ${status}: ${JSON.stringify(body)}`);
  }
}

/**
 * Calls one JSON API with fixed headers (its credentials); `request` returns any answer, `call` throws an
 * {@link ApiError} unless the status is 2xx.
 */
export class HttpApi {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string>,
  ) {}

  public async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl.replace(/\/$/, "")}${path}`, {
      method,
      headers: {
        ...this.headers,
        ...headers,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: kept as text for the error message.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  public async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await this.request<T>(method, path, body, headers);
    if (response.status < 200 || response.status >= 300)
      throw new ApiError(method, path, response.status, response.body);
    return response;
  }
}
