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
import { GITLAB_PATTERNS } from "./catalog";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import type { ProjectRecord, VariableRecord } from "./records";

/** What a create or update may set. */
export interface VariableInput {
  key: string;
  value: string;
  variableType?: "env_var" | "file";
  protected?: boolean;
  masked?: boolean;
  /** `masked_and_hidden`: hidden implies masked, and the value is never shown again. */
  hidden?: boolean;
  raw?: boolean;
  environmentScope?: string;
  description?: string | null;
}
function validate(variable: VariableRecord): void {
  if (stryMutAct_9fa48("459")) {
    {}
  } else {
    stryCov_9fa48("459");
    const errors: Record<string, string[]> = {};
    if (stryMutAct_9fa48("462") ? false : stryMutAct_9fa48("461") ? true : stryMutAct_9fa48("460") ? GITLAB_PATTERNS.variableKey.test(variable.key) : (stryCov_9fa48("460", "461", "462"), !GITLAB_PATTERNS.variableKey.test(variable.key))) errors.key = stryMutAct_9fa48("463") ? [] : (stryCov_9fa48("463"), [stryMutAct_9fa48("464") ? "" : (stryCov_9fa48("464"), "can contain only letters, digits and '_'.")]);
    if (stryMutAct_9fa48("467") ? variable.masked || !(variable.raw ? GITLAB_PATTERNS.maskedRawValue : GITLAB_PATTERNS.maskedValue).test(variable.value) : stryMutAct_9fa48("466") ? false : stryMutAct_9fa48("465") ? true : (stryCov_9fa48("465", "466", "467"), variable.masked && (stryMutAct_9fa48("468") ? (variable.raw ? GITLAB_PATTERNS.maskedRawValue : GITLAB_PATTERNS.maskedValue).test(variable.value) : (stryCov_9fa48("468"), !(variable.raw ? GITLAB_PATTERNS.maskedRawValue : GITLAB_PATTERNS.maskedValue).test(variable.value))))) errors.value = stryMutAct_9fa48("469") ? [] : (stryCov_9fa48("469"), [stryMutAct_9fa48("470") ? "" : (stryCov_9fa48("470"), "is invalid")]);
    if (stryMutAct_9fa48("473") ? variable.environmentScope !== "" : stryMutAct_9fa48("472") ? false : stryMutAct_9fa48("471") ? true : (stryCov_9fa48("471", "472", "473"), variable.environmentScope === (stryMutAct_9fa48("474") ? "Stryker was here!" : (stryCov_9fa48("474"), "")))) errors.environment_scope = stryMutAct_9fa48("475") ? [] : (stryCov_9fa48("475"), [stryMutAct_9fa48("476") ? "" : (stryCov_9fa48("476"), "can't be blank")]);
    if (stryMutAct_9fa48("478") ? false : stryMutAct_9fa48("477") ? true : (stryCov_9fa48("477", "478"), Object.keys(errors).length)) throw new ValidationError(errors);
  }
}
function checkUnique(data: StoreData, variable: VariableRecord, except?: VariableRecord): void {
  if (stryMutAct_9fa48("479")) {
    {}
  } else {
    stryCov_9fa48("479");
    const clash = stryMutAct_9fa48("480") ? data.gitlab.variables.every(v => v !== except && v.projectId === variable.projectId && v.key === variable.key && v.environmentScope === variable.environmentScope) : (stryCov_9fa48("480"), data.gitlab.variables.some(stryMutAct_9fa48("481") ? () => undefined : (stryCov_9fa48("481"), v => stryMutAct_9fa48("484") ? v !== except && v.projectId === variable.projectId && v.key === variable.key || v.environmentScope === variable.environmentScope : stryMutAct_9fa48("483") ? false : stryMutAct_9fa48("482") ? true : (stryCov_9fa48("482", "483", "484"), (stryMutAct_9fa48("486") ? v !== except && v.projectId === variable.projectId || v.key === variable.key : stryMutAct_9fa48("485") ? true : (stryCov_9fa48("485", "486"), (stryMutAct_9fa48("488") ? v !== except || v.projectId === variable.projectId : stryMutAct_9fa48("487") ? true : (stryCov_9fa48("487", "488"), (stryMutAct_9fa48("490") ? v === except : stryMutAct_9fa48("489") ? true : (stryCov_9fa48("489", "490"), v !== except)) && (stryMutAct_9fa48("492") ? v.projectId !== variable.projectId : stryMutAct_9fa48("491") ? true : (stryCov_9fa48("491", "492"), v.projectId === variable.projectId)))) && (stryMutAct_9fa48("494") ? v.key !== variable.key : stryMutAct_9fa48("493") ? true : (stryCov_9fa48("493", "494"), v.key === variable.key)))) && (stryMutAct_9fa48("496") ? v.environmentScope !== variable.environmentScope : stryMutAct_9fa48("495") ? true : (stryCov_9fa48("495", "496"), v.environmentScope === variable.environmentScope))))));
    if (stryMutAct_9fa48("498") ? false : stryMutAct_9fa48("497") ? true : (stryCov_9fa48("497", "498"), clash)) throw new ValidationError(stryMutAct_9fa48("499") ? {} : (stryCov_9fa48("499"), {
      key: stryMutAct_9fa48("500") ? [] : (stryCov_9fa48("500"), [stryMutAct_9fa48("501") ? `` : (stryCov_9fa48("501"), `(${variable.key}) has already been taken`)])
    }));
  }
}
export function variablesOf(data: StoreData, project: ProjectRecord): VariableRecord[] {
  if (stryMutAct_9fa48("502")) {
    {}
  } else {
    stryCov_9fa48("502");
    return stryMutAct_9fa48("503") ? data.gitlab.variables : (stryCov_9fa48("503"), data.gitlab.variables.filter(stryMutAct_9fa48("504") ? () => undefined : (stryCov_9fa48("504"), v => stryMutAct_9fa48("507") ? v.projectId !== project.id : stryMutAct_9fa48("506") ? false : stryMutAct_9fa48("505") ? true : (stryCov_9fa48("505", "506", "507"), v.projectId === project.id))));
  }
}

