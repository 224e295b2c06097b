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
import type { StoreData } from "../../store";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import { nextId } from "./projects";
import type { AccessLevelRecord, ProjectRecord, ProtectedEnvironmentRecord, ProtectedTagRecord } from "./records";

/** GitLab's names for the access levels the API reports in `access_level_description`. */
export const ACCESS_LEVEL_DESCRIPTIONS: Readonly<Record<number, string>> = stryMutAct_9fa48("221") ? {} : (stryCov_9fa48("221"), {
  0: stryMutAct_9fa48("222") ? "" : (stryCov_9fa48("222"), "No one"),
  30: stryMutAct_9fa48("223") ? "" : (stryCov_9fa48("223"), "Developers + Maintainers"),
  40: stryMutAct_9fa48("224") ? "" : (stryCov_9fa48("224"), "Maintainers"),
  60: stryMutAct_9fa48("225") ? "" : (stryCov_9fa48("225"), "Administrators")
});

/** One access level entry as a request describes it: a role, a user or a group. */
export interface AccessLevelInput {
  id?: number;
  access_level?: number;
  user_id?: number;
  group_id?: number;
  group_inheritance_type?: number;
  required_approvals?: number;
  _destroy?: boolean;
}
function accessLevelFrom(data: StoreData, item: AccessLevelInput): AccessLevelRecord {
  if (stryMutAct_9fa48("226")) {
    {}
  } else {
    stryCov_9fa48("226");
    const entry: AccessLevelRecord = stryMutAct_9fa48("227") ? {} : (stryCov_9fa48("227"), {
      id: nextId(data),
      accessLevel: null,
      userId: stryMutAct_9fa48("228") ? item.user_id && null : (stryCov_9fa48("228"), item.user_id ?? null),
      groupId: stryMutAct_9fa48("229") ? item.group_id && null : (stryCov_9fa48("229"), item.group_id ?? null),
      groupInheritanceType: stryMutAct_9fa48("230") ? item.group_inheritance_type && 0 : (stryCov_9fa48("230"), item.group_inheritance_type ?? 0)
    });
    if (stryMutAct_9fa48("233") ? entry.userId === null || entry.groupId === null : stryMutAct_9fa48("232") ? false : stryMutAct_9fa48("231") ? true : (stryCov_9fa48("231", "232", "233"), (stryMutAct_9fa48("235") ? entry.userId !== null : stryMutAct_9fa48("234") ? true : (stryCov_9fa48("234", "235"), entry.userId === null)) && (stryMutAct_9fa48("237") ? entry.groupId !== null : stryMutAct_9fa48("236") ? true : (stryCov_9fa48("236", "237"), entry.groupId === null)))) {
      if (stryMutAct_9fa48("238")) {
        {}
      } else {
        stryCov_9fa48("238");
        const level = stryMutAct_9fa48("239") ? item.access_level && 40 : (stryCov_9fa48("239"), item.access_level ?? 40);
        if (stryMutAct_9fa48("242") ? false : stryMutAct_9fa48("241") ? true : stryMutAct_9fa48("240") ? level in ACCESS_LEVEL_DESCRIPTIONS : (stryCov_9fa48("240", "241", "242"), !(level in ACCESS_LEVEL_DESCRIPTIONS))) throw new ValidationError(stryMutAct_9fa48("243") ? {} : (stryCov_9fa48("243"), {
          access_level: stryMutAct_9fa48("244") ? [] : (stryCov_9fa48("244"), [stryMutAct_9fa48("245") ? "" : (stryCov_9fa48("245"), "is not included in the list")])
        }));
        entry.accessLevel = level;
      }
    }
    if (stryMutAct_9fa48("248") ? item.required_approvals === undefined : stryMutAct_9fa48("247") ? false : stryMutAct_9fa48("246") ? true : (stryCov_9fa48("246", "247", "248"), item.required_approvals !== undefined)) entry.requiredApprovals = item.required_approvals;
    return entry;
  }
}

/**
 * Applies an update list the way GitLab's nested attributes do: items with `id` update, items with `_destroy` remove,
 * items without `id` are added.
 */
