import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import { newId, nowIso } from "../ids";
import type { AppRecord, ReleaseRecord, StoreData } from "../store";
import { notFound } from "./errors";
import { appRef, findApp } from "./lookup";
import { applyRange, parseRange } from "./range";

/**
 * Records a new release of an app. Releases succeed at once: the provider polls until `succeeded`, and nothing in the
 * sandbox builds code, so there is nothing to wait for.
 */
export function createRelease(data: StoreData, app: AppRecord, description: string, slugId: string | null = null) {
  const previous = data.releases.filter((r) => r.appId === app.id);
  const version = previous.reduce((max, r) => Math.max(max, r.version), 0) + 1;
  const now = nowIso();
  const inheritedSlug = slugId ?? previous.find((r) => r.version === version - 1)?.slugId ?? null;
  const release: ReleaseRecord = {
    id: newId(),
    appId: app.id,
    version,
    description,
    status: "succeeded",
    slugId: inheritedSlug,
    createdAt: now,
    updatedAt: now,
  };
  data.releases.push(release);
  app.releasedAt = now;
  app.updatedAt = now;
  return release;
}

/** The release as the Platform API renders it. */
export function renderRelease(data: StoreData, release: ReleaseRecord) {
  const app = data.apps.find((a) => a.id === release.appId);
  const latest = data.releases.filter((r) => r.appId === release.appId).reduce((max, r) => Math.max(max, r.version), 0);
  return {
    addon_plan_names: data.addons.filter((a) => a.appId === release.appId).map((a) => `${a.service}:${a.plan}`),
    artifacts: release.slugId ? [{ type: "slug", id: release.slugId }] : [],
    app: app ? appRef(app) : { id: release.appId, name: "deleted-app" },
    created_at: release.createdAt,
    description: release.description,
    id: release.id,
    updated_at: release.updatedAt,
    slug: release.slugId ? { id: release.slugId } : null,
    status: release.status,
    user: { id: data.account.id, email: data.account.email },
    version: release.version,
    current: release.version === latest,
    output_stream_url: null,
    eligible_for_rollback: release.version !== latest && release.slugId !== null,
  };
}

/** Routes: list releases (honouring `Range`) and get one by id or version. */
export function registerReleaseRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.get<{ Params: { app: string } }>("/apps/:app/releases", async (request) => {
    const app = findApp(store.data, request.params.app);
    const range = parseRange(request.headers.range, "version");
    const releases = store.data.releases.filter((r) => r.appId === app.id);
    const key = (r: ReleaseRecord): string | number => (range.field === "id" ? r.id : r.version);
    return applyRange(releases, range, key).map((r) => renderRelease(store.data, r));
  });

  server.get<{ Params: { app: string; release: string } }>("/apps/:app/releases/:release", async (request) => {
    const app = findApp(store.data, request.params.app);
    const wanted = request.params.release;
    const release = store.data.releases.find(
      (r) => r.appId === app.id && (r.id === wanted || String(r.version) === wanted),
    );
    if (!release) throw notFound("release");
    return renderRelease(store.data, release);
  });
}
