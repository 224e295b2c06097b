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
import { nowIso, randomHex } from "../../ids";
import type { StoreData } from "../../store";
import { ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { nextId } from "./projects";
import type { EnvironmentRecord, ProjectRecord } from "./records";

/** GitLab's environment slug: lowercase, dashes for anything else, at most 24 characters, suffixed when altered. */
function slugify(name: string): string {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    let slug = stryMutAct_9fa48("1") ? name.toUpperCase().replace(/[^a-z0-9]/g, "-").replace(/^[^a-z]+/, "").replace(/-+/g, "-").replace(/-$/, "") : (stryCov_9fa48("1"), name.toLowerCase().replace(stryMutAct_9fa48("2") ? /[a-z0-9]/g : (stryCov_9fa48("2"), /[^a-z0-9]/g), stryMutAct_9fa48("3") ? "" : (stryCov_9fa48("3"), "-")).replace(stryMutAct_9fa48("6") ? /^[a-z]+/ : stryMutAct_9fa48("5") ? /^[^a-z]/ : stryMutAct_9fa48("4") ? /[^a-z]+/ : (stryCov_9fa48("4", "5", "6"), /^[^a-z]+/), stryMutAct_9fa48("7") ? "Stryker was here!" : (stryCov_9fa48("7"), "")).replace(stryMutAct_9fa48("8") ? /-/g : (stryCov_9fa48("8"), /-+/g), stryMutAct_9fa48("9") ? "" : (stryCov_9fa48("9"), "-")).replace(stryMutAct_9fa48("10") ? /-/ : (stryCov_9fa48("10"), /-$/), stryMutAct_9fa48("11") ? "Stryker was here!" : (stryCov_9fa48("11"), "")));
    if (stryMutAct_9fa48("14") ? slug !== "" : stryMutAct_9fa48("13") ? false : stryMutAct_9fa48("12") ? true : (stryCov_9fa48("12", "13", "14"), slug === (stryMutAct_9fa48("15") ? "Stryker was here!" : (stryCov_9fa48("15"), "")))) slug = stryMutAct_9fa48("16") ? "" : (stryCov_9fa48("16"), "env");
    if (stryMutAct_9fa48("19") ? slug !== name && slug.length > 24 : stryMutAct_9fa48("18") ? false : stryMutAct_9fa48("17") ? true : (stryCov_9fa48("17", "18", "19"), (stryMutAct_9fa48("21") ? slug === name : stryMutAct_9fa48("20") ? false : (stryCov_9fa48("20", "21"), slug !== name)) || (stryMutAct_9fa48("24") ? slug.length <= 24 : stryMutAct_9fa48("23") ? slug.length >= 24 : stryMutAct_9fa48("22") ? false : (stryCov_9fa48("22", "23", "24"), slug.length > 24)))) slug = stryMutAct_9fa48("25") ? `` : (stryCov_9fa48("25"), `${stryMutAct_9fa48("26") ? slug.replace(/-$/, "") : (stryCov_9fa48("26"), slug.slice(0, 17).replace(stryMutAct_9fa48("27") ? /-/ : (stryCov_9fa48("27"), /-$/), stryMutAct_9fa48("28") ? "Stryker was here!" : (stryCov_9fa48("28"), "")))}-${randomHex(6)}`);
    return slug;
  }
}

/** GitLab guesses the tier from the name when none is given. */
function inferTier(name: string): string {
  if (stryMutAct_9fa48("29")) {
    {}
  } else {
    stryCov_9fa48("29");
    if (stryMutAct_9fa48("31") ? false : stryMutAct_9fa48("30") ? true : (stryCov_9fa48("30", "31"), /prod/i.test(name))) return stryMutAct_9fa48("32") ? "" : (stryCov_9fa48("32"), "production");
    if (stryMutAct_9fa48("34") ? false : stryMutAct_9fa48("33") ? true : (stryCov_9fa48("33", "34"), /stag|model|pre/i.test(name))) return stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), "staging");
    if (stryMutAct_9fa48("37") ? false : stryMutAct_9fa48("36") ? true : (stryCov_9fa48("36", "37"), /test|qa/i.test(name))) return stryMutAct_9fa48("38") ? "" : (stryCov_9fa48("38"), "testing");
    if (stryMutAct_9fa48("40") ? false : stryMutAct_9fa48("39") ? true : (stryCov_9fa48("39", "40"), /dev|review|trunk/i.test(name))) return stryMutAct_9fa48("41") ? "" : (stryCov_9fa48("41"), "development");
    return stryMutAct_9fa48("42") ? "" : (stryCov_9fa48("42"), "other");
  }
}

