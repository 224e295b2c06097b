// @ts-nocheck
import { newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { NotFoundError } from "./errors";
import type { AppRecord, ReleaseRecord } from "./records";

/** The version of an app's newest release (0 before the first). */
export function latestVersion(data: StoreData, appId: string): number {
  return data.releases.filter((r) => r.appId === appId).reduce((max, r) => Math.max(max, r.version), 0);
}

/**
 * Records a new release of an app. Releases succeed at once: the provider polls until `succeeded`, and nothing in the
 * sandbox builds code, so there is nothing to wait for. A release without a new slug keeps the previous one.
 */
export function createRelease(data: StoreData, app: AppRecord, description: string, slugId: string | null = null) {
  const version = latestVersion(data, app.id) + 1;
  const previous = data.releases.find((r) => r.appId === app.id && r.version === version - 1);
  const now = nowIso();
  const release: ReleaseRecord = {
    id: newId(),
    appId: app.id,
    version,
    description,
    status: "succeeded",
    slugId: slugId ?? previous?.slugId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  data.releases.push(release);
  app.releasedAt = now;
  app.updatedAt = now;
  return release;
}

/** An app's releases, oldest first. */
export function releasesOf(data: StoreData, app: AppRecord): ReleaseRecord[] {
  return data.releases.filter((r) => r.appId === app.id);
}

/** A release by id or version number. */
export function findRelease(data: StoreData, app: AppRecord, idOrVersion: string): ReleaseRecord {
  const release = data.releases.find(
    (r) => r.appId === app.id && (r.id === idOrVersion || String(r.version) === idOrVersion),
  );
  if (!release) throw NotFoundError.of("release");
  return release;
}
