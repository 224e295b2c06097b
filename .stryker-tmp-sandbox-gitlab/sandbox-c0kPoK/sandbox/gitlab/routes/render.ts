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
import { ACCESS_LEVEL_DESCRIPTIONS } from "../models/protected";
import type { AccessLevelRecord, EnvironmentRecord, ProjectRecord, ProtectedEnvironmentRecord, ProtectedTagRecord, VariableRecord } from "../models/records";

/** Records as GitLab's REST API renders them (the fields the GitLab provider reads, and their neighbours). */

/** The project as `GET /projects/:id` renders it; `namespace` is required (the provider dereferences its id). */
export function renderProject(project: ProjectRecord, baseUrl: string) {
  if (stryMutAct_9fa48("757")) {
    {}
  } else {
    stryCov_9fa48("757");
    const fullPath = stryMutAct_9fa48("758") ? `` : (stryCov_9fa48("758"), `${project.namespacePath}/${project.path}`);
    const namespaceName = stryMutAct_9fa48("759") ? project.namespacePath.split("/").pop() && project.namespacePath : (stryCov_9fa48("759"), project.namespacePath.split(stryMutAct_9fa48("760") ? "" : (stryCov_9fa48("760"), "/")).pop() ?? project.namespacePath);
    return stryMutAct_9fa48("761") ? {} : (stryCov_9fa48("761"), {
      id: project.id,
      name: project.path,
      path: project.path,
      name_with_namespace: stryMutAct_9fa48("762") ? `` : (stryCov_9fa48("762"), `${namespaceName} / ${project.path}`),
      path_with_namespace: fullPath,
      description: stryMutAct_9fa48("763") ? "Stryker was here!" : (stryCov_9fa48("763"), ""),
      default_branch: stryMutAct_9fa48("764") ? "" : (stryCov_9fa48("764"), "main"),
      visibility: stryMutAct_9fa48("765") ? "" : (stryCov_9fa48("765"), "private"),
      web_url: stryMutAct_9fa48("766") ? `` : (stryCov_9fa48("766"), `${baseUrl}/${fullPath}`),
      http_url_to_repo: stryMutAct_9fa48("767") ? `` : (stryCov_9fa48("767"), `${baseUrl}/${fullPath}.git`),
      ssh_url_to_repo: stryMutAct_9fa48("768") ? `` : (stryCov_9fa48("768"), `git@127.0.0.1:${fullPath}.git`),
      archived: stryMutAct_9fa48("769") ? true : (stryCov_9fa48("769"), false),
      empty_repo: stryMutAct_9fa48("770") ? true : (stryCov_9fa48("770"), false),
      topics: stryMutAct_9fa48("771") ? ["Stryker was here"] : (stryCov_9fa48("771"), []),
      created_at: project.createdAt,
      last_activity_at: project.createdAt,
      namespace: stryMutAct_9fa48("772") ? {} : (stryCov_9fa48("772"), {
        id: project.namespaceId,
        name: namespaceName,
        path: namespaceName,
        kind: stryMutAct_9fa48("773") ? "" : (stryCov_9fa48("773"), "group"),
        full_path: project.namespacePath,
        web_url: stryMutAct_9fa48("774") ? `` : (stryCov_9fa48("774"), `${baseUrl}/groups/${project.namespacePath}`)
      }),
      builds_access_level: stryMutAct_9fa48("775") ? "" : (stryCov_9fa48("775"), "enabled"),
      environments_access_level: stryMutAct_9fa48("776") ? "" : (stryCov_9fa48("776"), "enabled"),
      public_jobs: stryMutAct_9fa48("777") ? true : (stryCov_9fa48("777"), false),
      shared_with_groups: stryMutAct_9fa48("778") ? ["Stryker was here"] : (stryCov_9fa48("778"), []),
      ci_config_path: null
    });
  }
}

/** The variable; a hidden variable never shows its value. */
export function renderVariable(variable: VariableRecord) {
  if (stryMutAct_9fa48("779")) {
    {}
  } else {
    stryCov_9fa48("779");
    return stryMutAct_9fa48("780") ? {} : (stryCov_9fa48("780"), {
      variable_type: variable.variableType,
      key: variable.key,
      value: variable.hidden ? null : variable.value,
      protected: variable.protected,
      masked: variable.masked,
      hidden: variable.hidden,
      raw: variable.raw,
      environment_scope: variable.environmentScope,
      description: variable.description
    });
  }
}

