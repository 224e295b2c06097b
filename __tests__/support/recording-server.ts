/**
 * An HTTP API stand-in for the command's unit tests (cli/platform, cli/commands): a node:http server on 127.0.0.1 (an
 * ephemeral port) that records every request it gets and answers what the test says — from a queue, or from a
 * handler — so that a test asserts the exact requests a call sends and how the code handles each kind of answer
 * (2xx, 4xx with a message, 5xx, a dropped connection). The code under test reaches it through the settings it reads
 * (`CI_API_V4_URL`, `HEROKU_API_URL`, …). Also a port nothing listens on, for a refused connection.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the server received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The path and query, e.g. `/projects/7/issues?state=opened`. */
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  /** The raw body; "" when there was none. */
  readonly body: string;
  /** The body parsed as JSON; undefined when there was none or it is not JSON. */
  readonly json: unknown;
}

/**
 * What the server answers: a status, a body (an object is sent as JSON, a string as is) and headers; or `"drop"` to
 * close the connection unanswered.
 */
export type Answer =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  | "drop";

/** Answers each request. */
export type Handler = (request: RecordedRequest) => Answer;

export interface RecordingServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Every request so far, in order. */
  readonly requests: RecordedRequest[];
  /** `METHOD url` of every request so far: the sequence a test usually asserts first. */
  calls(): string[];
  /** Answers the next requests with these, in order; past them, a 599 that no code under test expects. */
  reply(...answers: Answer[]): void;
  /** Answers every request with what `handler` says (replaces the queue). */
  answerWith(handler: Handler): void;
  /** Forgets the requests and the answers (a test's `beforeEach`). */
  reset(): void;
  close(): Promise<void>;
}

/** A request nobody told the server how to answer: a status no API sends, so the code under test fails visibly. */
const UNEXPECTED: Answer = { status: 599, body: "no answer queued" };

function parseJson(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Starts the server, answering with `handler` when given (else from the queue that `reply` fills). */
export async function startRecordingServer(handler?: Handler): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let queue: Answer[] = [];
  let answerer = handler;
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const request: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        json: parseJson(body),
      };
      requests.push(request);
      const answer = answerer ? answerer(request) : (queue.shift() ?? UNEXPECTED);
      if (answer === "drop") {
        req.socket.destroy();
        return;
      }
      const text =
        answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status, {
        ...(typeof answer.body === "object" ? { "Content-Type": "application/json" } : {}),
        ...answer.headers,
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    calls: () => requests.map((request) => `${request.method} ${request.url}`),
    reply: (...answers) => {
      answerer = undefined;
      queue.push(...answers);
    },
    answerWith: (next) => {
      answerer = next;
      queue = [];
    },
    reset: () => {
      requests.splice(0);
      queue = [];
      answerer = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A recording server for the tests of the enclosing `describe` (or file): started before them, forgetting the requests
 * and answers before each, closed after them. Returns the server (call it inside a test or hook, once it has started).
 */
export function useRecordingServer(): () => RecordingServer {
  let server: RecordingServer | undefined;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  beforeEach(() => server?.reset());
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error("the recording server is not started yet (use it inside a test or hook)");
    return server;
  };
}

/** A loopback port nothing listens on (one the system just gave out and took back): connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
