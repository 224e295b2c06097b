import * as http from "node:http";
import type { Target } from "../engine/target-env";

/** A response from the sandbox, its body parsed when it is JSON. */
export interface SandboxResponse {
  readonly status: number;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Talks to the sandbox's Heroku API and control routes with its API key, as a user or CI job would. */
export class SandboxClient {
  constructor(private readonly target: Target) {}

  /** One Heroku Platform API call (or a `/sandbox/*` control call). */
  public heroku(method: string, path: string, body?: unknown): Promise<SandboxResponse> {
    return this.request(method, `${this.target.herokuUrl}${path}`, body, {
      Authorization: `Basic ${Buffer.from(`:${this.target.herokuApiKey}`).toString("base64")}`,
      Accept: "application/vnd.heroku+json; version=3",
    });
  }

  /** One GitLab REST API call; `path` is below `/api/v4`, e.g. `/projects/1/variables`. */
  public gitlab(method: string, path: string, body?: unknown): Promise<SandboxResponse> {
    return this.request(method, `${this.target.gitlabUrl.replace(/\/$/, "")}${path}`, body, {
      "PRIVATE-TOKEN": this.target.gitlabToken,
    });
  }

  /** The apps (by name) that have no process type yet: brand-new apps, before CI's first code push. */
  public async appsWithoutCode(appNames: readonly string[]): Promise<string[]> {
    const missing: string[] = [];
    for (const appName of appNames) {
      const response = await this.heroku("GET", `/apps/${appName}/formation`);
      if (response.status !== 200 || (response.body as unknown[]).length === 0) missing.push(appName);
    }
    return missing;
  }

  /** Creates a GitLab project (`namespace/name`) unless it exists: a fresh sandbox has none. */
  public async createProject(path: string): Promise<void> {
    const response = await this.heroku("POST", "/sandbox/projects", { path });
    if (response.status >= 300) {
      throw new Error(`creating GitLab project ${path} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }

  /**
   * Creates the CircleCI project of a topology's CircleCI side unless it exists, with its id and organization, so that
   * the contexts' owner and project restriction name what the sandbox has (CircleCI follows real repositories; a
   * fresh sandbox has none).
   */
  public async createCircleciProject(side: {
    readonly projectSlug: string;
    readonly projectId: string;
    readonly organizationId: string;
  }): Promise<void> {
    const { projectSlug: slug, projectId: id, organizationId } = side;
    const response = await this.heroku("POST", "/sandbox/circleci/projects", { slug, id, organizationId });
    if (response.status >= 300) {
      throw new Error(`creating CircleCI project ${slug} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }

  /** One CircleCI API v2 call; `path` is below `/api/v2`, e.g. `/context/<id>`. */
  public circleci(method: string, path: string, body?: unknown): Promise<SandboxResponse> {
    if (!this.target.circleciUrl || !this.target.circleciToken) {
      throw new Error("this sandbox serves no CircleCI API: it was started without a CircleCI token");
    }
    return this.request(method, `${this.target.circleciUrl}${path}`, body, {
      "Circle-Token": this.target.circleciToken,
    });
  }

  /** Simulates CI's `git push heroku` of code whose Procfile declares `processTypes`. */
  public async pushCode(appName: string, processTypes: Readonly<Record<string, string>>) {
    const response = await this.heroku("POST", `/sandbox/apps/${appName}/push`, { process_types: processTypes });
    if (response.status >= 300) {
      throw new Error(`code push to ${appName} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
  }

  private request(method: string, url: string, body: unknown, headers: Record<string, string>) {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    // A fresh connection per call (no keep-alive): a sandbox that was restarted must not be reached through a socket
    // its previous instance closed.
    return new Promise<SandboxResponse>((resolve, reject) => {
      const request = http.request(
        url,
        {
          method,
          agent: false,
          headers: { ...headers, ...(payload === undefined ? {} : { "Content-Type": "application/json" }) },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body: parseBody(text) }));
        },
      );
      request.on("error", reject);
      request.end(payload);
    });
  }
}

function parseBody(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
