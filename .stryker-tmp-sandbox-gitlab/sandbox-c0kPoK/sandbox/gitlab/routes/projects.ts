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
import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findProject } from "../models/projects";
import { NotFoundError } from "../models/errors";
import { renderProject } from "./render";

/** Routes: the current user (the provider's early auth check), projects, and the push rule (absent, as on Free). */
export function projectRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  if (stryMutAct_9fa48("703")) {
    {}
  } else {
    stryCov_9fa48("703");
    server.get(stryMutAct_9fa48("704") ? "" : (stryCov_9fa48("704"), "/user"), stryMutAct_9fa48("705") ? () => undefined : (stryCov_9fa48("705"), async () => stryMutAct_9fa48("706") ? {} : (stryCov_9fa48("706"), {
      id: 1,
      username: stryMutAct_9fa48("707") ? "" : (stryCov_9fa48("707"), "root"),
      name: stryMutAct_9fa48("708") ? "" : (stryCov_9fa48("708"), "Sandbox Administrator"),
      state: stryMutAct_9fa48("709") ? "" : (stryCov_9fa48("709"), "active"),
      email: stryMutAct_9fa48("710") ? "" : (stryCov_9fa48("710"), "root@sandbox.example"),
      is_admin: stryMutAct_9fa48("711") ? false : (stryCov_9fa48("711"), true),
      web_url: stryMutAct_9fa48("712") ? `` : (stryCov_9fa48("712"), `${baseUrl()}/root`)
    })));
    server.get<{
      Params: {
        id: string;
      };
    }>(stryMutAct_9fa48("713") ? "" : (stryCov_9fa48("713"), "/projects/:id"), stryMutAct_9fa48("714") ? () => undefined : (stryCov_9fa48("714"), async request => renderProject(findProject(store.data, request.params.id), baseUrl())));
    server.get<{
      Params: {
        id: string;
      };
    }>(stryMutAct_9fa48("715") ? "" : (stryCov_9fa48("715"), "/projects/:id/push_rule"), async request => {
      if (stryMutAct_9fa48("716")) {
        {}
      } else {
        stryCov_9fa48("716");
        findProject(store.data, request.params.id);
        throw new NotFoundError(stryMutAct_9fa48("717") ? "Stryker was here!" : (stryCov_9fa48("717"), ""));
      }
    });
  }
}