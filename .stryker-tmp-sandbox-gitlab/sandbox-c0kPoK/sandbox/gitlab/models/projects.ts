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
import { BadRequestError, NotFoundError } from "./errors";
import type { ProjectRecord } from "./records";

/** Allocates the next GitLab integer id (projects, environments and access levels share one sequence here). */
export function nextId(data: StoreData): number {
  if (stryMutAct_9fa48("151")) {
    {}
  } else {
    stryCov_9fa48("151");
    return stryMutAct_9fa48("152") ? data.gitlab.nextId-- : (stryCov_9fa48("152"), data.gitlab.nextId++);
  }
}

/** Resolves `:id` — a numeric id or a `namespace/path` (already percent-decoded by the router). */
export function findProject(data: StoreData, id: string): ProjectRecord {
  if (stryMutAct_9fa48("153")) {
    {}
  } else {
    stryCov_9fa48("153");
    const project = data.gitlab.projects.find(stryMutAct_9fa48("154") ? () => undefined : (stryCov_9fa48("154"), p => stryMutAct_9fa48("157") ? String(p.id) === id && `${p.namespacePath}/${p.path}` === id : stryMutAct_9fa48("156") ? false : stryMutAct_9fa48("155") ? true : (stryCov_9fa48("155", "156", "157"), (stryMutAct_9fa48("159") ? String(p.id) !== id : stryMutAct_9fa48("158") ? false : (stryCov_9fa48("158", "159"), String(p.id) === id)) || (stryMutAct_9fa48("161") ? `${p.namespacePath}/${p.path}` !== id : stryMutAct_9fa48("160") ? false : (stryCov_9fa48("160", "161"), (stryMutAct_9fa48("162") ? `` : (stryCov_9fa48("162"), `${p.namespacePath}/${p.path}`)) === id)))));
    if (stryMutAct_9fa48("165") ? false : stryMutAct_9fa48("164") ? true : stryMutAct_9fa48("163") ? project : (stryCov_9fa48("163", "164", "165"), !project)) throw new NotFoundError(stryMutAct_9fa48("166") ? "" : (stryCov_9fa48("166"), "Project"));
    return project;
  }
}

/** `namespace/path` of a project. */
export function fullPathOf(project: ProjectRecord): string {
  if (stryMutAct_9fa48("167")) {
    {}
  } else {
    stryCov_9fa48("167");
    return stryMutAct_9fa48("168") ? `` : (stryCov_9fa48("168"), `${project.namespacePath}/${project.path}`);
  }
}

/**
 * Creates the project `namespace/path` unless it exists, and returns it. Projects are never created on first use, so
 * a typo in a project path fails like it does against GitLab instead of silently making a new project; a sandbox user
 * creates them up front (`--project`, `POST /sandbox/projects`).
 */
