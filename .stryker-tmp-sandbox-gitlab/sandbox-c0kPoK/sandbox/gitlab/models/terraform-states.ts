// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
  if (stryMutAct_9fa48("392")) {
    {}
  } else {
    stryCov_9fa48("392");
    if (stryMutAct_9fa48("396") ? name.length <= MAX_NAME : stryMutAct_9fa48("395") ? name.length >= MAX_NAME : stryMutAct_9fa48("394") ? false : stryMutAct_9fa48("393") ? true : (stryCov_9fa48("393", "394", "395", "396"), name.length > MAX_NAME)) throw new BadRequestError(stryMutAct_9fa48("397") ? "" : (stryCov_9fa48("397"), "name is too long"));
    return data.terraformStates.find(stryMutAct_9fa48("398") ? () => undefined : (stryCov_9fa48("398"), s => stryMutAct_9fa48("401") ? s.projectId === project.id || s.name === name : stryMutAct_9fa48("400") ? false : stryMutAct_9fa48("399") ? true : (stryCov_9fa48("399", "400", "401"), (stryMutAct_9fa48("403") ? s.projectId !== project.id : stryMutAct_9fa48("402") ? true : (stryCov_9fa48("402", "403"), s.projectId === project.id)) && (stryMutAct_9fa48("405") ? s.name !== name : stryMutAct_9fa48("404") ? true : (stryCov_9fa48("404", "405"), s.name === name)))));
  }
}
function stateFor(data: StoreData, project: ProjectRecord, name: string): TerraformStateRecord {
  if (stryMutAct_9fa48("406")) {
    {}
  } else {
    stryCov_9fa48("406");
    const existing = findState(data, project, name);
    if (stryMutAct_9fa48("408") ? false : stryMutAct_9fa48("407") ? true : (stryCov_9fa48("407", "408"), existing)) return existing;
    const state: TerraformStateRecord = stryMutAct_9fa48("409") ? {} : (stryCov_9fa48("409"), {
      projectId: project.id,
      name,
      body: null,
      lock: null,
      updatedAt: nowIso()
    });
    data.terraformStates.push(state);
    return state;
  }
}
function checkLock(state: TerraformStateRecord, lockId: string | undefined): void {
  if (stryMutAct_9fa48("410")) {
    {}
  } else {
    stryCov_9fa48("410");
    if (stryMutAct_9fa48("413") ? state.lock || state.lock.ID !== lockId : stryMutAct_9fa48("412") ? false : stryMutAct_9fa48("411") ? true : (stryCov_9fa48("411", "412", "413"), state.lock && (stryMutAct_9fa48("415") ? state.lock.ID === lockId : stryMutAct_9fa48("414") ? true : (stryCov_9fa48("414", "415"), state.lock.ID !== lockId)))) throw new LockHeldError(state.lock);
  }
}