/** The optional settings of an environment, as a create or update sends them. */
export interface EnvironmentSettings {
  description?: string | null;
  externalUrl?: string | null;
  tier?: string;
  autoStopSetting?: string;
  clusterAgentId?: number | null;
  kubernetesNamespace?: string | null;
  fluxResourcePath?: string | null;
}

/** Applies settings to a copy, checking what only the model can (the URL's scheme). */
function withSettings(environment: EnvironmentRecord, settings: EnvironmentSettings): EnvironmentRecord {
  if (stryMutAct_9fa48("43")) {
    {}
  } else {
    stryCov_9fa48("43");
    const next = stryMutAct_9fa48("44") ? {} : (stryCov_9fa48("44"), {
      ...environment
    });
    if (stryMutAct_9fa48("47") ? settings.description === undefined : stryMutAct_9fa48("46") ? false : stryMutAct_9fa48("45") ? true : (stryCov_9fa48("45", "46", "47"), settings.description !== undefined)) next.description = stryMutAct_9fa48("50") ? settings.description && null : stryMutAct_9fa48("49") ? false : stryMutAct_9fa48("48") ? true : (stryCov_9fa48("48", "49", "50"), settings.description || null);
    if (stryMutAct_9fa48("53") ? settings.externalUrl === undefined : stryMutAct_9fa48("52") ? false : stryMutAct_9fa48("51") ? true : (stryCov_9fa48("51", "52", "53"), settings.externalUrl !== undefined)) {
      if (stryMutAct_9fa48("54")) {
        {}
      } else {
        stryCov_9fa48("54");
        next.externalUrl = stryMutAct_9fa48("57") ? settings.externalUrl && null : stryMutAct_9fa48("56") ? false : stryMutAct_9fa48("55") ? true : (stryCov_9fa48("55", "56", "57"), settings.externalUrl || null);
        if (stryMutAct_9fa48("60") ? next.externalUrl !== null || !/^https?:\/\/\S+$/.test(next.externalUrl) : stryMutAct_9fa48("59") ? false : stryMutAct_9fa48("58") ? true : (stryCov_9fa48("58", "59", "60"), (stryMutAct_9fa48("62") ? next.externalUrl === null : stryMutAct_9fa48("61") ? true : (stryCov_9fa48("61", "62"), next.externalUrl !== null)) && (stryMutAct_9fa48("63") ? /^https?:\/\/\S+$/.test(next.externalUrl) : (stryCov_9fa48("63"), !(stryMutAct_9fa48("68") ? /^https?:\/\/\s+$/ : stryMutAct_9fa48("67") ? /^https?:\/\/\S$/ : stryMutAct_9fa48("66") ? /^https:\/\/\S+$/ : stryMutAct_9fa48("65") ? /^https?:\/\/\S+/ : stryMutAct_9fa48("64") ? /https?:\/\/\S+$/ : (stryCov_9fa48("64", "65", "66", "67", "68"), /^https?:\/\/\S+$/)).test(next.externalUrl))))) {
          if (stryMutAct_9fa48("69")) {
            {}
          } else {
            stryCov_9fa48("69");
            throw new ValidationError(stryMutAct_9fa48("70") ? {} : (stryCov_9fa48("70"), {
              external_url: stryMutAct_9fa48("71") ? [] : (stryCov_9fa48("71"), [stryMutAct_9fa48("72") ? "" : (stryCov_9fa48("72"), "is blocked: Only allowed schemes are http, https")])
            }));
          }
        }
      }
    }
    if (stryMutAct_9fa48("75") ? settings.tier === undefined : stryMutAct_9fa48("74") ? false : stryMutAct_9fa48("73") ? true : (stryCov_9fa48("73", "74", "75"), settings.tier !== undefined)) next.tier = settings.tier;
    if (stryMutAct_9fa48("78") ? settings.autoStopSetting === undefined : stryMutAct_9fa48("77") ? false : stryMutAct_9fa48("76") ? true : (stryCov_9fa48("76", "77", "78"), settings.autoStopSetting !== undefined)) next.autoStopSetting = settings.autoStopSetting;
    if (stryMutAct_9fa48("81") ? settings.clusterAgentId === undefined : stryMutAct_9fa48("80") ? false : stryMutAct_9fa48("79") ? true : (stryCov_9fa48("79", "80", "81"), settings.clusterAgentId !== undefined)) next.clusterAgentId = settings.clusterAgentId;
    if (stryMutAct_9fa48("84") ? settings.kubernetesNamespace === undefined : stryMutAct_9fa48("83") ? false : stryMutAct_9fa48("82") ? true : (stryCov_9fa48("82", "83", "84"), settings.kubernetesNamespace !== undefined)) next.kubernetesNamespace = settings.kubernetesNamespace;
    if (stryMutAct_9fa48("87") ? settings.fluxResourcePath === undefined : stryMutAct_9fa48("86") ? false : stryMutAct_9fa48("85") ? true : (stryCov_9fa48("85", "86", "87"), settings.fluxResourcePath !== undefined)) next.fluxResourcePath = settings.fluxResourcePath;
    return next;
  }
}
export function environmentsOf(data: StoreData, project: ProjectRecord, name?: string): EnvironmentRecord[] {
  if (stryMutAct_9fa48("88")) {
    {}
  } else {
    stryCov_9fa48("88");
    return stryMutAct_9fa48("89") ? data.gitlab.environments : (stryCov_9fa48("89"), data.gitlab.environments.filter(stryMutAct_9fa48("90") ? () => undefined : (stryCov_9fa48("90"), e => stryMutAct_9fa48("93") ? e.projectId === project.id || name === undefined || e.name === name : stryMutAct_9fa48("92") ? false : stryMutAct_9fa48("91") ? true : (stryCov_9fa48("91", "92", "93"), (stryMutAct_9fa48("95") ? e.projectId !== project.id : stryMutAct_9fa48("94") ? true : (stryCov_9fa48("94", "95"), e.projectId === project.id)) && (stryMutAct_9fa48("97") ? name === undefined && e.name === name : stryMutAct_9fa48("96") ? true : (stryCov_9fa48("96", "97"), (stryMutAct_9fa48("99") ? name !== undefined : stryMutAct_9fa48("98") ? false : (stryCov_9fa48("98", "99"), name === undefined)) || (stryMutAct_9fa48("101") ? e.name !== name : stryMutAct_9fa48("100") ? false : (stryCov_9fa48("100", "101"), e.name === name))))))));
  }
}
export function findEnvironment(data: StoreData, project: ProjectRecord, id: string): EnvironmentRecord {
  if (stryMutAct_9fa48("102")) {
    {}
  } else {
    stryCov_9fa48("102");
    const environment = data.gitlab.environments.find(stryMutAct_9fa48("103") ? () => undefined : (stryCov_9fa48("103"), e => stryMutAct_9fa48("106") ? e.projectId === project.id || String(e.id) === id : stryMutAct_9fa48("105") ? false : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105", "106"), (stryMutAct_9fa48("108") ? e.projectId !== project.id : stryMutAct_9fa48("107") ? true : (stryCov_9fa48("107", "108"), e.projectId === project.id)) && (stryMutAct_9fa48("110") ? String(e.id) !== id : stryMutAct_9fa48("109") ? true : (stryCov_9fa48("109", "110"), String(e.id) === id)))));
    if (stryMutAct_9fa48("113") ? false : stryMutAct_9fa48("112") ? true : stryMutAct_9fa48("111") ? environment : (stryCov_9fa48("111", "112", "113"), !environment)) throw new NotFoundError(stryMutAct_9fa48("114") ? "" : (stryCov_9fa48("114"), "Environment"));
    return environment;
  }
}
export function createEnvironment(data: StoreData, project: ProjectRecord, name: string, settings: EnvironmentSettings): EnvironmentRecord {
  if (stryMutAct_9fa48("115")) {
    {}
  } else {
    stryCov_9fa48("115");
    if (stryMutAct_9fa48("118") ? data.gitlab.environments.every(e => e.projectId === project.id && e.name === name) : stryMutAct_9fa48("117") ? false : stryMutAct_9fa48("116") ? true : (stryCov_9fa48("116", "117", "118"), data.gitlab.environments.some(stryMutAct_9fa48("119") ? () => undefined : (stryCov_9fa48("119"), e => stryMutAct_9fa48("122") ? e.projectId === project.id || e.name === name : stryMutAct_9fa48("121") ? false : stryMutAct_9fa48("120") ? true : (stryCov_9fa48("120", "121", "122"), (stryMutAct_9fa48("124") ? e.projectId !== project.id : stryMutAct_9fa48("123") ? true : (stryCov_9fa48("123", "124"), e.projectId === project.id)) && (stryMutAct_9fa48("126") ? e.name !== name : stryMutAct_9fa48("125") ? true : (stryCov_9fa48("125", "126"), e.name === name))))))) {
      if (stryMutAct_9fa48("127")) {
        {}
      } else {
        stryCov_9fa48("127");
        throw new ValidationError(stryMutAct_9fa48("128") ? {} : (stryCov_9fa48("128"), {
          name: stryMutAct_9fa48("129") ? [] : (stryCov_9fa48("129"), [stryMutAct_9fa48("130") ? "" : (stryCov_9fa48("130"), "has already been taken")])
        }));
      }
    }
    const now = nowIso();
    const environment = withSettings(stryMutAct_9fa48("131") ? {} : (stryCov_9fa48("131"), {
      id: 0,
      projectId: project.id,
      name,
      slug: slugify(name),
      description: null,
      externalUrl: null,
      tier: inferTier(name),
      state: stryMutAct_9fa48("132") ? "" : (stryCov_9fa48("132"), "available"),
      autoStopSetting: stryMutAct_9fa48("133") ? "" : (stryCov_9fa48("133"), "always"),
      clusterAgentId: null,
      kubernetesNamespace: null,
      fluxResourcePath: null,
      createdAt: now,
      updatedAt: now
    }), settings);
    environment.id = nextId(data);
    data.gitlab.environments.push(environment);
    return environment;
  }
}

/** Updates an environment's settings; GitLab ignores renames through this endpoint (the name is fixed). */
export function updateEnvironment(environment: EnvironmentRecord, settings: EnvironmentSettings): EnvironmentRecord {
  if (stryMutAct_9fa48("134")) {
    {}
  } else {
    stryCov_9fa48("134");
    return Object.assign(environment, withSettings(environment, settings), stryMutAct_9fa48("135") ? {} : (stryCov_9fa48("135"), {
      updatedAt: nowIso()
    }));
  }
}
export function stopEnvironment(environment: EnvironmentRecord): EnvironmentRecord {
  if (stryMutAct_9fa48("136")) {
    {}
  } else {
    stryCov_9fa48("136");
    environment.state = stryMutAct_9fa48("137") ? "" : (stryCov_9fa48("137"), "stopped");
    environment.updatedAt = nowIso();
    return environment;
  }
}

/** Deletes a stopped environment; a running one must be stopped first. */
export function deleteEnvironment(data: StoreData, environment: EnvironmentRecord): void {
  if (stryMutAct_9fa48("138")) {
    {}
  } else {
    stryCov_9fa48("138");
    if (stryMutAct_9fa48("141") ? environment.state === "stopped" : stryMutAct_9fa48("140") ? false : stryMutAct_9fa48("139") ? true : (stryCov_9fa48("139", "140", "141"), environment.state !== (stryMutAct_9fa48("142") ? "" : (stryCov_9fa48("142"), "stopped")))) throw new ForbiddenError(stryMutAct_9fa48("143") ? "" : (stryCov_9fa48("143"), "Environment must be stopped before deletion"));
    data.gitlab.environments = stryMutAct_9fa48("144") ? data.gitlab.environments : (stryCov_9fa48("144"), data.gitlab.environments.filter(stryMutAct_9fa48("145") ? () => undefined : (stryCov_9fa48("145"), e => stryMutAct_9fa48("148") ? e === environment : stryMutAct_9fa48("147") ? false : stryMutAct_9fa48("146") ? true : (stryCov_9fa48("146", "147", "148"), e !== environment))));
  }
}