function merge(data: StoreData, current: AccessLevelRecord[], items: AccessLevelInput[]): AccessLevelRecord[] {
  if (stryMutAct_9fa48("249")) {
    {}
  } else {
    stryCov_9fa48("249");
    let result = stryMutAct_9fa48("250") ? [] : (stryCov_9fa48("250"), [...current]);
    for (const item of items) {
      if (stryMutAct_9fa48("251")) {
        {}
      } else {
        stryCov_9fa48("251");
        const existing = (stryMutAct_9fa48("254") ? item.id === undefined : stryMutAct_9fa48("253") ? false : stryMutAct_9fa48("252") ? true : (stryCov_9fa48("252", "253", "254"), item.id !== undefined)) ? result.find(stryMutAct_9fa48("255") ? () => undefined : (stryCov_9fa48("255"), e => stryMutAct_9fa48("258") ? e.id !== item.id : stryMutAct_9fa48("257") ? false : stryMutAct_9fa48("256") ? true : (stryCov_9fa48("256", "257", "258"), e.id === item.id))) : undefined;
        if (stryMutAct_9fa48("261") ? item.id !== undefined || !existing : stryMutAct_9fa48("260") ? false : stryMutAct_9fa48("259") ? true : (stryCov_9fa48("259", "260", "261"), (stryMutAct_9fa48("263") ? item.id === undefined : stryMutAct_9fa48("262") ? true : (stryCov_9fa48("262", "263"), item.id !== undefined)) && (stryMutAct_9fa48("264") ? existing : (stryCov_9fa48("264"), !existing)))) throw new ValidationError(stryMutAct_9fa48("265") ? {} : (stryCov_9fa48("265"), {
          id: stryMutAct_9fa48("266") ? [] : (stryCov_9fa48("266"), [stryMutAct_9fa48("267") ? "" : (stryCov_9fa48("267"), "does not exist")])
        }));
        if (stryMutAct_9fa48("270") ? existing || item._destroy === true : stryMutAct_9fa48("269") ? false : stryMutAct_9fa48("268") ? true : (stryCov_9fa48("268", "269", "270"), existing && (stryMutAct_9fa48("272") ? item._destroy !== true : stryMutAct_9fa48("271") ? true : (stryCov_9fa48("271", "272"), item._destroy === (stryMutAct_9fa48("273") ? false : (stryCov_9fa48("273"), true)))))) {
          if (stryMutAct_9fa48("274")) {
            {}
          } else {
            stryCov_9fa48("274");
            result = stryMutAct_9fa48("275") ? result : (stryCov_9fa48("275"), result.filter(stryMutAct_9fa48("276") ? () => undefined : (stryCov_9fa48("276"), e => stryMutAct_9fa48("279") ? e === existing : stryMutAct_9fa48("278") ? false : stryMutAct_9fa48("277") ? true : (stryCov_9fa48("277", "278", "279"), e !== existing))));
          }
        } else if (stryMutAct_9fa48("281") ? false : stryMutAct_9fa48("280") ? true : (stryCov_9fa48("280", "281"), existing)) {
          if (stryMutAct_9fa48("282")) {
            {}
          } else {
            stryCov_9fa48("282");
            const previous: AccessLevelInput = stryMutAct_9fa48("283") ? {} : (stryCov_9fa48("283"), {
              access_level: stryMutAct_9fa48("284") ? existing.accessLevel && undefined : (stryCov_9fa48("284"), existing.accessLevel ?? undefined),
              user_id: stryMutAct_9fa48("285") ? existing.userId && undefined : (stryCov_9fa48("285"), existing.userId ?? undefined),
              group_id: stryMutAct_9fa48("286") ? existing.groupId && undefined : (stryCov_9fa48("286"), existing.groupId ?? undefined),
              group_inheritance_type: existing.groupInheritanceType,
              required_approvals: existing.requiredApprovals
            });
            const replaced = stryMutAct_9fa48("287") ? {} : (stryCov_9fa48("287"), {
              ...accessLevelFrom(data, stryMutAct_9fa48("288") ? {} : (stryCov_9fa48("288"), {
                ...previous,
                ...item
              })),
              id: existing.id
            });
            result = result.map(stryMutAct_9fa48("289") ? () => undefined : (stryCov_9fa48("289"), e => (stryMutAct_9fa48("292") ? e !== existing : stryMutAct_9fa48("291") ? false : stryMutAct_9fa48("290") ? true : (stryCov_9fa48("290", "291", "292"), e === existing)) ? replaced : e));
          }
        } else {
          if (stryMutAct_9fa48("293")) {
            {}
          } else {
            stryCov_9fa48("293");
            result.push(accessLevelFrom(data, item));
          }
        }
      }
    }
    return result;
  }
}
export function protectedTagsOf(data: StoreData, project: ProjectRecord): ProtectedTagRecord[] {
  if (stryMutAct_9fa48("294")) {
    {}
  } else {
    stryCov_9fa48("294");
    return stryMutAct_9fa48("295") ? data.gitlab.protectedTags : (stryCov_9fa48("295"), data.gitlab.protectedTags.filter(stryMutAct_9fa48("296") ? () => undefined : (stryCov_9fa48("296"), t => stryMutAct_9fa48("299") ? t.projectId !== project.id : stryMutAct_9fa48("298") ? false : stryMutAct_9fa48("297") ? true : (stryCov_9fa48("297", "298", "299"), t.projectId === project.id))));
  }
}
export function findProtectedTag(data: StoreData, project: ProjectRecord, name: string): ProtectedTagRecord {
  if (stryMutAct_9fa48("300")) {
    {}
  } else {
    stryCov_9fa48("300");
    const tag = data.gitlab.protectedTags.find(stryMutAct_9fa48("301") ? () => undefined : (stryCov_9fa48("301"), t => stryMutAct_9fa48("304") ? t.projectId === project.id || t.name === name : stryMutAct_9fa48("303") ? false : stryMutAct_9fa48("302") ? true : (stryCov_9fa48("302", "303", "304"), (stryMutAct_9fa48("306") ? t.projectId !== project.id : stryMutAct_9fa48("305") ? true : (stryCov_9fa48("305", "306"), t.projectId === project.id)) && (stryMutAct_9fa48("308") ? t.name !== name : stryMutAct_9fa48("307") ? true : (stryCov_9fa48("307", "308"), t.name === name)))));
    if (stryMutAct_9fa48("311") ? false : stryMutAct_9fa48("310") ? true : stryMutAct_9fa48("309") ? tag : (stryCov_9fa48("309", "310", "311"), !tag)) throw new NotFoundError(stryMutAct_9fa48("312") ? "" : (stryCov_9fa48("312"), "Protected tag"));
    return tag;
  }
}

