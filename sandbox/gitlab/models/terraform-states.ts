import { nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { BadRequestError, LockHeldError, NotFoundError, UnprocessableError } from "./errors";
import type { LockInfo, ProjectRecord, TerraformStateRecord } from "./records";

/** GitLab's limit on state names; they may not contain a slash (the router already guarantees that). */
const MAX_NAME = 255;

/** The lock info fields Terraform's http backend sends and reads back. */
const LOCK_FIELDS = ["ID", "Operation", "Info", "Who", "Version", "Created", "Path"] as const;

/**
 * GitLab-managed Terraform state (`lib/api/terraform/state.rb`): named states per project, stored as the exact bytes
 * Terraform uploaded, with one lock each.
 */
export function findState(data: StoreData, project: ProjectRecord, name: string): TerraformStateRecord | undefined {
  if (name.length > MAX_NAME) throw new BadRequestError("name is too long");
  return data.terraformStates.find((s) => s.projectId === project.id && s.name === name);
}

function stateFor(data: StoreData, project: ProjectRecord, name: string): TerraformStateRecord {
  const existing = findState(data, project, name);
  if (existing) return existing;
  const state: TerraformStateRecord = { projectId: project.id, name, body: null, lock: null, updatedAt: nowIso() };
  data.terraformStates.push(state);
  return state;
}

function checkLock(state: TerraformStateRecord, lockId: string | undefined): void {
  if (state.lock && state.lock.ID !== lockId) throw new LockHeldError(state.lock);
}

/** Stores a state document uploaded under lock `lockId` (or none when unlocked); it must carry a serial. */
export function uploadState(
  data: StoreData,
  project: ProjectRecord,
  name: string,
  raw: string,
  lockId: string | undefined,
): void {
  const state = stateFor(data, project, name);
  checkLock(state, lockId);
  if (raw === "") return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new UnprocessableError("invalid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || !("serial" in parsed)) {
    throw new UnprocessableError("No serial in payload");
  }
  state.body = raw;
  state.updatedAt = nowIso();
}

export function deleteState(data: StoreData, project: ProjectRecord, name: string, lockId: string | undefined): void {
  const state = findState(data, project, name);
  if (!state) throw new NotFoundError("");
  checkLock(state, lockId);
  data.terraformStates = data.terraformStates.filter((s) => s !== state);
}

/** Takes the lock; whoever holds it already wins, and the loser learns who that is. */
export function lockState(data: StoreData, project: ProjectRecord, name: string, info: Partial<LockInfo>): void {
  const state = stateFor(data, project, name);
  if (state.lock) throw new LockHeldError(state.lock);
  state.lock = Object.fromEntries(LOCK_FIELDS.map((k) => [k, info[k] ?? ""])) as unknown as LockInfo;
}

/** Releases the lock; without an ID the unlock is forced (GitLab allows that, `force-unlock` sends the ID). */
export function unlockState(data: StoreData, project: ProjectRecord, name: string, lockId: string | undefined): void {
  const state = findState(data, project, name);
  if (!state?.lock) return;
  if (lockId !== undefined) checkLock(state, lockId);
  state.lock = null;
}
