import { newId, nowIso, randomToken } from "../../ids";
import type { StoreData } from "../../store";
import { buildableStack, CONTAINER_STACK } from "./catalog";
import { InvalidParamsError, NotFoundError } from "./errors";
import { runProcessTypes } from "./formation";
import type { AppRecord, ReleaseRecord, SlugRecord } from "./records";
import { createRelease } from "./releases";

/** What creating a slug takes; the route has already checked the shapes. */
export interface SlugInput {
  processTypes: Record<string, string>;
  buildpackProvidedDescription?: string | null;
  checksum?: string | null;
  commit?: string | null;
  commitDescription?: string | null;
  /** Stack name; defaults to the stack the app's next build uses. */
  stack?: string;
}

/**
 * Creates a slug on an app (`POST /apps/{app}/slugs`), as a build or a client that compiled its own slug does. Its
 * archive comes afterwards, by an upload to the slug's presigned blob URL ({@link recordUpload}). Slugs are not for
 * Docker apps: the container stack runs images.
 */
export function createSlug(data: StoreData, app: AppRecord, input: SlugInput): SlugRecord {
  const stack = buildableStack(input.stack ?? app.buildStack).name;
  if (stack === CONTAINER_STACK)
    throw new InvalidParamsError(`Slugs cannot be created on the ${CONTAINER_STACK} stack.`);
  const now = nowIso();
  const slug: SlugRecord = {
    id: newId(),
    appId: app.id,
    processTypes: { ...input.processTypes },
    buildpackProvidedDescription: input.buildpackProvidedDescription ?? null,
    checksum: input.checksum ?? null,
    commit: input.commit ?? null,
    commitDescription: input.commitDescription ?? null,
    stack,
    size: null,
    uploadToken: randomToken(),
    createdAt: now,
    updatedAt: now,
  };
  data.slugs.push(slug);
  return slug;
}

/** A slug by id; a slug is released by id to any app (Heroku's "copying slugs between apps"). */
export function findSlug(data: StoreData, id: string): SlugRecord {
  const slug = data.slugs.find((s) => s.id === id);
  if (!slug) throw NotFoundError.of("slug");
  return slug;
}

/**
 * A slug of one app (`GET /apps/{app}/slugs/{slug}`): one created on it, or one a release of it runs (promoted or
 * copied from another app), which Heroku serves through the app that runs it (the Heroku CLI's `pipelines:diff` reads
 * each app's commit that way).
 */
export function findAppSlug(data: StoreData, app: AppRecord, id: string): SlugRecord {
  const slug = findSlug(data, id);
  const runs = data.releases.some((r) => r.appId === app.id && r.slugId === slug.id);
  if (slug.appId !== app.id && !runs) throw NotFoundError.of("slug");
  return slug;
}

/** The archive arrived at the slug's blob URL: the slug now has a size. */
export function recordUpload(slug: SlugRecord, bytes: number): SlugRecord {
  slug.size = bytes;
  slug.updatedAt = nowIso();
  return slug;
}

/**
 * Releases a slug to an app (`POST /apps/{app}/releases {"slug": …}`): a new release running that slug, whose process
 * types become the app's, exactly as a code push's do: new types get Heroku's default scale, types the slug does not
 * declare disappear. The slug may come from another app. Docker apps take images, not slugs.
 */
export function releaseSlug(
  data: StoreData,
  app: AppRecord,
  slugId: string,
  description?: string | null,
): ReleaseRecord {
  const slug = findSlug(data, slugId);
  if (app.buildStack === CONTAINER_STACK) {
    throw new InvalidParamsError(`Slugs cannot be released to apps on the ${CONTAINER_STACK} stack; ${app.name} is.`);
  }
  runProcessTypes(data, app, slug.processTypes);
  return createRelease(data, app, description || `Deploy ${slug.commit?.slice(0, 8) ?? slug.id.slice(0, 8)}`, slug.id);
}

/** Removes the slugs of an app that is deleted, but not those that releases of other apps still run. */
export function removeSlugsOf(data: StoreData, app: AppRecord): void {
  const runElsewhere = new Set(data.releases.filter((r) => r.appId !== app.id).map((r) => r.slugId));
  data.slugs = data.slugs.filter((s) => s.appId !== app.id || runElsewhere.has(s.id));
}
