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
import type { LockInfo } from "./records";

/**
 * What the GitLab model refuses, as types. The model knows nothing of HTTP: `routes/exceptions.ts` gives each type
 * its status and GitLab's body.
 */
export abstract class GitlabModelError extends Error {}

/** A project, variable, environment… that does not exist ("404 Project Not Found"). */
export class NotFoundError extends GitlabModelError {
  public constructor(public readonly what: string) {
    super(stryMutAct_9fa48("149") ? `` : (stryCov_9fa48("149"), `${what} Not Found`));
  }
}

/** Model validation failures, field by field (`{"value": ["is invalid"]}`), which the GitLab provider inspects. */
export class ValidationError extends GitlabModelError {
  public constructor(public readonly fields: Record<string, string[]>) {
    super(JSON.stringify(fields));
  }
}

/** The request is ambiguous or collides with something that exists. */
export class ConflictError extends GitlabModelError {}

/** The object is in a state that forbids the operation (a running environment cannot be deleted). */
export class ForbiddenError extends GitlabModelError {}

/** A parameter GitLab's API layer refuses before the model sees it. */
export class BadRequestError extends GitlabModelError {}

/** A Terraform state upload that is not a state document. */
export class UnprocessableError extends GitlabModelError {}

/** Someone else holds the state's lock; Terraform prints the holder's info. */
export class LockHeldError extends GitlabModelError {
  public constructor(public readonly lock: LockInfo) {
    super(stryMutAct_9fa48("150") ? `` : (stryCov_9fa48("150"), `state locked by ${lock.ID}`));
  }
}