// @ts-nocheck
import { newId, nowIso } from "../../ids";
import type { StoreData } from "../../store";
import { InvalidParamsError, NotFoundError } from "./errors";
import type { AppRecord, CouplingRecord, PipelineRecord } from "./records";

/**
 * Resolves a pipeline by UUID, or by name only while it has at least one coupling: the real API finds pipelines by
 * name through their apps, so an empty pipeline is invisible by name (provider issue #327, DESIGN decision 6).
 */
export function findPipeline(data: StoreData, idOrName: string): PipelineRecord {
  const byId = data.pipelines.find((p) => p.id === idOrName);
  if (byId) return byId;
  const byName = data.pipelines.find((p) => p.name === idOrName && data.couplings.some((c) => c.pipelineId === p.id));
  if (!byName) throw NotFoundError.of("pipeline");
  return byName;
}

function uniqueName(data: StoreData, name: string, except?: PipelineRecord): string {
  if (data.pipelines.some((p) => p.name === name && p !== except))
    throw new InvalidParamsError("Name is already taken");
  return name;
}

/** Creates a pipeline, owned by the account's user unless an owner is given. */
export function createPipeline(
  data: StoreData,
  input: { name: string; owner?: { id: string; type: "user" | "team" } },
): PipelineRecord {
  const owner = input.owner ?? { id: data.account.id, type: "user" as const };
  const now = nowIso();
  const pipeline: PipelineRecord = {
    id: newId(),
    name: uniqueName(data, input.name),
    ownerId: owner.id,
    ownerType: owner.type,
    createdAt: now,
    updatedAt: now,
  };
  data.pipelines.push(pipeline);
  return pipeline;
}

export function renamePipeline(data: StoreData, pipeline: PipelineRecord, name?: string): PipelineRecord {
  if (name !== undefined) pipeline.name = uniqueName(data, name, pipeline);
  pipeline.updatedAt = nowIso();
  return pipeline;
}

/** Deletes a pipeline, which uncouples its apps; the apps themselves stay. */
export function deletePipeline(data: StoreData, pipeline: PipelineRecord): void {
  data.couplings = data.couplings.filter((c) => c.pipelineId !== pipeline.id);
  data.pipelines = data.pipelines.filter((p) => p !== pipeline);
}

export function findCoupling(data: StoreData, id: string): CouplingRecord {
  const coupling = data.couplings.find((c) => c.id === id);
  if (!coupling) throw NotFoundError.of("pipeline coupling");
  return coupling;
}

/** The coupling of an app: an app is in at most one pipeline. */
export function couplingOfApp(data: StoreData, app: AppRecord): CouplingRecord {
  const coupling = data.couplings.find((c) => c.appId === app.id);
  if (!coupling) throw NotFoundError.of("pipeline coupling");
  return coupling;
}

/** Couples an app to a pipeline stage. Couplings take the pipeline by id only; a name would be a client bug. */
export function couple(data: StoreData, app: AppRecord, pipelineId: string, stage: string): CouplingRecord {
  const pipeline = data.pipelines.find((p) => p.id === pipelineId);
  if (!pipeline) throw NotFoundError.of("pipeline");
  if (data.couplings.some((c) => c.appId === app.id)) {
    throw new InvalidParamsError(`${app.name} is already a member of a pipeline.`);
  }
  const now = nowIso();
  const coupling: CouplingRecord = { id: newId(), appId: app.id, pipelineId, stage, createdAt: now, updatedAt: now };
  data.couplings.push(coupling);
  return coupling;
}

export function moveCoupling(coupling: CouplingRecord, stage: string): CouplingRecord {
  coupling.stage = stage;
  coupling.updatedAt = nowIso();
  return coupling;
}

export function uncouple(data: StoreData, coupling: CouplingRecord): void {
  data.couplings = data.couplings.filter((c) => c !== coupling);
}