/** Stores a state document uploaded under lock `lockId` (or none when unlocked); it must carry a serial. */
export function uploadState(data: StoreData, project: ProjectRecord, name: string, raw: string, lockId: string | undefined): void {
  if (stryMutAct_9fa48("416")) {
    {}
  } else {
    stryCov_9fa48("416");
    const state = stateFor(data, project, name);
    checkLock(state, lockId);
    if (stryMutAct_9fa48("419") ? raw !== "" : stryMutAct_9fa48("418") ? false : stryMutAct_9fa48("417") ? true : (stryCov_9fa48("417", "418", "419"), raw === (stryMutAct_9fa48("420") ? "Stryker was here!" : (stryCov_9fa48("420"), "")))) return;
    let parsed: unknown;
    try {
      if (stryMutAct_9fa48("421")) {
        {}
      } else {
        stryCov_9fa48("421");
        parsed = JSON.parse(raw);
      }
    } catch {
      if (stryMutAct_9fa48("422")) {
        {}
      } else {
        stryCov_9fa48("422");
        throw new UnprocessableError(stryMutAct_9fa48("423") ? "" : (stryCov_9fa48("423"), "invalid JSON"));
      }
    }
    if (stryMutAct_9fa48("426") ? (typeof parsed !== "object" || parsed === null) && !("serial" in parsed) : stryMutAct_9fa48("425") ? false : stryMutAct_9fa48("424") ? true : (stryCov_9fa48("424", "425", "426"), (stryMutAct_9fa48("428") ? typeof parsed !== "object" && parsed === null : stryMutAct_9fa48("427") ? false : (stryCov_9fa48("427", "428"), (stryMutAct_9fa48("430") ? typeof parsed === "object" : stryMutAct_9fa48("429") ? false : (stryCov_9fa48("429", "430"), typeof parsed !== (stryMutAct_9fa48("431") ? "" : (stryCov_9fa48("431"), "object")))) || (stryMutAct_9fa48("433") ? parsed !== null : stryMutAct_9fa48("432") ? false : (stryCov_9fa48("432", "433"), parsed === null)))) || (stryMutAct_9fa48("434") ? "serial" in parsed : (stryCov_9fa48("434"), !((stryMutAct_9fa48("435") ? "" : (stryCov_9fa48("435"), "serial")) in parsed))))) {
      if (stryMutAct_9fa48("436")) {
        {}
      } else {
        stryCov_9fa48("436");
        throw new UnprocessableError(stryMutAct_9fa48("437") ? "" : (stryCov_9fa48("437"), "No serial in payload"));
      }
    }
    state.body = raw;
    state.updatedAt = nowIso();
  }
}
export function deleteState(data: StoreData, project: ProjectRecord, name: string, lockId: string | undefined): void {
  if (stryMutAct_9fa48("438")) {
    {}
  } else {
    stryCov_9fa48("438");
    const state = findState(data, project, name);
    if (stryMutAct_9fa48("441") ? false : stryMutAct_9fa48("440") ? true : stryMutAct_9fa48("439") ? state : (stryCov_9fa48("439", "440", "441"), !state)) throw new NotFoundError(stryMutAct_9fa48("442") ? "Stryker was here!" : (stryCov_9fa48("442"), ""));
    checkLock(state, lockId);
    data.terraformStates = stryMutAct_9fa48("443") ? data.terraformStates : (stryCov_9fa48("443"), data.terraformStates.filter(stryMutAct_9fa48("444") ? () => undefined : (stryCov_9fa48("444"), s => stryMutAct_9fa48("447") ? s === state : stryMutAct_9fa48("446") ? false : stryMutAct_9fa48("445") ? true : (stryCov_9fa48("445", "446", "447"), s !== state))));
  }
}

/** Takes the lock; whoever holds it already wins, and the loser learns who that is. */
export function lockState(data: StoreData, project: ProjectRecord, name: string, info: Partial<LockInfo>): void {
  if (stryMutAct_9fa48("448")) {
    {}
  } else {
    stryCov_9fa48("448");
    const state = stateFor(data, project, name);
    if (stryMutAct_9fa48("450") ? false : stryMutAct_9fa48("449") ? true : (stryCov_9fa48("449", "450"), state.lock)) throw new LockHeldError(state.lock);
    state.lock = Object.fromEntries(LOCK_FIELDS.map(k => [k, info[k] ?? ""])) as unknown as LockInfo;
  }
}

/** Releases the lock; without an ID the unlock is forced (GitLab allows that, `force-unlock` sends the ID). */
export function unlockState(data: StoreData, project: ProjectRecord, name: string, lockId: string | undefined): void {
  if (stryMutAct_9fa48("451")) {
    {}
  } else {
    stryCov_9fa48("451");
    const state = findState(data, project, name);
    if (stryMutAct_9fa48("454") ? false : stryMutAct_9fa48("453") ? true : stryMutAct_9fa48("452") ? state?.lock : (stryCov_9fa48("452", "453", "454"), !(stryMutAct_9fa48("455") ? state.lock : (stryCov_9fa48("455"), state?.lock)))) return;
    if (stryMutAct_9fa48("458") ? lockId === undefined : stryMutAct_9fa48("457") ? false : stryMutAct_9fa48("456") ? true : (stryCov_9fa48("456", "457", "458"), lockId !== undefined)) checkLock(state, lockId);
    state.lock = null;
  }
}