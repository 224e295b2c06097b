import { spawnSync } from "node:child_process";
import type { CodeReleases } from "../engine/deploy-sequence";
import { FLOW_CODE_SOURCES, type FlowCodeSource } from "../../constructs/flow/flow-manifest";
import { containerRegistry, pushImages } from "./container-images";
import { HttpApi } from "./http-api";

/**
 * Where code comes from (`HEROKU_FLOW_CODE_PUSH`): `git` (default) pushes the checked-out commit to Heroku's git
 * endpoint (`HEROKU_GIT_URL`, default https://git.heroku.com); `container` releases the Docker image the job built
 * (`HEROKU_FLOW_IMAGE`) to an app on Heroku's container stack, through the registry (`HEROKU_REGISTRY`, default
 * registry.heroku.com); `sandbox` is the local sandbox's simulated push.
 */
export function codeSource(env: NodeJS.ProcessEnv): FlowCodeSource {
  const value = env.HEROKU_FLOW_CODE_PUSH || "git";
  if (!(FLOW_CODE_SOURCES as readonly string[]).includes(value)) {
    throw new Error(`HEROKU_FLOW_CODE_PUSH: ${JSON.stringify(value)} must be one of ${FLOW_CODE_SOURCES.join(", ")}`);
  }
  return value as FlowCodeSource;
}

/** A release as Heroku's Platform API returns it (the fields flow reads). */
export interface HerokuRelease {
  readonly id: string;
  readonly version: number;
  readonly description: string;
  readonly status: string;
  readonly current?: boolean;
}

/** Where the Platform API is and the key to it: what the Heroku provider reads (`HEROKU_API_URL`, `HEROKU_API_KEY`). */
export function herokuApiSettings(env: NodeJS.ProcessEnv): { readonly url: string; readonly apiKey: string } {
  const apiKey = env.HEROKU_API_KEY;
  if (!apiKey) throw new Error("HEROKU_API_KEY is not set (the Heroku API key flow and the Heroku provider use)");
  return { url: env.HEROKU_API_URL || "https://api.heroku.com", apiKey };
}

/** A JSON client of the Platform API (version 3), the key sent as a Bearer token. */
export function herokuHttpApi(url: string, apiKey: string): HttpApi {
  return new HttpApi(url, { Accept: "application/vnd.heroku+json; version=3", Authorization: `Bearer ${apiKey}` });
}

/** The Heroku Platform API, with the URL and key the Heroku provider reads ({@link herokuApiSettings}). */
export class HerokuApi implements CodeReleases {
  public static fromEnv(env: NodeJS.ProcessEnv = process.env): HerokuApi {
    const { url, apiKey } = herokuApiSettings(env);
    return new HerokuApi(url, apiKey, env);
  }

  private readonly api: HttpApi;

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.api = herokuHttpApi(url, apiKey);
  }

  /** An app's newest releases, newest first (Heroku's `Range` header: `version ..; order=desc`). */
  public async latestReleases(app: string, count: number): Promise<HerokuRelease[]> {
    const response = await this.api.call<HerokuRelease[]>(
      "GET",
      `/apps/${encodeURIComponent(app)}/releases`,
      undefined,
      {
        Range: `version ..; order=desc, max=${count}`,
      },
    );
    return response.body;
  }

  /** Creates a release that rolls `app` back to `release` (Heroku: code and config of that release). */
  public async rollback(app: string, release: HerokuRelease): Promise<HerokuRelease> {
    return (
      await this.api.call<HerokuRelease>("POST", `/apps/${encodeURIComponent(app)}/releases`, { release: release.id })
    ).body;
  }

  /** The apps (by name) that have no process type yet: brand-new apps, before their first code push. */
  public async appsWithoutCode(appNames: readonly string[]): Promise<string[]> {
    const missing: string[] = [];
    for (const app of appNames) {
      const response = await this.api.request<unknown[]>("GET", `/apps/${encodeURIComponent(app)}/formation`);
      if (response.status !== 200 || response.body.length === 0) missing.push(app);
    }
    return missing;
  }

  /**
   * Releases the checked-out code to `app`, as the deploy jobs do after the infrastructure. Where the code comes from
   * is the one setting `HEROKU_FLOW_CODE_PUSH` (see {@link codeSource}): `git` pushes HEAD to Heroku's git endpoint;
   * `container` releases the job's Docker image; `sandbox` is the local sandbox's simulated push (it has no git
   * server), declaring the topology's process types.
   *
   * @param commit - the commit being released (40 hex digits), when known. Only the sandbox's push takes it: it records
   *   it on the release's slug as Heroku's build does, so that a promotion can tell which commit an app runs (without
   *   it, no commit is recorded). A git push pushes HEAD and a container release runs an image: both ignore it.
   */
  public async pushCode(app: string, processTypes: Readonly<Record<string, string>>, commit?: string): Promise<void> {
    const source = codeSource(this.env);
    if (source === "git") return this.gitPush(app);
    const types = Object.keys(processTypes);
    if (types.length === 0) {
      throw new Error(
        `the ${source} release to ${app} needs the code's process types: declare processTypes in the topology ` +
          "or add a Procfile beside cdktf.json, then synthesize again",
      );
    }
    if (source === "container") return this.releaseImages(app, types);
    await this.api.call(
      "POST",
      `/sandbox/apps/${encodeURIComponent(app)}/push`,
      { process_types: processTypes, ...(commit === undefined ? {} : { commit }) },
      {
        Authorization: `Basic ${Buffer.from(`:${this.apiKey}`).toString("base64")}`,
      },
    );
  }

  /**
   * Pushes HEAD to Heroku's git endpoint (`HEROKU_GIT_URL`), the key in the URL and masked in any error; git runs in
   * the command's environment, as docker does for a container release.
   */
  private gitPush(app: string): void {
    const gitUrl = new URL(`${this.env.HEROKU_GIT_URL || "https://git.heroku.com"}/${app}.git`);
    gitUrl.username = "heroku";
    gitUrl.password = this.apiKey;
    const push = spawnSync("git", ["push", "--force", gitUrl.toString(), "HEAD:refs/heads/main"], {
      env: this.env,
      stdio: ["ignore", "inherit", "pipe"],
      encoding: "utf8",
    });
    if (push.status !== 0) {
      // No git to run (spawn's error, no stderr at all) says so rather than failing on the missing stderr.
      const reason = push.error ? push.error.message : `exit ${push.status}`;
      const stderr = (push.stderr ?? "").split(this.apiKey).join("****").trim();
      throw new Error(`git push to ${app} failed (${reason})${stderr ? `: ${stderr}` : ""}`);
    }
  }

  /**
   * What `heroku container:push` and `heroku container:release` do: the job's image pushed once per process type
   * ({@link pushImages}), then one formation batch update naming each type's image id, which makes the release.
   * `docker_image` and the `docker-releases` variant of the Accept header are not in Heroku's published Platform API
   * schema: Heroku documents them in the Dev Center's "Container Registry & Runtime (Docker Deploys)", section
   * "Releasing an image" (via the API), and its CLI releases images this way.
   */
  private async releaseImages(app: string, types: readonly string[]): Promise<void> {
    const images = pushImages(this.env, containerRegistry(this.env, this.apiKey), app, types);
    await this.api.call(
      "PATCH",
      `/apps/${encodeURIComponent(app)}/formation`,
      { updates: types.map((type) => ({ type, docker_image: images[type] })) },
      { Accept: "application/vnd.heroku+json; version=3.docker-releases" },
    );
  }

  /** The API's URL, for messages. */
  public get baseUrl(): string {
    return this.url;
  }
}
