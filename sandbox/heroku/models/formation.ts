import { newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { CONTAINER_STACK, checkQuantity, dynoSizeNamed } from "./catalog";
import { InvalidParamsError, NotFoundError } from "./errors";
import type { AppRecord, FormationRecord, ReleaseRecord } from "./records";
import { createRelease } from "./releases";
import { createSlug, releaseSlug } from "./slugs";

export function formationOf(data: StoreData, app: AppRecord): FormationRecord[] {
  return data.formations.filter((f) => f.appId === app.id);
}

/**
 * Finds a process type by formation id or by type name. Types exist only once a release declared them, so a codeless
 * app answers like Heroku: "Couldn't find that process type (web)." (DESIGN decision 10).
 */
export function findFormation(data: StoreData, app: AppRecord, idOrType: string): FormationRecord {
  const formation = data.formations.find((f) => f.appId === app.id && (f.id === idOrType || f.type === idOrType));
  if (!formation) throw new NotFoundError(`Couldn't find that process type (${idOrType}).`);
  return formation;
}

/**
 * Scales and/or resizes a process type; the combination is checked before anything changes. Every sandbox app runs in
 * the Common Runtime (it has no Private Space), where Heroku refuses the Private and Shield Space sizes.
 */
export function scale(formation: FormationRecord, changes: { quantity?: number; size?: string }): FormationRecord {
  const size = changes.size === undefined ? dynoSizeNamed(formation.size) : dynoSizeNamed(changes.size);
  if (size.privateSpaceOnly) {
    throw new InvalidParamsError(`${size.name} dynos can only be used by apps in a Private Space.`);
  }
  formation.quantity = checkQuantity(changes.quantity ?? formation.quantity, size);
  formation.size = size.name;
  formation.updatedAt = nowIso();
  return formation;
}

/**
 * Simulates a code deploy (`git push heroku main`): a new release with a slug whose Procfile declares `processTypes`.
 * Types the new Procfile no longer declares disappear, as they do on Heroku. Given the pushed `commit`, the build's slug
 * is recorded with it, as Heroku's build records the commit it built, so the release can be read back to its commit
 * and promoted; without one, the release names a slug the sandbox does not keep.
 */
export function pushCode(
  data: StoreData,
  app: AppRecord,
  processTypes: Record<string, string>,
  commit?: string,
): ReleaseRecord {
  const entries = Object.entries(processTypes);
  if (entries.length === 0) throw new InvalidParamsError("A push must declare at least one process type.");
  if (commit !== undefined) return releaseSlug(data, app, createSlug(data, app, { processTypes, commit }).id);
  runProcessTypes(data, app, processTypes);
  return createRelease(data, app, `Deploy ${newId().slice(0, 8)}`, newId());
}

/**
 * Makes a release's process types the app's, as a code release does: types it no longer declares disappear, new
 * ones get Heroku's default scale, existing ones keep theirs with the new command.
 */
export function runProcessTypes(data: StoreData, app: AppRecord, processTypes: Record<string, string>): void {
  data.formations = data.formations.filter((f) => f.appId !== app.id || Object.hasOwn(processTypes, f.type));
  declareProcessTypes(data, app, processTypes);
  app.processTypes = { ...processTypes };
}

/**
 * A container release (Heroku's formation batch update with `docker_image`s, what `heroku container:release` sends):
 * a new release in which each named process type runs its image. Types it does not name keep running what they ran,
 * as `heroku container:release web` leaves a worker alone. Heroku takes images only on the `container` stack; the
 * stack that counts is the one the next release uses (`build_stack`, what `heroku stack:set` and the provider change).
 * The sandbox has no registry to read an image's `CMD` from, so a type's command names its image.
 */
export function releaseImages(data: StoreData, app: AppRecord, images: Record<string, string>): ReleaseRecord {
  if (app.buildStack !== CONTAINER_STACK) {
    throw new InvalidParamsError(
      `Docker images can only be released to apps on the ${CONTAINER_STACK} stack; ${app.name} is on ${app.buildStack}.`,
    );
  }
  declareProcessTypes(data, app, images);
  app.processTypes = { ...app.processTypes, ...images };
  // Heroku describes a container release by its types and the images' short ids, e.g. `Deployed web (0123456789ab)`.
  const deployed = Object.entries(images).map(
    ([type, image]) => `${type} (${image.replace(/^sha256:/, "").slice(0, 12)})`,
  );
  return createRelease(data, app, `Deployed ${deployed.join(", ")}`);
}

/**
 * Declares process types with their commands, as a release does. New types get Heroku's defaults (one web dyno, no
 * others, size Basic); existing types keep their scale.
 */
function declareProcessTypes(data: StoreData, app: AppRecord, processTypes: Record<string, string>): void {
  const now = nowIso();
  for (const [type, command] of Object.entries(processTypes)) {
    const existing = data.formations.find((f) => f.appId === app.id && f.type === type);
    if (existing) {
      existing.command = command;
      existing.updatedAt = now;
    } else {
      data.formations.push({
        id: newId(),
        appId: app.id,
        type,
        quantity: type === "web" ? 1 : 0,
        size: "Basic",
        command,
        createdAt: now,
        updatedAt: now,
      });
    }
  }
}
