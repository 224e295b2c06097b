import { herokuApiSettings, herokuHttpApi } from "./heroku-api";
import { ApiError, type HttpApi } from "./http-api";

/** An app by its id (what promotions and couplings name) and its name (what people and messages use). */
export interface HerokuAppRef {
  readonly id: string;
  readonly name: string;
}

/** The release an app runs, and the commit its slug was built from. */
export interface RunningRelease {
  readonly app: HerokuAppRef;
  readonly releaseId: string;
  readonly version: number;
  /** The slug the release runs; undefined for a release without one (an app on the container stack runs images). */
  readonly slugId?: string;
  /** The commit the slug was built from; undefined when there is no slug or Heroku does not know its commit. */
  readonly commit?: string;
}

/** An app's place in a pipeline. */
export interface PipelineCoupling {
  readonly appId: string;
  readonly pipelineId: string;
  readonly stage: string;
}

/** Two apps of one pipeline, by id and name: what a promotion between them needs. */
export interface SharedPipeline {
  readonly pipelineId: string;
  readonly from: HerokuAppRef;
  readonly to: HerokuAppRef;
}

/** How one target app of a promotion fared. */
export interface PromotionTargetResult {
  readonly app: HerokuAppRef;
  readonly status: "succeeded" | "failed";
  /** The version of the release the promotion made on the app; undefined when it failed. */
  readonly releaseVersion?: number;
  /** Heroku's reason for a failed target. */
  readonly errorMessage?: string;
}

/** A completed promotion: its id and each target's result, in the order the targets were given. */
export interface PromotionResult {
  readonly id: string;
  readonly targets: readonly PromotionTargetResult[];
}

/** How long to wait for a promotion to complete, and how often to ask. */
export interface PromotionPolling {
  /**
   * How long to wait for the promotion to complete, in milliseconds.
   *
   * @default 300_000 (five minutes: a promotion copies a slug and restarts dynos, which takes Heroku seconds to a minute)
   */
  readonly timeoutMs?: number;
  /**
   * How long to wait between two reads of the promotion, in milliseconds.
   *
   * @default 2_000
   */
  readonly intervalMs?: number;
}

const DEFAULT_TIMEOUT_MS = 300_000;
const DEFAULT_INTERVAL_MS = 2_000;

/** The fields of Heroku's answers that promotions read. */
interface ReleaseBody {
  id: string;
  version: number;
  status: string;
  app: HerokuAppRef;
  slug: { id: string } | null;
}
interface PromotionBody {
  id: string;
  status: string;
}
interface PromotionTargetBody {
  app: { id: string };
  status: string;
  release: { id: string } | null;
  error_message: string | null;
}

/** How many of an app's newest releases are searched for the one it runs (what the provider's app data source reads). */
const RELEASES_SEARCHED = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const path = (name: string) => encodeURIComponent(name);

/**
 * Heroku pipeline promotions (`POST /pipeline-promotions`): the slug one app runs released to other apps of its
 * pipeline, built once and released many times; config vars stay each app's own. Also what a promotion is checked
 * against beforehand: the release an app runs, with its commit, and the pipeline an app is in.
 */
export class HerokuPromotions {
  /** With the URL and key the Heroku provider reads (`HEROKU_API_URL`, `HEROKU_API_KEY`). */
  public static fromEnv(env: NodeJS.ProcessEnv = process.env, polling: PromotionPolling = {}): HerokuPromotions {
    const { url, apiKey } = herokuApiSettings(env);
    return new HerokuPromotions(herokuHttpApi(url, apiKey), polling);
  }

  constructor(
    private readonly api: HttpApi,
    private readonly polling: PromotionPolling = {},
  ) {}

  /**
   * The release an app runs: its newest succeeded release (as the provider's app data source finds it), with the
   * commit of the slug it runs. A slug Heroku no longer has (or the sandbox's push without a commit) leaves the commit
   * undefined rather than failing: an unknown commit is never the one being released.
   */
  public async runningRelease(app: string): Promise<RunningRelease> {
    const releases = await this.api.call<ReleaseBody[]>("GET", `/apps/${path(app)}/releases`, undefined, {
      Range: `version ..; order=desc, max=${RELEASES_SEARCHED}`,
    });
    const running = releases.body.find((release) => release.status === "succeeded");
    if (!running) {
      throw new Error(
        `${app} has no succeeded release among its newest ${RELEASES_SEARCHED}: there is nothing it runs`,
      );
    }
    const base = { app: running.app, releaseId: running.id, version: running.version };
    if (!running.slug) return base;
    const slug = await this.api.request<{ commit: string | null }>(
      "GET",
      `/apps/${path(app)}/slugs/${path(running.slug.id)}`,
    );
    if (slug.status === 404) return { ...base, slugId: running.slug.id };
    if (slug.status < 200 || slug.status >= 300) {
      throw new ApiError("GET", `/apps/${path(app)}/slugs/${path(running.slug.id)}`, slug.status, slug.body);
    }
    return { ...base, slugId: running.slug.id, commit: slug.body.commit ?? undefined };
  }