/**
 * Protects a tag pattern. `create_access_level` becomes the first entry of `create_access_levels`: the provider reads
 * it from there and treats an empty list as a licence problem.
 */
export function protectTag(data: StoreData, project: ProjectRecord, name: string, createAccessLevel: number, allowedToCreate: AccessLevelInput[]): ProtectedTagRecord {
  if (stryMutAct_9fa48("313")) {
    {}
  } else {
    stryCov_9fa48("313");
    if (stryMutAct_9fa48("316") ? data.gitlab.protectedTags.every(t => t.projectId === project.id && t.name === name) : stryMutAct_9fa48("315") ? false : stryMutAct_9fa48("314") ? true : (stryCov_9fa48("314", "315", "316"), data.gitlab.protectedTags.some(stryMutAct_9fa48("317") ? () => undefined : (stryCov_9fa48("317"), t => stryMutAct_9fa48("320") ? t.projectId === project.id || t.name === name : stryMutAct_9fa48("319") ? false : stryMutAct_9fa48("318") ? true : (stryCov_9fa48("318", "319", "320"), (stryMutAct_9fa48("322") ? t.projectId !== project.id : stryMutAct_9fa48("321") ? true : (stryCov_9fa48("321", "322"), t.projectId === project.id)) && (stryMutAct_9fa48("324") ? t.name !== name : stryMutAct_9fa48("323") ? true : (stryCov_9fa48("323", "324"), t.name === name))))))) {
      if (stryMutAct_9fa48("325")) {
        {}
      } else {
        stryCov_9fa48("325");
        throw new ConflictError(stryMutAct_9fa48("326") ? `` : (stryCov_9fa48("326"), `Protected tag '${name}' already exists`));
      }
    }
    const tag: ProtectedTagRecord = stryMutAct_9fa48("327") ? {} : (stryCov_9fa48("327"), {
      projectId: project.id,
      name,
      createAccessLevels: stryMutAct_9fa48("328") ? [] : (stryCov_9fa48("328"), [accessLevelFrom(data, stryMutAct_9fa48("329") ? {} : (stryCov_9fa48("329"), {
        access_level: createAccessLevel
      })), ...allowedToCreate.map(stryMutAct_9fa48("330") ? () => undefined : (stryCov_9fa48("330"), item => accessLevelFrom(data, item)))])
    });
    data.gitlab.protectedTags.push(tag);
    return tag;
  }
}
export function unprotectTag(data: StoreData, tag: ProtectedTagRecord): void {
  if (stryMutAct_9fa48("331")) {
    {}
  } else {
    stryCov_9fa48("331");
    data.gitlab.protectedTags = stryMutAct_9fa48("332") ? data.gitlab.protectedTags : (stryCov_9fa48("332"), data.gitlab.protectedTags.filter(stryMutAct_9fa48("333") ? () => undefined : (stryCov_9fa48("333"), t => stryMutAct_9fa48("336") ? t === tag : stryMutAct_9fa48("335") ? false : stryMutAct_9fa48("334") ? true : (stryCov_9fa48("334", "335", "336"), t !== tag))));
  }
}
export function protectedEnvironmentsOf(data: StoreData, project: ProjectRecord): ProtectedEnvironmentRecord[] {
  if (stryMutAct_9fa48("337")) {
    {}
  } else {
    stryCov_9fa48("337");
    return stryMutAct_9fa48("338") ? data.gitlab.protectedEnvironments : (stryCov_9fa48("338"), data.gitlab.protectedEnvironments.filter(stryMutAct_9fa48("339") ? () => undefined : (stryCov_9fa48("339"), e => stryMutAct_9fa48("342") ? e.projectId !== project.id : stryMutAct_9fa48("341") ? false : stryMutAct_9fa48("340") ? true : (stryCov_9fa48("340", "341", "342"), e.projectId === project.id))));
  }
}
export function findProtectedEnvironment(data: StoreData, project: ProjectRecord, name: string): ProtectedEnvironmentRecord {
  if (stryMutAct_9fa48("343")) {
    {}
  } else {
    stryCov_9fa48("343");
    const found = data.gitlab.protectedEnvironments.find(stryMutAct_9fa48("344") ? () => undefined : (stryCov_9fa48("344"), e => stryMutAct_9fa48("347") ? e.projectId === project.id || e.name === name : stryMutAct_9fa48("346") ? false : stryMutAct_9fa48("345") ? true : (stryCov_9fa48("345", "346", "347"), (stryMutAct_9fa48("349") ? e.projectId !== project.id : stryMutAct_9fa48("348") ? true : (stryCov_9fa48("348", "349"), e.projectId === project.id)) && (stryMutAct_9fa48("351") ? e.name !== name : stryMutAct_9fa48("350") ? true : (stryCov_9fa48("350", "351"), e.name === name)))));
    if (stryMutAct_9fa48("354") ? false : stryMutAct_9fa48("353") ? true : stryMutAct_9fa48("352") ? found : (stryCov_9fa48("352", "353", "354"), !found)) throw new NotFoundError(stryMutAct_9fa48("355") ? "" : (stryCov_9fa48("355"), "Protected environment"));
    return found;
  }
}