/**
 * Finds the one variable a GET/PUT/DELETE addresses. Without a scope filter, a key defined in several scopes is
 * ambiguous and GitLab answers 409 (`find_variable` in `variables_helpers.rb`).
 */
export function findVariable(data: StoreData, project: ProjectRecord, key: string, scope?: string): VariableRecord {
  if (stryMutAct_9fa48("508")) {
    {}
  } else {
    stryCov_9fa48("508");
    const matches = stryMutAct_9fa48("509") ? data.gitlab.variables : (stryCov_9fa48("509"), data.gitlab.variables.filter(stryMutAct_9fa48("510") ? () => undefined : (stryCov_9fa48("510"), v => stryMutAct_9fa48("513") ? v.projectId === project.id && v.key === key || scope === undefined || v.environmentScope === scope : stryMutAct_9fa48("512") ? false : stryMutAct_9fa48("511") ? true : (stryCov_9fa48("511", "512", "513"), (stryMutAct_9fa48("515") ? v.projectId === project.id || v.key === key : stryMutAct_9fa48("514") ? true : (stryCov_9fa48("514", "515"), (stryMutAct_9fa48("517") ? v.projectId !== project.id : stryMutAct_9fa48("516") ? true : (stryCov_9fa48("516", "517"), v.projectId === project.id)) && (stryMutAct_9fa48("519") ? v.key !== key : stryMutAct_9fa48("518") ? true : (stryCov_9fa48("518", "519"), v.key === key)))) && (stryMutAct_9fa48("521") ? scope === undefined && v.environmentScope === scope : stryMutAct_9fa48("520") ? true : (stryCov_9fa48("520", "521"), (stryMutAct_9fa48("523") ? scope !== undefined : stryMutAct_9fa48("522") ? false : (stryCov_9fa48("522", "523"), scope === undefined)) || (stryMutAct_9fa48("525") ? v.environmentScope !== scope : stryMutAct_9fa48("524") ? false : (stryCov_9fa48("524", "525"), v.environmentScope === scope))))))));
    if (stryMutAct_9fa48("528") ? matches.length !== 0 : stryMutAct_9fa48("527") ? false : stryMutAct_9fa48("526") ? true : (stryCov_9fa48("526", "527", "528"), matches.length === 0)) throw new NotFoundError(stryMutAct_9fa48("529") ? "" : (stryCov_9fa48("529"), "Variable"));
    if (stryMutAct_9fa48("533") ? matches.length <= 1 : stryMutAct_9fa48("532") ? matches.length >= 1 : stryMutAct_9fa48("531") ? false : stryMutAct_9fa48("530") ? true : (stryCov_9fa48("530", "531", "532", "533"), matches.length > 1)) {
      if (stryMutAct_9fa48("534")) {
        {}
      } else {
        stryCov_9fa48("534");
        throw new ConflictError(stryMutAct_9fa48("535") ? "" : (stryCov_9fa48("535"), "There are multiple variables with provided parameters. Please use 'filter[environment_scope]'"));
      }
    }
    return matches[0];
  }
}
export function createVariable(data: StoreData, project: ProjectRecord, input: VariableInput): VariableRecord {
  if (stryMutAct_9fa48("536")) {
    {}
  } else {
    stryCov_9fa48("536");
    const hidden = stryMutAct_9fa48("537") ? input.hidden && false : (stryCov_9fa48("537"), input.hidden ?? (stryMutAct_9fa48("538") ? true : (stryCov_9fa48("538"), false)));
    const variable: VariableRecord = stryMutAct_9fa48("539") ? {} : (stryCov_9fa48("539"), {
      projectId: project.id,
      key: input.key,
      value: input.value,
      variableType: stryMutAct_9fa48("540") ? input.variableType && "env_var" : (stryCov_9fa48("540"), input.variableType ?? (stryMutAct_9fa48("541") ? "" : (stryCov_9fa48("541"), "env_var"))),
      protected: stryMutAct_9fa48("542") ? input.protected && false : (stryCov_9fa48("542"), input.protected ?? (stryMutAct_9fa48("543") ? true : (stryCov_9fa48("543"), false))),
      masked: stryMutAct_9fa48("546") ? hidden && (input.masked ?? false) : stryMutAct_9fa48("545") ? false : stryMutAct_9fa48("544") ? true : (stryCov_9fa48("544", "545", "546"), hidden || (stryMutAct_9fa48("547") ? input.masked && false : (stryCov_9fa48("547"), input.masked ?? (stryMutAct_9fa48("548") ? true : (stryCov_9fa48("548"), false))))),
      hidden,
      raw: stryMutAct_9fa48("549") ? input.raw && false : (stryCov_9fa48("549"), input.raw ?? (stryMutAct_9fa48("550") ? true : (stryCov_9fa48("550"), false))),
      environmentScope: stryMutAct_9fa48("551") ? input.environmentScope && "*" : (stryCov_9fa48("551"), input.environmentScope ?? (stryMutAct_9fa48("552") ? "" : (stryCov_9fa48("552"), "*"))),
      description: stryMutAct_9fa48("555") ? input.description && null : stryMutAct_9fa48("554") ? false : stryMutAct_9fa48("553") ? true : (stryCov_9fa48("553", "554", "555"), input.description || null)
    });
    validate(variable);
    checkUnique(data, variable);
    data.gitlab.variables.push(variable);
    return variable;
  }
}

