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
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Store } from "../../store";
import { findProject } from "../models/projects";
import type { LockInfo } from "../models/records";
import { deleteState, findState, lockState, unlockState, uploadState } from "../models/terraform-states";
import { body, nonEmptyString } from "./schemas";
type StateRequest = FastifyRequest<{
  Params: {
    id: string;
    name: string;
  };
  Querystring: {
    ID?: string;
  };
}>;

/** The lock ID a request carries: `?ID=` (state upload, delete) or the lock info body (unlock). */
function lockIdOf(request: StateRequest): string | undefined {
  if (stryMutAct_9fa48("909")) {
    {}
  } else {
    stryCov_9fa48("909");
    if (stryMutAct_9fa48("911") ? false : stryMutAct_9fa48("910") ? true : (stryCov_9fa48("910", "911"), request.query.ID)) return request.query.ID;
    const info = request.body as Partial<LockInfo> | undefined;
    return (stryMutAct_9fa48("914") ? typeof info?.ID !== "string" : stryMutAct_9fa48("913") ? false : stryMutAct_9fa48("912") ? true : (stryCov_9fa48("912", "913", "914"), typeof (stryMutAct_9fa48("915") ? info.ID : (stryCov_9fa48("915"), info?.ID)) === (stryMutAct_9fa48("916") ? "" : (stryCov_9fa48("916"), "string")))) ? info.ID : undefined;
  }
}

/**
 * Routes: GitLab-managed Terraform state, the HTTP backend's address, lock and unlock endpoints
 * (`lib/api/terraform/state.rb`). Uploads are stored as the exact bytes Terraform sent.
 */
export function terraformStateRoutes(server: FastifyInstance, store: Store): void {
  if (stryMutAct_9fa48("917")) {
    {}
  } else {
    stryCov_9fa48("917");
    const path = stryMutAct_9fa48("918") ? "" : (stryCov_9fa48("918"), "/projects/:id/terraform/state/:name");
    const project = stryMutAct_9fa48("919") ? () => undefined : (stryCov_9fa48("919"), (() => {
      const project = (request: StateRequest) => findProject(store.data, request.params.id);
      return project;
    })());
    server.get(path, async (request: StateRequest, reply) => {
      if (stryMutAct_9fa48("920")) {
        {}
      } else {
        stryCov_9fa48("920");
        const state = findState(store.data, project(request), request.params.name);
        if (stryMutAct_9fa48("923") ? !state && state.body === null : stryMutAct_9fa48("922") ? false : stryMutAct_9fa48("921") ? true : (stryCov_9fa48("921", "922", "923"), (stryMutAct_9fa48("924") ? state : (stryCov_9fa48("924"), !state)) || (stryMutAct_9fa48("926") ? state.body !== null : stryMutAct_9fa48("925") ? false : (stryCov_9fa48("925", "926"), state.body === null)))) return reply.code(204).send();
        return reply.code(200).type(stryMutAct_9fa48("927") ? "" : (stryCov_9fa48("927"), "application/json")).send(state.body);
      }
    });
    server.post(path, async (request: StateRequest, reply) => {
      if (stryMutAct_9fa48("928")) {
        {}
      } else {
        stryCov_9fa48("928");
        const lockId = stryMutAct_9fa48("931") ? request.query.ID && undefined : stryMutAct_9fa48("930") ? false : stryMutAct_9fa48("929") ? true : (stryCov_9fa48("929", "930", "931"), request.query.ID || undefined);
        uploadState(store.data, project(request), request.params.name, stryMutAct_9fa48("932") ? request.rawBody && "" : (stryCov_9fa48("932"), request.rawBody ?? (stryMutAct_9fa48("933") ? "Stryker was here!" : (stryCov_9fa48("933"), ""))), lockId);
        return reply.code(request.rawBody ? 200 : 204).send();
      }
    });
    server.delete(path, async (request: StateRequest, reply) => {
      if (stryMutAct_9fa48("934")) {
        {}
      } else {
        stryCov_9fa48("934");
        deleteState(store.data, project(request), request.params.name, stryMutAct_9fa48("937") ? request.query.ID && undefined : stryMutAct_9fa48("936") ? false : stryMutAct_9fa48("935") ? true : (stryCov_9fa48("935", "936", "937"), request.query.ID || undefined));
        return reply.code(200).send();
      }
    });
    server.post(stryMutAct_9fa48("938") ? `` : (stryCov_9fa48("938"), `${path}/lock`), stryMutAct_9fa48("939") ? {} : (stryCov_9fa48("939"), {
      schema: stryMutAct_9fa48("940") ? {} : (stryCov_9fa48("940"), {
        body: body(stryMutAct_9fa48("941") ? {} : (stryCov_9fa48("941"), {
          ID: nonEmptyString
        }), stryMutAct_9fa48("942") ? [] : (stryCov_9fa48("942"), [stryMutAct_9fa48("943") ? "" : (stryCov_9fa48("943"), "ID")]))
      })
    }), async (request: StateRequest, reply) => {
      if (stryMutAct_9fa48("944")) {
        {}
      } else {
        stryCov_9fa48("944");
        lockState(store.data, project(request), request.params.name, request.body as Partial<LockInfo>);
        return reply.code(200).send();
      }
    });
    server.delete(stryMutAct_9fa48("945") ? `` : (stryCov_9fa48("945"), `${path}/lock`), async (request: StateRequest, reply) => {
      if (stryMutAct_9fa48("946")) {
        {}
      } else {
        stryCov_9fa48("946");
        unlockState(store.data, project(request), request.params.name, lockIdOf(request));
        return reply.code(200).send();
      }
    });
  }
}