  /** The pipeline coupling of an app; undefined when the app is in no pipeline (Heroku answers 404). */
  public async couplingOf(app: string): Promise<PipelineCoupling | undefined> {
    const route = `/apps/${path(app)}/pipeline-couplings`;
    const response = await this.api.request<{ app: { id: string }; pipeline: { id: string }; stage: string }>(
      "GET",
      route,
    );
    if (response.status === 404) return undefined;
    if (response.status < 200 || response.status >= 300) {
      throw new ApiError("GET", route, response.status, response.body);
    }
    const { app: coupled, pipeline, stage } = response.body;
    return { appId: coupled.id, pipelineId: pipeline.id, stage };
  }

  /**
   * The pipeline two apps share, with their ids; an error naming both apps and where each is when they do not share
   * one (Heroku promotes only between apps of one pipeline).
   */
  public async sharedPipeline(from: string, to: string): Promise<SharedPipeline> {
    const [source, target] = [await this.couplingOf(from), await this.couplingOf(to)];
    if (!source || !target || source.pipelineId !== target.pipelineId) {
      const where = async (app: string, coupling?: PipelineCoupling) =>
        coupling
          ? `${app} is in pipeline ${await this.pipelineName(coupling.pipelineId)} (${coupling.stage})`
          : `${app} is in no pipeline`;
      throw new Error(
        `${from} and ${to} are not in the same pipeline (${await where(from, source)}, ${await where(to, target)}): ` +
          "Heroku promotes only between apps of one pipeline; couple both apps to it",
      );
    }
    return {
      pipelineId: source.pipelineId,
      from: { id: source.appId, name: from },
      to: { id: target.appId, name: to },
    };
  }

  /** A pipeline's name for a message; its id when the name cannot be read. */
  private async pipelineName(id: string): Promise<string> {
    const response = await this.api.request<{ name?: string }>("GET", `/pipelines/${path(id)}`);
    return response.status === 200 && response.body.name ? response.body.name : id;
  }

  /**
   * Promotes `source`'s release (its current one unless `releaseId` is given) to each target and waits for the
   * promotion to complete, reading it every `intervalMs` for at most `timeoutMs` ({@link PromotionPolling}); then
   * returns each target's result, failed ones with Heroku's reason. Once the promotion is created, any failure says
   * so: its targets may be released, or still be released, even though this call failed.
   */
  public async promote(
    pipelineId: string,
    source: HerokuAppRef,
    targets: readonly HerokuAppRef[],
    releaseId?: string,
  ): Promise<PromotionResult> {
    const created = await this.api.call<PromotionBody>("POST", "/pipeline-promotions", {
      pipeline: { id: pipelineId },
      source: { app: { id: source.id }, ...(releaseId === undefined ? {} : { release: { id: releaseId } }) },
      targets: targets.map((target) => ({ app: { id: target.id } })),
    });
    const id = created.body.id;
    const names = targets.map((target) => target.name).join(", ");
    try {
      await this.untilCompleted(id);
      return { id, targets: await this.targetResults(id, targets) };
    } catch (error) {
      throw new Error(
        `the promotion ${id} of ${source.name} to ${names} was created, but ${(error as Error).message}; ` +
          `check the releases of ${names} before promoting again`,
      );
    }
  }

  /** Reads the promotion until it is completed; an error when it is not after the timeout, or has a status unknown. */
  private async untilCompleted(id: string): Promise<void> {
    const timeoutMs = this.polling.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const intervalMs = this.polling.intervalMs ?? DEFAULT_INTERVAL_MS;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { status } = (await this.api.call<PromotionBody>("GET", `/pipeline-promotions/${path(id)}`)).body;
      if (status === "completed") return;
      if (status !== "pending")
        throw new Error(`it has the status ${JSON.stringify(status)}, neither pending nor completed`);
      if (Date.now() + intervalMs > deadline) throw new Error(`it was still pending after ${timeoutMs} ms`);
      await sleep(intervalMs);
    }
  }

  /** Each target's result, in the order given, with the version of the release a succeeded one got. */
  private async targetResults(id: string, targets: readonly HerokuAppRef[]): Promise<PromotionTargetResult[]> {
    const answered = (
      await this.api.call<PromotionTargetBody[]>("GET", `/pipeline-promotions/${path(id)}/promotion-targets`)
    ).body;
    const results: PromotionTargetResult[] = [];
    for (const app of targets) {
      const target = answered.find((t) => t.app.id === app.id);
      if (!target) throw new Error(`its targets do not list ${app.name}`);
      if (target.status === "succeeded" && target.release) {
        const release = await this.api.call<ReleaseBody>(
          "GET",
          `/apps/${path(app.id)}/releases/${path(target.release.id)}`,
        );
        results.push({ app, status: "succeeded", releaseVersion: release.body.version });
      } else if (target.status === "failed") {
        results.push({ app, status: "failed", errorMessage: target.error_message ?? "Heroku gave no reason" });
      } else {
        throw new Error(`its target ${app.name} is ${target.status} with release ${JSON.stringify(target.release)}`);
      }
    }
    return results;
  }
}
