import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from "fastify";
import type { AddressInfo } from "node:net";
import { gitlabAuthorized, herokuAuthorized, terraformStateAuthorized } from "./auth";
import type { SandboxContext } from "./context";
import { HEALTH_PATH, registerControlRoutes } from "./control";
import { Faults } from "./faults";
import { DEFAULT_PROJECT, GitlabError, registerGitlabRoutes, seedProjects } from "./gitlab";
import { HerokuError, registerHerokuRoutes } from "./heroku";
import { Store } from "./store";
import { registerTerraformStateRoutes } from "./terraform-state";

declare module "fastify" {
  interface FastifyRequest {
    /** The request body exactly as received; the Terraform state backend stores it byte for byte. */
    rawBody?: string;
  }
}

/** How to start a sandbox. */
export interface SandboxOptions {
  /**
   * TCP port to listen on.
   *
   * @default 0 - an ephemeral port; read the chosen one from `Sandbox.url`.
   */
  port?: number;
  /**
   * Interface to listen on. Keep it on loopback: the sandbox has no TLS and exists for one machine.
   *
   * @default "127.0.0.1"
   */
  host?: string;
  /**
   * JSON file the whole state is persisted to after every change (atomic write), and loaded from on start.
   *
   * @default - memory only; state is lost on close.
   */
  stateFile?: string;
  /** The Heroku API key clients must present (HTTP Basic password). */
  herokuApiKey: string;
  /** The GitLab token clients must present (Bearer / PRIVATE-TOKEN, or Basic password for Terraform state). */
  gitlabToken: string;
  /**
   * Extra GitLab projects to seed, as `namespace/path`, besides `songlist/songlist` (always project 1).
   *
   * @default - only songlist/songlist.
   */
  projects?: string[];
  /**
   * Keep every Heroku and GitLab API exchange (method, path, status, response body) for {@link Sandbox.exchanges}:
   * the contract tests check each Heroku response the real provider received against Heroku's published schema, and
   * the end-to-end tests read the order of the GitLab provider's calls.
   *
   * @default false
   */
  recordExchanges?: boolean;
}

/** One API request and the response the sandbox sent. */
export interface RecordedExchange {
  /** Which API was called. */
  api: "heroku" | "gitlab";
  method: string;
  /** The path without the query string, e.g. `/apps/4c1b…/config-vars`. */
  path: string;
  status: number;
  /** The response body as sent. */
  body: string;
}