/** The environment; `created_at`/`updated_at` are required (the provider dereferences them). */
export function renderEnvironment(environment: EnvironmentRecord) {
  if (stryMutAct_9fa48("781")) {
    {}
  } else {
    stryCov_9fa48("781");
    return stryMutAct_9fa48("782") ? {} : (stryCov_9fa48("782"), {
      id: environment.id,
      name: environment.name,
      slug: environment.slug,
      description: environment.description,
      external_url: environment.externalUrl,
      state: environment.state,
      tier: environment.tier,
      created_at: environment.createdAt,
      updated_at: environment.updatedAt,
      auto_stop_at: null,
      auto_stop_setting: environment.autoStopSetting,
      kubernetes_namespace: environment.kubernetesNamespace,
      flux_resource_path: environment.fluxResourcePath,
      cluster_agent: (stryMutAct_9fa48("785") ? environment.clusterAgentId !== null : stryMutAct_9fa48("784") ? false : stryMutAct_9fa48("783") ? true : (stryCov_9fa48("783", "784", "785"), environment.clusterAgentId === null)) ? null : stryMutAct_9fa48("786") ? {} : (stryCov_9fa48("786"), {
        id: environment.clusterAgentId
      })
    });
  }
}
export function renderAccessLevel(entry: AccessLevelRecord) {
  if (stryMutAct_9fa48("787")) {
    {}
  } else {
    stryCov_9fa48("787");
    const description = (stryMutAct_9fa48("790") ? entry.accessLevel === null : stryMutAct_9fa48("789") ? false : stryMutAct_9fa48("788") ? true : (stryCov_9fa48("788", "789", "790"), entry.accessLevel !== null)) ? ACCESS_LEVEL_DESCRIPTIONS[entry.accessLevel] : (stryMutAct_9fa48("793") ? entry.userId === null : stryMutAct_9fa48("792") ? false : stryMutAct_9fa48("791") ? true : (stryCov_9fa48("791", "792", "793"), entry.userId !== null)) ? stryMutAct_9fa48("794") ? `` : (stryCov_9fa48("794"), `User ${entry.userId}`) : stryMutAct_9fa48("795") ? `` : (stryCov_9fa48("795"), `Group ${entry.groupId}`);
    return stryMutAct_9fa48("796") ? {} : (stryCov_9fa48("796"), {
      id: entry.id,
      access_level: entry.accessLevel,
      access_level_description: description,
      user_id: entry.userId,
      group_id: entry.groupId,
      group_inheritance_type: entry.groupInheritanceType,
      ...((stryMutAct_9fa48("799") ? entry.requiredApprovals === undefined : stryMutAct_9fa48("798") ? false : stryMutAct_9fa48("797") ? true : (stryCov_9fa48("797", "798", "799"), entry.requiredApprovals !== undefined)) ? stryMutAct_9fa48("800") ? {} : (stryCov_9fa48("800"), {
        required_approvals: entry.requiredApprovals
      }) : {})
    });
  }
}
export function renderProtectedTag(tag: ProtectedTagRecord) {
  if (stryMutAct_9fa48("801")) {
    {}
  } else {
    stryCov_9fa48("801");
    return stryMutAct_9fa48("802") ? {} : (stryCov_9fa48("802"), {
      name: tag.name,
      create_access_levels: tag.createAccessLevels.map(renderAccessLevel)
    });
  }
}
export function renderProtectedEnvironment(environment: ProtectedEnvironmentRecord) {
  if (stryMutAct_9fa48("803")) {
    {}
  } else {
    stryCov_9fa48("803");
    return stryMutAct_9fa48("804") ? {} : (stryCov_9fa48("804"), {
      name: environment.name,
      deploy_access_levels: environment.deployAccessLevels.map(renderAccessLevel),
      required_approval_count: 0,
      approval_rules: environment.approvalRules.map(stryMutAct_9fa48("805") ? () => undefined : (stryCov_9fa48("805"), rule => stryMutAct_9fa48("806") ? {} : (stryCov_9fa48("806"), {
        ...renderAccessLevel(rule),
        required_approvals: stryMutAct_9fa48("807") ? rule.requiredApprovals && 1 : (stryCov_9fa48("807"), rule.requiredApprovals ?? 1)
      })))
    });
  }
}