/** Updates a variable, all or nothing; a hidden variable stays masked. */
export function updateVariable(data: StoreData, variable: VariableRecord, input: Partial<VariableInput>) {
  if (stryMutAct_9fa48("556")) {
    {}
  } else {
    stryCov_9fa48("556");
    const masked = stryMutAct_9fa48("557") ? input.masked && variable.masked : (stryCov_9fa48("557"), input.masked ?? variable.masked);
    if (stryMutAct_9fa48("560") ? variable.hidden || !masked : stryMutAct_9fa48("559") ? false : stryMutAct_9fa48("558") ? true : (stryCov_9fa48("558", "559", "560"), variable.hidden && (stryMutAct_9fa48("561") ? masked : (stryCov_9fa48("561"), !masked)))) throw new ValidationError(stryMutAct_9fa48("562") ? {} : (stryCov_9fa48("562"), {
      masked: stryMutAct_9fa48("563") ? [] : (stryCov_9fa48("563"), [stryMutAct_9fa48("564") ? "" : (stryCov_9fa48("564"), "cannot be unmasked for a hidden variable")])
    }));
    const updated: VariableRecord = stryMutAct_9fa48("565") ? {} : (stryCov_9fa48("565"), {
      ...variable,
      value: stryMutAct_9fa48("566") ? input.value && variable.value : (stryCov_9fa48("566"), input.value ?? variable.value),
      variableType: stryMutAct_9fa48("567") ? input.variableType && variable.variableType : (stryCov_9fa48("567"), input.variableType ?? variable.variableType),
      protected: stryMutAct_9fa48("568") ? input.protected && variable.protected : (stryCov_9fa48("568"), input.protected ?? variable.protected),
      masked,
      raw: stryMutAct_9fa48("569") ? input.raw && variable.raw : (stryCov_9fa48("569"), input.raw ?? variable.raw),
      environmentScope: stryMutAct_9fa48("570") ? input.environmentScope && variable.environmentScope : (stryCov_9fa48("570"), input.environmentScope ?? variable.environmentScope),
      description: (stryMutAct_9fa48("573") ? input.description !== undefined : stryMutAct_9fa48("572") ? false : stryMutAct_9fa48("571") ? true : (stryCov_9fa48("571", "572", "573"), input.description === undefined)) ? variable.description : stryMutAct_9fa48("576") ? input.description && null : stryMutAct_9fa48("575") ? false : stryMutAct_9fa48("574") ? true : (stryCov_9fa48("574", "575", "576"), input.description || null)
    });
    validate(updated);
    checkUnique(data, updated, variable);
    return Object.assign(variable, updated);
  }
}
export function deleteVariable(data: StoreData, variable: VariableRecord): void {
  if (stryMutAct_9fa48("577")) {
    {}
  } else {
    stryCov_9fa48("577");
    data.gitlab.variables = stryMutAct_9fa48("578") ? data.gitlab.variables : (stryCov_9fa48("578"), data.gitlab.variables.filter(stryMutAct_9fa48("579") ? () => undefined : (stryCov_9fa48("579"), v => stryMutAct_9fa48("582") ? v === variable : stryMutAct_9fa48("581") ? false : stryMutAct_9fa48("580") ? true : (stryCov_9fa48("580", "581", "582"), v !== variable))));
  }
}