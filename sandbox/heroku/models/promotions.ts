import { newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { findApp } from "./apps";
import { findPipeline } from "./pipelines";
import { HerokuModelError, InvalidParamsError, NotFoundError } from "./errors";
import type { AppRecord, PipelineRecord, PromotionRecord, ReleaseRecord } from "./records";
import { findRelease, releasesOf } from "./releases";
import { releaseSlug } from "./slugs";

/**
 * What creating a promotion takes (`POST /pipeline-promotions`); the route has already checked the shapes, and that
 * each object is named by `id` as Heroku's schema types it (a UUID).
 */
export interface PromotionInput {
  pipeline: string;
  /** The app promoted from. */
  sourceApp: string;
  /** The release promoted from; the source's current release when absent, as on Heroku. */
  sourceRelease?: string;
  /** The apps promoted to. */
  targetApps: string[];
}

/**
 * How many reads answer a new promotion as pending. Heroku carries a promotion out after answering its create, so a
 * client polls it; the sandbox has no background work, so it makes polling observable deterministically instead: the
 * first read of a new promotion (of it or of its targets) answers it pending, the next one carries it out and answers
 * it completed. The same requests always get the same answers, and nothing happens to an app until a client looks.
 */
const PENDING_READS = 1;

/** An app of the request, which must be coupled to the promotion's pipeline. */
function coupledApp(data: StoreData, pipeline: PipelineRecord, appId: string, role: "Source" | "Target"): AppRecord {
  const app = findApp(data, appId);
  if (!data.couplings.some((c) => c.appId === app.id && c.pipelineId === pipeline.id)) {
    throw new InvalidParamsError(
      `${role} app ${app.name} is not in pipeline ${pipeline.name}: only apps coupled to a pipeline are promoted in it.`,
    );
  }
  return app;
}

/** The release promoted from, which must run a slug the sandbox holds: that slug is what every target gets. */
function sourceRelease(data: StoreData, source: AppRecord, releaseId?: string): ReleaseRecord {
  const release = releaseId === undefined ? releasesOf(data, source).at(-1) : findRelease(data, source, releaseId);
  if (!release?.slugId || !data.slugs.some((s) => s.id === release.slugId)) {
    throw new InvalidParamsError(
      `${source.name} v${release?.version ?? 0} has no slug to promote: release code to it (a build or a slug) first.`,
    );
  }
  return release;
}

/**
 * Creates a promotion, pending, as Heroku answers one: every rule about the request is checked here (the pipeline, the
 * source and each target coupled to it, a source release with a slug, at least one target, none of them the source
 * nor named twice); what a target app does with the slug is found out when the promotion is carried out.
 */
export function createPromotion(data: StoreData, input: PromotionInput): PromotionRecord {
  const pipeline = findPipeline(data, input.pipeline);
  const source = coupledApp(data, pipeline, input.sourceApp, "Source");
  const release = sourceRelease(data, source, input.sourceRelease);
  if (input.targetApps.length === 0) throw new InvalidParamsError("Targets must name at least one app to promote to.");
  const targets = input.targetApps.map((id) => coupledApp(data, pipeline, id, "Target"));
  for (const [index, target] of targets.entries()) {
    if (target === source) {
      throw new InvalidParamsError(`Target app ${target.name} is the promotion's source: it cannot be promoted to.`);
    }
    if (targets.indexOf(target) !== index) throw new InvalidParamsError(`Target app ${target.name} is named twice.`);
  }
  const now = nowIso();
  const promotion: PromotionRecord = {
    id: newId(),
    pipelineId: pipeline.id,
    sourceAppId: source.id,
    sourceReleaseId: release.id,
    status: "pending",
    pendingReads: PENDING_READS,
    targets: targets.map((target) => ({
      id: newId(),
      appId: target.id,
      status: "pending",
      releaseId: null,
      errorMessage: null,
    })),
    createdAt: now,
    updatedAt: now,
  };
  data.promotions.push(promotion);
  return promotion;
}

/** A promotion by id, as it stands, without reading it (see {@link readPromotion}). */
export function findPromotion(data: StoreData, id: string): PromotionRecord {
  const promotion = data.promotions.find((p) => p.id === id);
  if (!promotion) throw NotFoundError.of("pipeline promotion");
  return promotion;
}

/**
 * A client's read of a promotion (`GET /pipeline-promotions/{id}` or its targets): answers a new promotion pending for
 * {@link PENDING_READS} reads, then carries it out.
 */
export function readPromotion(data: StoreData, id: string): PromotionRecord {
  const promotion = findPromotion(data, id);
  if (promotion.status === "pending") {
    if (promotion.pendingReads > 0) promotion.pendingReads -= 1;
    else carryOut(data, promotion);
  }
  return promotion;
}

/**
 * Releases the source release's slug to each target, as Heroku does: the same slug (so the same commit), the target's
 * process types following the slug's as after any code release, its config vars untouched (config stays per app). A
 * target that cannot take the slug (an app on the container stack, an app or source release deleted meanwhile) fails
 * alone with Heroku's reason; the others still get their release. The promotion is then completed.
 */
function carryOut(data: StoreData, promotion: PromotionRecord): void {
  const release = data.releases.find((r) => r.id === promotion.sourceReleaseId);
  const source = data.apps.find((a) => a.id === promotion.sourceAppId);
  for (const target of promotion.targets) {
    try {
      if (!release?.slugId || !source) throw NotFoundError.of("release");
      const app = findApp(data, target.appId);
      const slug = data.slugs.find((s) => s.id === release.slugId);
      // Heroku describes a promoted release by its origin: `Promote <source app> v<N> <commit>`.
      const commit = slug?.commit ? ` ${slug.commit.slice(0, 8)}` : "";
      const created = releaseSlug(data, app, release.slugId, `Promote ${source.name} v${release.version}${commit}`);
      Object.assign(target, { status: "succeeded", releaseId: created.id });
    } catch (error) {
      if (!(error instanceof HerokuModelError)) throw error;
      Object.assign(target, { status: "failed", errorMessage: error.message });
    }
  }
  promotion.status = "completed";
  promotion.updatedAt = nowIso();
}