/** Protects an environment (a Premium feature on GitLab; always available in the sandbox). */
export function protectEnvironment(data: StoreData, project: ProjectRecord, name: string, deployAccessLevels: AccessLevelInput[], approvalRules: AccessLevelInput[]): ProtectedEnvironmentRecord {
  if (stryMutAct_9fa48("356")) {
    {}
  } else {
    stryCov_9fa48("356");
    if (stryMutAct_9fa48("359") ? data.gitlab.protectedEnvironments.every(e => e.projectId === project.id && e.name === name) : stryMutAct_9fa48("358") ? false : stryMutAct_9fa48("357") ? true : (stryCov_9fa48("357", "358", "359"), data.gitlab.protectedEnvironments.some(stryMutAct_9fa48("360") ? () => undefined : (stryCov_9fa48("360"), e => stryMutAct_9fa48("363") ? e.projectId === project.id || e.name === name : stryMutAct_9fa48("362") ? false : stryMutAct_9fa48("361") ? true : (stryCov_9fa48("361", "362", "363"), (stryMutAct_9fa48("365") ? e.projectId !== project.id : stryMutAct_9fa48("364") ? true : (stryCov_9fa48("364", "365"), e.projectId === project.id)) && (stryMutAct_9fa48("367") ? e.name !== name : stryMutAct_9fa48("366") ? true : (stryCov_9fa48("366", "367"), e.name === name))))))) {
      if (stryMutAct_9fa48("368")) {
        {}
      } else {
        stryCov_9fa48("368");
        throw new ConflictError(stryMutAct_9fa48("369") ? `` : (stryCov_9fa48("369"), `Protected environment '${name}' already exists`));
      }
    }
    if (stryMutAct_9fa48("372") ? deployAccessLevels.length !== 0 : stryMutAct_9fa48("371") ? false : stryMutAct_9fa48("370") ? true : (stryCov_9fa48("370", "371", "372"), deployAccessLevels.length === 0)) throw new ValidationError(stryMutAct_9fa48("373") ? {} : (stryCov_9fa48("373"), {
      deploy_access_levels: stryMutAct_9fa48("374") ? [] : (stryCov_9fa48("374"), [stryMutAct_9fa48("375") ? "" : (stryCov_9fa48("375"), "is missing")])
    }));
    const environment: ProtectedEnvironmentRecord = stryMutAct_9fa48("376") ? {} : (stryCov_9fa48("376"), {
      projectId: project.id,
      name,
      deployAccessLevels: deployAccessLevels.map(stryMutAct_9fa48("377") ? () => undefined : (stryCov_9fa48("377"), item => accessLevelFrom(data, item))),
      approvalRules: approvalRules.map(stryMutAct_9fa48("378") ? () => undefined : (stryCov_9fa48("378"), item => accessLevelFrom(data, item)))
    });
    data.gitlab.protectedEnvironments.push(environment);
    return environment;
  }
}