export function ensureProject(data: StoreData, fullPath: string): {
  project: ProjectRecord;
  created: boolean;
} {
  if (stryMutAct_9fa48("169")) {
    {}
  } else {
    stryCov_9fa48("169");
    const slash = fullPath.lastIndexOf(stryMutAct_9fa48("170") ? "" : (stryCov_9fa48("170"), "/"));
    if (stryMutAct_9fa48("173") ? (slash <= 0 || slash === fullPath.length - 1) && !/^[\w.-]+(\/[\w.-]+)+$/.test(fullPath) : stryMutAct_9fa48("172") ? false : stryMutAct_9fa48("171") ? true : (stryCov_9fa48("171", "172", "173"), (stryMutAct_9fa48("175") ? slash <= 0 && slash === fullPath.length - 1 : stryMutAct_9fa48("174") ? false : (stryCov_9fa48("174", "175"), (stryMutAct_9fa48("178") ? slash > 0 : stryMutAct_9fa48("177") ? slash < 0 : stryMutAct_9fa48("176") ? false : (stryCov_9fa48("176", "177", "178"), slash <= 0)) || (stryMutAct_9fa48("180") ? slash !== fullPath.length - 1 : stryMutAct_9fa48("179") ? false : (stryCov_9fa48("179", "180"), slash === (stryMutAct_9fa48("181") ? fullPath.length + 1 : (stryCov_9fa48("181"), fullPath.length - 1)))))) || (stryMutAct_9fa48("182") ? /^[\w.-]+(\/[\w.-]+)+$/.test(fullPath) : (stryCov_9fa48("182"), !(stryMutAct_9fa48("191") ? /^[\w.-]+(\/[\W.-]+)+$/ : stryMutAct_9fa48("190") ? /^[\w.-]+(\/[^\w.-]+)+$/ : stryMutAct_9fa48("189") ? /^[\w.-]+(\/[\w.-])+$/ : stryMutAct_9fa48("188") ? /^[\w.-]+(\/[\w.-]+)$/ : stryMutAct_9fa48("187") ? /^[\W.-]+(\/[\w.-]+)+$/ : stryMutAct_9fa48("186") ? /^[^\w.-]+(\/[\w.-]+)+$/ : stryMutAct_9fa48("185") ? /^[\w.-](\/[\w.-]+)+$/ : stryMutAct_9fa48("184") ? /^[\w.-]+(\/[\w.-]+)+/ : stryMutAct_9fa48("183") ? /[\w.-]+(\/[\w.-]+)+$/ : (stryCov_9fa48("183", "184", "185", "186", "187", "188", "189", "190", "191"), /^[\w.-]+(\/[\w.-]+)+$/)).test(fullPath))))) {
      if (stryMutAct_9fa48("192")) {
        {}
      } else {
        stryCov_9fa48("192");
        throw new BadRequestError(stryMutAct_9fa48("193") ? `` : (stryCov_9fa48("193"), `project path must be namespace/path: ${fullPath}`));
      }
    }
    const namespacePath = stryMutAct_9fa48("194") ? fullPath : (stryCov_9fa48("194"), fullPath.slice(0, slash));
    const path = stryMutAct_9fa48("195") ? fullPath : (stryCov_9fa48("195"), fullPath.slice(stryMutAct_9fa48("196") ? slash - 1 : (stryCov_9fa48("196"), slash + 1)));
    const existing = data.gitlab.projects.find(stryMutAct_9fa48("197") ? () => undefined : (stryCov_9fa48("197"), p => stryMutAct_9fa48("200") ? p.namespacePath === namespacePath || p.path === path : stryMutAct_9fa48("199") ? false : stryMutAct_9fa48("198") ? true : (stryCov_9fa48("198", "199", "200"), (stryMutAct_9fa48("202") ? p.namespacePath !== namespacePath : stryMutAct_9fa48("201") ? true : (stryCov_9fa48("201", "202"), p.namespacePath === namespacePath)) && (stryMutAct_9fa48("204") ? p.path !== path : stryMutAct_9fa48("203") ? true : (stryCov_9fa48("203", "204"), p.path === path)))));
    if (stryMutAct_9fa48("206") ? false : stryMutAct_9fa48("205") ? true : (stryCov_9fa48("205", "206"), existing)) return stryMutAct_9fa48("207") ? {} : (stryCov_9fa48("207"), {
      project: existing,
      created: stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208"), false)
    });
    const sibling = data.gitlab.projects.find(stryMutAct_9fa48("209") ? () => undefined : (stryCov_9fa48("209"), p => stryMutAct_9fa48("212") ? p.namespacePath !== namespacePath : stryMutAct_9fa48("211") ? false : stryMutAct_9fa48("210") ? true : (stryCov_9fa48("210", "211", "212"), p.namespacePath === namespacePath)));
    const project: ProjectRecord = stryMutAct_9fa48("213") ? {} : (stryCov_9fa48("213"), {
      id: nextId(data),
      path,
      namespacePath,
      // Namespaces have their own id sequence, as in GitLab: the first project is id 1 in namespace id 1.
      namespaceId: stryMutAct_9fa48("214") ? sibling?.namespaceId && Math.max(0, ...data.gitlab.projects.map(p => p.namespaceId)) + 1 : (stryCov_9fa48("214"), (stryMutAct_9fa48("215") ? sibling.namespaceId : (stryCov_9fa48("215"), sibling?.namespaceId)) ?? (stryMutAct_9fa48("216") ? Math.max(0, ...data.gitlab.projects.map(p => p.namespaceId)) - 1 : (stryCov_9fa48("216"), (stryMutAct_9fa48("217") ? Math.min(0, ...data.gitlab.projects.map(p => p.namespaceId)) : (stryCov_9fa48("217"), Math.max(0, ...data.gitlab.projects.map(stryMutAct_9fa48("218") ? () => undefined : (stryCov_9fa48("218"), p => p.namespaceId))))) + 1))),
      createdAt: nowIso()
    });
    data.gitlab.projects.push(project);
    return stryMutAct_9fa48("219") ? {} : (stryCov_9fa48("219"), {
      project,
      created: stryMutAct_9fa48("220") ? false : (stryCov_9fa48("220"), true)
    });
  }
}