/** A running sandbox. */
export interface Sandbox {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4567`. */
  url: string;
  /** What to give the Heroku provider as `url` / `HEROKU_API_URL` (Heroku routes are at the root); equals `url`. */
  herokuUrl: string;
  /** What to give the GitLab provider as `base_url` / `GITLAB_BASE_URL`: `url + "/api/v4/"`. */
  gitlabUrl: string;
  /** Stops listening, drops open connections and writes any pending state. */
  close(): Promise<void>;
  /** The recorded API exchanges, oldest first (empty unless `recordExchanges` is on). */
  exchanges(): readonly RecordedExchange[];
}

const GITLAB_PREFIX = "/api/v4/";
const TERRAFORM_STATE = /^\/api\/v4\/projects\/[^/]+\/terraform\/state\//;

const isGitlab = (url: string): boolean => url.startsWith(GITLAB_PREFIX);

/** JSON bodies are parsed by hand so the raw text stays available and a syntax error gets each API's error shape. */
function installBodyParser(server: FastifyInstance): void {
  server.removeAllContentTypeParsers();
  server.addContentTypeParser("*", { parseAs: "string" }, (request: FastifyRequest, body, done) => {
    const text = String(body);
    request.rawBody = text;
    if (text.trim() === "") return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      // Terraform state uploads answer their own 422; everything else is a 400.
      if (TERRAFORM_STATE.test(request.url)) return done(null, undefined);
      const failure = new Error(`Malformed JSON in request body: ${(error as Error).message}`) as FastifyError;
      failure.statusCode = 400;
      done(failure, undefined);
    }
  });
}

/** Answers every failure in the shape of the API the request was for, and never with 429. */
function installErrorHandling(server: FastifyInstance): void {
  server.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HerokuError || error instanceof GitlabError) {
      return reply.code(error.status).send(error.toJSON());
    }
    const clientError = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500;
    const status = clientError && error.statusCode !== 429 ? (error.statusCode as number) : 500;
    if (status === 500) request.log.error(error);
    if (isGitlab(request.url)) {
      return reply
        .code(status)
        .send({ message: `${status} ${status === 400 ? "Bad request - " : ""}${error.message}` });
    }
    const id = status === 400 ? "bad_request" : status === 500 ? "internal_server_error" : "invalid_params";
    return reply.code(status).send({ id, message: error.message });
  });

  server.setNotFoundHandler((request, reply) => {
    if (isGitlab(request.url)) return reply.code(404).send({ error: "404 Not Found" });
    return reply.code(404).send({
      id: "not_found",
      message:
        "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?",
    });
  });
}

/** Checks credentials per API, then lets armed faults act, before any route runs. */
function installGuards(server: FastifyInstance, context: SandboxContext, faults: Faults): void {
  server.addHook("onRequest", async (request, reply) => {
    const path = request.url.split("?")[0];
    if (path === HEALTH_PATH) return;
    if (TERRAFORM_STATE.test(path)) {
      if (!terraformStateAuthorized(request.headers, context.gitlabToken)) {
        return reply.code(401).header("www-authenticate", 'Basic realm="GitLab"').send({ message: "401 Unauthorized" });
      }
    } else if (isGitlab(path)) {
      if (!gitlabAuthorized(request.headers, context.gitlabToken)) {
        return reply.code(401).send({ message: "401 Unauthorized" });
      }
    } else if (!herokuAuthorized(request.headers, context.herokuApiKey)) {
      return reply.code(401).send({ id: "unauthorized", message: "Invalid credentials provided." });
    }
    if (!path.startsWith("/sandbox/") && (await faults.apply(request, reply))) return reply;
  });
}

/**
 * Starts a sandbox: one HTTP server on loopback serving the Heroku Platform API at the root, the GitLab REST API under
 * `/api/v4/` and GitLab's Terraform state backend under `/api/v4/projects/:id/terraform/state/:name`.
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  if (!options.herokuApiKey || !options.gitlabToken) throw new Error("herokuApiKey and gitlabToken are required");
  const store = new Store(options.stateFile);
  seedProjects(store, [DEFAULT_PROJECT, ...(options.projects ?? [])]);
  store.flush();

  let url = "";
  const context: SandboxContext = {
    store,
    baseUrl: () => url,
    herokuApiKey: options.herokuApiKey,
    gitlabToken: options.gitlabToken,
  };
  const faults = new Faults();
  const server = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024, forceCloseConnections: true });
  installBodyParser(server);
  installErrorHandling(server);
  installGuards(server, context, faults);
  // Persist before the response leaves, so an acknowledged change survives a crash or restart.
  const exchanges: RecordedExchange[] = [];
  server.addHook("onSend", async (request, reply, payload) => {
    store.flush();
    const path = request.url.split("?")[0];
    if (options.recordExchanges && !path.startsWith("/sandbox/")) {
      const api = isGitlab(path) ? "gitlab" : "heroku";
      exchanges.push({ api, method: request.method, path, status: reply.statusCode, body: String(payload ?? "") });
    }
    return payload;
  });
  registerControlRoutes(server, context, faults);
  registerHerokuRoutes(server, context);
  registerGitlabRoutes(server, context);
  registerTerraformStateRoutes(server, context);

  await server.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const address = server.server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;
  return {
    url,
    herokuUrl: url,
    gitlabUrl: `${url}${GITLAB_PREFIX}`,
    close: async () => {
      await server.close();
      store.flush();
    },
    exchanges: () => exchanges,
  };
}