/** Updates a protected environment's lists, all or nothing; it must keep at least one deploy access level. */
export function updateProtectedEnvironment(data: StoreData, environment: ProtectedEnvironmentRecord, deployAccessLevels: AccessLevelInput[], approvalRules: AccessLevelInput[]): ProtectedEnvironmentRecord {
  if (stryMutAct_9fa48("379")) {
    {}
  } else {
    stryCov_9fa48("379");
    const deploy = merge(data, environment.deployAccessLevels, deployAccessLevels);
    const rules = merge(data, environment.approvalRules, approvalRules);
    if (stryMutAct_9fa48("382") ? deploy.length !== 0 : stryMutAct_9fa48("381") ? false : stryMutAct_9fa48("380") ? true : (stryCov_9fa48("380", "381", "382"), deploy.length === 0)) throw new ValidationError(stryMutAct_9fa48("383") ? {} : (stryCov_9fa48("383"), {
      deploy_access_levels: stryMutAct_9fa48("384") ? [] : (stryCov_9fa48("384"), [stryMutAct_9fa48("385") ? "" : (stryCov_9fa48("385"), "is missing")])
    }));
    environment.deployAccessLevels = deploy;
    environment.approvalRules = rules;
    return environment;
  }
}
export function unprotectEnvironment(data: StoreData, environment: ProtectedEnvironmentRecord): void {
  if (stryMutAct_9fa48("386")) {
    {}
  } else {
    stryCov_9fa48("386");
    data.gitlab.protectedEnvironments = stryMutAct_9fa48("387") ? data.gitlab.protectedEnvironments : (stryCov_9fa48("387"), data.gitlab.protectedEnvironments.filter(stryMutAct_9fa48("388") ? () => undefined : (stryCov_9fa48("388"), e => stryMutAct_9fa48("391") ? e === environment : stryMutAct_9fa48("390") ? false : stryMutAct_9fa48("389") ? true : (stryCov_9fa48("389", "390", "391"), e !== environment))));
  }
}