// @ts-nocheck
import Fastify from "fastify";
import type { AddressInfo } from "node:net";
import type { RecordedExchange } from "./api-plugin";
import { CONTROL_PREFIX, controlRoutes } from "./control";
import { Faults } from "./faults";
import { GITLAB_API_PREFIX, gitlabApi } from "./gitlab";
import { ensureProject } from "./gitlab/models/projects";
import { herokuApi } from "./heroku";
import { Store } from "./store";

export type { RecordedExchange } from "./api-plugin";

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
   * GitLab projects (`namespace/path`) to create on start unless they exist; more can be created later through
   * `POST /sandbox/projects`. The first project of an empty sandbox gets id 1.
   *
   * @default - none: the sandbox starts empty.
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

/**
 * Starts a sandbox: one HTTP server on loopback with three plugins — the Heroku Platform API at the root, the GitLab
 * REST API (with GitLab's Terraform state backend) under `/api/v4`, and the sandbox's own control routes under
 * `/sandbox`. Every response leaves only after the state it acknowledges is on disk.
 */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  if (!options.herokuApiKey || !options.gitlabToken) throw new Error("herokuApiKey and gitlabToken are required");
  const store = new Store(options.stateFile);
  for (const project of options.projects ?? []) ensureProject(store.data, project);
  store.flush();

  let url = "";
  const faults = new Faults();
  const exchanges: RecordedExchange[] | undefined = options.recordExchanges ? [] : undefined;
  const api = { store, faults, exchanges, baseUrl: () => url };
  const server = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024, forceCloseConnections: true });
  server.addHook("onSend", async (_request, _reply, payload) => {
    store.flush();
    return payload;
  });
  await server.register(controlRoutes, { prefix: CONTROL_PREFIX, store, faults, apiKey: options.herokuApiKey });
  await server.register(herokuApi, { ...api, apiKey: options.herokuApiKey });
  await server.register(gitlabApi, { ...api, prefix: GITLAB_API_PREFIX, token: options.gitlabToken });

  await server.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const address = server.server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `http://${host}:${address.port}`;
  return {
    url,
    herokuUrl: url,
    gitlabUrl: `${url}${GITLAB_API_PREFIX}/`,
    close: async () => {
      await server.close();
      store.flush();
    },
    exchanges: () => exchanges ?? [],
  };
}
